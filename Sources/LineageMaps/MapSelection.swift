import Foundation
import LineageGraph

/// Which part of a lineage a map draws: the most important nodes below some seeds, every node on the
/// way down to them, and one "+N more" placeholder per parent for what is cut.
///
/// Pure and deterministic: the same graph, seeds and parameters always give the same selection, in the
/// same order. `LineageMapBuilder` turns it into DOT.
///
/// ## How nodes are chosen
///
/// 1. The *universe* is the seeds and their descendants along `relations`, up to `maxDepth` hops
///    (breadth-first, so each node is reached once, at its shortest distance, through one BFS-tree
///    parent). With `includeAncestors`, up to `ancestorShare` of the budget (a quarter by default) goes to the seeds' nearest
///    ancestors first, so a single model is drawn inside its own lineage.
/// 2. *Candidates* are the seeds and every descendant; with a filter (e.g. an author country), only the
///    descendants that pass it. Other nodes (seeds included) are only drawn when they lie on the path
///    to a kept candidate.
/// 3. Each universe node gets a score from its BFS subtree: `log2(1 + downloads) + 2·log2(1 + weighted
///    reach)`, where downloads sum the node's and its candidate descendants' recent downloads and weighted
///    reach counts candidate descendants weighted by how they were made (``relationWeight(_:)``). Both
///    sums only grow towards the root, so a parent never scores below its child.
/// 4. Candidates are taken by score (ties: BFS order) while the budget lasts; taking one also takes
///    every not-yet-kept node on its BFS path from the seed, so a kept node is always connected to its
///    root. A candidate whose path no longer fits is skipped.
/// 5. Every candidate left out is counted under its nearest kept BFS ancestor: one ``Collapsed`` group
///    per kept parent ("+N more (M downloads)"). Cut seeds form one group without a parent.
///
/// - Complexity: O(s + v + e) for the traversal over the v universe nodes and e edges explored, O(v) for
///   the scores, O(c log c) to order the c candidates, O(k · d) for the paths of k kept nodes of depth
///   ≤ d, and O(Σ out-degree of kept nodes) for the edges. No allocation is proportional to the whole
///   graph except the traversal's visited marks.
public struct MapSelection: Sendable, Equatable {
    /// What a kept node is to the map.
    public enum Role: String, Sendable, Hashable {
        /// One of the nodes the map was asked about.
        case seed
        /// An ancestor of the seeds (only with `includeAncestors`).
        case ancestor
        /// A descendant that passes the filter.
        case descendant
        /// A descendant kept only because it lies on the path to a kept descendant.
        case path
    }

    /// A node drawn on the map.
    public struct Node: Sendable, Hashable {
        public var node: Int32
        public var role: Role
        /// Hops below the nearest seed; for ancestors, hops above it.
        public var depth: Int
        /// Candidate descendants in this node's BFS subtree (itself excluded), kept or not.
        public var reach: Int
        /// Recent downloads summed over those descendants.
        public var reachDownloads: Int64

        public init(node: Int32, role: Role, depth: Int, reach: Int, reachDownloads: Int64) {
            self.node = node
            self.role = role
            self.depth = depth
            self.reach = reach
            self.reachDownloads = reachDownloads
        }
    }

    /// A lineage edge between two kept nodes.
    public struct Edge: Sendable, Hashable {
        public var parent: Int32
        public var child: Int32
        public var relation: Relation

        public init(parent: Int32, child: Int32, relation: Relation) {
            self.parent = parent
            self.child = child
            self.relation = relation
        }
    }

    /// Candidates left out, counted under the kept node they hang from.
    public struct Collapsed: Sendable, Hashable {
        /// The nearest kept BFS ancestor; nil for seeds that were cut.
        public var parent: Int32?
        public var count: Int
        /// Recent downloads summed over the cut candidates.
        public var downloads: Int64

        public init(parent: Int32?, count: Int, downloads: Int64) {
            self.parent = parent
            self.count = count
            self.downloads = downloads
        }
    }

    /// Knobs of the selection.
    public struct Parameters: Sendable, Hashable {
        /// Most nodes drawn (placeholders not counted). At least 1.
        public var maxNodes: Int
        public var relations: RelationMask
        /// Deepest descendant drawn, in hops below a seed; nil for no limit.
        public var maxDepth: Int?
        /// Draw the seeds' ancestors too (for a single model).
        public var includeAncestors: Bool
        /// Share of `maxNodes` ancestors may take, nearest first (0…1).
        public var ancestorShare: Double

