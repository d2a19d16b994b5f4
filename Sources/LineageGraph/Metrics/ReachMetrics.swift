/// How far a seed set's lineage spreads: how many nodes derive from it and how much they are used.
///
/// Seeds themselves are not counted. Each descendant counts once, under the relation of the edge
/// by which breadth-first search first reached it (one of its shortest paths; which one among
/// equally short paths is unspecified but deterministic).
public struct ReachMetrics: Sendable, Equatable {
    /// Distinct seeds.
    public var seedCount: Int = 0
    /// Descendants of the seeds, seeds excluded.
    public var descendantCount: Int = 0
    /// Descendants one hop from a seed.
    public var directCount: Int = 0
    /// Descendant counts by relation of the first-reaching edge.
    public var byRelation = RelationCounts()
    /// Sum of `NodeColumns.downloads` over descendants (0 without columns).
    public var downloads: Int64 = 0
    /// Sum of `NodeColumns.downloadsAllTime` over descendants (0 without columns).
    public var downloadsAllTime: Int64 = 0
    /// Distinct known authors (author id ≥ 0) of descendants (0 without columns).
    public var distinctAuthors: Int = 0
    /// Largest hop distance reached, 0 when nothing was.
    public var maxDepth: Int = 0

    public init() {}

    /// Descendants two or more hops away from every seed.
    public var indirectCount: Int { descendantCount - directCount }

    /// Descendants first reached through an edge of `relation`.
    public func count(by relation: Relation) -> Int { byRelation[relation] }
}

/// Reusable working memory for reach queries: visited stamps for nodes and authors plus a queue.
public struct ReachScratch: Sendable {
    var nodes = TraversalScratch()
    var authors = TraversalScratch()
    var queue: [Int32] = []
    var depths: [Int32] = []

    public init() {}
}
