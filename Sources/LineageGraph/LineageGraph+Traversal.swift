/// Breadth-first traversals down (descendants) and up (ancestors) the lineage.
extension LineageGraph {
    /// Which adjacency a traversal follows.
    public enum Direction: Sendable, Hashable {
        /// Parent → child: descendants.
        case down
        /// Child → parent: ancestors.
        case up
    }

    // MARK: - Public entry points

    /// Every node derived, directly or not, from `seeds`, in BFS order with depth and BFS tree.
    ///
    /// Each node is visited once even when merges reach it by several paths; its depth is the
    /// shortest hop distance from the nearest seed. Seeds are included at depth 0. Only edges
    /// whose relation is in `relations` are followed; traversal stops at `maxDepth` hops (nil:
    /// no limit). When `predicate` is given, non-seed nodes failing it are neither reported nor
    /// traversed through. Terminates on cyclic input.
    /// - Complexity: O(s + v + e) where v and e are the nodes and edges explored, with `scratch`
    ///   reused; O(n) more to grow a fresh scratch.
    public func descendants(
        of seeds: [Int32], relations: RelationMask = .all, maxDepth: Int? = nil,
        where predicate: ((Int32) -> Bool)? = nil, scratch: inout TraversalScratch
    ) -> TraversalResult {
        traverse(.down, from: seeds, relations: relations, maxDepth: maxDepth, where: predicate, scratch: &scratch)
    }

    /// `descendants(of:relations:maxDepth:where:scratch:)` with a scratch of its own.
    /// - Complexity: O(n + v + e).
    public func descendants(
        of seeds: [Int32], relations: RelationMask = .all, maxDepth: Int? = nil,
        where predicate: ((Int32) -> Bool)? = nil
    ) -> TraversalResult {
        var scratch = TraversalScratch(nodeCount: nodeCount)
        return descendants(of: seeds, relations: relations, maxDepth: maxDepth, where: predicate, scratch: &scratch)
    }

    /// Every node `seeds` derive from, directly or not: the upward mirror of `descendants`.
    ///
    /// `path(to:)` on the result runs from the seed up to the ancestor.
    /// - Complexity: O(s + v + e) with `scratch` reused.
    public func ancestors(
        of seeds: [Int32], relations: RelationMask = .all, maxDepth: Int? = nil,
        where predicate: ((Int32) -> Bool)? = nil, scratch: inout TraversalScratch
    ) -> TraversalResult {
        traverse(.up, from: seeds, relations: relations, maxDepth: maxDepth, where: predicate, scratch: &scratch)
    }

    /// `ancestors(of:relations:maxDepth:where:scratch:)` with a scratch of its own.
    /// - Complexity: O(n + v + e).
    public func ancestors(
        of seeds: [Int32], relations: RelationMask = .all, maxDepth: Int? = nil,
        where predicate: ((Int32) -> Bool)? = nil
    ) -> TraversalResult {
        var scratch = TraversalScratch(nodeCount: nodeCount)
        return ancestors(of: seeds, relations: relations, maxDepth: maxDepth, where: predicate, scratch: &scratch)
    }

    // MARK: - BFS core

    /// The BFS shared by both directions. The result arrays double as the queue.
    /// - Complexity: O(s + v + e).
    public func traverse(
        _ direction: Direction, from seeds: [Int32], relations mask: RelationMask = .all, maxDepth: Int? = nil,
        where predicate: ((Int32) -> Bool)? = nil, scratch: inout TraversalScratch
    ) -> TraversalResult {
        precondition(maxDepth.map { $0 >= 0 } ?? true, "traverse: negative maxDepth")
        let offsets = direction == .down ? childOffsets : parentOffsets
        let targets = direction == .down ? childTargets : parentTargets
        let edgeRelations = direction == .down ? childRelations : parentRelations
        let limit = Int32(clamping: maxDepth ?? Int(Int32.max))

        scratch.begin(nodeCount: nodeCount)
        var nodes: [Int32] = [], depths: [Int32] = [], preds: [Int32] = [], rels: [Relation] = []
        for seed in seeds {
            precondition(seed >= 0 && Int(seed) < nodeCount, "traverse: seed out of range")
            if scratch.visit(seed) {
                nodes.append(seed)
                depths.append(0)
                preds.append(-1)
                rels.append(.unknown)
            }
        }
        let seedCount = nodes.count
        var head = 0
        while head < nodes.count {
            let v = Int(nodes[head]), d = depths[head]
            if d >= limit { break }  // depths are non-decreasing: nothing deeper may be expanded
            for e in Int(offsets[v])..<Int(offsets[v + 1]) {
                let r = edgeRelations[e]
                guard mask.contains(r) else { continue }
                let w = targets[e]
                guard scratch.visit(w) else { continue }
                if let predicate, !predicate(w) { continue }  // stays marked: evaluated once
                nodes.append(w)
                depths.append(d + 1)
                preds.append(Int32(head))
                rels.append(r)
            }
            head += 1
        }
        return TraversalResult(nodes: nodes, depths: depths, predecessors: preds, relations: rels, seedCount: seedCount)
    }

    /// Whether `target` is a descendant of (or equal to) `source` along edges in `relations`.
    /// - Complexity: O(v + e) of the explored part, with `scratch` reused.
    public func isDescendant(
        _ target: Int32, of source: Int32, relations mask: RelationMask = .all, scratch: inout TraversalScratch
    ) -> Bool {
        if target == source { return true }
        scratch.begin(nodeCount: nodeCount)
        scratch.visit(source)
        var stack: [Int32] = [source]
        while let v = stack.popLast() {
            for e in Int(childOffsets[Int(v)])..<Int(childOffsets[Int(v) + 1]) where mask.contains(childRelations[e]) {
                let w = childTargets[e]
                if w == target { return true }
                if scratch.visit(w) { stack.append(w) }
            }
        }
        return false
    }
}
