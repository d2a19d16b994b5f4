import Foundation
import LineageCatalog
import LineageGraph
import LineageSupport

extension QuestionAnswerer {
    /// What kind of downstream entity a node stands for.
    package enum EntityClass: Hashable {
        case organization
        case space
        case paper
        case project
        case model
    }

    package struct EntityKey: Hashable {
        var entityClass: EntityClass
        var id: String
    }

    /// One entity's running totals while grouping a traversal.
    package struct Accumulator {
        var models = 0
        var downloads: Int64 = 0
        var depth = Int.max
        var position = 0
        var country: String?
        var countrySource: String?
        var kind: String
        var attributed: Bool
        var nodeKind: NodeKind
        var authorID: Int32 = -1
    }

    // MARK: - which / how many / what share

    /// - Complexity: O(v + e) for the traversal, O(v) to group, plus switching costs for shown organizations.
    package func answerEntities(_ question: String, _ query: LineageQuery, rowLimit: Int) throws -> QuestionAnswer {
        let target = try resolve(query.target)
        let result = graph.descendants(of: target.seeds, relations: mask(query.relations), maxDepth: query.maxDepth)
        let groups = group(result, query: query, own: target.ownNamespaces, excluding: target.project.map { [EntityKey(entityClass: .project, id: $0)] } ?? [])
        var answer = QuestionAnswer(
            question: question, query: query, target: target.description, store: store,
            total: 0, entities: [], value: nil, downloadShare: nil, notes: [], coverage: groups.coverage)
        let matching = groups.entities.filter { passes($0.value, query: query) }
        answer.total = matching.count
        if let line = BoilerplatePapers.leftOutLine(groups.leftOutPapers) { answer.notes.append(line) }
        switch query.intent {
        case .count:
            answer.value = Double(matching.count)
        case .share:
            let all = derivativeEntities(query: query)
            let downloads = matching.reduce(Int64(0)) { $0.addingSaturating($1.value.downloads) }
            answer.value = all.count > 0 ? Double(matching.count) / Double(all.count) : 0
            answer.downloadShare = all.downloads > 0 ? Double(downloads) / Double(all.downloads) : 0
            let noun = query.subject == .myProjects ? "imported projects" : query.subject?.rawValue ?? "entities"
            answer.notes.append("Of \(Formatting.group(Int64(all.count))) \(query.country.map { "\($0) " } ?? "")\(noun) that derive from any model, "
                + "\(Formatting.group(Int64(matching.count))) derive from the target.")
        default:
            break
        }
        let sorted = matching.sorted { a, b in
            if a.value.models != b.value.models { return a.value.models > b.value.models }
            if a.value.downloads != b.value.downloads { return a.value.downloads > b.value.downloads }
            return a.key.id < b.key.id
        }
        let context = FamilyContext(graph: graph, roots: target.seeds)
        answer.entities = sorted.prefix(query.intent == .list ? rowLimit : min(rowLimit, 10)).map { key, value in
            row(key, value, result: result, switchingContext: context)
        }
        return answer
    }

    /// Groups a traversal's nodes into downstream entities of the query's subject class; also returns the
    /// boilerplate papers left out (`BoilerplatePapers`).
    package func group(
        _ result: TraversalResult, query: LineageQuery, own: Set<String>, excluding excluded: Set<EntityKey> = []
    ) -> (entities: [EntityKey: Accumulator], coverage: QuestionAnswer.Coverage, leftOutPapers: [String]) {
        var entities: [EntityKey: Accumulator] = [:]
        let subject = query.subject ?? .projects
        let downloads = data.downloads
        for position in result.seedCount..<result.count {
            let node = result.nodes[position]
            let nodeKind = kind(node)
            let entityClass: EntityClass
            switch nodeKind {
            case .model, .external, .organization: entityClass = subject == .models ? .model : .organization
            case .space: entityClass = .space
            case .paper: entityClass = .paper
            case .project: entityClass = .project
            }
            guard Self.includes(subject, entityClass) else { continue }
            if let since = query.since, nodeKind == .model || nodeKind == .external, data.createdAt[Int(node)] < since { continue }
            let id: String
            var authorID: Int32 = -1
            switch entityClass {
            case .organization:
                guard let author = author(node), !own.contains(author.lowercased()) else { continue }
                id = author
                authorID = data.authorIndex[Int(node)]
            default:
                if let author = author(node), own.contains(author.lowercased()), entityClass == .model { continue }
                id = name(node)
            }
            let key = EntityKey(entityClass: entityClass, id: id)
            let depth = Int(result.depths[position])
            if entities[key] == nil {
                entities[key] = makeAccumulator(key, node: node, nodeKind: nodeKind, position: position, depth: depth, authorID: authorID)
            }
            entities[key]!.models += 1
            entities[key]!.downloads.addSaturating(downloads[Int(node)])
        }
        addDownstream(of: result, subject: subject, own: own, into: &entities)
        for key in excluded { entities[key] = nil }
        // Boilerplate papers leave the answer; the note names those the question would have listed.
        var leftOutPapers: [String] = []
        if !allPapers {
            for id in BoilerplatePapers.ids {
                let key = EntityKey(entityClass: .paper, id: id)
                guard let value = entities.removeValue(forKey: key) else { continue }
                if passes(value, query: query) { leftOutPapers.append(id) }
            }
        }
        var coverage = QuestionAnswer.Coverage(entities: 0, attributed: 0, downloads: 0, attributedDownloads: 0)
        for value in entities.values {
            coverage.entities += 1
            coverage.downloads.addSaturating(value.downloads)
            if value.attributed {
                coverage.attributed += 1
                coverage.attributedDownloads.addSaturating(value.downloads)
            }
        }
        return (entities, coverage, leftOutPapers)
    }

