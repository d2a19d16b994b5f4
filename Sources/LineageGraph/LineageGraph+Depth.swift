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
    ///   `condensation`; the O(n) is the returned array. Without one, the descendants alone are
    ///   condensed (only when they hold a cycle): O(n + v log v + e_v) still.
    public func generations(
        from roots: [Int32], condensation: Condensation? = nil, scratch: inout TraversalScratch
    ) -> [Int32] {
        var reached = Array(descendants(of: roots, scratch: &scratch).nodes)
        // Component of each reached node, numbered in topological order.
        let componentOf: [Int32]
        if let condensation {
            precondition(condensation.componentOf.count == nodeCount, "generations: condensation of another graph")
            componentOf = condensation.componentOf
        } else if let acyclic = acyclicGenerations(from: roots, reached: reached) {
            // No cycle below the roots (the usual case): a plain topological sweep gives the longest paths.
            return acyclic
        } else {
            // Condense only the descendants, not the whole graph: they are closed under children, so every
            // cycle through one of them lies among them, and their components are the graph's.
            componentOf = componentsOfDescendants(reached)
        }
        var generation = [Int32](repeating: -1, count: nodeCount)
        guard !reached.isEmpty else { return generation }
        for r in roots { generation[Int(r)] = 0 }
        reached.sort { (componentOf[Int($0)], $0) < (componentOf[Int($1)], $1) }

        // Sweep components in topological order; `reached` holds each one as a contiguous run.
        var runStart = 0
        while runStart < reached.count {
            let c = componentOf[Int(reached[runStart])]
            var runEnd = runStart
            var g: Int32 = -1
            while runEnd < reached.count, componentOf[Int(reached[runEnd])] == c {
                g = max(g, generation[Int(reached[runEnd])])
                runEnd += 1
            }
            assert(g >= 0, "generations: reached component with no generation")
            for i in runStart..<runEnd {
                let v = reached[i]
                generation[Int(v)] = g
                for w in children(of: v).nodes where componentOf[Int(w)] != c && generation[Int(w)] < g + 1 {
                    generation[Int(w)] = g + 1
                }
            }
            runStart = runEnd
        }
        return generation
    }

    /// Strongly connected components of the subgraph induced by `reached` (a set closed under
    /// children), numbered in topological order, as an array over all nodes (-1 outside `reached`).
    /// - Complexity: O(n + v + e_v).
    private func componentsOfDescendants(_ reached: [Int32]) -> [Int32] {
        var local = [Int32](repeating: -1, count: nodeCount)
        for (i, v) in reached.enumerated() { local[Int(v)] = Int32(i) }
        var children: [Int32] = [], parents: [Int32] = []
        for v in reached {
            for w in self.children(of: v).nodes {
                children.append(local[Int(w)])
                parents.append(local[Int(v)])
            }
        }
        let sub = LineageGraph(
            nodeCount: reached.count, children: children, parents: parents,
            relations: [Relation](repeating: .unknown, count: children.count))
        let cond = sub.condensation()
        var componentOf = [Int32](repeating: -1, count: nodeCount)
        for (i, v) in reached.enumerated() { componentOf[Int(v)] = cond.componentOf[i] }
        return componentOf
    }

    /// `generations(from:condensation:scratch:)` for `reached` (the descendants of `roots`, roots included)
    /// when no cycle runs through them, by Kahn's algorithm restricted to them; nil when one does.
    /// - Complexity: O(n + v + e_v).
    private func acyclicGenerations(from roots: [Int32], reached: [Int32]) -> [Int32]? {
        var generation = [Int32](repeating: -1, count: nodeCount)
        // Reached parents not yet swept, per reached node; -1 for nodes not reached.
        var pending = [Int32](repeating: -1, count: nodeCount)
        for v in reached { pending[Int(v)] = 0 }
        for v in reached {
            for w in children(of: v).nodes where pending[Int(w)] >= 0 { pending[Int(w)] += 1 }
        }
        for r in roots { generation[Int(r)] = 0 }
        // Nodes with no reached parent are roots (every other reached node descends from one).
        var queue = reached.filter { pending[Int($0)] == 0 }
        queue.reserveCapacity(reached.count)
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            let next = generation[Int(v)] + 1
            for w in children(of: v).nodes where pending[Int(w)] > 0 {
                if generation[Int(w)] < next { generation[Int(w)] = next }
                pending[Int(w)] -= 1
                if pending[Int(w)] == 0 { queue.append(w) }
            }
        }
        return queue.count == reached.count ? generation : nil
    }

    /// `generations(from:condensation:scratch:)` with a scratch of its own.
    /// - Complexity: O(n + v log v + e_v), plus O(n + e) when `condensation` is omitted.
    public func generations(from roots: [Int32], condensation: Condensation? = nil) -> [Int32] {
        var scratch = TraversalScratch(nodeCount: nodeCount)
        return generations(from: roots, condensation: condensation, scratch: &scratch)
    }
}
