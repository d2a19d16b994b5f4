import Testing
@testable import LineageGraph

@Suite("Graph construction")
struct GraphConstructionTests {
    @Test func diamondMerge() {
        // 0 → 1, 0 → 2, {1, 2} → 3 (merge)
        var b = LineageGraphBuilder(nodeCount: 4)
        b.addEdge(child: 1, parent: 0, relation: .finetune)
        b.addEdge(child: 2, parent: 0, relation: .adapter)
        b.addEdge(child: 3, parent: 1, relation: .merge)
        b.addEdge(child: 3, parent: 2, relation: .merge)
        let g = b.build()
        #expect(g.edgeCount == 4)
        #expect(g.roots == [0])
        #expect(Array(g.children(of: 0).nodes) == [1, 2])
        #expect(g.children(of: 0).map(\.relation) == [.finetune, .adapter])
        #expect(Array(g.parents(of: 3).nodes) == [1, 2])
        #expect(g.inDegree(3) == 2 && g.outDegree(3) == 0 && g.outDegree(0) == 2)
        #expect(g.edgeCount(by: .merge) == 2 && g.edgeCount(by: .quantized) == 0)
        #expect(g.relation(from: 0, to: 2) == .adapter)
        #expect(g.relation(from: 2, to: 0) == nil)
    }

    @Test func selfLoopsAreDroppedAndCounted() {
        let g = LineageGraph(nodeCount: 3, children: [0, 1, 1, 2], parents: [0, 0, 1, 2], relations: [.finetune, .finetune, .merge, .unknown])
        #expect(g.selfLoopCount == 3)
        #expect(g.edgeCount == 1)
        #expect(g.cycles() == CycleReport(components: [], selfLoopCount: 3))
    }

    @Test func duplicatesCollapseKeepingKnownRelation() {
        let g = LineageGraph(
            nodeCount: 3, children: [1, 1, 1, 2, 2], parents: [0, 0, 0, 0, 0],
            relations: [.unknown, .quantized, .unknown, .unknown, .unknown])
        #expect(g.edgeCount == 2)
        #expect(g.duplicateEdgeCount == 3)
        #expect(g.relation(from: 0, to: 1) == .quantized)
        #expect(g.relation(from: 0, to: 2) == .unknown)
        #expect(g.edgeCount(by: .unknown) == 1 && g.edgeCount(by: .quantized) == 1)
        #expect(g.parents(of: 1).map(\.relation) == [.quantized])
    }

    @Test func danglingAndIsolatedNodes() {
        // Node 3 is isolated; node 2 is an external parent with no metadata of its own.
        var columns = NodeColumns(count: 4)
        columns.kinds[2] = .external
        let g = LineageGraph(nodeCount: 4, children: [0, 1], parents: [2, 0], relations: [.finetune, .quantized], columns: columns)
        #expect(g.roots == [2, 3])
        #expect(g.children(of: 3).isEmpty && g.parents(of: 3).isEmpty)
        #expect(g.descendants(of: [3]).nodes == [3])
        #expect(g.descendants(of: [2]).nodes == [2, 0, 1])
        #expect(g.generations() == [1, 2, 0, 0])
    }

    @Test func emptyGraph() {
        let g = LineageGraph(nodeCount: 0)
        #expect(g.edgeCount == 0 && g.roots.isEmpty)
        #expect(g.condensation().componentCount == 0)
        #expect(g.generations().isEmpty)
        #expect(g.reachOfAllRoots().metrics.isEmpty)
    }

    @Test func csrMatchesNaiveEdgeSetOnRandomGraphs() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<60 {
            let n = Int.random(in: 1...30, using: &rng)
            let list = EdgeList.random(nodeCount: n, edgeCount: Int.random(in: 0...60, using: &rng), acyclic: false, rng: &rng)
            let g = list.graph()
            let naive = NaiveGraph(list)
            #expect(g.edgeCount == naive.edgeCount)
            #expect(g.selfLoopCount == list.edges.filter { $0.child == $0.parent }.count)
            for v in 0..<n {
                let kids = g.children(of: Int32(v))
                #expect(kids.map { Int($0.node) } == naive.successors(v, up: false, mask: .all))
                for k in kids { #expect(naive.edge[v]?[Int(k.node)] == k.relation) }
                #expect(g.parents(of: Int32(v)).map { Int($0.node) } == naive.successors(v, up: true, mask: .all))
            }
            for r in Relation.allCases {
                #expect(g.edgeCount(by: r) == naive.edge.values.reduce(0) { $0 + $1.values.filter { $0 == r }.count })
            }
        }
    }

    @Test func relationMask() {
        let m = RelationMask([.finetune, .merge])
        #expect(m.contains(Relation.finetune) && m.contains(Relation.merge) && !m.contains(Relation.quantized))
        #expect(RelationMask.all.relations == Relation.allCases)
        #expect(m.description == "[finetune,merge]")
    }

    @Test func nodeBitset() {
        var s = NodeBitset(capacity: 130)
        let inserted = [s.insert(0), s.insert(64), s.insert(129), s.insert(64)]
        #expect(inserted == [true, true, true, false])
        s.remove(0)
        #expect(s.members == [64, 129] && s.count == 2 && !s.contains(0))
    }
}