    /// Spaces and projects that use any model the traversal reached (its seeds too: a Space running Qwen's
    /// base model depends on Qwen), and papers linked to a derived model (a family's own paper is not listed).
    /// - Complexity: O(reached models + their uses and paper links).
    package func addDownstream(of result: TraversalResult, subject: LineageQuery.Subject, own: Set<String>, into entities: inout [EntityKey: Accumulator]) {
        var types: Set<DownstreamType> = []
        if Self.includes(subject, .space) { types.insert(.space) }
        if Self.includes(subject, .paper) { types.insert(.paper) }
        if Self.includes(subject, .project) { types.insert(.project) }
        guard !types.isEmpty, data.downstream.nodes.count + data.downstream.papers.count > 0 else { return }
        var index = DownstreamIndex(queries: queries, registry: registry)
        index.excludedPapers = []  // `group` leaves them out, knowing the question's filters
        let report = index.downstream(
            ofModels: result.nodes, families: [], ownNamespaces: own,
            filter: DownstreamFilter(types: types, includeFamilyOwners: true))
        // Example models are reached nodes named by their (unique) Hub ids: map each wanted name to its
        // first position in one pass over the reached nodes, instead of a namespace scan per example.
        let wanted = Set(report.entities.lazy.flatMap(\.examples))
        var positionOfExample: [String: Int] = [:]
        positionOfExample.reserveCapacity(wanted.count)
        if !wanted.isEmpty {
            for (position, node) in result.nodes.enumerated() {
                let n = name(node)
                if wanted.contains(n), positionOfExample[n] == nil { positionOfExample[n] = position }
            }
        }
        for entity in report.entities {
            let entityClass: EntityClass = entity.type == .space ? .space : entity.type == .paper ? .paper : .project
            // The nearest of its example models gives the depth and the example path.
            var best: Int?
            for example in entity.examples {
                guard let position = positionOfExample[example] else { continue }
                if best.map({ result.depths[position] < result.depths[$0] }) ?? true { best = position }
            }
            let position = best ?? 0
            // A paper linked only to the target's own models is the target's paper, not a derivative's.
            if entity.type == .paper, entity.examples.allSatisfy({ example in
                positionOfExample[example].map { $0 < result.seedCount } ?? false
            }) { continue }
            entities[EntityKey(entityClass: entityClass, id: entity.id)] = Accumulator(
                models: entity.models, downloads: entity.downloads, depth: best.map { Int(result.depths[$0]) } ?? 0,
                position: position, country: entity.country, countrySource: entity.countrySource,
                kind: entity.type.rawValue, attributed: entity.country != nil,
                nodeKind: entityClass == .space ? .space : entityClass == .paper ? .paper : .project)
        }
    }

    private func makeAccumulator(_ key: EntityKey, node: Int32, nodeKind: NodeKind, position: Int, depth: Int, authorID: Int32) -> Accumulator {
        switch key.entityClass {
        case .organization:
            let organization = registry.organization(key.id)
            return Accumulator(
                depth: depth, position: position, country: organization?.country, countrySource: organization?.source,
                kind: organization?.kind?.rawValue ?? "organization", attributed: organization?.isAttributed ?? false,
                nodeKind: .organization, authorID: authorID)
        case .paper:
            return Accumulator(depth: depth, position: position, kind: "paper", attributed: false, nodeKind: nodeKind)
        case .space, .project, .model:
            let owner = author(node) ?? FamilyResolver.namespace(of: name(node)).map(String.init)
            let organization = owner.flatMap { registry.organization($0) }
            let kindName = key.entityClass == .space ? "space" : key.entityClass == .project ? "project" : "model"
            return Accumulator(
                depth: depth, position: position, country: organization?.country, countrySource: organization?.source,
                kind: kindName, attributed: organization?.country != nil, nodeKind: nodeKind)
        }
    }

