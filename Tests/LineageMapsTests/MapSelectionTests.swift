import LineageKit
import Testing

/// A graph built from `parent > child:relation` pairs over node ids, with downloads per node.
private func graph(_ count: Int, _ edges: [(Int32, Int32, Relation)], downloads: [Int64]) -> LineageGraph {
    var columns = NodeColumns(count: count)
    columns.downloads = downloads
    return LineageGraph(
        nodeCount: count, children: edges.map(\.1), parents: edges.map(\.0), relations: edges.map(\.2), columns: columns)
}

@Suite("Map selection")
struct MapSelectionTests {
    /// 0 → 1..5 (finetunes), 1 → 6..9, 2 → 10 (quantized); 11 → 12 merge into 9.
    ///
    ///     0 ─┬─ 1 ─┬─ 6, 7, 8, 9 ←merge─ 11
    ///        ├─ 2 ── 10
    ///        └─ 3, 4, 5
    static let g: LineageGraph = {
        var edges: [(Int32, Int32, Relation)] = [(0, 1, .finetune), (0, 2, .finetune), (0, 3, .finetune), (0, 4, .adapter), (0, 5, .finetune)]
        edges += [(1, 6, .finetune), (1, 7, .finetune), (1, 8, .finetune), (1, 9, .merge), (11, 9, .merge)]
        edges += [(2, 10, .quantized)]
        return graph(12, edges, downloads: [1000, 500, 50, 5, 4, 3, 300, 20, 10, 1, 40, 700])
    }()

