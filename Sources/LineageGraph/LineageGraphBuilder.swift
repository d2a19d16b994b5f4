/// Accumulates nodes and edges, then freezes them into a `LineageGraph`.
///
/// The builder only appends to flat arrays; all normalisation (self-loops, duplicates,
/// sorting) happens once in `build()`.
public struct LineageGraphBuilder: Sendable {
    public private(set) var nodeCount: Int
    private var children: [Int32] = []
    private var parents: [Int32] = []
    private var relations: [Relation] = []

    public init(nodeCount: Int = 0) {
        precondition(nodeCount >= 0, "negative node count")
        self.nodeCount = nodeCount
    }

    /// Number of edges added so far, before normalisation.
    public var rawEdgeCount: Int { children.count }

    /// Reserves room for `edges` more edges.
    public mutating func reserveCapacity(edges: Int) {
        children.reserveCapacity(children.count + edges)
        parents.reserveCapacity(parents.count + edges)
        relations.reserveCapacity(relations.count + edges)
    }

    /// Appends a node and returns its id.
    @discardableResult
    public mutating func addNode() -> Int32 {
        nodeCount += 1
        return Int32(nodeCount - 1)
    }

    /// Appends `count` nodes; returns the range of their ids.
    @discardableResult
    public mutating func addNodes(_ count: Int) -> Range<Int32> {
        let first = Int32(nodeCount)
        nodeCount += count
        return first..<Int32(nodeCount)
    }

    /// Records that `child` derives from `parent`. Both ids must be below `nodeCount` at `build()`.
    public mutating func addEdge(child: Int32, parent: Int32, relation: Relation) {
        children.append(child)
        parents.append(parent)
        relations.append(relation)
    }

    /// The normalised immutable graph.
    /// - Complexity: O(n + e).
    public func build(columns: NodeColumns? = nil) -> LineageGraph {
        LineageGraph(nodeCount: nodeCount, children: children, parents: parents, relations: relations, columns: columns)
    }
}
