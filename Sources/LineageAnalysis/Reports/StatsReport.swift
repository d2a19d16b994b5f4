import LineageCatalog
import LineageGraph
import LineageHub
import LineageStore

/// What `lineage stats` reports: store counts plus figures that need the graph (roots, cycles).
public struct StatsReport: Sendable, Codable, Equatable {
    /// The store it describes (a path, or the bundled default).
    public var store: String
    public var models: Int
    public var externalParents: Int
    public var edges: Int
    public var edgesByRelation: [String: Int]
    /// Edges whose relation the input stated, by relation.
    public var declaredEdgesByRelation: [String: Int]
    /// Edges whose relation a `RelationInference` rule chose, by relation.
    public var inferredEdgesByRelation: [String: Int]
    /// Edges by provenance (`declared`, `inferred:<rule>`), then by relation (docs/METRICS.md lists the rules).
    public var edgesByProvenance: [String: [String: Int]]
    /// Nodes with children and no parents: where lineage starts.
    public var roots: Int
    /// Models with neither parents nor children.
    public var isolatedModels: Int
    /// Self-referencing parents dropped at ingest.
    public var selfLoopsDropped: Int
    /// Lineage cycles (strongly connected components of two or more nodes), each as its model ids.
    public var cycles: [[String]]
    public var modelsInCycles: Int
    public var papers: Int
    public var modelsWithPapers: Int
    /// `YYYY-MM-DD`, nil when no record has a creation date.
    public var createdFrom: String?
    public var createdTo: String?
    public var snapshots: [StoreStatistics.Snapshot]
    /// Legacy ids merged into the models they were renamed to, by source (`hf-legacy-migration`,
    /// `inferred:unique-twin`); the old ids stay findable as aliases.
    public var mergedIDs: [String: Int] = [:]
    /// Parentless re-uploads linked to a family root by name when the store is read (never stored):
    /// edges with provenance `inferred:reupload`, not counted in `edges`.
    public var reuploadLinks: Int = 0

    /// Computes the report for `store`.
    /// - Complexity: O(nodes + edges) for the graph part, plus the store's counting queries.
    public init(store: LineageStore, description: String, catalog: FamilyCatalog? = nil) throws {
        let statistics = try store.statistics()
        let loaded = try LoadedGraph(store: store)
        for alias in loaded.data.aliases { mergedIDs[alias.source, default: 0] += 1 }
        reuploadLinks = LineageQueries(loaded: loaded, catalog: try catalog ?? FamilyCatalog.load()).reuploads.count
        let graph = loaded.graph
        var roots = 0
        var isolated = 0
        for node in 0..<Int32(graph.nodeCount) {
            let hasParents = graph.inDegree(node) > 0
            let hasChildren = graph.outDegree(node) > 0
            if hasChildren && !hasParents { roots += 1 }
            if !hasChildren && !hasParents && !loaded.data.isExternal[Int(node)] { isolated += 1 }
        }
        let cycleReport = graph.cycles()
        self.store = description
        models = statistics.models
        externalParents = statistics.externalParents
        edges = statistics.edges
        edgesByRelation = statistics.edgesByRelation
        edgesByProvenance = statistics.edgesByProvenance
        declaredEdgesByRelation = statistics.edgesByProvenance["declared"] ?? [:]
        var inferred: [String: Int] = [:]
        for (provenance, counts) in statistics.edgesByProvenance where provenance != "declared" {
            for (relation, count) in counts { inferred[relation, default: 0] += count }
        }
        inferredEdgesByRelation = inferred
        self.roots = roots
        isolatedModels = isolated
        selfLoopsDropped = statistics.selfLoopsDropped
        cycles = cycleReport.components.map { $0.map(loaded.name).sorted() }
        modelsInCycles = cycleReport.nodeCount
        papers = statistics.papers
        modelsWithPapers = statistics.modelsWithPapers
        createdFrom = statistics.createdFrom.map(HubTimestamp.formatDate)
        createdTo = statistics.createdTo.map(HubTimestamp.formatDate)
        snapshots = statistics.snapshots
    }
}
