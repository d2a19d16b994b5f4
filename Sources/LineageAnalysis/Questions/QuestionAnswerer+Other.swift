import Foundation
import LineageGraph
import LineageSupport

extension QuestionAnswerer {
    // MARK: - who is most locked into

    /// Organizations deriving from the target ranked by switching cost. Switching cost is computed for
    /// the `lockInCandidates` organizations with the most derived models (each costs one pass over the graph).
    /// - Complexity: O(v + e) traversal plus O(k·(n + v + e)) for k candidates.
    package func answerLockIn(_ question: String, _ query: LineageQuery, rowLimit: Int) throws -> QuestionAnswer {
        let target = try resolve(query.target)
        var subjectQuery = query
        if subjectQuery.subject == nil || subjectQuery.subject == .projects { subjectQuery.subject = .organizations }
        let result = graph.descendants(of: target.seeds, relations: mask(query.relations), maxDepth: query.maxDepth)
        let groups = group(result, query: subjectQuery, own: target.ownNamespaces)
        let candidates = groups.entities.filter { passes($0.value, query: subjectQuery) }
            .sorted { a, b in a.value.models != b.value.models ? a.value.models > b.value.models : a.key.id < b.key.id }
        let context = FamilyContext(graph: graph, roots: target.seeds)
        var rows = candidates.prefix(lockInCandidates).map { row($0.key, $0.value, result: result, switchingContext: context) }
        rows.sort { a, b in
            let ca = a.switchingCost ?? 0, cb = b.switchingCost ?? 0
            return ca != cb ? ca > cb : a.entity < b.entity
        }
        var notes = ["Switching cost 0–100 (docs/METRICS.md): share of the organization's work on the target, training investment, dependents, adoption."]
        if candidates.count > lockInCandidates {
            notes.append("Computed for the \(lockInCandidates) of \(Formatting.group(Int64(candidates.count))) organizations with the most derived models.")
        }
        return QuestionAnswer(
            question: question, query: query, target: target.description, store: store, total: candidates.count,
            entities: Array(rows.prefix(rowLimit)), value: nil, downloadShare: nil, notes: notes, coverage: groups.coverage)
    }

    // MARK: - how deep

    /// Generations (longest paths) below the target's roots over the asked relations, with the deepest chains.
    /// - Complexity: O(n + e) to filter the edges and compute generations.
    package func answerDepth(_ question: String, _ query: LineageQuery, rowLimit: Int) throws -> QuestionAnswer {
        let target = try resolve(query.target)
        let sub = filtered(by: query.relations)
        let generations = sub.generations(from: target.seeds)
        let seedSet = Set(target.seeds)
        let summary = GenerationSummary(generations: generations.enumerated().map { seedSet.contains(Int32($0.offset)) ? -1 : $0.element })
        var deepest: [(Int32, Int32)] = []
        for (node, generation) in generations.enumerated() where generation > 0 && !seedSet.contains(Int32(node)) {
            deepest.append((Int32(node), generation))
        }
        deepest.sort { $0.1 != $1.1 ? $0.1 > $1.1 : name($0.0) < name($1.0) }
        let rows = deepest.prefix(rowLimit).map { node, generation in
            let organization = author(node).flatMap { registry.organization($0) }
            return AnswerRow(
                entity: name(node), kind: "model", country: organization?.country, countrySource: organization?.source,
                models: 1, path: longestChain(to: node, generations: generations, in: sub).map(name),
                depth: Int(generation), downloads: data.downloads[Int(node)], switchingCost: nil,
                url: Self.url(entity: name(node), kind: .model))
        }
        let histogram = summary.histogram.enumerated().map { "\($0.offset):\(Formatting.group(Int64($0.element)))" }.joined(separator: " ")
        let relations = query.relations.map { $0.map(\.name).joined(separator: "/") } ?? "all"
        let notes = [
            "Relations followed: \(relations). Members below the roots: \(Formatting.group(Int64(summary.nodeCount - min(summary.nodeCount, summary.histogram.first ?? 0)))).",
            "Deepest generation: \(summary.maxGeneration); mean generation: \(String(format: "%.2f", summary.meanGeneration)).",
            "Members by generation: \(histogram)",
        ]
        return QuestionAnswer(
            question: question, query: query, target: target.description, store: store, total: deepest.count,
            entities: rows, value: Double(summary.maxGeneration), downloadShare: nil, notes: notes, coverage: nil)
    }

    /// The graph with only `relations` edges (the whole graph when nil).
    package func filtered(by relations: [Relation]?) -> LineageGraph {
        guard let relations else { return graph }
        var children: [Int32] = [], parents: [Int32] = [], kept: [Relation] = []
        for parent in 0..<Int32(graph.nodeCount) {
            for neighbor in graph.children(of: parent) where relations.contains(neighbor.relation) {
                children.append(neighbor.node)
                parents.append(parent)
                kept.append(neighbor.relation)
            }
        }
        return LineageGraph(nodeCount: graph.nodeCount, children: children, parents: parents, relations: kept, columns: graph.columns)
    }

    /// One longest chain ending at `node`: follows a parent one generation up until generation 0. Inside a
    /// cycle (whose members share a generation) it steps to a cycle member not yet on the chain first.
    /// - Complexity: O(chain length × in-degree).
    package func longestChain(to node: Int32, generations: [Int32], in sub: LineageGraph) -> [Int32] {
        var chain = [node]
        var onChain: Set<Int32> = [node]
        var current = node
        while generations[Int(current)] > 0 {
            let generation = generations[Int(current)]
            let parents = sub.parents(of: current).map(\.node)
            let up = parents.filter { generations[Int($0)] == generation - 1 }
            let across = parents.filter { generations[Int($0)] == generation && !onChain.contains($0) }
            guard let parent = (up.isEmpty ? across : up).min(by: { name($0) < name($1) }) else { break }
            chain.append(parent)
            onChain.insert(parent)
            current = parent
        }
        return chain.reversed()
    }