        public init(
            maxNodes: Int = 150, relations: RelationMask = .all, maxDepth: Int? = nil, includeAncestors: Bool = false,
            ancestorShare: Double = 0.25
        ) {
            self.maxNodes = maxNodes
            self.relations = relations
            self.maxDepth = maxDepth
            self.includeAncestors = includeAncestors
            self.ancestorShare = ancestorShare
        }
    }

    /// Kept nodes: ancestors (nearest first), then seeds and descendants in BFS order.
    public var nodes: [Node]
    /// Edges between kept nodes along `relations`, ordered by the parent's then the child's place in `nodes`.
    public var edges: [Edge]
    /// One entry per kept parent that lost candidates (and at most one without a parent), in `nodes` order.
    public var collapsed: [Collapsed]
    /// Distinct seeds asked for.
    public var seedCount: Int
    /// Seeds plus every descendant reached (filtered or not).
    public var universeCount: Int
    /// Descendants that pass the filter (seeds excluded).
    public var candidateCount: Int
    /// Ancestors of the seeds, drawn or not (0 without `includeAncestors`).
    public var ancestorCount: Int

    /// Candidate descendants drawn (seeds excluded).
    public var keptCandidateCount: Int { nodes.lazy.filter { $0.role == .descendant }.count }

    /// How much a descendant made this way adds to its ancestors' weighted reach
    /// (`RelationTraits.mapWeight`): derivative work (fine-tunes, adapters) counts fully, repackaging
    /// (quantizations) little.
    public static func relationWeight(_ relation: Relation) -> Double { relation.traits.mapWeight }

