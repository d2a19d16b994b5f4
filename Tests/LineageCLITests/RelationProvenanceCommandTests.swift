import Foundation
import LineageTestSupport
import Testing

/// Inferred relations as users meet them: `lineage stats` splits declared from inferred, and
/// `--declared-only` (and `via declared` in a question) leaves inferred edges out.
@Suite("relation provenance in commands", .serialized)
struct RelationProvenanceCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    /// org/Base ← org/Tune (declared finetune) ← org/Tune-GGUF (plain tag: inferred quantized)
    /// org/Base ← org/Lora (library peft: inferred adapter); org/Base ← org/Plain (no evidence: inferred finetune)
    func store() throws -> String {
        let lines = [
            #"{"id": "org/Base", "downloads": 10}"#,
            #"{"id": "org/Tune", "tags": ["base_model:finetune:org/Base"]}"#,
            #"{"id": "org/Tune-GGUF", "tags": ["base_model:org/Tune", "gguf"]}"#,
            #"{"id": "org/Lora", "tags": ["base_model:org/Base"], "library_name": "peft"}"#,
            #"{"id": "org/Plain", "cardData": {"base_model": "org/Base"}}"#,
        ]
        let file = home.write("hub.jsonl", lines.joined(separator: "\n") + "\n")
        let path = home.file("p.sqlite")
        let ingest = try cli.run(["ingest", file, "--store", path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return path
    }

    @Test func statsSplitsDeclaredAndInferred() throws {
        let path = try store()
        let text = try cli.run(["stats", "--store", path]).stdout
        #expect(text.contains("Lineage edges         4  (1 declared, 3 inferred)"))
        #expect(text.contains("  finetune            2  (1 declared, 1 inferred)"))
        #expect(text.contains("  adapter             1  (0 declared, 1 inferred)"))
        #expect(text.contains("  quantized           1  (0 declared, 1 inferred)"))
        let json = try cli.run(["stats", "--store", path, "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["declaredEdgesByRelation"] as? [String: Int] == ["finetune": 1])
        #expect(object["inferredEdgesByRelation"] as? [String: Int] == ["finetune": 1, "adapter": 1, "quantized": 1])
        #expect(object["edgesByProvenance"] as? [String: [String: Int]] == [
            "declared": ["finetune": 1], "inferred:quantized-tag": ["quantized": 1],
            "inferred:peft-library": ["adapter": 1], "inferred:default-finetune": ["finetune": 1],
        ])
    }

    @Test func statsOfADeclaredOnlyStoreIsUnchanged() throws {
        let file = home.write("typed.jsonl", #"{"id": "org/A"}"# + "\n" + #"{"id": "org/B", "tags": ["base_model:merge:org/A"]}"# + "\n")
        let path = home.file("typed.sqlite")
        _ = try cli.run(["ingest", file, "--store", path])
        let text = try cli.run(["stats", "--store", path]).stdout
        #expect(text.contains("Lineage edges         1\n"))
        #expect(text.contains("  merge               1\n"))
        #expect(!text.contains("declared"))
    }

    @Test func declaredOnlyIgnoresInferredEdges() throws {
        let path = try store()
        let all = try cli.run(["descendants", "org/Base", "--store", path, "--format", "csv"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("org/Tune-GGUF") && all.stdout.contains("org/Lora") && all.stdout.contains("org/Plain"))
        let declared = try cli.run(["descendants", "org/Base", "--store", path, "--format", "csv", "--declared-only"])
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout.contains("org/Tune"))
        for inferred in ["org/Tune-GGUF", "org/Lora", "org/Plain"] { #expect(!declared.stdout.contains(inferred), "\(inferred)") }
        // With --relation: quantized edges exist only by inference.
        let quantized = try cli.run(["descendants", "org/Tune", "--store", path, "--relation", "quantized", "--format", "csv"])
        #expect(quantized.stdout.contains("org/Tune-GGUF"))
        let none = try cli.run(["descendants", "org/Tune", "--store", path, "--relation", "quantized", "--declared-only", "--format", "csv"])
        #expect(!none.stdout.contains("org/Tune-GGUF"))
        // The same in question words.
        let asked = try cli.run(["ask", "which models derive from org/Base via declared finetune", "--store", path, "--format", "csv"])
        #expect(asked.status == 0, "\(asked.stderr)")
        let askedAll = try cli.run(["ask", "which models derive from org/Base via finetune", "--store", path, "--format", "csv"])
        #expect(askedAll.stdout != asked.stdout)
        // Re-upload links (a parentless copy named like a family root) are inferred edges too.
        let reupload = home.write("reupload.jsonl", #"{"id": "Qwen/Qwen2.5-7B"}"# + "\n" + #"{"id": "someone/Qwen2.5-7B-GGUF"}"# + "\n")
        let reuploadStore = home.file("r.sqlite")
        _ = try cli.run(["ingest", reupload, "--store", reuploadStore])
        let linked = try cli.run(["descendants", "Qwen/Qwen2.5-7B", "--store", reuploadStore, "--format", "csv"])
        #expect(linked.stdout.contains("someone/Qwen2.5-7B-GGUF"))
        let unlinked = try cli.run(["descendants", "Qwen/Qwen2.5-7B", "--store", reuploadStore, "--format", "csv", "--declared-only"])
        #expect(unlinked.status == 0, "\(unlinked.stderr)")
        #expect(!unlinked.stdout.contains("someone/Qwen2.5-7B-GGUF"))
        let help = try cli.run(["descendants", "--help"]).stdout
        #expect(help.contains("--declared-only"))
    }
}
