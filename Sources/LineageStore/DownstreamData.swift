import LineageGraph

/// What sits downstream of the models in a store: Spaces and projects with their `uses` edges, and the
/// papers linked to models by `arxiv:` tags. Read with the graph (`GraphData.downstream`); model
/// references are the graph's dense node indexes.
///
/// `uses` edges are not lineage edges: they never enter `LineageGraph`, so lineage counts are unchanged.
public struct DownstreamData: Sendable, Equatable {
    /// A Space or a project.
    public struct Node: Sendable, Equatable {
        /// `.space` or `.project`.
        public var kind: NodeKind
        /// Space id (`owner/name`) or project name, display case.
        public var name: String
        /// Space owner, or the BOM's supplier.
        public var author: String?
        /// Unix seconds.
        public var createdAt: Int64?
        /// Unix seconds (for a project, the BOM's `metadata.timestamp`).
        public var lastModified: Int64?
        public var likes: Int64?
        /// Space SDK.
        public var sdk: String?
        /// Project version.
        public var version: String?
        /// Path of the BOM a project came from.
        public var source: String?

        public init(
            kind: NodeKind, name: String, author: String? = nil, createdAt: Int64? = nil, lastModified: Int64? = nil,
            likes: Int64? = nil, sdk: String? = nil, version: String? = nil, source: String? = nil
        ) {
            self.kind = kind
            self.name = name
            self.author = author
            self.createdAt = createdAt
            self.lastModified = lastModified
            self.likes = likes
            self.sdk = sdk
            self.version = version
            self.source = source
        }
    }

    /// Spaces and projects, Spaces first, each by name.
    public var nodes: [Node] = []
    /// `uses` edge i goes from `nodes[useNodes[i]]` to model node `useModels[i]`; grouped by node.
    public var useNodes: [Int32] = []
    public var useModels: [Int32] = []
    /// The BOM component whose pedigree names the model; nil for a direct use.
    public var useVia: [String?] = []
    /// Distinct arXiv ids linked to models by their current records, ascending.
    public var papers: [String] = []
    /// Paper link i ties `papers[paperLinkPapers[i]]` to model node `paperLinkModels[i]`.
    public var paperLinkPapers: [Int32] = []
    public var paperLinkModels: [Int32] = []

    public init() {}

    public var useCount: Int { useNodes.count }
}
