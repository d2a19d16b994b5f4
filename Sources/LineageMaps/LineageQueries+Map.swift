import Foundation
import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageSupport

/// Lineage maps (`lineage render`): what a target or a question names, selected and styled as DOT.
extension LineageQueries {
    /// Most cross-family merges a `which merges cross families` map starts from (the most downloaded).
    package static let crossFamilyMergeSeeds = 8

    /// The map of what `word` names: a family (from its roots), a namespace (its models), a model
    /// (with its ancestors, so it is seen in its lineage) or an imported project (the models it uses,
    /// with their ancestors).
    ///
    /// - Parameters:
    ///   - lookups: author countries and kinds, for fills, the legend and `request.countries`.
    ///   - snapshot: which data the map comes from, shown in the title.
    /// - Throws: `LineageError` when the word names nothing (with close matches) or the request is invalid.
    /// - Complexity: that of ``MapSelection`` plus O(k + e) to write DOT for what is drawn.
    public func map(of word: String, request: MapRequest, lookups: MapLookups, snapshot: String) throws(LineageError) -> LineageMap {
        let (target, seeds) = try resolve(word)
        let name: String = switch target.kind {
        case "family": "\(target.label ?? target.name) family"
        case "namespace": "namespace \(target.name)"
        case "project": "project \(target.name) (the models it uses)"
        default: target.name
        }
        return try map(
            seeds: seeds, name: name, includeAncestors: target.kind == "model" || target.kind == "project", request: request,
            lookups: lookups, snapshot: snapshot)
    }

    /// The map answering a question: its target drawn with its filters (country, relations, depth, since,
    /// downloads). Fields of `request` that the question sets are replaced by the question's; pass
    /// flags the user gave explicitly through `overrides`.
    ///
    /// - Throws: `LineageError` for questions that name no lineage to draw (`rank families by …`).
    public func map(
        question query: LineageQuery, request: MapRequest, overrides: (MapRequest) -> MapRequest = { $0 },
        lookups: MapLookups, snapshot: String
    ) throws(LineageError) -> LineageMap {
        var merged = request
        if let country = query.country { merged.countries = country }
        if let relations = query.relations { merged.relations = RelationMask(relations) }
        if let depth = query.maxDepth { merged.maxDepth = depth }
        if let since = query.since { merged.since = since }
        if let minimum = query.minDownloads { merged.minDownloads = minimum }
        if let top = query.top { merged.maxNodes = top }
        switch query.subject {
        case .startups?: merged.organizationKinds = [OrganizationKind.startup.rawValue]
        case .companies?: merged.organizationKinds = Set(OrganizationKind.allCases.filter(\.isCompany).map(\.rawValue))
        case .universities?: merged.organizationKinds = [OrganizationKind.academic.rawValue]
        default: break
        }
        if merged.organizationKinds != nil { merged.organizationLabel = query.subject?.rawValue }
        merged = overrides(merged)

        switch (query.intent, query.target) {
        case (.crossFamilyMerges, _):
            let merges = crossFamilyMerges()
            let downloads = graph.columns?.downloads
            let top = merges.sorted { a, b in
                let da = downloads?[Int(a)] ?? 0, db = downloads?[Int(b)] ?? 0
                return da != db ? da > db : name(a) < name(b)
            }.prefix(Self.crossFamilyMergeSeeds)
            guard !top.isEmpty else { throw LineageError("no merge in this store has parents from different families") }
            let title = "Merges across families (the \(top.count) most downloaded of \(Formatting.group(merges.count)))"
            return try map(seeds: Array(top), name: title, includeAncestors: true, ancestorShare: 0.6, request: merged, lookups: lookups, snapshot: snapshot)
        case (.rankFamilies, _):
            throw LineageError("this question ranks families and names no lineage to draw; render one family instead, e.g. `lineage render qwen`")
        case (_, .name(let word)?):
            return try map(of: word, request: merged, lookups: lookups, snapshot: snapshot)
        case (_, .familiesOfOrigin(let countries)?):
            var seeds: [Int32] = []
            var labels: [String] = []
            for (i, entry) in catalog.entries.enumerated() {
                guard let owner = entry.namespaces.first, let code = lookups.country(owner), countries.contains(code) else { continue }
                seeds += familyRoots[i]
                labels.append(entry.label)
            }
            guard !seeds.isEmpty else {
                throw LineageError("no family in the catalog is known to come from \(countries.label) (family origins come from the organization registry)")
            }
            let title = "\(countries.label)-origin families (\(labels.joined(separator: ", ")))"
            return try map(seeds: Array(Set(seeds)).sorted(), name: title, includeAncestors: false, request: merged, lookups: lookups, snapshot: snapshot)
        case (_, nil):
            throw LineageError("this question names no family, namespace or model to draw")
        }
    }

