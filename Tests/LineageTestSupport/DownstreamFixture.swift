import Foundation
import LineageKit
import LineageStore

/// A small Hub with Spaces, papers and two AI-BOM projects, answerable by hand:
///
///     Qwen/Qwen2.5-7B ─ft→ Qwen/Qwen2.5-7B-Instruct ─ft→ acme/qwen-chat ─quantized→ acme/qwen-chat-GGUF
///           └─ft→ unilab/qwen-math                              └─merge→ solo/merge ←merge─ meta-llama/Llama-3.1-8B
///     meta-llama/Llama-3.1-8B ─ft→ eurostart/llama-tune          other/standalone (no lineage)
///
/// Papers (`arxiv:` tags): 2412.15115 on Qwen/Qwen2.5-7B, 2501.00001 on acme/qwen-chat,
/// 2501.00002 on unilab/qwen-math, 2501.00003 on eurostart/llama-tune.
/// Spaces (Tests/LineageHubTests/Fixtures/spaces.jsonl): acme/chat-demo uses acme/qwen-chat;
/// eurostart/demo uses eurostart/llama-tune; solo/mix uses solo/merge; unilab/viewer uses
/// other/standalone and unknown/not-in-store.
/// Projects: SupportBot (supplier acme) uses acme/qwen-chat, acme/support-llm (in no input) and, through
/// its pedigree, meta-llama/Llama-3.1-8B; EuroApp (supplier eurostart) uses eurostart/llama-tune.
/// Registry layer on top of the bundled one: acme US startup, unilab CN academic, eurostart FR startup;
/// solo is unknown. Qwen is CN and meta-llama US in the bundled registry.
package enum DownstreamFixture {
    package static let models = [
        hubLine("Qwen/Qwen2.5-7B", downloads: 1000, tags: ["arxiv:2412.15115"]),
        hubLine("Qwen/Qwen2.5-7B-Instruct", downloads: 1000, relation: "finetune", parents: ["Qwen/Qwen2.5-7B"]),
        hubLine("acme/qwen-chat", downloads: 100, relation: "finetune", parents: ["Qwen/Qwen2.5-7B-Instruct"], tags: ["arxiv:2501.00001"]),
        hubLine("acme/qwen-chat-GGUF", downloads: 50, relation: "quantized", parents: ["acme/qwen-chat"]),
        hubLine("unilab/qwen-math", downloads: 30, relation: "finetune", parents: ["Qwen/Qwen2.5-7B"], tags: ["arxiv:2501.00002"]),
        hubLine("meta-llama/Llama-3.1-8B", downloads: 2000),
        hubLine("solo/merge", downloads: 5, relation: "merge", parents: ["acme/qwen-chat", "meta-llama/Llama-3.1-8B"]),
        hubLine("eurostart/llama-tune", downloads: 20, relation: "finetune", parents: ["meta-llama/Llama-3.1-8B"], tags: ["arxiv:2501.00003"]),
        hubLine("other/standalone", downloads: 9),
    ]

    package static let registryCSV = """
        namespace,name,country,kind,source,evidence
        acme,Acme AI,US,startup,test fixture,acme.example/about
        unilab,Uni Lab,CN,academic,test fixture,unilab.example
        eurostart,EuroStart,FR,startup,test fixture,eurostart.example

        """

    /// The Hub fixtures folder of LineageHubTests (Space and BOM files).
    package static func hubFixture(_ name: String) -> String {
        Fixture.path(name)
    }

    /// Ingests everything into a store in `directory`; returns the store.
    package static func store(in directory: TemporaryDirectory) throws -> LineageStore {
        let file = directory.write("models.jsonl", models.joined(separator: "\n") + "\n")
        let store = try LineageStore.openOrCreate(path: directory.file("fixture.sqlite"))
        _ = try Ingestor().ingest(
            paths: [file, hubFixture("spaces.jsonl"), hubFixture("product.cdx.json"), hubFixture("euroapp.cdx.json")], into: store)
        return store
    }

    /// The downstream index over the fixture, with the families qwen and llama and the fixture registry.
    package static func index(in directory: TemporaryDirectory) throws -> DownstreamIndex {
        let store = try store(in: directory)
        let catalog = FamilyCatalog(entries: [
            .init(id: "qwen", label: "Qwen", namespaces: ["Qwen"]),
            .init(id: "llama", label: "Llama", namespaces: ["meta-llama"]),
        ])
        let queries = LineageQueries(loaded: try LoadedGraph(store: store), catalog: catalog)
        let registryFile = directory.write("registry.csv", registryCSV)
        return DownstreamIndex(queries: queries, registry: try OrganizationRegistry.load(store: store, userFile: registryFile))
    }
}
