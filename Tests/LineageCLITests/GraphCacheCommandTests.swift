import Foundation
import LineageTestSupport
import Testing

/// The graph cache beside a store, as the binary uses it: every command that commits makes the next
/// load rebuild it, so answers never lag the store.
@Suite("graph cache through the binary", .serialized)
struct GraphCacheCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    static func line(_ id: String, parent: String? = nil) -> String {
        let base = parent.map { #"{"relation":"finetune","models":[{"_id":"x","id":"\#($0)"}]}"# } ?? "null"
        return #"{"id":"\#(id)","createdAt":"2024-01-01T00:00:00","lastModified":"2024-01-01T00:00:00","downloads":5,"tags":[],"baseModels":\#(base)}"#
    }

    @Test func ingestAndRegistryChangesReachTheNextCommand() throws {
        let store = home.file("s.sqlite"), cache = home.file("s.sqlite.graph-cache")
        let a = home.write("a.jsonl", Self.line("acme/root") + "\n" + Self.line("acme/tune", parent: "acme/root") + "\n")
        #expect(try cli.run(["ingest", a, "--store", store, "--quiet"]).status == 0)
        let first = try cli.run(["descendants", "acme/root", "--store", store, "--format", "csv"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("acme/tune") && !first.stdout.contains("other/new"))
        #expect(FileManager.default.fileExists(atPath: cache))
        // Served from the cache: same answer.
        #expect(try cli.run(["descendants", "acme/root", "--store", store, "--format", "csv"]).stdout == first.stdout)

        let b = home.write("b.jsonl", Self.line("other/new", parent: "acme/tune") + "\n")
        #expect(try cli.run(["ingest", b, "--store", store, "--quiet"]).status == 0)
        let second = try cli.run(["descendants", "acme/root", "--store", store, "--format", "csv"])
        #expect(second.stdout.contains("acme/tune") && second.stdout.contains("other/new"))

        let before = try Data(contentsOf: URL(fileURLWithPath: cache))
        let add = try cli.run(["registry", "add", "other", "--country", "US", "--kind", "startup", "--store", store])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try cli.run(["descendants", "acme/root", "--store", store, "--format", "csv"]).stdout == second.stdout)
        // The cache was rebuilt for the new store identity (same graph, new header).
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) != before)

        // A damaged cache is ignored.
        try Data(before.prefix(before.count / 3)).write(to: URL(fileURLWithPath: cache))
        #expect(try cli.run(["descendants", "acme/root", "--store", store, "--format", "csv"]).stdout == second.stdout)
    }
}
