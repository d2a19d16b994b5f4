import LineageGraph

/// Reach per family, root model or organization.
extension LineageQueries {
    /// Reach of every family, root model (no parents, some children) or organization owning root
    /// models, ranked by members (seeds + descendants) descending, then key; families of a language
    /// model kind come before the others.
    /// - Complexity: O(n + e) for the generation heights, plus one BFS per entry: O(Σ (v + e))
    ///   over the entries' descendants, with one scratch reused.
    public func reach(by grouping: ReachReport.Grouping, top: Int? = nil) -> ReachReport {
        let heights = Self.heights(of: graph)
        var scratch = ReachScratch()
        func entry(_ key: String, label: String?, seeds: [Int32]) -> ReachReport.Entry {
            let m = graph.reach(of: seeds, scratch: &scratch)
            return ReachReport.Entry(
                key: key, label: label, seeds: m.seedCount, members: m.seedCount + m.descendantCount,
                descendants: m.descendantCount, direct: m.directCount, indirect: m.indirectCount,
                byRelation: m.byRelation, downloads: m.downloads, downloadsAllTime: m.downloadsAllTime,
                distinctAuthors: m.distinctAuthors, maxDepth: m.maxDepth,
                maxGeneration: Int(seeds.map { heights[Int($0)] }.max() ?? 0))
        }
        var entries: [ReachReport.Entry] = []
        let roots = (0..<Int32(graph.nodeCount)).filter { graph.inDegree($0) == 0 && graph.outDegree($0) > 0 }
        switch grouping {
        case .family:
            for (f, e) in catalog.entries.enumerated() {
                var row = entry(e.id, label: e.label, seeds: familyRoots[f])
                row.kind = e.kind
                entries.append(row)
            }
        case .root:
            for r in roots { entries.append(entry(name(r), label: nil, seeds: [r])) }
        case .org:
            var byAuthor: [Int32: [Int32]] = [:]
            for r in roots {
                let a = loaded.data.authorIndex[Int(r)]
                if a >= 0 { byAuthor[a, default: []].append(r) }
            }
            for (a, seeds) in byAuthor { entries.append(entry(loaded.data.authors[Int(a)], label: nil, seeds: seeds)) }
        }
        entries.sort { ($0.members, $1.key) > ($1.members, $0.key) }
        if grouping == .family {  // language-model families first: an LLM question is not answered by BERT's tree
            entries = entries.filter { $0.kind?.isLanguageModel ?? true } + entries.filter { !($0.kind?.isLanguageModel ?? true) }
        }
        let total = entries.count
        if let top { entries = Array(entries.prefix(max(0, top))) }
        return ReachReport(by: grouping, total: total, top: top, entries: entries)
    }

    /// Height of every node: the longest path, in edges, from it down to a leaf of the
    /// condensation (edges inside a cycle count for nothing). The deepest generation below a seed
    /// set S is max over s in S of height(s).
    /// - Complexity: O(n + e).
    package static func heights(of graph: LineageGraph) -> [Int32] {
        let condensation = graph.condensation()
        var componentHeight = [Int32](repeating: 0, count: condensation.componentCount)
        for c in stride(from: Int32(condensation.componentCount - 1), through: 0, by: -1) {  // children first
            var h: Int32 = 0
            for v in condensation.members(of: c) {
                for w in graph.children(of: v).nodes {
                    let cw = condensation.componentOf[Int(w)]
                    if cw != c { h = max(h, componentHeight[Int(cw)] + 1) }
                }
            }
            componentHeight[Int(c)] = h
        }
        return condensation.componentOf.map { componentHeight[Int($0)] }
    }
}
