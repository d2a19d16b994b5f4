import LineageGraph

/// Which part of a store an export writes: a set of nodes (nil: every node) and the relations whose
/// edges between them are written.
public struct ExportSelection: Sendable {
    /// What was asked, as messages show it: `the whole store`, `family llama (Llama)`, `question "…"`.
    public var description: String
    /// The nodes written; nil for every node of the graph.
    public var members: NodeBitset?
    /// Edges are written when both ends are members and their relation is in this mask.
    public var relations: RelationMask
    /// Number of nodes written.
    public var nodeCount: Int

    public init(description: String, members: NodeBitset?, relations: RelationMask = .all, nodeCount: Int) {
        self.description = description
        self.members = members
        self.relations = relations
        self.nodeCount = nodeCount
    }

    /// Whether `node` is written.
    @inline(__always)
    public func contains(_ node: Int32) -> Bool { members?.contains(node) ?? true }
}
