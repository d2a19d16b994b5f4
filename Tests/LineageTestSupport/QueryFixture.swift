import Foundation
import LineageKit
import LineageStore

/// A ten-model lineage small enough to answer by hand (see docs/METRICS.md for the same fixture):
///
///     Qwen/Qwen-Base ─ft→ Qwen/Qwen-Base-Instruct ─ft→ org/A ─ft→ org/B ─merge→ org/Merge ←merge─ meta-llama/Llama
///         └─adapter→ lab/Adapter            ├─quantized→ org/A-GGUF
///                                           └─ft→ cyc/Q ⇄ cyc/P (each names the other: a cycle)
package enum QueryFixture {
    /// Countries and kinds for the fixture's namespaces (the registry the answer and export tests use).
    package static let registry = OrganizationRegistry(layers: [[
        Organization(namespace: "org", country: "US", kind: .startup, source: "test"),
        Organization(namespace: "lab", country: "CN", kind: .academic, source: "test"),
        Organization(namespace: "meta-llama", country: "US", kind: .bigTech, source: "test"),
        Organization(namespace: "Qwen", country: "CN", kind: .bigTech, source: "test"),
    ]])

    /// The JSON lines, in the Hub's model-object shape (authors come from the namespaces).
    package static let lines = [
        hubLine("Qwen/Qwen-Base", downloads: 1000),
        hubLine("Qwen/Qwen-Base-Instruct", downloads: 500, relation: "finetune", parents: ["Qwen/Qwen-Base"]),
        hubLine("org/A", downloads: 100, relation: "finetune", parents: ["Qwen/Qwen-Base-Instruct"]),
        hubLine("org/B", downloads: 10, relation: "finetune", parents: ["org/A"]),
        hubLine("org/A-GGUF", downloads: 50, relation: "quantized", parents: ["org/A"]),
        hubLine("lab/Adapter", downloads: 5, relation: "adapter", parents: ["Qwen/Qwen-Base"]),
        hubLine("meta-llama/Llama", downloads: 2000),
        hubLine("org/Merge", downloads: 7, relation: "merge", parents: ["org/B", "meta-llama/Llama"]),
        hubLine("cyc/Q", downloads: 2, relation: "finetune", parents: ["cyc/P", "org/A"]),
        hubLine("cyc/P", downloads: 1, relation: "finetune", parents: ["cyc/Q"]),
    ]

    /// Writes the fixture to `directory`, ingests it into a fresh store there and returns the queries.
    package static func queries(in directory: TemporaryDirectory, families: FamilyCatalog? = nil) throws -> LineageQueries {
        let file = directory.write("fixture.jsonl", lines.joined(separator: "\n") + "\n")
        let store = try LineageStore.openOrCreate(path: directory.file("fixture.sqlite"))
        _ = try Ingestor().ingest(paths: [file], into: store)
        return LineageQueries(loaded: try LoadedGraph(store: store), catalog: try families ?? FamilyCatalog.load())
    }
}
