import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageStore

/// Writes a selection of the lineage graph as GraphML, CSV/TSV node and edge lists or JSON Lines.
///
/// Nodes carry their Hub id (as the id), kind (`model`, or `external` for a parent no input described),
/// author, the author's organization kind, country and the registry's source for them, the families the
/// model belongs to and those families' countries of origin, creation time (ISO 8601), downloads (30-day
/// and all-time), likes and `removed_at` (empty: the store keeps no removal history yet). Edges go from
/// parent (`source`) to child (`target`) with their relation and its provenance (`declared` or
/// `inferred:<rule>`). Numbers are raw, rows come in store order (nodes) and parent then child order
/// (edges), so the same store gives the same bytes.
///
/// Rows are streamed: beyond the loaded graph, the family membership and one byte of provenance per edge,
/// memory does not grow with the number of rows (see `ExportSink`).
public struct GraphExporter: Sendable {
    public let queries: LineageQueries
    public let registry: OrganizationRegistry
    /// Node attribute columns, in order (GraphML keys, CSV header, JSON keys).
    public static let nodeColumns = [
        "id", "kind", "author", "author_kind", "author_country", "author_source", "families", "family_origin",
        "created_at", "downloads_30d", "downloads_all_time", "likes", "removed_at",
    ]
    /// Edge columns, in order.
    public static let edgeColumns = ["source", "target", "relation", "provenance"]

    /// Family membership, author rows and family origins (`DownstreamIndex` is their one home).
    let index: DownstreamIndex
    /// Country of origin per family (its first owner namespace's registry country).
    let familyOrigins: [String?]
    /// Provenance of each edge of the graph's parent→child CSR, slot-aligned with `graph.childTargets`.
    let slotProvenance: [EdgeProvenance]

    /// - Complexity: that of `DownstreamIndex` (O(Σ family sizes) for the membership), plus O(e log d) to
    ///   align each stored edge's provenance with the graph's deduplicated edges.
    public init(queries: LineageQueries, registry: OrganizationRegistry) {
        self.queries = queries
        self.registry = registry
        index = DownstreamIndex(queries: queries, registry: registry)
        familyOrigins = queries.catalog.entries.indices.map { [index] in index.origin(ofFamily: $0)?.country }
        let graph = queries.graph
        let data = queries.loaded.data
        var provenance = [EdgeProvenance](repeating: .declared, count: graph.edgeCount)
        for i in 0..<min(data.edgeCount, data.edgeProvenance.count) {
            let parent = data.edgeParents[i], child = data.edgeChildren[i]
            guard parent != child, let slot = Self.slot(graph, from: parent, to: child) else { continue }
            // A repeated pair collapsed to the most specific relation: keep the provenance of that one.
            if graph.childRelations[slot] == data.edgeRelations[i] { provenance[slot] = data.edgeProvenance[i] }
        }
        slotProvenance = provenance
    }

