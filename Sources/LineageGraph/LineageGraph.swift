/// An immutable lineage graph over node ids `0..<nodeCount`, stored as two CSR adjacency arrays.
///
/// Edges point from parent (base model) to child (derived model). Both directions are stored:
/// `children(of:)` reads the parent→child CSR and `parents(of:)` the child→parent CSR, each a
/// contiguous slice, so traversals never touch a dictionary or allocate per node. Within a
/// node's slice neighbours are sorted by id.
///
/// Construction normalises the edge list: self-loops are dropped and counted in
/// `selfLoopCount`; duplicate (child, parent) pairs collapse to one edge that keeps the most
/// specific relation (`Relation`'s lowest raw value, so any known relation beats `.unknown`).
/// Names live outside the engine: the caller keeps a `[String]` indexed by node id.
public struct LineageGraph: Sendable {
    /// Number of nodes; ids are `0..<nodeCount`.
    public let nodeCount: Int
    /// Parent→child CSR: the children of `v` are `childTargets[childOffsets[v]..<childOffsets[v+1]]`.
    public let childOffsets: [Int32]
    public let childTargets: [Int32]
    public let childRelations: [Relation]
    /// Child→parent CSR, laid out like the parent→child one.
    public let parentOffsets: [Int32]
    public let parentTargets: [Int32]
    public let parentRelations: [Relation]
    /// Edges dropped because child == parent.
    public let selfLoopCount: Int
    /// Input edges dropped because they repeated a (child, parent) pair.
    public let duplicateEdgeCount: Int
    /// Optional per-node attributes (kind, author, dates, downloads, likes).
    public let columns: NodeColumns?
    /// Edge counts by relation.
    public let relationCounts: RelationCounts

    // MARK: - Construction

