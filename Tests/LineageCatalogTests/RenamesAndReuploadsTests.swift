import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("Renamed ids and re-uploads")
struct RenamesAndReuploadsTests {
    let directory = TemporaryDirectory()

    /// Ingests `lines` (one file per element) into a fresh store and returns queries over it.
    func queries(_ files: [[String]], catalog: FamilyCatalog? = nil) throws -> (LineageQueries, [IngestResult], LineageStore) {
        let store = try LineageStore.openOrCreate(path: directory.file("s.sqlite"))
        var results: [IngestResult] = []
        for (i, lines) in files.enumerated() {
            let file = directory.write("in\(i).jsonl", lines.joined(separator: "\n") + "\n")
            results.append(try Ingestor().ingest(paths: [file], into: store))
        }
        return (LineageQueries(loaded: try LoadedGraph(store: store), catalog: try catalog ?? FamilyCatalog.load()), results, store)
    }

    @Test func legacyParentsJoinTheirRenamedModel() throws {
        // Children name both spellings of GPT-2 and of an id with a single twin; one file names the legacy
        // id before the canonical record exists, the next adds the record.
        let (q, results, _) = try queries([
            [
                hubLine("alice/gpt2-poems", parents: ["gpt2"], tags: ["base_model:gpt2"]),
                hubLine("bob/tiny-x-ft", tags: ["base_model:tiny-x"]),
                hubLine("someone/tiny-x"),
            ],
            [
                hubLine("openai-community/gpt2"),
                hubLine("carol/gpt2-code", tags: ["base_model:openai-community/gpt2"]),
                hubLine("dave/both", tags: ["base_model:gpt2", "base_model:openai-community/gpt2"]),
            ],
        ])
        let names = Set(q.loaded.data.names)
        #expect(!names.contains("gpt2") && !names.contains("tiny-x"))
        let gpt2 = try q.descendants(of: "openai-community/gpt2", limit: 0)
        #expect(gpt2.total == 3)  // alice, carol and dave (once, though it names both spellings)
        #expect(try q.descendants(of: "gpt2", limit: 0).total == 3)  // the legacy id still finds the model
        #expect(try q.descendants(of: "someone/tiny-x", limit: 0).total == 1)
        // The first ingest already recorded both: the table's rename (its canonical id then an external
        // parent) and the unique twin; the second had nothing left to merge.
        #expect(results[0].mergedLegacyIDs == ["hf-legacy-migration": 1, "inferred:unique-twin": 1])
        #expect(results[1].mergedLegacyIDs.isEmpty)
        let aliases = q.loaded.data.aliases.map { "\($0.legacyID)→\($0.canonicalID) (\($0.source))" }
        #expect(aliases == ["gpt2→openai-community/gpt2 (hf-legacy-migration)", "tiny-x→someone/tiny-x (inferred:unique-twin)"])
    }

    @Test func aNameWithTwoTwinsStaysAlone() throws {
        let (q, results, _) = try queries([[
            hubLine("a/ft", tags: ["base_model:common-name"]), hubLine("x/common-name"), hubLine("y/common-name"),
        ]])
        #expect(q.loaded.data.names.contains("common-name"))
        #expect(results[0].mergedLegacyIDs.isEmpty)
    }

    @Test func reuploadsOfRootsJoinTheFamily() throws {
        let (q, _, _) = try queries([[
            hubLine("meta-llama/Meta-Llama-3-8B"),
            hubLine("meta-llama/Llama-2-7b-chat-hf"),
            hubLine("unsloth/llama-3-8b-bnb-4bit"),  // brand word left out, quantization suffix
            hubLine("u1/ft-on-unsloth", tags: ["base_model:unsloth/llama-3-8b-bnb-4bit"]),
            hubLine("NousResearch/Llama-2-7b-chat-hf"),  // exact name
            hubLine("u2/ft-on-nous", tags: ["base_model:NousResearch/Llama-2-7b-chat-hf"]),
            hubLine("someone/Llama-2-7b-chat-hf-extra-finetune"),  // not a re-upload suffix
            hubLine("has/Llama-2-7b-chat-hf", tags: ["base_model:other/model"]),  // names a parent: not parentless
            hubLine("facebook/opt-125m"), hubLine("x/opt-125m"),
        ]])
        let byChild = Dictionary(uniqueKeysWithValues: q.reuploads.map { (q.loaded.name($0.child), $0) })
        #expect(Set(byChild.keys) == ["unsloth/llama-3-8b-bnb-4bit", "NousResearch/Llama-2-7b-chat-hf", "x/opt-125m"])
        #expect(byChild["unsloth/llama-3-8b-bnb-4bit"].map { q.loaded.name($0.root) } == "meta-llama/Meta-Llama-3-8B")
        #expect(byChild["unsloth/llama-3-8b-bnb-4bit"]?.relation == .quantized)
        #expect(byChild["NousResearch/Llama-2-7b-chat-hf"]?.relation == .unknown)
        let llama = try q.descendants(of: "llama", limit: 100)
        #expect(Set(llama.descendants.map(\.id)) == [
            "unsloth/llama-3-8b-bnb-4bit", "u1/ft-on-unsloth", "NousResearch/Llama-2-7b-chat-hf", "u2/ft-on-nous",
        ])
    }

    @Test func aNameFittingTwoFamiliesLinksToNeither() throws {
        let catalog = FamilyCatalog(entries: [
            .init(id: "a", label: "A", namespaces: ["org-a"], aliases: ["shared"]),
            .init(id: "b", label: "B", namespaces: ["org-b"], aliases: ["shared"]),
        ])
        let (q, _, _) = try queries([[hubLine("org-a/shared-7b"), hubLine("org-b/shared-7b"), hubLine("c/shared-7b")]], catalog: catalog)
        #expect(q.reuploads.isEmpty)
    }

    @Test func rankingKeepsLanguageModelsFirst() throws {
        let (q, _, _) = try queries([[
            hubLine("stabilityai/stable-diffusion-xl-base-1.0"),
            hubLine("a/sd1", tags: ["base_model:stabilityai/stable-diffusion-xl-base-1.0"]),
            hubLine("a/sd2", tags: ["base_model:stabilityai/stable-diffusion-xl-base-1.0"]),
            hubLine("Qwen/Qwen2-7B"), hubLine("b/q", tags: ["base_model:Qwen/Qwen2-7B"]),
        ]])
        let kinds = q.reach(by: .family).entries.compactMap(\.kind)
        let firstOther = try #require(kinds.firstIndex { !$0.isLanguageModel })
        #expect(kinds[firstOther...].allSatisfy { !$0.isLanguageModel })
        let ranked = q.reach(by: .family).entries.map(\.key)
        #expect(ranked.firstIndex(of: "qwen")! < ranked.firstIndex(of: "stable_diffusion")!)  // 2 members before 3
    }
}
