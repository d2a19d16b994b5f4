/// The cycles of a lineage graph: its non-trivial strongly connected components.
///
/// The Hub's metadata is user-written, so "A fine-tuned from B" and "B fine-tuned from A" both
/// occur; every algorithm of the engine tolerates them, and this report lists them.
public struct CycleReport: Sendable, Equatable {
    /// Components of two or more nodes, members ascending, components ordered by smallest member.
    public let components: [[Int32]]
    /// Self-loops dropped when the graph was built.
    public let selfLoopCount: Int

    public init(components: [[Int32]], selfLoopCount: Int) {
        self.components = components
        self.selfLoopCount = selfLoopCount
    }

    /// Total number of nodes lying on some cycle of length ≥ 2.
    public var nodeCount: Int { components.reduce(0) { $0 + $1.count } }

    /// Whether the graph had no cycle at all, self-loops included.
    public var isEmpty: Bool { components.isEmpty && selfLoopCount == 0 }
}
