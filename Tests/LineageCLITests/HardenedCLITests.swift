import Foundation
import GRDB
import LineageTestSupport
import Testing

/// Issue 12's defects as a user met them, through the binary: the trap on huge counts, terminal control
/// from a question, huge echoes, unclear messages, and empty files.
@Suite("Hardened binary", .serialized)
struct HardenedCLITests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    static func line(_ id: String, downloads: String = "10", parent: String? = nil) -> String {
        let base = parent.map { #"{"relation": "finetune", "models": [{"id": "\#($0)"}]}"# } ?? "null"
        return #"{"id": "\#(id)", "downloads": \#(downloads), "lastModified": "2025-01-01T00:00:00Z", "baseModels": \#(base)}"#
    }

    /// `ask`, `downstream` and `registry coverage` stopped with "arithmetic overflow" (exit 132) on a store
    /// holding Int64.max downloads, as stores written before counts were checked do.
    @Test func aStoreWithInt64MaxDownloadsIsAnsweredWithoutATrap() throws {
        let store = home.file("s.sqlite")
        let file = home.write("m.jsonl", [
            Self.line("Qwen/Qwen2.5-7B"), Self.line("acme/tune", parent: "Qwen/Qwen2.5-7B"),
            Self.line("acme/tune-2", parent: "acme/tune"), Self.line("other/tune", parent: "Qwen/Qwen2.5-7B"),
        ].joined(separator: "\n") + "\n")
        #expect(try cli.run(["ingest", file, "--store", store, "--quiet"]).status == 0)
        try DatabaseQueue(path: store).write { try $0.execute(sql: "UPDATE model SET downloads = 9223372036854775807, downloads_all_time = 9223372036854775807") }
        for arguments in [["ask", "which organizations derive from Qwen"], ["downstream", "qwen"], ["registry", "coverage"],
                          ["descendants", "qwen"], ["reach"], ["render", "qwen", "-o", home.file("q.dot")]] {
            let result = try cli.run(arguments + ["--store", store])
            #expect(!result.killedBySignal && result.status == 0, "\(arguments): \(result.status) \(result.stderr)")
        }
        let huge = home.write("huge.jsonl", Self.line("a/b", downloads: "1e20") + "\n")
        let refused = try cli.run(["ingest", huge, "--store", store])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(#"huge.jsonl:1: "downloads" must be a count from 0 to 2^53, found "1e20""#))
    }

    @Test func aQuestionCannotDriveTheTerminal() throws {
        let result = try cli.run(["ask", "which \u{1B}]0;owned\u{07} projects derive\nfrom \u{1B}[2JQwen"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(result.stderr.contains(#""\u{1B}]0;owned\u{7}""#), "\(result.stderr)")
    }

    @Test func hugeInputIsNotEchoedWhole() throws {
        let id = String(repeating: "s", count: 2_000_000)
        let file = home.write("spaces.jsonl", #"{"sdk": "gradio", "id": "\#(id)", "models": []}"# + "\n")
        let result = try cli.run(["ingest", file, "--store", home.file("s.sqlite")])
        #expect(result.status != 0)
        #expect(result.stderr.utf8.count < 400, "\(result.stderr.utf8.count) bytes on standard error")
        #expect(result.stderr.contains("(2,000,000 bytes)"), "\(result.stderr)")
        // A model id as long (the format detection sees only its first 64 KB) is no Hub id either.
        let model = home.write("models.jsonl", #"{"id": "\#(id)"}"# + "\n")
        let long = try cli.run(["ingest", model, "--store", home.file("s.sqlite")])
        #expect(long.status != 0 && long.stderr.contains("too long for a Hub id") && long.stderr.utf8.count < 400, "\(long.stderr)")
    }

    @Test func unclearMessagesNowSayWhatIsWrong() throws {
        let store = home.file("s.sqlite")
        let render = try cli.run(["render", "qwen", "-o", home.file("x.svg"), "--max-nodes", "-1"])
        #expect(render.status != 0 && render.stderr.contains("--max-nodes must be 1 or more"), "\(render.stderr)")
        #expect(!render.stderr.contains("Missing value"))
        let spdx = home.write("sbom.json", #"{"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "app", "packages": []}"#)
        let sbom = try cli.run(["ingest", spdx, "--store", store])
        #expect(sbom.status != 0 && sbom.stderr.contains("SPDX") && !sbom.stderr.contains("\"id\""), "\(sbom.stderr)")
        let number = home.write("n.jsonl", #"{"id": "a/b", "likes": 1e309}"# + "\n")
        #expect(try cli.run(["ingest", number, "--store", store]).stderr.contains(#"n.jsonl:1: "likes" is out of range: "1e309""#))
    }

    /// The README says empty files are handled: an empty input is skipped with a note and exit 0.
    @Test func anEmptyFileIsHandled() throws {
        let empty = home.write("empty.jsonl", "")
        let result = try cli.run(["ingest", empty, "--store", home.file("s.sqlite")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("empty.jsonl: empty; nothing to ingest"))
    }
}