    package static func includes(_ subject: LineageQuery.Subject, _ entityClass: EntityClass) -> Bool {
        switch subject {
        case .projects: entityClass != .model
        case .organizations, .startups, .companies, .universities: entityClass == .organization
        case .papers: entityClass == .paper
        case .spaces: entityClass == .space
        case .myProjects: entityClass == .project
        case .models: entityClass == .model
        }
    }

    /// The subject's kind filter, the country filter and the download floor.
    package func passes(_ value: Accumulator, query: LineageQuery) -> Bool {
        if let country = query.country {
            guard let code = value.country, country.contains(code) else { return false }
        }
        if let floor = query.minDownloads, value.downloads <= floor { return false }
        switch query.subject {
        case .startups: return value.kind == OrganizationKind.startup.rawValue
        case .companies: return OrganizationKind(rawValue: value.kind)?.isCompany ?? false
        case .universities: return value.kind == OrganizationKind.academic.rawValue
        default: return true
        }
    }

    package func row(_ key: EntityKey, _ value: Accumulator, result: TraversalResult, switchingContext: FamilyContext?) -> AnswerRow {
        var cost: Double?
        if key.entityClass == .organization, value.authorID >= 0, let switchingContext {
            cost = (SwitchingCost(author: value.authorID, family: switchingContext, in: graph).score * 10).rounded() / 10
        }
        return AnswerRow(
            entity: key.id, kind: value.kind, country: value.country, countrySource: value.countrySource,
            models: value.models, path: result.path(toPosition: value.position).map(name), depth: value.depth,
            downloads: value.downloads, switchingCost: cost,
            url: Self.url(entity: key.id, kind: value.nodeKind))
    }

    /// For `what share of`: every entity of the subject (with the country filter) that derives from any
    /// model, the denominator of the share. Organizations are the authors of derivative models (models with
    /// a parent); Spaces and projects those using any model; papers those linked to a derivative model.
    /// - Complexity: O(n + e + uses + paper links).
    package func derivativeEntities(query: LineageQuery) -> (count: Int, downloads: Int64) {
        let subject = query.subject ?? .projects
        var seen = Set<String>()
        var downloads: Int64 = 0
        var count = 0
        var derivatives: [Int32] = []
        for node in 0..<Int32(graph.nodeCount) where graph.inDegree(node) > 0 {
            let nodeKind = kind(node)
            guard nodeKind == .model || nodeKind == .external else { continue }
            derivatives.append(node)
            guard Self.includes(subject, .organization) || Self.includes(subject, .model) else { continue }
            if let since = query.since, data.createdAt[Int(node)] < since { continue }
            guard let owner = author(node) else { continue }
            let organization = registry.organization(owner)
            if let country = query.country {
                guard let code = organization?.country, country.contains(code) else { continue }
            }
            switch query.subject {
            case .startups: guard organization?.kind == .startup else { continue }
            case .companies: guard organization?.kind?.isCompany ?? false else { continue }
            case .universities: guard organization?.kind == .academic else { continue }
            default: break
            }
            let key = query.subject == .models ? name(node) : owner
            if seen.insert(key).inserted { count += 1 }
            downloads.addSaturating(data.downloads[Int(node)])
        }
        // Spaces, projects and papers, counted as the answer counts them.
        var index = DownstreamIndex(queries: queries, registry: registry)
        if allPapers { index.excludedPapers = [] }
        func add(_ types: Set<DownstreamType>, models: [Int32]) {
            guard !types.isEmpty else { return }
            let report = index.downstream(
                ofModels: models, families: [], ownNamespaces: [], filter: DownstreamFilter(types: types, includeFamilyOwners: true))
            for entity in report.entities {
                if let country = query.country {
                    guard let code = entity.country, country.contains(code) else { continue }
                }
                count += 1
                downloads.addSaturating(entity.downloads)
            }
        }
        guard data.downstream.nodes.count + data.downstream.papers.count > 0 else { return (count, downloads) }
        var users: Set<DownstreamType> = []
        if Self.includes(subject, .space) { users.insert(.space) }
        if Self.includes(subject, .project) { users.insert(.project) }
        add(users, models: Array(0..<Int32(graph.nodeCount)))
        add(Self.includes(subject, .paper) ? [.paper] : [], models: derivatives)
        return (count, downloads)
    }
}