    /// Selects the map of `seeds` in `graph`.
    ///
    /// - Parameters:
    ///   - downloads: recent downloads per node id (usually `graph.columns?.downloads`); nil counts 0.
    ///   - isCandidate: whether a descendant passes the map's filter; nil keeps every descendant.
    /// - Complexity: see the type's documentation.
    public init(
        graph: LineageGraph, seeds: [Int32], parameters: Parameters, downloads: [Int64]? = nil,
        isCandidate: ((Int32) -> Bool)? = nil
    ) {
        let budget = max(1, parameters.maxNodes)
        let downloads = downloads ?? graph.columns?.downloads
        func downloadsOf(_ v: Int32) -> Int64 { downloads.map { max(0, $0[Int(v)]) } ?? 0 }

        var kept: [Int32: Int] = [:]  // node → index in `nodes`
        var nodes: [Node] = []

        // 1. Ancestors, nearest first, up to their share of the budget.
        var ancestorCount = 0
        if parameters.includeAncestors {
            let up = graph.ancestors(of: seeds, relations: parameters.relations)
            ancestorCount = up.reachedCount
            let room = min(up.reachedCount, Int(Double(budget) * min(1, max(0, parameters.ancestorShare))))
            for p in up.seedCount..<(up.seedCount + room) {
                kept[up.nodes[p]] = nodes.count
                nodes.append(Node(node: up.nodes[p], role: .ancestor, depth: Int(up.depths[p]), reach: 0, reachDownloads: 0))
            }
        }

        // 2. The universe below the seeds.
        let down = graph.descendants(of: seeds, relations: parameters.relations, maxDepth: parameters.maxDepth)
        let count = down.count
        var isCandidateAt = [Bool](repeating: true, count: count)
        var candidates = 0
        if let isCandidate {
            // With a filter, seeds are drawn only on the way to a matching descendant.
            for p in 0..<down.seedCount { isCandidateAt[p] = false }
            for p in down.seedCount..<count where !isCandidate(down.nodes[p]) { isCandidateAt[p] = false }
        }
        for p in down.seedCount..<count where isCandidateAt[p] { candidates += 1 }

        // 3. Subtree sums on the BFS tree, children before parents (reverse BFS order).
        var subDownloads = [Int64](repeating: 0, count: count)
        var subReach = [Int32](repeating: 0, count: count)
        var subWeighted = [Double](repeating: 0, count: count)
        for p in stride(from: count - 1, through: 0, by: -1) {
            let own: Int64 = isCandidateAt[p] ? downloadsOf(down.nodes[p]) : 0
            let total = subDownloads[p].addingSaturating(own)
            let q = Int(down.predecessors[p])
            guard q >= 0 else { continue }
            subDownloads[q].addSaturating(total)
            if isCandidateAt[p] {
                subReach[q] += 1
                subWeighted[q] += Self.relationWeight(down.relations[p])
            }
            subReach[q] += subReach[p]
            subWeighted[q] += subWeighted[p]
        }
        var score = [Double](repeating: 0, count: count)
        for p in 0..<count {
            let own: Int64 = isCandidateAt[p] ? downloadsOf(down.nodes[p]) : 0
            score[p] = log2(1 + Double(subDownloads[p] &+ own)) + 2 * log2(1 + subWeighted[p])
        }

        // 4. Greedy by score; a candidate brings its path from the seed.
        // Sort keys: score descending (as a Float, whose bit pattern orders non-negative values), then
        // position ascending, packed in one UInt64 so the sort needs no comparison closure.
        var order: [UInt64] = []
        order.reserveCapacity(count)
        for p in 0..<count where isCandidateAt[p] {
            order.append(UInt64(~Float(score[p]).bitPattern) << 32 | UInt64(p))
        }
        order.sort()
        var keptAt = [Bool](repeating: false, count: count)
        var keptBelow = 0  // universe nodes kept (ancestors are already in `nodes`)
        let room = budget - nodes.count
        var path: [Int] = []
        for key in order {
            if keptBelow >= room { break }
            path.removeAll(keepingCapacity: true)
            var p = Int(key & 0xFFFF_FFFF)
            while p >= 0, !keptAt[p], kept[down.nodes[p]] == nil {
                path.append(p)
                p = Int(down.predecessors[p])
            }
            if path.isEmpty || keptBelow + path.count > room { continue }
            for q in path { keptAt[q] = true }
            keptBelow += path.count
        }
        for p in 0..<count where keptAt[p] {
            let role: Role = p < down.seedCount ? .seed : isCandidateAt[p] ? .descendant : .path
            kept[down.nodes[p]] = nodes.count
            nodes.append(Node(
                node: down.nodes[p], role: role, depth: Int(down.depths[p]),
                reach: Int(subReach[p]), reachDownloads: subDownloads[p]))
        }

        // 5. Cut candidates under their nearest kept BFS ancestor (positions precede their children).
        // Totals per kept position, in slot `position + 1` (slot 0: no kept ancestor).
        var nearestKept = [Int32](repeating: -1, count: count)
        var groupCount = [Int32](repeating: 0, count: count + 1)
        var groupDownloads = [Int64](repeating: 0, count: count + 1)
        for p in 0..<count {
            let q = Int(down.predecessors[p])
            if q >= 0 { nearestKept[p] = keptAt[q] ? Int32(q) : nearestKept[q] }
            guard !keptAt[p], isCandidateAt[p] else { continue }
            let slot = Int(nearestKept[p]) + 1
            groupCount[slot] += 1
            groupDownloads[slot].addSaturating(downloadsOf(down.nodes[p]))
        }
        // Kept positions ascend with `nodes` order, so slot order is the promised order; the parentless
        // group comes first.
        var collapsed: [Collapsed] = []
        for slot in 0...count where groupCount[slot] > 0 {
            collapsed.append(Collapsed(
                parent: slot > 0 ? down.nodes[slot - 1] : nil, count: Int(groupCount[slot]), downloads: groupDownloads[slot]))
        }
        self.collapsed = collapsed

        // 6. Edges between kept nodes, by parent then child place.
        // A bitset answers "kept?" for every child of a hub without hashing.
        var keptSet = NodeBitset(capacity: graph.nodeCount)
        for item in nodes { _ = keptSet.insert(item.node) }
        var edges: [Edge] = []
        for item in nodes {
            let kids = graph.children(of: item.node)
            var out: [(Int, Edge)] = []
            for i in kids.indices where keptSet.contains(kids.nodes[i]) && parameters.relations.contains(kids.relations[i]) {
                if let place = kept[kids.nodes[i]] {
                    out.append((place, Edge(parent: item.node, child: kids.nodes[i], relation: kids.relations[i])))
                }
            }
            out.sort { $0.0 < $1.0 }
            edges.append(contentsOf: out.map(\.1))
        }

        self.nodes = nodes
        self.edges = edges
        self.seedCount = down.seedCount
        self.universeCount = count
        self.candidateCount = candidates
        self.ancestorCount = ancestorCount
    }
}