    /// Builds the graph from parallel edge arrays: edge `i` goes from `parents[i]` to `children[i]`
    /// with `relations[i]`.
    ///
    /// Ids must lie in `0..<nodeCount`; `columns`, when given, must describe `nodeCount` nodes.
    /// - Complexity: O(n + e) time (two stable counting sorts), O(n + e) extra memory.
    public init(
        nodeCount: Int, children: [Int32], parents: [Int32], relations: [Relation],
        columns: NodeColumns? = nil
    ) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "LineageGraph: node count out of range")
        precondition(
            children.count == parents.count && parents.count == relations.count,
            "LineageGraph: edge arrays of different lengths")
        precondition(children.count < Int(Int32.max), "LineageGraph: too many edges")
        if let columns {
            precondition(columns.isConsistent && columns.count == nodeCount, "LineageGraph: columns do not match nodeCount")
        }
        self.nodeCount = nodeCount
        self.columns = columns

        // Keep non-loop edges; validate ids.
        var kept: [Int32] = []
        kept.reserveCapacity(children.count)
        var loops = 0
        for i in children.indices {
            let c = children[i], p = parents[i]
            precondition(c >= 0 && Int(c) < nodeCount && p >= 0 && Int(p) < nodeCount, "LineageGraph: node id out of range")
            if c == p { loops += 1 } else { kept.append(Int32(i)) }
        }
        selfLoopCount = loops

        // Stable counting sort by child, then by parent: edges end up ordered (parent, child).
        let byChild = Self.countingSort(kept, nodeCount: nodeCount) { children[Int($0)] }
        let byParent = Self.countingSort(byChild, nodeCount: nodeCount) { parents[Int($0)] }

        // Collapse duplicate pairs, keeping the lowest raw relation (known beats unknown).
        var srcs: [Int32] = [], dsts: [Int32] = [], rels: [Relation] = []
        srcs.reserveCapacity(byParent.count)
        dsts.reserveCapacity(byParent.count)
        rels.reserveCapacity(byParent.count)
        for e in byParent {
            let p = parents[Int(e)], c = children[Int(e)], r = relations[Int(e)]
            if let last = srcs.last, last == p, dsts[dsts.count - 1] == c {
                if r < rels[rels.count - 1] { rels[rels.count - 1] = r }
            } else {
                srcs.append(p)
                dsts.append(c)
                rels.append(r)
            }
        }
        duplicateEdgeCount = byParent.count - srcs.count

        var counts = RelationCounts()
        for r in rels { counts[r] += 1 }
        relationCounts = counts

        childOffsets = Self.offsets(of: srcs, nodeCount: nodeCount)
        childTargets = dsts
        childRelations = rels

        // Child→parent: stable sort of the deduplicated edges by child keeps parents ascending.
        let order = Self.countingSort(Array(0..<Int32(srcs.count)), nodeCount: nodeCount) { dsts[Int($0)] }
        parentOffsets = Self.offsets(of: order.map { dsts[Int($0)] }, nodeCount: nodeCount)
        parentTargets = order.map { srcs[Int($0)] }
        parentRelations = order.map { rels[Int($0)] }
        assert(checkInvariants())
    }

    /// The empty graph with `nodeCount` isolated nodes.
    public init(nodeCount: Int, columns: NodeColumns? = nil) {
        self.init(nodeCount: nodeCount, children: [], parents: [], relations: [], columns: columns)
    }

    /// Stable counting sort of `items` by `key(item)` in `0..<nodeCount`.
    /// - Complexity: O(n + items.count).
    private static func countingSort(_ items: [Int32], nodeCount: Int, key: (Int32) -> Int32) -> [Int32] {
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for item in items { start[Int(key(item)) + 1] += 1 }
        for v in 0..<nodeCount { start[v + 1] += start[v] }
        var out = [Int32](repeating: 0, count: items.count)
        for item in items {
            let k = Int(key(item))
            out[start[k]] = item
            start[k] += 1
        }
        return out
    }

    /// CSR offsets for a list of sources sorted ascending.
    private static func offsets(of sortedSources: [Int32], nodeCount: Int) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for s in sortedSources { offsets[Int(s) + 1] += 1 }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        return offsets
    }

    /// Debug check: both CSRs agree in size, are sorted, loop-free and duplicate-free.
    private func checkInvariants() -> Bool {
        guard childOffsets.count == nodeCount + 1, parentOffsets.count == nodeCount + 1,
            childTargets.count == parentTargets.count, Int(childOffsets[nodeCount]) == childTargets.count,
            Int(parentOffsets[nodeCount]) == parentTargets.count
        else { return false }
        for v in 0..<nodeCount {
            let kids = children(of: Int32(v)).nodes
            if zip(kids, kids.dropFirst()).contains(where: { $0 >= $1 }) || kids.contains(Int32(v)) { return false }
            let ps = parents(of: Int32(v)).nodes
            if zip(ps, ps.dropFirst()).contains(where: { $0 >= $1 }) || ps.contains(Int32(v)) { return false }
        }
        return true
    }

    // MARK: - Queries

    /// Number of distinct (child, parent) edges after normalisation.
    public var edgeCount: Int { childTargets.count }

    /// Number of edges carrying `relation`.
    public func edgeCount(by relation: Relation) -> Int { relationCounts[relation] }

    /// The children of `node` (nodes derived from it), sorted by id, with the relation of each edge.
    @inline(__always)
    public func children(of node: Int32) -> Neighbors {
        let lo = Int(childOffsets[Int(node)]), hi = Int(childOffsets[Int(node) + 1])
        return Neighbors(nodes: childTargets[lo..<hi], relations: childRelations[lo..<hi])
    }

    /// The parents of `node` (its base models), sorted by id, with the relation of each edge.
    @inline(__always)
    public func parents(of node: Int32) -> Neighbors {
        let lo = Int(parentOffsets[Int(node)]), hi = Int(parentOffsets[Int(node) + 1])
        return Neighbors(nodes: parentTargets[lo..<hi], relations: parentRelations[lo..<hi])
    }

    /// Number of parents of `node`.
    @inline(__always)
    public func inDegree(_ node: Int32) -> Int { Int(parentOffsets[Int(node) + 1] - parentOffsets[Int(node)]) }

    /// Number of children of `node`.
    @inline(__always)
    public func outDegree(_ node: Int32) -> Int { Int(childOffsets[Int(node) + 1] - childOffsets[Int(node)]) }

    /// The relation of the edge parent→child, or nil when there is none.
    /// - Complexity: O(log outDegree(parent)).
    public func relation(from parent: Int32, to child: Int32) -> Relation? {
        let kids = children(of: parent)
        var lo = kids.nodes.startIndex, hi = kids.nodes.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if kids.nodes[mid] < child { lo = mid + 1 } else { hi = mid }
        }
        return lo < kids.nodes.endIndex && kids.nodes[lo] == child ? kids.relations[lo] : nil
    }

    /// Nodes without parents, ascending. Nodes on a cycle with no outside parent are not roots.
    /// - Complexity: O(n).
    public var roots: [Int32] {
        var out: [Int32] = []
        for v in 0..<nodeCount where parentOffsets[v] == parentOffsets[v + 1] { out.append(Int32(v)) }
        return out
    }
}

// MARK: - Neighbors

extension LineageGraph {
    /// One end of an edge seen from a node: the neighbour and the edge's relation.
    public struct Neighbor: Hashable, Sendable {
        public let node: Int32
        public let relation: Relation

        public init(node: Int32, relation: Relation) {
            self.node = node
            self.relation = relation
        }
    }

    /// A node's adjacency slice: neighbour ids and edge relations side by side, without copying.
    public struct Neighbors: RandomAccessCollection, Sendable {
        /// Neighbour ids, ascending. Indices are shared with `relations` (not zero-based).
        public let nodes: ArraySlice<Int32>
        public let relations: ArraySlice<Relation>

        public var startIndex: Int { nodes.startIndex }
        public var endIndex: Int { nodes.endIndex }

        public subscript(position: Int) -> Neighbor {
            Neighbor(node: nodes[position], relation: relations[position])
        }
    }
}
