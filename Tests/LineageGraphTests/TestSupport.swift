@testable import LineageGraph

// MARK: - Deterministic randomness

/// SplitMix64: tiny, fast, deterministic; good enough to generate test graphs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Edge lists

/// A raw edge list as a caller would hand it to the engine (may hold loops and duplicates).
struct EdgeList {
    var nodeCount: Int
    var edges: [(child: Int, parent: Int, relation: Relation)] = []

    func graph(columns: NodeColumns? = nil) -> LineageGraph {
        LineageGraph(
            nodeCount: nodeCount, children: edges.map { Int32($0.child) }, parents: edges.map { Int32($0.parent) },
            relations: edges.map(\.relation), columns: columns)
    }

    /// Random graph: `acyclic` draws parent < child; `extraNoise` adds self-loops and duplicates.
    static func random(nodeCount n: Int, edgeCount m: Int, acyclic: Bool, rng: inout SplitMix64) -> EdgeList {
        var list = EdgeList(nodeCount: n)
        guard n > 1 else { return list }
        for _ in 0..<m {
            let relation = Relation.allCases.randomElement(using: &rng)!
            if acyclic {
                let child = Int.random(in: 1..<n, using: &rng)
                let parent = Int.random(in: 0..<child, using: &rng)
                list.edges.append((child, parent, relation))
            } else {
                let child = Int.random(in: 0..<n, using: &rng)
                let parent = Int.random(in: 0..<n, using: &rng)
                list.edges.append((child, parent, relation))
            }
        }
        // Duplicates with other relations, to exercise normalisation.
        if let e = list.edges.first {
            list.edges.append((e.child, e.parent, .unknown))
        }
        return list
    }

    static func randomColumns(nodeCount n: Int, authors: Int, rng: inout SplitMix64) -> NodeColumns {
        var c = NodeColumns(count: n)
        for v in 0..<n {
            c.authorIds[v] = Int32.random(in: -1..<Int32(authors), using: &rng)
            c.downloads[v] = Int64.random(in: 0..<1000, using: &rng)
            c.downloadsAllTime[v] = c.downloads[v] * 3
            c.likes[v] = Int32.random(in: 0..<50, using: &rng)
        }
        return c
    }
}

// MARK: - Naive reference

/// Deliberately simple reference implementations: sets, recursion and cubic algorithms.
struct NaiveGraph {
    let n: Int
    /// Normalised edges: parent → child → relation (loops dropped, duplicates keep min relation).
    var edge: [Int: [Int: Relation]] = [:]

    init(_ list: EdgeList) {
        n = list.nodeCount
        for e in list.edges where e.child != e.parent {
            let old = edge[e.parent]?[e.child]
            edge[e.parent, default: [:]][e.child] = old.map { min($0, e.relation) } ?? e.relation
        }
    }

    var edgeCount: Int { edge.values.reduce(0) { $0 + $1.count } }

    func successors(_ v: Int, up: Bool, mask: RelationMask) -> [Int] {
        if up {
            return (0..<n).filter { p in edge[p]?[v].map(mask.contains) ?? false }
        }
        return (edge[v] ?? [:]).filter { mask.contains($0.value) }.map(\.key).sorted()
    }

    /// Recursive DFS reachability, seeds included.
    func reachable(from seeds: [Int], up: Bool = false, mask: RelationMask = .all) -> Set<Int> {
        var seen = Set<Int>()
        func dfs(_ v: Int) {
            guard seen.insert(v).inserted else { return }
            for w in successors(v, up: up, mask: mask) { dfs(w) }
        }
        for s in seeds { dfs(s) }
        return seen
    }

    /// Bellman-Ford shortest hop distances from the seeds (nil = unreachable).
    func distances(from seeds: [Int], up: Bool = false, mask: RelationMask = .all) -> [Int?] {
        var dist = [Int?](repeating: nil, count: n)
        for s in seeds { dist[s] = 0 }
        var changed = true
        while changed {
            changed = false
            for (p, kids) in edge {
                for (c, r) in kids where mask.contains(r) {
                    let (from, to) = up ? (c, p) : (p, c)
                    if let d = dist[from], dist[to].map({ d + 1 < $0 }) ?? true {
                        dist[to] = d + 1
                        changed = true
                    }
                }
            }
        }
        return dist
    }

    /// Floyd–Warshall transitive closure (reflexive).
    func closure() -> [[Bool]] {
        var r = Array(repeating: Array(repeating: false, count: n), count: n)
        for v in 0..<n { r[v][v] = true }
        for (p, kids) in edge { for c in kids.keys { r[p][c] = true } }
        for k in 0..<n { for i in 0..<n where r[i][k] { for j in 0..<n where r[k][j] { r[i][j] = true } } }
        return r
    }

    /// Component label per node: smallest member of its SCC, from mutual reachability.
    func sccLabels() -> [Int] {
        let r = closure()
        return (0..<n).map { v in (0..<n).first { r[v][$0] && r[$0][v] }! }
    }

    /// Non-trivial SCCs, sorted like `CycleReport`.
    func nontrivialSCCs() -> [[Int32]] {
        let labels = sccLabels()
        var groups: [Int: [Int32]] = [:]
        for v in 0..<n { groups[labels[v], default: []].append(Int32(v)) }
        return groups.values.filter { $0.count >= 2 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Longest path on the SCC condensation from source components (roots = nil) or from the
    /// components holding `roots` (nodes not below them get -1), by repeated relaxation.
    func generations(roots: [Int]? = nil) -> [Int] {
        let labels = sccLabels()
        var g = [Int](repeating: -1, count: n)
        let reach: Set<Int>
        if let roots {
            reach = reachable(from: roots)
            for r in roots { g[r] = 0 }
        } else {
            reach = Set(0..<n)
            for v in 0..<n { g[v] = 0 }
        }
        // Share within components, then relax cross edges until stable.
        var changed = true
        while changed {
            changed = false
            for v in reach {
                let best = (0..<n).filter { labels[$0] == labels[v] }.map { g[$0] }.max()!
                if best > g[v] { g[v] = best; changed = true }
            }
            for (p, kids) in edge where reach.contains(p) && g[p] >= 0 {
                for c in kids.keys where labels[c] != labels[p] && g[p] + 1 > g[c] {
                    g[c] = g[p] + 1
                    changed = true
                }
            }
        }
        return g
    }
}

/// The shape checks every traversal result must pass against the graph.
func pathIsValid(_ path: [Int32], in graph: LineageGraph, direction: LineageGraph.Direction, mask: RelationMask) -> Bool {
    for (a, b) in zip(path, path.dropFirst()) {
        let r = direction == .down ? graph.relation(from: a, to: b) : graph.relation(from: b, to: a)
        guard let r, mask.contains(r) else { return false }
    }
    return true
}