    /// Merge models whose parents come from different families: no family holds all their parents,
    /// and together the parents belong to at least two. Ascending by node id.
    /// - Complexity: O(Σ family sizes · log) for the memberships, plus O(e).
    public func crossFamilyMerges() -> [Int32] {
        let membership = FamilyMembership(graph: graph, familyRoots: familyRoots)
        var out: [Int32] = []
        for v in 0..<Int32(graph.nodeCount) where graph.inDegree(v) >= 2 {
            let parents = graph.parents(of: v)
            guard parents.relations.contains(.merge) else { continue }
            var union = Set<Int32>()
            var common: Set<Int32>?
            for p in parents.nodes {
                let families = Set(membership.families(of: p))
                union.formUnion(families)
                common = common.map { $0.intersection(families) } ?? families
            }
            if union.count >= 2, common?.isEmpty ?? true { out.append(v) }
        }
        return out
    }

    /// Selects and writes the map of `seeds`.
    package func map(
        seeds: [Int32], name: String, includeAncestors: Bool, ancestorShare: Double = 0.25, request: MapRequest,
        lookups: MapLookups, snapshot: String
    ) throws(LineageError) -> LineageMap {
        guard request.maxNodes >= 1 else { throw LineageError("--max-nodes must be 1 or more") }
        if let depth = request.maxDepth, depth < 0 { throw LineageError("--depth must be 0 or more") }
        let builder = LineageMapBuilder(loaded: loaded, lookups: lookups)
        let predicate = candidateFilter(request, builder: builder)
        let parameters = MapSelection.Parameters(
            maxNodes: request.maxNodes, relations: request.relations, maxDepth: request.maxDepth,
            includeAncestors: includeAncestors, ancestorShare: ancestorShare)
        let selection = MapSelection(graph: graph, seeds: seeds, parameters: parameters, isCandidate: predicate)
        let title = Self.mapTitle(name, request)
        if predicate != nil, selection.candidateCount == 0 {
            let total = selection.universeCount - selection.seedCount
            throw LineageError("nothing to draw: none of the \(Formatting.group(total)) descendants of \(name) passes the filters (\(title))")
        }
        let layout = request.layout.resolved(nodeCount: selection.nodes.count + selection.collapsed.count)
        let dot = builder.dot(for: selection, title: title, snapshot: "Data: " + snapshot, layout: layout)
        return LineageMap(dot: dot, layout: layout, title: title, selection: selection)
    }

    /// `Qwen family: descendants by US authors, via finetune, within 2 generations`.
    package static func mapTitle(_ name: String, _ request: MapRequest) -> String {
        var parts: [String] = []
        if let countries = request.countries { parts.append("descendants by \(countries.label) authors") }
        if let kinds = request.organizationLabel ?? request.organizationKinds.map({ $0.sorted().joined(separator: " or ") }) {
            parts.append("by \(kinds)")
        }
        if request.relations != .all { parts.append("via " + request.relations.relations.map(\.name).joined(separator: ", ")) }
        if let depth = request.maxDepth { parts.append("within \(depth) generation\(depth == 1 ? "" : "s")") }
        if let since = request.since {
            let date = Date(timeIntervalSince1970: TimeInterval(since))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month], from: date)
            parts.append(String(format: "created since %04d-%02d", c.year ?? 0, c.month ?? 0))
        }
        if let minimum = request.minDownloads { parts.append("with more than \(Formatting.group(minimum)) downloads") }
        return parts.isEmpty ? name : name + ": " + parts.joined(separator: ", ")
    }

    /// Which descendants pass the request's filters; nil when there are none. Countries are looked up
    /// once per author and cached.
    private func candidateFilter(_ request: MapRequest, builder: LineageMapBuilder) -> ((Int32) -> Bool)? {
        guard request.countries != nil || request.since != nil || request.minDownloads != nil || request.organizationKinds != nil else { return nil }
        let columns = graph.columns
        var authorVerdict = [UInt8](repeating: 0, count: loaded.data.authors.count)  // 0 unknown, 1 yes, 2 no
        return { node in
            if let since = request.since, let columns, columns.created[Int(node)] == NodeColumns.unknownDate || columns.created[Int(node)] < since {
                return false
            }
            if let minimum = request.minDownloads, (columns?.downloads[Int(node)] ?? 0) <= minimum { return false }
            if let kinds = request.organizationKinds {
                guard let author = builder.author(of: node), let kind = builder.lookups.organizationKind(author), kinds.contains(kind) else { return false }
            }
            if let countries = request.countries {
                let a = columns?.authorIds[Int(node)] ?? -1
                if a >= 0, Int(a) < authorVerdict.count {
                    if authorVerdict[Int(a)] == 0 {
                        authorVerdict[Int(a)] = builder.country(of: node).map(countries.contains) == true ? 1 : 2
                    }
                    return authorVerdict[Int(a)] == 1
                }
                return builder.country(of: node).map(countries.contains) == true
            }
            return true
        }
    }
}
