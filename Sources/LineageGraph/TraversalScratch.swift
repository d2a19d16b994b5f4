/// Reusable working memory for traversals: an epoch-stamped visited array.
///
/// A node is visited in the current query when its stamp equals the current epoch, so starting
/// a query costs O(1) instead of clearing n flags. Keep one scratch per thread and pass it
/// `inout` to run many queries (for example one per root) without allocating.
public struct TraversalScratch: Sendable {
    private var stamps: [UInt32]
    private var epoch: UInt32 = 0

    /// Scratch for graphs of up to `nodeCount` nodes (it grows on demand).
    public init(nodeCount: Int = 0) {
        stamps = Array(repeating: 0, count: nodeCount)
    }

    /// Starts a new query over `nodeCount` nodes: every node becomes unvisited.
    /// - Complexity: amortised O(1); O(n) on growth and once every 2^32 - 1 queries.
    public mutating func begin(nodeCount: Int) {
        if stamps.count < nodeCount {
            stamps.append(contentsOf: repeatElement(0, count: nodeCount - stamps.count))
        }
        if epoch == UInt32.max {
            for i in stamps.indices { stamps[i] = 0 }
            epoch = 0
        }
        epoch += 1
    }

    /// Whether `node` was visited since the last `begin`.
    @inline(__always)
    public func isVisited(_ node: Int32) -> Bool { stamps[Int(node)] == epoch }

    /// Marks `node` visited; returns whether it was unvisited.
    @inline(__always)
    @discardableResult
    public mutating func visit(_ node: Int32) -> Bool {
        if stamps[Int(node)] == epoch { return false }
        stamps[Int(node)] = epoch
        return true
    }
}
