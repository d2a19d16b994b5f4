import LineageGraph

/// One model as an input file describes it, reduced to the fields Lineage uses.
///
/// Optional fields are nil when the source does not carry them (the edge-list CSV has no dates,
/// the `list_models` CSV has no `createdAt`), which the store keeps distinct from zero.
public struct ModelRecord: Sendable, Equatable {
    /// The Hub id with its display case, e.g. `Qwen/Qwen2.5-7B`.
    public var id: String
    public var author: String?
    /// Unix seconds.
    public var createdAt: Int64?
    /// Unix seconds; decides which of two records of one model is newer.
    public var lastModified: Int64?
    /// Downloads in the last 30 days.
    public var downloads: Int64?
    public var downloadsAllTime: Int64?
    public var likes: Int64?
    public var pipelineTag: String?
    public var libraryName: String?
    public var license: String?
    /// `safetensors.total`: the parameter count, when the Hub computed it.
    public var parameterCount: Int64?
    public var architecture: String?
    /// The parents the source names, in its order, one per parent id.
    /// nil when the source says nothing about lineage (a node list): the store then keeps what it had.
    public var parents: [ParentLink]?
    /// arXiv ids from `arxiv:` tags, in tag order, without duplicates.
    public var papers: [String]
    /// 1-based line of the record in its file (the line its object starts on).
    public var line: Int

    public init(
        id: String, author: String? = nil, createdAt: Int64? = nil, lastModified: Int64? = nil,
        downloads: Int64? = nil, downloadsAllTime: Int64? = nil, likes: Int64? = nil,
        pipelineTag: String? = nil, libraryName: String? = nil, license: String? = nil,
        parameterCount: Int64? = nil, architecture: String? = nil,
        parents: [ParentLink]? = [], papers: [String] = [], line: Int = 0
    ) {
        self.id = id
        self.author = author
        self.createdAt = createdAt
        self.lastModified = lastModified
        self.downloads = downloads
        self.downloadsAllTime = downloadsAllTime
        self.likes = likes
        self.pipelineTag = pipelineTag
        self.libraryName = libraryName
        self.license = license
        self.parameterCount = parameterCount
        self.architecture = architecture
        self.parents = parents
        self.papers = papers
        self.line = line
    }
}

/// A parent named by a record, with how the child was made from it and where that relation comes from.
public struct ParentLink: Sendable, Equatable, Hashable {
    public var id: String
    public var relation: Relation
    /// `declared` when the source typed the edge; else the `RelationInference` rule that typed it.
    public var provenance: EdgeProvenance

    public init(id: String, relation: Relation, provenance: EdgeProvenance = .declared) {
        self.id = id
        self.relation = relation
        self.provenance = provenance
    }
}
