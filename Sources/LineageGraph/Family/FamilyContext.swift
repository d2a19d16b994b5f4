/// One family prepared for repeated metric queries: its roots and every node's generation below them.
///
/// Build it once per family and reuse it for all authors (`SwitchingCost`).
public struct FamilyContext: Sendable, Equatable {
    /// The family's roots, ascending.
    public let roots: [Int32]
    /// Generation of each node below `roots` (longest path), -1 for non-members.
    public let generations: [Int32]
    /// Number of members, roots included.
    public let memberCount: Int

    /// - Complexity: O(n + m log m + e_m) for m members, given `condensation`.
    public init(graph: LineageGraph, roots: [Int32], condensation: Condensation? = nil) {
        let sorted = Array(Set(roots)).sorted()
        self.roots = sorted
        let generations = graph.generations(from: sorted, condensation: condensation)
        self.generations = generations
        self.memberCount = generations.reduce(0) { $1 >= 0 ? $0 + 1 : $0 }
    }

    /// Whether `node` is a member (a root or a descendant of one).
    @inline(__always)
    public func contains(_ node: Int32) -> Bool { generations[Int(node)] >= 0 }
}
