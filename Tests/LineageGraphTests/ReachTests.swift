import Testing
@testable import LineageGraph

@Suite("Reach metrics")
struct ReachTests {
    @Test func handBuiltReach() {
        // 0 → 1 (finetune) → 3 (quantized); 0 → 2 (adapter); {1, 2} → 4 (merge)
        var c = NodeColumns(count: 5)
        c.authorIds = [0, 1, 1, 2, -1]
        c.downloads = [1000, 10, 20, 30, 40]
        c.downloadsAllTime = [5000, 100, 200, 300, 400]
        let g = LineageGraph(
            nodeCount: 5, children: [1, 3, 2, 4, 4], parents: [0, 1, 0, 1, 2],
            relations: [.finetune, .quantized, .adapter, .merge, .merge], columns: c)
        let m = g.reach(of: [0])
        #expect(m.seedCount == 1 && m.descendantCount == 4)
        #expect(m.directCount == 2 && m.indirectCount == 2 && m.maxDepth == 2)
        #expect(m.count(by: .finetune) == 1 && m.count(by: .adapter) == 1)
        #expect(m.count(by: .quantized) == 1 && m.count(by: .merge) == 1)
        #expect(m.downloads == 100 && m.downloadsAllTime == 1000)
        #expect(m.distinctAuthors == 2)  // authors 1 and 2; -1 is unknown
        #expect(g.reach(of: [0], relations: .finetune).descendantCount == 1)
        let all = g.reachOfAllRoots()
        #expect(all.roots == [0] && all.metrics == [m])
    }

    @Test func reachWithoutColumns() {
        let g = LineageGraph(nodeCount: 3, children: [1, 2], parents: [0, 1], relations: [.finetune, .finetune])
        let m = g.reach(of: [0])
        #expect(m.descendantCount == 2 && m.downloads == 0 && m.distinctAuthors == 0)
    }

    @Test(arguments: [false, true])
    func randomGraphsMatchNaiveReference(acyclic: Bool) {
        var rng = SplitMix64(seed: acyclic ? 99 : 100)
        var scratch = ReachScratch()
        for _ in 0..<80 {
            let n = Int.random(in: 1...35, using: &rng)
            let list = EdgeList.random(nodeCount: n, edgeCount: Int.random(in: 0...(2 * n), using: &rng), acyclic: acyclic, rng: &rng)
            let columns = EdgeList.randomColumns(nodeCount: n, authors: 6, rng: &rng)
            let g = list.graph(columns: columns)
            let naive = NaiveGraph(list)
            let mask: RelationMask = Bool.random(using: &rng) ? .all : [.finetune, .adapter, .unknown]

            func expected(_ seeds: [Int]) -> ReachMetrics {
                let dist = naive.distances(from: seeds, mask: mask)
                let below = (0..<n).filter { dist[$0] != nil && !seeds.contains($0) }
                var m = ReachMetrics()
                m.seedCount = Set(seeds).count
                m.descendantCount = below.count
                m.directCount = below.filter { dist[$0] == 1 }.count
                m.downloads = below.reduce(0) { $0 + columns.downloads[$1] }
                m.downloadsAllTime = below.reduce(0) { $0 + columns.downloadsAllTime[$1] }
                m.distinctAuthors = Set(below.map { columns.authorIds[$0] }.filter { $0 >= 0 }).count
                m.maxDepth = below.map { dist[$0]! }.max() ?? 0
                return m
            }

            let seeds = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
            let got = g.reach(of: seeds.map(Int32.init), relations: mask, scratch: &scratch)
            var want = expected(seeds)
            // The relation split depends on which shortest path BFS took: check it against the
            // traversal, whose relations are validated by the traversal tests.
            let t = g.descendants(of: seeds.map(Int32.init), relations: mask)
            for r in t.relations[t.seedCount...] { want.byRelation[r] += 1 }
            #expect(got == want)
            #expect(got.byRelation.total == got.descendantCount)

            let all = g.reachOfAllRoots(relations: mask)
            #expect(all.roots == (0..<n).filter { naive.successors($0, up: true, mask: .all).isEmpty }.map(Int32.init))
            for (root, m) in zip(all.roots, all.metrics) {
                var single = expected([Int(root)])
                single.byRelation = m.byRelation
                #expect(m == single)
                #expect(m == g.reach(of: [root], relations: mask))
            }
        }
    }
}
