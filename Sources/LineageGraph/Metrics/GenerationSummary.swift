/// Distribution of generations (depth below the roots) over a set of nodes.
public struct GenerationSummary: Sendable, Equatable {
    /// Nodes with a generation (entries ≥ 0); unreachable nodes (-1) are not counted.
    public let nodeCount: Int
    /// Deepest generation, or -1 when no node is counted.
    public let maxGeneration: Int
    /// Mean generation of the counted nodes, 0 when none.
    public let meanGeneration: Double
    /// `histogram[g]` = number of nodes of generation g, for g in 0...maxGeneration.
    public let histogram: [Int]

    /// Summarises a per-node generation array as returned by `LineageGraph.generations`.
    /// - Complexity: O(n).
    public init(generations: [Int32]) {
        var histogram: [Int] = []
        var total = 0, count = 0
        for g in generations where g >= 0 {
            let gi = Int(g)
            if gi >= histogram.count { histogram.append(contentsOf: repeatElement(0, count: gi + 1 - histogram.count)) }
            histogram[gi] += 1
            total += gi
            count += 1
        }
        self.nodeCount = count
        self.maxGeneration = histogram.count - 1
        self.meanGeneration = count == 0 ? 0 : Double(total) / Double(count)
        self.histogram = histogram
    }
}
