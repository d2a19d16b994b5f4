/// Generations: how many derivation steps separate a node from the roots of its lineage.
extension LineageGraph {
    /// Generation of every node: the longest path, in edges, from a root of the condensation.
    ///
    /// Longest (not shortest) path, so a merge of a base model and its own fine-tune sits below
    /// both. Cycle-safe: computed on the SCC condensation, where the nodes of one strongly
    /// connected component share a generation and edges inside a component count for nothing;
    /// a cycle with no outside parent therefore sits at generation 0 although it has no root.
    /// - Complexity: O(n + e) given `condensation` (which costs another O(n + e) when omitted).
    public func generations(condensation: Condensation? = nil) -> [Int32] {
        let cond = condensation ?? self.condensation()
        precondition(cond.componentOf.count == nodeCount, "generations: condensation of another graph")
        var componentGeneration = [Int32](repeating: 0, count: cond.componentCount)
        for c in 0..<Int32(cond.componentCount) {  // topological order
            let next = componentGeneration[Int(c)] + 1
            for v in cond.members(of: c) {
                for w in children(of: v).nodes {
                    let cw = Int(cond.componentOf[Int(w)])
                    if cw != Int(c), componentGeneration[cw] < next { componentGeneration[cw] = next }
                }
            }
        }
        return cond.componentOf.map { componentGeneration[Int($0)] }
    }

    /// Generation of every node below the given roots (for a family): the longest path from any
    /// of `roots`, or -1 for nodes not descending from them. Roots are at generation 0 unless
    /// they descend from another of the roots.
    ///
    /// Cycle-safe in the same way as `generations(condensation:)`.
    /// - Complexity: O(n + v log v + e_v) for the v descendants and their e_v edges, given
    ///   `condensation`; the O(n) is the returned array.
    public func generations(
        from roots: [Int32], condensation: Condensation? = nil, scratch: inout TraversalScratch
    ) -> [Int32] {
        let cond = condensation ?? self.condensation()
        precondition(cond.componentOf.count == nodeCount, "generations: condensation of another graph")
        var generation = [Int32](repeating: -1, count: nodeCount)
        var reached = Array(descendants(of: roots, scratch: &scratch).nodes)
        guard !reached.isEmpty else { return generation }
        for r in roots { generation[Int(r)] = 0 }
        reached.sort { (cond.componentOf[Int($0)], $0) < (cond.componentOf[Int($1)], $1) }

        // Sweep components in topological order; `reached` holds each one as a contiguous run.
        var runStart = 0
        while runStart < reached.count {
            let c = cond.componentOf[Int(reached[runStart])]
            var runEnd = runStart
            var g: Int32 = -1
            while runEnd < reached.count, cond.componentOf[Int(reached[runEnd])] == c {
                g = max(g, generation[Int(reached[runEnd])])
                runEnd += 1
            }
            assert(g >= 0, "generations: reached component with no generation")
            for i in runStart..<runEnd {
                let v = reached[i]
                generation[Int(v)] = g
                for w in children(of: v).nodes where cond.componentOf[Int(w)] != c && generation[Int(w)] < g + 1 {
                    generation[Int(w)] = g + 1
                }
            }
            runStart = runEnd
        }
        return generation
    }

    /// `generations(from:condensation:scratch:)` with a scratch of its own.
    /// - Complexity: O(n + v log v + e_v), plus O(n + e) when `condensation` is omitted.
    public func generations(from roots: [Int32], condensation: Condensation? = nil) -> [Int32] {
        var scratch = TraversalScratch(nodeCount: nodeCount)
        return generations(from: roots, condensation: condensation, scratch: &scratch)
    }
}
