import LineageGraph

/// The current lineage graph as flat columns read from the store, ready for `LineageGraph`.
///
/// Node `i` is the store's model row with the i-th smallest id; edges use those dense indexes.
public struct GraphData: Sendable {
    /// Hub ids, display case.
    public var names: [String] = []
    public var isExternal: [Bool] = []
    /// Index into `authors` per node; -1 when unknown.
    public var authorIndex: [Int32] = []
    public var authors: [String] = []
    /// Unix seconds; `Int64.min` when unknown.
    public var createdAt: [Int64] = []
    public var downloads: [Int64] = []
    public var downloadsAllTime: [Int64] = []
    public var likes: [Int32] = []
    public var edgeChildren: [Int32] = []
    public var edgeParents: [Int32] = []
    public var edgeRelations: [Relation] = []
    /// Where each edge's relation comes from: `declared`, or the rule that inferred it (one byte each).
    public var edgeProvenance: [EdgeProvenance] = []
    /// Spaces, projects and papers, with their `uses` and paper links to the nodes above.
    public var downstream = DownstreamData()
    /// `names` grouped by namespace, when the load already had it (the graph cache keeps it); lets
    /// `FamilyResolver` skip hashing every name. Nil means "build it from `names`".
    public var namespaceIndex: NamespaceIndex?
    /// Legacy ids merged into other nodes (`gpt2` → `openai-community/gpt2`), read from the store's
    /// `model_alias` table on every load (never cached: the table is small).
    public var aliases: [ModelAlias] = []

    public var nodeCount: Int { names.count }
    public var edgeCount: Int { edgeChildren.count }

    public init() {}

    /// The same graph without the edges whose relation was inferred (`--declared-only`).
    /// - Complexity: O(edges).
    public func declaredOnly() -> GraphData {
        guard edgeProvenance.count == edgeCount, edgeProvenance.contains(where: \.isInferred) else { return self }
        var copy = self
        copy.edgeChildren = []
        copy.edgeParents = []
        copy.edgeRelations = []
        copy.edgeProvenance = []
        for i in 0..<edgeCount where !edgeProvenance[i].isInferred {
            copy.edgeChildren.append(edgeChildren[i])
            copy.edgeParents.append(edgeParents[i])
            copy.edgeRelations.append(edgeRelations[i])
            copy.edgeProvenance.append(.declared)
        }
        return copy
    }
}