    // MARK: - what does MODEL descend from

    package func answerAncestry(_ question: String, _ query: LineageQuery, rowLimit: Int) throws -> QuestionAnswer {
        guard case .name(let word) = query.target else { throw LineageError("name one model or project: what does ORG/MODEL descend from") }
        let report = try queries.ancestors(of: word)
        let rows = report.ancestors.map { ancestor in
            let organization = ancestor.author.flatMap { registry.organization($0) }
            return AnswerRow(
                entity: ancestor.id, kind: ancestor.isExternal ? "external" : "model", country: organization?.country,
                countrySource: organization?.source, models: 1, path: ancestor.path, depth: ancestor.depth,
                downloads: ancestor.downloads, switchingCost: nil, url: Self.url(entity: ancestor.id, kind: .model))
        }
        var notes = ["Generation \(report.generation) below its roots: \(report.roots.joined(separator: ", "))."]
        if !report.cycle.isEmpty { notes.append("It sits in a lineage cycle: \(report.cycle.joined(separator: " ⇄ ")).") }
        return QuestionAnswer(
            question: question, query: query, target: "\(report.usedModels == nil ? "model" : "project") \(report.model)", store: store, total: rows.count,
            entities: Array(rows.prefix(rowLimit)), value: nil, downloadShare: nil, notes: notes, coverage: nil)
    }

    // MARK: - rank families

    /// Families ranked by descendants (reach) or by their downloads; each row's country is the family's
    /// origin, the registry country of its owner namespace.
    package func answerRanking(_ question: String, _ query: LineageQuery, rowLimit: Int) -> QuestionAnswer {
        let report = queries.reach(by: .family)
        var entries = report.entries
        if query.ranking == .downloads {
            entries.sort { $0.downloads != $1.downloads ? $0.downloads > $1.downloads : $0.key < $1.key }
        } else {
            // `reach` ranks by members (roots included); reach is the descendants, as the note says.
            entries.sort { $0.descendants != $1.descendants ? $0.descendants > $1.descendants : $0.key < $1.key }
        }
        entries = entries.filter { $0.kind?.isLanguageModel ?? true } + entries.filter { !($0.kind?.isLanguageModel ?? true) }
        let rows = entries.prefix(rowLimit).map { entry in
            let origin = queries.catalog.index(ofID: entry.key)
                .flatMap { queries.catalog.entries[$0].namespaces.first }.flatMap { registry.organization($0) }
            return AnswerRow(
                entity: entry.label ?? entry.key, kind: "\(entry.kind?.rawValue ?? "") family".trimmingCharacters(in: .whitespaces),
                country: origin?.country, countrySource: origin?.country == nil ? nil : origin.map { "owner \($0.namespace): \($0.source)" },
                models: entry.descendants, path: [], depth: entry.maxGeneration, downloads: entry.downloads,
                switchingCost: nil, url: nil)
        }
        let by = query.ranking == .downloads ? "downloads (30-day) of all descendants" : "descendants (models deriving from the family's roots)"
        return QuestionAnswer(
            question: question, query: query, target: "every family in the catalog", store: store, total: entries.count,
            entities: rows, value: nil, downloadShare: nil,
            notes: ["Ranked by \(by). `models` = descendants, `depth` = deepest generation, `country` = the family's origin (its owner namespace's country in the registry).",
                    "Language-model families (llm, multimodal) come first, then diffusion, speech, vision and encoder families: each part is ranked on its own."],
            coverage: nil)
    }

    // MARK: - merges across families

    /// Models with merge parents from at least two different families.
    /// - Complexity: O(n + e) for family membership, O(e) to scan merge edges.
    package func answerCrossFamilyMerges(_ question: String, _ query: LineageQuery, rowLimit: Int) -> QuestionAnswer {
        let membership = FamilyMembership(graph: graph, familyRoots: queries.familyRoots)
        var rows: [AnswerRow] = []
        for node in 0..<Int32(graph.nodeCount) {
            let mergeParents = graph.parents(of: node).filter { $0.relation == .merge }.map(\.node)
            guard mergeParents.count >= 2 else { continue }
            var families = Set<Int32>()
            for parent in mergeParents {
                families.formUnion(membership.families(of: parent))
            }
            guard families.count >= 2 else { continue }
            if let since = query.since, data.createdAt[Int(node)] < since { continue }
            let organization = author(node).flatMap { registry.organization($0) }
            let labels = families.map { queries.catalog.entries[Int($0)].label }.sorted()
            rows.append(AnswerRow(
                entity: name(node), kind: "model", country: organization?.country, countrySource: organization?.source,
                models: families.count, path: labels, depth: mergeParents.count, downloads: data.downloads[Int(node)],
                switchingCost: nil, url: Self.url(entity: name(node), kind: .model)))
        }
        rows = rows.filter { row in query.country.map { c in row.country.map(c.contains) ?? false } ?? true }
        rows.sort { $0.downloads != $1.downloads ? $0.downloads > $1.downloads : $0.entity < $1.entity }
        return QuestionAnswer(
            question: question, query: query, target: "merge models across the catalog's families", store: store,
            total: rows.count, entities: Array(rows.prefix(rowLimit)), value: nil, downloadShare: nil,
            notes: ["`models` = families mixed, `depth` = merge parents, `example path` = the families."], coverage: nil)
    }
}
