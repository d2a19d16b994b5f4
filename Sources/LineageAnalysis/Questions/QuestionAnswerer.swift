import Foundation
import LineageCatalog
import LineageGraph
import LineageIngest
import LineageStore
import LineageSupport

/// Runs a compiled `LineageQuery` against a loaded graph, the family catalog and the organization registry.
///
/// Downstream entities are found by one descendants traversal from the target's seeds: derived models
/// count for their author (an organization), and Space, paper and project nodes (when the store has them)
/// count for themselves. The target's own namespaces are never listed as deriving from it.
public struct QuestionAnswerer: Sendable {
    public let queries: LineageQueries
    public let registry: OrganizationRegistry
    /// What the store is, for the answer's header.
    public let store: String
    /// Rows printed when neither `top N` nor `--limit` says otherwise.
    public var defaultLimit = 25
    /// Organizations whose switching cost `who is most locked into` computes (most derived models first).
    public var lockInCandidates = 40
    /// A line every answer starts its notes with: `StoreSizeNote`'s warning for a store with no or few Hub models.
    public var storeNote: String?
    /// Whether papers on the boilerplate list (`BoilerplatePapers`) are listed too (`--all-papers`).
    public var allPapers = false

    public init(queries: LineageQueries, registry: OrganizationRegistry, store: String) {
        self.queries = queries
        self.registry = registry
        self.store = store
    }

    package var graph: LineageGraph { queries.graph }
    package var data: GraphData { queries.loaded.data }

    // MARK: - Entry

    /// Answers `query` (compiled from `question`); `limit` overrides the row limit (`top N` wins over it).
    public func answer(_ question: String, query: LineageQuery, limit: Int? = nil) throws -> QuestionAnswer {
        if query.declaredOnly == true, queries.loaded.data.edgeProvenance.contains(where: \.isInferred) {
            var declared = QuestionAnswerer(queries: queries.declaredOnly(), registry: registry, store: store)
            declared.defaultLimit = defaultLimit
            declared.lockInCandidates = lockInCandidates
            return try declared.answer(question, query: query, limit: limit)
        }
        let rowLimit = query.top ?? limit ?? defaultLimit
        var answer: QuestionAnswer
        switch query.intent {
        case .list, .count, .share:
            answer = try answerEntities(question, query, rowLimit: rowLimit)
        case .lockIn:
            answer = try answerLockIn(question, query, rowLimit: rowLimit)
        case .depth:
            answer = try answerDepth(question, query, rowLimit: rowLimit)
        case .ancestry:
            answer = try answerAncestry(question, query, rowLimit: rowLimit)
        case .rankFamilies:
            answer = answerRanking(question, query, rowLimit: rowLimit)
        case .crossFamilyMerges:
            answer = answerCrossFamilyMerges(question, query, rowLimit: rowLimit)
        }
        if let storeNote { answer.notes.insert(storeNote, at: 0) }
        return answer
    }

    // MARK: - Targets

    /// The seeds a target names, a description, and the namespaces that own it (never listed as users of it).
    package struct ResolvedTarget {
        var description: String
        var seeds: [Int32]
        var ownNamespaces: Set<String>
        /// An imported project named as the target: it is not listed as deriving from itself.
        var project: String?
    }

    package func resolve(_ target: LineageQuery.Target?) throws -> ResolvedTarget {
        guard let target else { throw LineageError("the question names no target") }
        switch target {
        case .name(let word):
            let (resolved, seeds) = try queries.resolve(word)
            if resolved.kind == "project" {
                return ResolvedTarget(
                    description: "\(resolved.text), the \(Formatting.group(Int64(seeds.count))) model\(seeds.count == 1 ? "" : "s") it uses",
                    seeds: seeds, ownNamespaces: [], project: resolved.name)
            }
            var own = Set(seeds.compactMap { FamilyResolver.namespace(of: name($0)).map { $0.lowercased() } })
            if resolved.kind == "model" { own = [] }
            return ResolvedTarget(description: "\(resolved.text), \(Formatting.group(Int64(seeds.count))) root "
                + "model\(seeds.count == 1 ? "" : "s")", seeds: seeds, ownNamespaces: own)
        case .familiesOfOrigin(let countries):
            var seeds: [Int32] = []
            var names: [String] = []
            var own = Set<String>()
            for (index, entry) in queries.catalog.entries.enumerated() {
                guard let owner = entry.namespaces.first, let country = registry.country(of: owner), countries.contains(country) else { continue }
                seeds += queries.familyRoots[index]
                names.append(entry.label)
                own.formUnion(entry.namespaces.map { $0.lowercased() })
            }
            guard !names.isEmpty else {
                throw LineageError("no family in the catalog has an owner from \(countries) according to the organization registry; `lineage families` lists them")
            }
            let unique = Array(Set(seeds)).sorted()
            return ResolvedTarget(
                description: "families of \(countries) origin (\(names.sorted().joined(separator: ", "))), \(Formatting.group(Int64(unique.count))) root models",
                seeds: unique, ownNamespaces: own)
        }
    }

    /// The mask a query follows; `uses`/`cites` edges (Spaces, papers, projects) are always followed.
    package func mask(_ relations: [Relation]?) -> RelationMask {
        guard let relations else { return .all }
        let downstream = Relation.allCases.filter { $0.name == "uses" || $0.name == "cites" }
        return RelationMask(relations + downstream)
    }

    // MARK: - Helpers

    package func name(_ node: Int32) -> String { data.names[Int(node)] }

    package func author(_ node: Int32) -> String? {
        let index = data.authorIndex[Int(node)]
        return index >= 0 ? data.authors[Int(index)] : nil
    }

    package func kind(_ node: Int32) -> NodeKind { graph.columns?.kinds[Int(node)] ?? (data.isExternal[Int(node)] ? .external : .model) }

    package static func url(entity: String, kind: NodeKind) -> String? {
        switch kind {
        case .paper: "https://arxiv.org/abs/" + entity.replacingOccurrences(of: "arxiv:", with: "")
        case .space: "https://huggingface.co/spaces/" + entity
        case .project: nil
        default: "https://huggingface.co/" + entity
        }
    }
}