    /// Index of the edge parent→child in `graph.childTargets`, nil when there is none.
    /// - Complexity: O(log outDegree(parent)).
    static func slot(_ graph: LineageGraph, from parent: Int32, to child: Int32) -> Int? {
        var lo = Int(graph.childOffsets[Int(parent)]), hi = Int(graph.childOffsets[Int(parent) + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if graph.childTargets[mid] < child { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(graph.childOffsets[Int(parent) + 1]) && graph.childTargets[lo] == child ? lo : nil
    }

    /// Provenance of the edge parent→child (`declared` when unknown).
    public func provenance(from parent: Int32, to child: Int32) -> EdgeProvenance {
        Self.slot(queries.graph, from: parent, to: child).map { slotProvenance[$0] } ?? .declared
    }

    /// The attributes of one node, as written.
    public struct NodeRow: Sendable, Equatable {
        public var id: String
        public var kind: String
        public var author: String?
        public var authorKind: String?
        public var authorCountry: String?
        /// The registry's `source` (`country:curated+atom; kind:curated`), nil when the author has no row.
        public var authorSource: String?
        /// Family ids, catalog order.
        public var families: [String]
        /// Countries of origin of those families, distinct, ascending.
        public var familyOrigins: [String]
        /// ISO 8601, nil when unknown.
        public var createdAt: String?
        public var downloads: Int64
        public var downloadsAllTime: Int64
        public var likes: Int64
        /// When the model left the Hub; always nil until the store keeps removal history.
        public var removedAt: String?
    }

    /// The attributes of `node`. The author's registry row is looked up by author, else by the id's namespace.
    public func row(_ node: Int32) -> NodeRow {
        let data = queries.loaded.data
        let v = Int(node)
        let a = data.authorIndex[v]
        let author = a >= 0 ? data.authors[Int(a)] : nil
        let organization = index.organization(ofModel: node)
        let families = index.membership.families(of: node)
        let entries = queries.catalog.entries
        var origins: [String] = []
        for f in families { if let o = familyOrigins[Int(f)], !origins.contains(o) { origins.append(o) } }
        return NodeRow(
            id: data.names[v], kind: data.isExternal[v] ? "external" : "model", author: author,
            authorKind: organization?.kind?.rawValue, authorCountry: organization?.country,
            authorSource: organization?.source, families: families.map { entries[Int($0)].id }, familyOrigins: origins.sorted(),
            createdAt: ISODate.text(data.createdAt[v]), downloads: data.downloads[v], downloadsAllTime: data.downloadsAllTime[v],
            likes: Int64(data.likes[v]), removedAt: nil)
    }

    /// Number of nodes and edges written, and the files written (`-` for standard output).
    public struct Counts: Sendable, Equatable {
        public var nodes = 0
        public var edges = 0
        public var bytes = 0
        public var files: [String] = []
    }

    /// Streams `selection` in `format`: GraphML and JSON Lines go to `nodes` whole; CSV and TSV write the
    /// node list to `nodes` and the edge list to `edges`.
    /// - Complexity: O(n) to walk the nodes (O(k) attribute work for the k written), O(e) for the edges.
    package func write(_ selection: ExportSelection, as format: ExportFormat, nodes: inout ExportSink, edges: inout ExportSink) throws -> Counts {
        var counts = Counts()
        let graph = queries.graph
        switch format {
        case .graphml: writeGraphMLHeader(to: &nodes)
        case .csv, .tsv:
            appendDelimited(Self.nodeColumns, format: format, to: &nodes)
            appendDelimited(Self.edgeColumns, format: format, to: &edges)
        case .jsonl: break
        }
        for v in 0..<Int32(graph.nodeCount) where selection.contains(v) {
            let row = row(v)
            switch format {
            case .graphml: appendGraphML(row, to: &nodes)
            case .csv, .tsv: appendDelimited(Self.cells(row), format: format, to: &nodes)
            case .jsonl: appendJSON(row, to: &nodes)
            }
            counts.nodes += 1
            try nodes.flushIfFull()
        }
        let names = queries.loaded.data.names
        for parent in 0..<Int32(graph.nodeCount) where selection.contains(parent) {
            for slot in Int(graph.childOffsets[Int(parent)])..<Int(graph.childOffsets[Int(parent) + 1]) {
                let child = graph.childTargets[slot], relation = graph.childRelations[slot]
                guard selection.contains(child), selection.relations.contains(relation) else { continue }
                let edge = (source: names[Int(parent)], target: names[Int(child)], relation: relation.name, provenance: slotProvenance[slot].name)
                switch format {
                case .graphml: appendGraphMLEdge(edge, to: &nodes)
                case .csv, .tsv: appendDelimited([edge.source, edge.target, edge.relation, edge.provenance], format: format, to: &edges)
                case .jsonl: appendJSONEdge(edge, to: &nodes)
                }
                counts.edges += 1
                if format.isTwoFiles { try edges.flushIfFull() } else { try nodes.flushIfFull() }
            }
        }
        if format == .graphml { nodes.append("  </graph>\n</graphml>\n") }
        try nodes.flush()
        try edges.flush()
        counts.bytes = nodes.byteCount + edges.byteCount
        return counts
    }

    /// The selection in `format` as text: (the whole file or node list, the edge list or nil).
    public func render(_ selection: ExportSelection, as format: ExportFormat) throws -> (nodes: String, edges: String?) {
        var nodes = ExportSink(), edges = ExportSink()
        _ = try write(selection, as: format, nodes: &nodes, edges: &edges)
        return (String(decoding: nodes.memory, as: UTF8.self), format.isTwoFiles ? String(decoding: edges.memory, as: UTF8.self) : nil)
    }

    /// A row's cells in `nodeColumns` order; lists joined with `;`, unknown values empty.
    static func cells(_ row: NodeRow) -> [String] {
        [
            row.id, row.kind, row.author ?? "", row.authorKind ?? "", row.authorCountry ?? "", row.authorSource ?? "",
            row.families.joined(separator: ";"), row.familyOrigins.joined(separator: ";"), row.createdAt ?? "",
            String(row.downloads), String(row.downloadsAllTime), String(row.likes), row.removedAt ?? "",
        ]
    }
}
