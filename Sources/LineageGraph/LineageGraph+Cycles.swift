/// Strongly connected components (iterative Tarjan) and the cycle report built on them.
extension LineageGraph {
    /// The strongly connected components, numbered topologically (see `Condensation`).
    ///
    /// Tarjan's algorithm with an explicit call stack: lineage chains 10K+ deep would overflow
    /// the thread stack if the DFS recursed.
    /// - Complexity: O(n + e) time, about 5n Int32 of working memory.
    public func condensation() -> Condensation {
        let n = nodeCount
        guard n > 0 else { return Condensation(componentOf: [], componentCount: 0) }
        var index = [Int32](repeating: -1, count: n)  // DFS discovery order, -1 = unvisited
        var lowlink = [Int32](repeating: 0, count: n)
        var cursor = [Int32](repeating: 0, count: n)  // next child edge to explore
        var onStack = NodeBitset(capacity: n)
        var component = [Int32](repeating: -1, count: n)
        var sccStack: [Int32] = []
        var callStack: [Int32] = []
        var nextIndex: Int32 = 0
        var completed: Int32 = 0  // components finish in reverse topological order

        for start in 0..<Int32(n) where index[Int(start)] < 0 {
            // Enter `start`.
            index[Int(start)] = nextIndex
            lowlink[Int(start)] = nextIndex
            nextIndex += 1
            cursor[Int(start)] = childOffsets[Int(start)]
            sccStack.append(start)
            onStack.insert(start)
            callStack.append(start)

            while let v = callStack.last {
                let vi = Int(v)
                if cursor[vi] < childOffsets[vi + 1] {
                    let w = childTargets[Int(cursor[vi])]
                    cursor[vi] += 1
                    let wi = Int(w)
                    if index[wi] < 0 {  // tree edge: "recurse" into w
                        index[wi] = nextIndex
                        lowlink[wi] = nextIndex
                        nextIndex += 1
                        cursor[wi] = childOffsets[wi]
                        sccStack.append(w)
                        onStack.insert(w)
                        callStack.append(w)
                    } else if onStack.contains(w) {
                        lowlink[vi] = min(lowlink[vi], index[wi])
                    }
                } else {
                    callStack.removeLast()
                    if lowlink[vi] == index[vi] {  // v roots a component: pop it
                        while true {
                            let w = sccStack.removeLast()
                            onStack.remove(w)
                            component[Int(w)] = completed
                            if w == v { break }
                        }
                        completed += 1
                    }
                    if let u = callStack.last {
                        lowlink[Int(u)] = min(lowlink[Int(u)], lowlink[vi])
                    }
                }
            }
        }
        // Tarjan completes sinks first; flip so that parents' components come first.
        let count = Int(completed)
        for v in 0..<n { component[v] = Int32(count - 1) - component[v] }
        let result = Condensation(componentOf: component, componentCount: count)
        assert(isTopological(result))
        return result
    }

    /// The non-trivial strongly connected components and the self-loop count.
    /// - Complexity: O(n + e + k log k) for k cyclic components.
    public func cycles() -> CycleReport { cycles(in: condensation()) }

    /// `cycles()` from an already computed condensation.
    /// - Complexity: O(n + k log k).
    public func cycles(in condensation: Condensation) -> CycleReport {
        var components: [[Int32]] = []
        for c in 0..<Int32(condensation.componentCount) where condensation.size(of: c) >= 2 {
            components.append(Array(condensation.members(of: c)))
        }
        components.sort { $0[0] < $1[0] }  // members are ascending, so [0] is the smallest
        return CycleReport(components: components, selfLoopCount: selfLoopCount)
    }

    /// Debug check: every edge between components goes forward in component order.
    private func isTopological(_ condensation: Condensation) -> Bool {
        for v in 0..<Int32(nodeCount) {
            let cv = condensation.component(of: v)
            for w in children(of: v).nodes where condensation.component(of: w) < cv { return false }
        }
        return true
    }
}