    @Test("a budget larger than the lineage keeps everything, in BFS order, with every edge")
    func keepsAll() {
        let s = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: 100))
        #expect(s.nodes.map(\.node) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(s.collapsed.isEmpty)
        #expect(s.edges.count == 10)  // the edge from 11 (not drawn) is left out
        #expect(s.universeCount == 11 && s.candidateCount == 10 && s.seedCount == 1)
        #expect(s.nodes[0].role == .seed && s.nodes[0].reach == 10 && s.nodes[0].reachDownloads == 933)
        #expect(s.nodes[1].reach == 4 && s.nodes[1].depth == 1)
    }

    @Test("a tight budget keeps the most important nodes and folds the rest per parent")
    func cutsAndCollapses() {
        let s = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: 4))
        #expect(s.nodes.count == 4)
        // 1 (big subtree, 500 downloads) and 6 (300 downloads) beat the rest; 2 has a child and 50.
        #expect(s.nodes.map(\.node) == [0, 1, 2, 6])
        let groups = Dictionary(uniqueKeysWithValues: s.collapsed.map { ($0.parent, $0) })
        #expect(groups[0]?.count == 3 && groups[0]?.downloads == 12)  // 3, 4, 5
        #expect(groups[1]?.count == 3 && groups[1]?.downloads == 31)  // 7, 8, 9
        #expect(groups[2]?.count == 1 && groups[2]?.downloads == 40)  // 10
        #expect(s.collapsed.map(\.parent) == [0, 1, 2])  // in node order
        let cut = s.collapsed.reduce(0) { $0 + $1.count }
        #expect(cut + s.nodes.count - 1 == s.candidateCount)
    }

    @Test("every kept node's path to the seed is kept, whatever the budget")
    func pathClosure() {
        for budget in 1...12 {
            let s = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: budget))
            let kept = Set(s.nodes.map(\.node))
            #expect(s.nodes.count <= budget)
            let tree = Self.g.descendants(of: [0])
            for node in kept {
                #expect(tree.path(to: node)!.allSatisfy(kept.contains), "budget \(budget), node \(node)")
            }
        }
    }

    @Test("a filter keeps matching descendants and draws their non-matching ancestors as path nodes")
    func filterAndPathRole() {
        // Only 8 and 10 match; the cut is counted among matching nodes only.
        let s = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: 10), isCandidate: { $0 == 8 || $0 == 10 })
        #expect(s.nodes.map(\.node) == [0, 1, 2, 8, 10])
        #expect(s.nodes.map(\.role) == [.seed, .path, .path, .descendant, .descendant])
        #expect(s.candidateCount == 2 && s.collapsed.isEmpty)
        #expect(s.keptCandidateCount == 2)
        let tight = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: 3), isCandidate: { $0 == 8 || $0 == 10 })
        // 10 (40 downloads) wins; 8's path (1, 8) no longer fits and is folded under the seed.
        #expect(tight.nodes.map(\.node) == [0, 2, 10])
        #expect(tight.collapsed == [MapSelection.Collapsed(parent: 0, count: 1, downloads: 10)])
    }

    @Test("depth and relation limits bound the universe")
    func depthAndRelations() {
        let shallow = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: 100, maxDepth: 1))
        #expect(shallow.nodes.map(\.node) == [0, 1, 2, 3, 4, 5])
        let finetunes = MapSelection(graph: Self.g, seeds: [0], parameters: .init(maxNodes: 100, relations: .finetune))
        #expect(!finetunes.nodes.map(\.node).contains(4) && !finetunes.nodes.map(\.node).contains(9) && !finetunes.nodes.map(\.node).contains(10))
        #expect(finetunes.edges.allSatisfy { $0.relation == .finetune })
    }

    @Test("a model is drawn with its nearest ancestors, including a merge's other parent")
    func ancestors() {
        let s = MapSelection(graph: Self.g, seeds: [9], parameters: .init(maxNodes: 12, includeAncestors: true))
        #expect(s.ancestorCount == 3)  // 1, 11, 0
        #expect(s.nodes.filter { $0.role == .ancestor }.map(\.node) == [1, 11, 0])
        #expect(s.edges.contains(MapSelection.Edge(parent: 11, child: 9, relation: .merge)))
        #expect(s.edges.contains(MapSelection.Edge(parent: 1, child: 9, relation: .merge)))
        #expect(s.edges.contains(MapSelection.Edge(parent: 0, child: 1, relation: .finetune)))
    }

    @Test("the same input gives the same selection")
    func deterministic() {
        let a = MapSelection(graph: Self.g, seeds: [0, 11], parameters: .init(maxNodes: 5))
        let b = MapSelection(graph: Self.g, seeds: [0, 11], parameters: .init(maxNodes: 5))
        #expect(a == b)
    }

    @Test("seeds that do not fit are folded into one parentless group")
    func cutSeeds() {
        let s = MapSelection(graph: Self.g, seeds: [3, 4, 5, 6, 7], parameters: .init(maxNodes: 2))
        #expect(s.nodes.map(\.node) == [6, 7])  // by downloads
        #expect(s.collapsed == [MapSelection.Collapsed(parent: nil, count: 3, downloads: 12)])
    }

    @Test("a wide synthetic family of 20,000 nodes is cut to the budget with consistent counts")
    func wideFamily() {
        // A root with 200 children, each with 99 children: downloads fall with the id.
        let n = 20_001
        var edges: [(Int32, Int32, Relation)] = []
        for c in 1...200 { edges.append((0, Int32(c), .finetune)) }
        var next: Int32 = 201
        for c in 1...200 {
            for _ in 0..<99 where next < n {
                edges.append((Int32(c), next, c % 3 == 0 ? .quantized : .finetune))
                next += 1
            }
        }
        let g = graph(n, edges, downloads: (0..<n).map { Int64(n - $0) })
        let s = MapSelection(graph: g, seeds: [0], parameters: .init(maxNodes: 150))
        #expect(s.nodes.count == 150)
        let folded = s.collapsed.reduce(0) { $0 + $1.count }
        #expect(folded + s.nodes.count - 1 == n - 1)
        #expect(Set(s.collapsed.compactMap(\.parent)).isSubset(of: Set(s.nodes.map(\.node))))
        #expect(s.collapsed.count <= s.nodes.count)
    }
}
