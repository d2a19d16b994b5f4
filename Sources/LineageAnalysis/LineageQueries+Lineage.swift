import LineageGraph
import LineageSupport

/// Descendants and ancestors.
extension LineageQueries {
    /// Every model derived from what `word` names (a model, family or namespace).
    ///
    /// Breadth-first from all seeds at once: each descendant appears once, at its shortest hop
    /// distance from the nearest seed, with the relation of the edge that reached it and one
    /// shortest path. Totals cover every descendant; `limit` only cuts the rows.
    /// - Complexity: O(n + v + e) for the v descendants and e edges explored, plus O(v log v) to
    ///   order the rows and O(limit · depth) for their paths.
    public func descendants(
        of word: String, relations: RelationMask = .all, maxDepth: Int? = nil, limit: Int? = nil,
        order: DescendantsReport.Order = .depth
    ) throws(LineageError) -> DescendantsReport {
        if let maxDepth, maxDepth < 0 { throw LineageError("--max-depth must be 0 or more") }
        let (target, seeds) = try resolve(word)
        let result = graph.descendants(of: seeds, relations: relations, maxDepth: maxDepth)
        let columns = graph.columns!
        var byRelation = RelationBreakdown()
        var direct = 0, downloads: Int64 = 0, allTime: Int64 = 0
        var authors = Set<Int32>()
        for p in result.seedCount..<result.count {
            let v = Int(result.nodes[p])
            byRelation[result.relations[p]] += 1
            if result.depths[p] == 1 { direct += 1 }
            downloads.addSaturating(columns.downloads[v])
            allTime.addSaturating(columns.downloadsAllTime[v])
            if columns.authorIds[v] >= 0 { authors.insert(columns.authorIds[v]) }
        }
        var positions = Array(result.seedCount..<result.count)
        let names = loaded.data.names
        switch order {
        case .depth:
            positions.sort {
                let a = result.nodes[$0], b = result.nodes[$1]
                if result.depths[$0] != result.depths[$1] { return result.depths[$0] < result.depths[$1] }
                if columns.downloads[Int(a)] != columns.downloads[Int(b)] { return columns.downloads[Int(a)] > columns.downloads[Int(b)] }
                return names[Int(a)] < names[Int(b)]
            }
        case .downloads:
            positions.sort {
                let a = result.nodes[$0], b = result.nodes[$1]
                if columns.downloads[Int(a)] != columns.downloads[Int(b)] { return columns.downloads[Int(a)] > columns.downloads[Int(b)] }
                if result.depths[$0] != result.depths[$1] { return result.depths[$0] < result.depths[$1] }
                return names[Int(a)] < names[Int(b)]
            }
        case .id:
            positions.sort { names[Int(result.nodes[$0])] < names[Int(result.nodes[$1])] }
        }
        if let limit { positions = Array(positions.prefix(max(0, limit))) }
        let rows = positions.map { p in
            let v = result.nodes[p]
            return DescendantsReport.Descendant(
                id: name(v), author: author(v), depth: Int(result.depths[p]), relation: result.relations[p].name,
                downloads: columns.downloads[Int(v)], downloadsAllTime: columns.downloadsAllTime[Int(v)],
                path: result.path(toPosition: p).map(name))
        }
        return DescendantsReport(
            query: word, target: target, seeds: result.nodes[..<result.seedCount].map(name).sorted(),
            relations: relations.relations.map(\.name), maxDepth: maxDepth, total: result.reachedCount,
            direct: direct, indirect: result.reachedCount - direct, byRelation: byRelation,
            deepest: max(0, result.maxDepth), downloads: downloads, downloadsAllTime: allTime,
            distinctAuthors: authors.count, order: order, limit: limit, descendants: rows)
    }

    /// The whole lineage of model `word` up to its roots; for an imported project, of the models it uses.
    ///
    /// Breadth-first up the parent edges: each ancestor once, at its shortest hop distance, with
    /// one shortest path; cycles end the walk where it meets a model already seen. The generation
    /// is the longest chain from a root, on the graph's condensation (a cycle counts as one step).
    /// - Throws: `LineageError` when `word` names no model or project, or names a family or namespace instead.
    /// - Complexity: O(n + e) (the condensation), plus O(a log a) for a ancestors.
    public func ancestors(of word: String) throws(LineageError) -> AncestorsReport {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        let node: Int32
        if let exact = resolver.node(named: trimmed) {
            node = exact
        } else if let project = project(named: trimmed) {
            return ancestors(ofProject: project.name, using: project.models)
        } else {
            let (target, _) = try resolve(trimmed)
            throw LineageError("'\(MessageText.clip(word))' is a \(target.kind), not a model; ancestors takes one model id such as Qwen/Qwen2.5-7B-Instruct")
        }
        let result = graph.ancestors(of: [node])
        let columns = graph.columns!
        var rows: [AncestorsReport.Ancestor] = []
        rows.reserveCapacity(result.reachedCount)
        for p in result.seedCount..<result.count {
            let v = result.nodes[p]
            rows.append(AncestorsReport.Ancestor(
                id: name(v), author: author(v), depth: Int(result.depths[p]), relation: result.relations[p].name,
                downloads: columns.downloads[Int(v)], isRoot: graph.inDegree(v) == 0,
                isExternal: columns.kinds[Int(v)] == .external,
                path: result.path(toPosition: p).reversed().map(name)))
        }
        rows.sort { ($0.depth, $0.id) < ($1.depth, $1.id) }
        let condensation = graph.condensation()
        let component = condensation.component(of: node)
        let cycle = condensation.size(of: component) > 1
            ? condensation.members(of: component).filter { $0 != node }.map(name).sorted() : []
        let generation = graph.generations(condensation: condensation)[Int(node)]
        return AncestorsReport(
            model: name(node), generation: Int(generation), roots: rows.filter(\.isRoot).map(\.id).sorted(),
            cycle: cycle, ancestors: rows)
    }

    /// The lineage of the models project `name` uses: each used model at depth 1 (relation `uses`), each
    /// of their ancestors one hop further than from the nearest used model, every path ending at the
    /// project. The generation is one more than the deepest used model's.
    /// - Complexity: O(n + e) (the condensation), plus O(a log a) for a ancestors.
    package func ancestors(ofProject name: String, using models: [Int32]) -> AncestorsReport {
        let result = graph.ancestors(of: models)
        let columns = graph.columns!
        var rows: [AncestorsReport.Ancestor] = []
        rows.reserveCapacity(result.count)
        for p in 0..<result.count {
            let v = result.nodes[p]
            let isUsed = p < result.seedCount
            rows.append(AncestorsReport.Ancestor(
                id: self.name(v), author: author(v), depth: Int(result.depths[p]) + 1,
                relation: isUsed ? "uses" : result.relations[p].name,
                downloads: columns.downloads[Int(v)], isRoot: graph.inDegree(v) == 0,
                isExternal: columns.kinds[Int(v)] == .external,
                path: result.path(toPosition: p).reversed().map(self.name) + [name]))
        }
        rows.sort { ($0.depth, $0.id) < ($1.depth, $1.id) }
        let generations = graph.generations(condensation: graph.condensation())
        let generation = (models.map { Int(generations[Int($0)]) }.max() ?? -1) + 1
        var report = AncestorsReport(
            model: name, generation: generation, roots: rows.filter(\.isRoot).map(\.id).sorted(), cycle: [], ancestors: rows)
        report.usedModels = models.map(self.name).sorted()
        return report
    }
}
