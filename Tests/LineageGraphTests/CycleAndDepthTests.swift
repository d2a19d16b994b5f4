import Testing
@testable import LineageGraph

@Suite("Cycles and generations")
struct CycleAndDepthTests {
    @Test func twoCycleAndLongerCycle() {
        // 0 ⇄ 1 ; 2 → 3 → 4 → 2 ; 1 → 2 ; 4 → 5
        let g = LineageGraph(
            nodeCount: 6, children: [1, 0, 3, 4, 2, 2, 5], parents: [0, 1, 2, 3, 4, 1, 4],
            relations: Array(repeating: .finetune, count: 7))
        let report = g.cycles()
        #expect(report.components == [[0, 1], [2, 3, 4]])
        #expect(report.nodeCount == 5 && !report.isEmpty)
        #expect(g.roots.isEmpty)
        // {0,1} is a source at generation 0; {2,3,4} at 1; 5 at 2.
        #expect(g.generations() == [0, 0, 1, 1, 1, 2])
        #expect(g.generations(from: [3]) == [-1, -1, 0, 0, 0, 1])
        let cond = g.condensation()
        #expect(cond.componentCount == 3 && !cond.isAcyclic)
        #expect(cond.component(of: 0) < cond.component(of: 2) && cond.component(of: 2) < cond.component(of: 5))
    }

    @Test func mergeOfBaseAndItsFinetuneIsBelowBoth() {
        // 0 → 1 → 2, and 2 also merges 0 directly: longest path puts 2 at generation 2.
        let g = LineageGraph(nodeCount: 3, children: [1, 2, 2], parents: [0, 1, 0], relations: [.finetune, .merge, .merge])
        #expect(g.generations() == [0, 1, 2])
        #expect(g.descendants(of: [0]).depth(of: 2) == 1)  // shortest path differs
        let summary = GenerationSummary(generations: g.generations())
        #expect(summary.maxGeneration == 2 && summary.histogram == [1, 1, 1] && summary.meanGeneration == 1)
    }

    @Test func rootsBelowOtherRoots() {
        // Family roots 0 and 1 where 1 is a fine-tune of 0.
        let g = LineageGraph(nodeCount: 4, children: [1, 2, 3], parents: [0, 1, 2], relations: [.finetune, .finetune, .quantized])
        #expect(g.generations(from: [1, 0]) == [0, 1, 2, 3])
        #expect(g.generations(from: [2]) == [-1, -1, 0, 1])
        #expect(GenerationSummary(generations: [-1, -1]).maxGeneration == -1)
    }

    @Test func deepChainAndDeepCycleDoNotRecurse() {
        let n = 20_000
        let kids = (1..<n).map(Int32.init), parents = (0..<n - 1).map(Int32.init)
        let chain = LineageGraph(nodeCount: n, children: kids, parents: parents, relations: Array(repeating: .finetune, count: n - 1))
        #expect(chain.cycles().components.isEmpty)
        let gens = chain.generations()
        #expect(gens.last == Int32(n - 1))
        #expect(chain.generations(from: [0]).last == Int32(n - 1))
        #expect(chain.descendants(of: [0]).path(toPosition: n - 1).count == n)

        let cycle = LineageGraph(
            nodeCount: n, children: kids + [0], parents: parents + [Int32(n - 1)],
            relations: Array(repeating: .finetune, count: n))
        let report = cycle.cycles()
        #expect(report.components.count == 1 && report.components[0].count == n)
        #expect(cycle.generations().allSatisfy { $0 == 0 })
    }

    @Test(arguments: [false, true])
    func randomGraphsMatchNaiveReference(acyclic: Bool) {
        var rng = SplitMix64(seed: acyclic ? 7 : 8)
        for _ in 0..<70 {
            let n = Int.random(in: 1...30, using: &rng)
            let list = EdgeList.random(nodeCount: n, edgeCount: Int.random(in: 0...(2 * n), using: &rng), acyclic: acyclic, rng: &rng)
            let g = list.graph()
            let naive = NaiveGraph(list)
            let cond = g.condensation()
            #expect(g.cycles(in: cond).components == naive.nontrivialSCCs())
            if acyclic { #expect(cond.isAcyclic) }
            let labels = naive.sccLabels()
            for u in 0..<n {
                for v in 0..<n {
                    #expect((labels[u] == labels[v]) == (cond.component(of: Int32(u)) == cond.component(of: Int32(v))))
                }
            }
            #expect(g.generations(condensation: cond).map(Int.init) == naive.generations())
            let roots = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
            #expect(g.generations(from: roots.map(Int32.init), condensation: cond).map(Int.init) == naive.generations(roots: roots))
            // Without a condensation: the acyclic sweep, or the fallback when a cycle is reached.
            #expect(g.generations(from: roots.map(Int32.init)).map(Int.init) == naive.generations(roots: roots))
        }
    }
}
