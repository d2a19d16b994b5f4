/// The nodes a breadth-first traversal reached, in BFS order, with their depth and BFS tree.
///
/// Entry `i` describes `nodes[i]`: its hop distance from the nearest seed (`depths[i]`), the
/// position of the node it was first reached from (`predecessors[i]`, -1 for seeds) and the
/// relation of that edge (`relations[i]`, `.unknown` for seeds). The first `seedCount` entries
/// are the distinct seeds in the order given; depths never decrease along the array.
public struct TraversalResult: Sendable, Equatable {
    public let nodes: [Int32]
    public let depths: [Int32]
    /// Positions in `nodes` (not node ids), so following them never needs a lookup.
    public let predecessors: [Int32]
    public let relations: [Relation]
    /// The distinct seeds, at positions `0..<seedCount`.
    public let seedCount: Int

    public init(nodes: [Int32], depths: [Int32], predecessors: [Int32], relations: [Relation], seedCount: Int) {
        precondition(
            depths.count == nodes.count && predecessors.count == nodes.count && relations.count == nodes.count
                && seedCount <= nodes.count, "TraversalResult: arrays of different lengths")
        self.nodes = nodes
        self.depths = depths
        self.predecessors = predecessors
        self.relations = relations
        self.seedCount = seedCount
    }

    /// Number of nodes visited, seeds included.
    public var count: Int { nodes.count }

    /// Number of nodes reached from the seeds, seeds excluded.
    public var reachedCount: Int { nodes.count - seedCount }

    /// The reached nodes without the seeds, in BFS order.
    public var reached: ArraySlice<Int32> { nodes[seedCount...] }

    /// Largest depth reached (0 when only seeds were visited, -1 when nothing was).
    public var maxDepth: Int { depths.last.map { Int($0) } ?? -1 }

    /// Position of `node` in `nodes`, or nil when it was not visited.
    /// - Complexity: O(count); build your own index for many lookups.
    public func position(of node: Int32) -> Int? { nodes.firstIndex(of: node) }

    /// Shortest hop distance of `node` from the seeds, or nil when it was not visited.
    /// - Complexity: O(count).
    public func depth(of node: Int32) -> Int? { position(of: node).map { Int(depths[$0]) } }

    /// One shortest path from a seed to `node`, seed first, or nil when `node` was not visited.
    /// For an ancestor traversal the path runs upward: seed, parent, grandparent…
    /// - Complexity: O(count) to find `node`, then O(depth).
    public func path(to node: Int32) -> [Int32]? { position(of: node).map(path(toPosition:)) }

    /// One shortest path from a seed to the node at `position`, seed first.
    /// - Complexity: O(depth).
    public func path(toPosition position: Int) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(Int(depths[position]) + 1)
        var p = position
        while p >= 0 {
            out.append(nodes[p])
            p = Int(predecessors[p])
        }
        return out.reversed()
    }

    /// The relations along `path(toPosition:)`, one per edge (seed excluded).
    /// - Complexity: O(depth).
    public func relations(toPosition position: Int) -> [Relation] {
        var out: [Relation] = []
        var p = position
        while predecessors[p] >= 0 {
            out.append(relations[p])
            p = Int(predecessors[p])
        }
        return out.reversed()
    }
}
