import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Organizations, papers, Spaces and projects downstream of families, on the hand-checked fixture
/// (`DownstreamFixture`) and on the bundled default.
@Suite struct DownstreamTests {
    // MARK: - Ingest

    @Test func spacesAndBOMsBecomeDownstreamNodesWithUsesEdges() throws {
        let dir = TemporaryDirectory()
        let store = try DownstreamFixture.store(in: dir)
        let data = try store.graphData()
        #expect(data.downstream.nodes.map(\.name) == ["acme/chat-demo", "eurostart/demo", "solo/mix", "unilab/viewer", "EuroApp", "SupportBot"])
        #expect(data.downstream.nodes.map(\.kind) == [.space, .space, .space, .space, .project, .project])
        #expect(data.downstream.useCount == 4 + 1 + 3 + 1)  // unilab/viewer uses 2, SupportBot 3
        // Models only named by Spaces or BOMs are external nodes; lineage edges are unchanged by uses.
        #expect(data.names.contains("unknown/not-in-store") && data.names.contains("acme/support-llm"))
        #expect(data.edgeCount == 7)
        #expect(data.downstream.papers == ["2412.15115", "2501.00001", "2501.00002", "2501.00003"])
        let support = try #require(data.downstream.nodes.first { $0.name == "SupportBot" })
        #expect(support.author == "acme" && support.version == "2.1")
    }

