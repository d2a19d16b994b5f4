/// Reach metrics: descendant counts, usage and authors below a seed set or below every root.
extension LineageGraph {
    /// Reach of `seeds` along edges in `relations`.
    /// - Complexity: O(s + v + e) for the v descendants and e edges explored, with `scratch` reused.
    public func reach(of seeds: [Int32], relations: RelationMask = .all, scratch: inout ReachScratch) -> ReachMetrics {
        let authorBound = columns?.authorIdUpperBound ?? 0
        return accumulateReach(seeds: seeds, mask: relations, authorBound: authorBound, scratch: &scratch)
    }

    /// `reach(of:relations:scratch:)` with a scratch of its own.
    /// - Complexity: O(n + v + e).
    public func reach(of seeds: [Int32], relations: RelationMask = .all) -> ReachMetrics {
        var scratch = ReachScratch()
        return reach(of: seeds, relations: relations, scratch: &scratch)
    }

    /// Reach of every root on its own, in the order of `roots`.
    ///
    /// One BFS per root sharing one epoch-stamped scratch, so no per-root clearing or
    /// allocation. Each node is explored once per root above it: O(n + e) overall on a forest,
    /// where every node has a single root; nodes below k roots (merges across lineages) cost k times.
    /// - Complexity: O(n + Σ_r (v_r + e_r)) time, O(n + authors) memory.
    public func reachOfAllRoots(relations: RelationMask = .all) -> (roots: [Int32], metrics: [ReachMetrics]) {
        let roots = self.roots
        let authorBound = columns?.authorIdUpperBound ?? 0
        var scratch = ReachScratch()
        var metrics: [ReachMetrics] = []
        metrics.reserveCapacity(roots.count)
        for root in roots {
            metrics.append(accumulateReach(seeds: [root], mask: relations, authorBound: authorBound, scratch: &scratch))
        }
        return (roots, metrics)
    }

    // MARK: - Core

    /// BFS from `seeds` accumulating metrics on the fly; the scratch queue is reused across calls.
    /// - Complexity: O(s + v + e).
    private func accumulateReach(
        seeds: [Int32], mask: RelationMask, authorBound: Int, scratch: inout ReachScratch
    ) -> ReachMetrics {
        var m = ReachMetrics()
        scratch.nodes.begin(nodeCount: nodeCount)
        scratch.authors.begin(nodeCount: authorBound)
        scratch.queue.removeAll(keepingCapacity: true)
        scratch.depths.removeAll(keepingCapacity: true)
        for seed in seeds {
            precondition(seed >= 0 && Int(seed) < nodeCount, "reach: seed out of range")
            if scratch.nodes.visit(seed) {
                scratch.queue.append(seed)
                scratch.depths.append(0)
            }
        }
        m.seedCount = scratch.queue.count
        // Hoisted out of the loop: unwrapping `columns` per edge would retain six arrays each time.
        let hasColumns = columns != nil
        let downloads = columns?.downloads ?? [], downloadsAllTime = columns?.downloadsAllTime ?? []
        let authorIds = columns?.authorIds ?? []
        var head = 0
        while head < scratch.queue.count {
            let v = Int(scratch.queue[head]), next = scratch.depths[head] + 1
            head += 1
            for e in Int(childOffsets[v])..<Int(childOffsets[v + 1]) {
                let r = childRelations[e]
                guard mask.contains(r) else { continue }
                let w = childTargets[e]
                guard scratch.nodes.visit(w) else { continue }
                scratch.queue.append(w)
                scratch.depths.append(next)
                m.descendantCount += 1
                m.byRelation[r] += 1
                if next == 1 { m.directCount += 1 }
                m.maxDepth = Int(next)
                if hasColumns {
                    m.downloads.addSaturating(downloads[Int(w)])
                    m.downloadsAllTime.addSaturating(downloadsAllTime[Int(w)])
                    let author = authorIds[Int(w)]
                    if author >= 0, scratch.authors.visit(author) { m.distinctAuthors += 1 }
                }
            }
        }
        return m
    }
}
