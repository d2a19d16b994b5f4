import Testing
@testable import LineageGraph

@Suite("Traversals")
struct TraversalTests {
    @Test func chainDescendantsAndPath() {
        let g = LineageGraph(nodeCount: 5, children: [1, 2, 3, 4], parents: [0, 1, 2, 3], relations: [.finetune, .adapter, .quantized, .merge])
        let r = g.descendants(of: [0])
        #expect(r.nodes == [0, 1, 2, 3, 4])
        #expect(r.depths == [0, 1, 2, 3, 4])
        #expect(r.seedCount == 1 && r.reachedCount == 4)
        #expect(r.path(to: 4) == [0, 1, 2, 3, 4])
        #expect(r.relations(toPosition: 4) == [.finetune, .adapter, .quantized, .merge])
        #expect(g.descendants(of: [0], maxDepth: 2).nodes == [0, 1, 2])
        #expect(g.descendants(of: [0], relations: [.finetune, .adapter]).nodes == [0, 1, 2])
        let up = g.ancestors(of: [4])
        #expect(up.nodes == [4, 3, 2, 1, 0])
        #expect(up.path(to: 0) == [4, 3, 2, 1, 0])
        #expect(r.path(to: 99) == nil)
    }

    @Test func diamondVisitsMergeOnce() {
        let g = LineageGraph(nodeCount: 4, children: [1, 2, 3, 3], parents: [0, 0, 1, 2], relations: [.finetune, .finetune, .merge, .merge])
        let r = g.descendants(of: [0])
        #expect(r.nodes == [0, 1, 2, 3])
        #expect(r.depth(of: 3) == 2)
        #expect(g.ancestors(of: [3]).nodes == [3, 1, 2, 0])
    }

    @Test func cyclesTerminate() {
        // 0 → 1 → 2 → 0 and 2 → 3
        let g = LineageGraph(nodeCount: 4, children: [1, 2, 0, 3], parents: [0, 1, 2, 2], relations: Array(repeating: .finetune, count: 4))
        #expect(g.descendants(of: [1]).nodes == [1, 2, 0, 3])
        #expect(g.ancestors(of: [3]).nodes == [3, 2, 1, 0])
    }

    @Test func predicateFiltersAndBlocks() {
        // 0 → 1 → 2, 0 → 3; predicate rejects 1, so 2 is unreachable.
        let g = LineageGraph(nodeCount: 4, children: [1, 2, 3], parents: [0, 1, 0], relations: [.finetune, .finetune, .finetune])
        #expect(g.descendants(of: [0], where: { $0 != 1 }).nodes == [0, 3])
        #expect(g.descendants(of: [1], where: { $0 != 1 }).nodes == [1, 2])  // seeds are exempt
    }

    @Test func duplicateSeedsAndScratchReuse() {
        let g = LineageGraph(nodeCount: 3, children: [1, 2], parents: [0, 1], relations: [.finetune, .finetune])
        var scratch = TraversalScratch()
        for _ in 0..<3 {
            let r = g.descendants(of: [1, 1, 0], scratch: &scratch)
            #expect(r.nodes == [1, 0, 2] && r.seedCount == 2)
            #expect(r.path(to: 2) == [1, 2])
        }
        #expect(g.isDescendant(2, of: 0, scratch: &scratch))
        #expect(!g.isDescendant(0, of: 2, scratch: &scratch))
    }

    @Test(arguments: [false, true])
    func randomGraphsMatchNaiveReference(acyclic: Bool) {
        var rng = SplitMix64(seed: acyclic ? 42 : 43)
        var scratch = TraversalScratch()
        for _ in 0..<80 {
            let n = Int.random(in: 1...35, using: &rng)
            let list = EdgeList.random(nodeCount: n, edgeCount: Int.random(in: 0...(2 * n), using: &rng), acyclic: acyclic, rng: &rng)
            let g = list.graph()
            let naive = NaiveGraph(list)
            let seeds = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
            let masks: [RelationMask] = [.all, [.finetune, .merge], .quantized]
            let mask = masks.randomElement(using: &rng)!
            let maxDepth: Int? = Bool.random(using: &rng) ? nil : Int.random(in: 0...3, using: &rng)
            for direction in [LineageGraph.Direction.down, .up] {
                let up = direction == .up
                let r = g.traverse(direction, from: seeds.map(Int32.init), relations: mask, maxDepth: maxDepth, scratch: &scratch)
                let dist = naive.distances(from: seeds, up: up, mask: mask)
                let expected = Set((0..<n).filter { v in dist[v].map { d in maxDepth.map { d <= $0 } ?? true } ?? false })
                #expect(Set(r.nodes.map(Int.init)) == expected)
                #expect(r.nodes.count == expected.count)  // each node once
                if maxDepth == nil {
                    #expect(expected == naive.reachable(from: seeds, up: up, mask: mask))
                }
                #expect(zip(r.depths, r.depths.dropFirst()).allSatisfy { $0 <= $1 })
                for i in r.nodes.indices {
                    let v = Int(r.nodes[i])
                    #expect(Int(r.depths[i]) == dist[v])
                    let path = r.path(toPosition: i)
                    #expect(path.count == Int(r.depths[i]) + 1)
                    #expect(seeds.contains(Int(path[0])) && path.last == r.nodes[i])
                    #expect(pathIsValid(path, in: g, direction: direction, mask: mask))
                    if i >= r.seedCount {
                        #expect(r.relations(toPosition: i).last == r.relations[i])
                    }
                }
            }
        }
    }
}