    @Test func aBadBOMLeavesTheStoreAsItWas() throws {
        let dir = TemporaryDirectory()
        let store = try DownstreamFixture.store(in: dir)
        let before = try store.graphData()
        let beforeEdges = try edgeList(store)
        let bad = dir.write("bad.cdx.json", #"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x"}]}"#)
        let spaces = dir.write("more-spaces.jsonl", #"{"id":"new/space","sdk":"gradio","models":["acme/qwen-chat"]}"# + "\n")
        #expect(throws: (any Error).self) { _ = try Ingestor().ingest(paths: [spaces, bad], into: store) }
        let after = try store.graphData()
        let afterEdges = try edgeList(store)
        #expect(after.names == before.names && after.downstream == before.downstream && afterEdges == beforeEdges)
    }

    @Test func aNewerBOMReplacesTheProjectsUses() throws {
        let dir = TemporaryDirectory()
        let store = try DownstreamFixture.store(in: dir)
        let again = try Ingestor().ingest(paths: [DownstreamFixture.hubFixture("product.cdx.json")], into: store)
        #expect(again.inputs.first?.alreadyIngestedAs != nil)
        let v3 = dir.write("v3.cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"timestamp":"2025-04-01T00:00:00Z",
             "component":{"type":"application","name":"supportbot","version":"3.0","supplier":{"name":"acme"}}},
             "components":[{"type":"machine-learning-model","purl":"pkg:huggingface/eurostart/llama-tune@1"}]}
            """)
        let result = try Ingestor().ingest(paths: [v3], into: store)
        #expect(result.inputs[0].summary?.replaced == 1 && result.inputs[0].summary?.uses == 1)
        let data = try store.graphData()
        let i = try #require(data.downstream.nodes.firstIndex { $0.kind == .project && $0.name == "supportbot" })
        #expect(data.downstream.nodes[i].version == "3.0")
        let used = zip(data.downstream.useNodes, data.downstream.useModels).filter { Int($0.0) == i }.map { data.names[Int($0.1)] }
        #expect(used == ["eurostart/llama-tune"])
        let summary = IngestSummaryText.render(result, storePath: "S")
        #expect(summary.contains("v3.cdx.json: snapshot #") && summary.contains("1 project (0 new, 1 updated), 1 uses of models"))
    }

    // MARK: - Hand-checked answers on the fixture

    @Test func organizationsDownstreamOfQwen() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        let report = index.downstream(ofFamilies: [0], filter: DownstreamFilter(types: [.organization]))
        #expect(report.entities.map(\.id) == ["acme", "unilab", "solo"])
        #expect(report.entities.map(\.models) == [2, 1, 1])
        #expect(report.entities.map(\.downloads) == [150, 30, 5])
        #expect(report.entities.map(\.country) == ["US", "CN", nil])
        #expect(report.entities[0].kind == .startup && report.entities[0].countrySource == "test fixture")
        #expect(report.entities[2].families == ["qwen", "llama"].filter { $0 == "qwen" })
        // Coverage: 5 derivative members (Instruct, qwen-chat, GGUF, qwen-math, merge); solo is unknown.
        #expect(report.coverage.derivativeModels == 5 && report.coverage.attributedModels == 4)
        #expect(report.coverage.downloads == 1185 && report.coverage.attributedDownloads == 1180)
        #expect(report.coverage.text == "Coverage: 80.0% of 5 derivative models (99.6% of their downloads) have an author with known country and kind")
        // With the owner included, Qwen itself appears (its Instruct model is a derivative).
        let withOwner = index.downstream(ofFamilies: [0], filter: DownstreamFilter(types: [.organization], includeFamilyOwners: true))
        #expect(withOwner.entities.map(\.id) == ["acme", "Qwen", "unilab", "solo"])  // Qwen: 1 model, 1,000 downloads
    }

    @Test func usStartupsOnChineseOriginFamilies() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        #expect(index.families(fromCountry: "CN") == [0])
        let report = index.downstream(ofFamiliesFrom: "CN", filter: DownstreamFilter(countries: ["US"], kinds: [.startup]))
        #expect(report.entities.map { "\($0.type.rawValue):\($0.id)" } == [
            "organization:acme", "space:acme/chat-demo", "paper:2501.00001", "project:SupportBot",
        ])
        #expect(report.origin == "CN")
        #expect(report.summaryLines.contains(report.coverage.text))
    }

    @Test func papersDeriveFromAFamilyThroughTheirModels() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        let qwen = index.downstream(ofFamilies: [0], filter: DownstreamFilter(types: [.paper]))
        #expect(qwen.entities.map(\.id) == ["2412.15115", "2501.00001", "2501.00002"])
        #expect(qwen.entities[0].url == "https://arxiv.org/abs/2412.15115" && qwen.entities[0].owner == "Qwen")
        let llama = index.downstream(ofFamilies: [1], filter: DownstreamFilter(types: [.paper]))
        #expect(llama.entities.map(\.id) == ["2501.00003"])
        #expect(llama.entities[0].country == "FR" && llama.entities[0].examples == ["eurostart/llama-tune"])
    }

    @Test func spacesDeriveFromEveryFamilyOfEveryModelTheyUse() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        #expect(index.downstream(ofFamilies: [0], filter: DownstreamFilter(types: [.space])).entities.map(\.id) == ["acme/chat-demo", "solo/mix"])
        let llama = index.downstream(ofFamilies: [1], filter: DownstreamFilter(types: [.space]))
        #expect(llama.entities.map(\.id) == ["eurostart/demo", "solo/mix"])
        #expect(llama.entities[0].url == "https://huggingface.co/spaces/eurostart/demo" && llama.entities[0].likes == 3)
        let nodes = index.queries.loaded.data.downstream.nodes
        let mix = try #require(nodes.firstIndex { $0.name == "solo/mix" })
        #expect(index.families(ofDownstream: mix) == [0, 1])
        let viewer = try #require(nodes.firstIndex { $0.name == "unilab/viewer" })
        #expect(index.families(ofDownstream: viewer).isEmpty)
        let both = index.downstream(ofFamilies: [0, 1], filter: DownstreamFilter(types: [.space]))
        #expect(both.entities.first { $0.id == "solo/mix" }?.families == ["qwen", "llama"])
    }

    @Test func projectsOnChineseOriginModelsAndProjectLockIn() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        let projects = index.downstream(ofFamiliesFrom: "CN", filter: DownstreamFilter(types: [.project]))
        #expect(projects.entities.map(\.id) == ["SupportBot"])
        #expect(projects.entities[0].name == "SupportBot 2.1" && projects.entities[0].country == "US")
        let llamaProjects = index.downstream(ofFamilies: [1], filter: DownstreamFilter(types: [.project]))
        #expect(llamaProjects.entities.map(\.id) == ["SupportBot", "EuroApp"])  // same count; Llama-3.1-8B has more downloads

        let lockIn = ProjectLockInReport(project: try index.project(named: "supportbot"), index: index)
        #expect(lockIn.models.map(\.model) == ["acme/qwen-chat", "acme/support-llm", "meta-llama/Llama-3.1-8B"])
        #expect(lockIn.models[2].via == "acme/support-llm" && lockIn.models[1].external)
        #expect(lockIn.unattributedModels == 1)
        #expect(lockIn.families.map(\.family) == ["llama", "qwen"])
        #expect(lockIn.families.map(\.origin) == ["US", "CN"])
        #expect(lockIn.hhi == 5000)
        #expect(lockIn.foreignDependence == 0.5)
        #expect(abs(lockIn.families[0].downloadShare - 2000.0 / 2100.0) < 1e-9)
        #expect(lockIn.originShares == ["CN": 0.5, "US": 0.5])
        #expect(throws: LineageError.self) { _ = try index.project(named: "nope") }
    }

    @Test func countryReach() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        let reach = CountryReachReport(index.downstream(ofFamilies: [0]))
        #expect(reach.countries.map(\.country) == ["US", "CN", "unknown"])
        #expect(reach.countries[0].organizations == 1 && reach.countries[0].derivativeModels == 2)
        #expect(reach.countries[0].spaces == 1 && reach.countries[0].projects == 1)
        #expect(reach.countries[2].spaces == 1)  // solo/mix
    }

    @Test func foreignDependenceForGroupsFromTheRegistry() throws {
        let dir = TemporaryDirectory()
        let index = try DownstreamFixture.index(in: dir)
        let q = index.queries
        let attribution = index.registry.countryAttribution(catalog: q.catalog, authors: q.loaded.data.authors)
        let acme = try q.authorID("acme"), solo = try q.authorID("solo")
        let lockIn = LockInIndex(group: [acme, solo], family: 0, membership: index.membership, graph: q.graph, countries: attribution)
        // acme's two Qwen models are foreign (US vs CN); solo's merge has no known country.
        #expect(lockIn.foreignDependence == 1.0)
    }

    // MARK: - End to end on the bundled default

    @Test func bundledDefaultAnswersPerDownstreamKind() throws {
        let store = try BundledDefault.makeStore()
        let dir = TemporaryDirectory()
        // Real model ids from the bundled snapshot; a Space and a BOM that use them.
        let spaces = dir.write("spaces.jsonl", #"{"id":"demo-org/qwen-demo","author":"demo-org","sdk":"gradio","models":["Qwen/Qwen2.5-7B-Instruct"]}"# + "\n")
        let bom = dir.write("app.cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"application","name":"AuditApp","supplier":{"name":"meta-llama"}}},
             "components":[{"type":"machine-learning-model","purl":"pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@main"},
                           {"type":"machine-learning-model","purl":"pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct@main"}]}
            """)
        _ = try Ingestor().ingest(paths: [spaces, bom], into: store)
        let queries = LineageQueries(loaded: try LoadedGraph(store: store), catalog: try FamilyCatalog.load())
        let index = DownstreamIndex(queries: queries, registry: try OrganizationRegistry.load())
        let qwen = try queries.familyIndex("qwen")

        // Organizations: U.S. startups on Chinese-origin families, with coverage stated.
        let usStartups = index.downstream(ofFamiliesFrom: "CN", filter: DownstreamFilter(types: [.organization], countries: ["US"], kinds: [.startup]))
        #expect(!usStartups.entities.isEmpty)
        #expect(usStartups.entities.allSatisfy { $0.country == "US" && $0.kind == .startup && !$0.families.isEmpty })
        #expect(usStartups.coverage.derivativeModels > 100)
        #expect(usStartups.summaryLines.contains { $0.hasPrefix("Coverage: ") })

        // Papers: the Qwen family's papers include the Qwen2.5 technical report.
        let papers = index.downstream(ofFamilies: [qwen], filter: DownstreamFilter(types: [.paper]))
        #expect(papers.entities.contains { $0.id == "2412.15115" && $0.url == "https://arxiv.org/abs/2412.15115" })

        // Spaces and projects.
        #expect(index.downstream(ofFamilies: [qwen], filter: DownstreamFilter(types: [.space])).entities.map(\.id) == ["demo-org/qwen-demo"])
        let projects = index.downstream(ofFamiliesFrom: "CN", filter: DownstreamFilter(types: [.project]))
        #expect(projects.entities.map(\.id) == ["AuditApp"])
        let lockIn = ProjectLockInReport(project: try index.project(named: "AuditApp"), index: index)
        #expect(lockIn.ownerCountry == "US" && lockIn.foreignDependence == 0.5)
    }

    @Test func bundledDefaultCoverage() throws {
        let queries = LineageQueries(loaded: try LoadedGraph(store: try BundledDefault.makeStore()), catalog: try FamilyCatalog.load())
        let coverage = DownstreamIndex(queries: queries, registry: try OrganizationRegistry.load()).coverage()
        // The README's figures: 2,656 derivative models (6 of them re-uploads linked by name); known kind
        // 78.7% of them, 100.0% of their downloads; known country 10.3%, 96.9%; of the organizations'
        // downloads, 97.1% with a known country.
        #expect(coverage.derivativeModels == 2656)
        #expect(ShareText.percent(coverage.modelShare) == "10.3%" && ShareText.percent(coverage.downloadShare) == "96.9%")
        #expect(ShareText.percent(coverage.kindKnownModelShare) == "78.7%" && ShareText.percent(coverage.kindKnownDownloadShare) == "100.0%")
        #expect(ShareText.percent(coverage.countryKnownModelShare) == "10.3%" && ShareText.percent(coverage.countryKnownDownloadShare) == "96.9%")
        #expect(ShareText.percent(coverage.organizationCountryKnownDownloadShare) == "97.1%")
    }
}

/// `0.0966` → `9.7%`, as the reports print shares.
enum ShareText {
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
