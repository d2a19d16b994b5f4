import LineageCatalog
import LineageGraph
import LineageStore
import LineageSupport

/// The downstream half of the graph: who and what derives from a set of model families, with countries
/// and kinds from the `OrganizationRegistry`. This is the API `lineage downstream`, `lineage registry
/// coverage`, `lineage lockin --project` and the question language call.
///
/// - Organizations: authors of derivative members (kind model, at least one parent) of the families.
/// - Spaces and projects: those with a `uses` edge to any member (a Space or project derives from every
///   family of every model it uses; a project also uses the `pedigree.ancestors` its BOM names).
/// - Papers: arXiv ids linked to any member (a paper derives from a family when a model it is linked to does).
///
/// `uses` edges and paper links never enter the lineage graph; lineage counts are unchanged by them.
public struct DownstreamIndex: Sendable {
    public let queries: LineageQueries
    public let registry: OrganizationRegistry
    public let membership: FamilyMembership
    /// The registry row of each author id (index into `loaded.data.authors`), nil when unknown.
    public let authorOrganizations: [Organization?]
    /// Spaces and projects using model v: `users[userOffsets[v]..<userOffsets[v+1]]` (downstream node indexes).
    private let userOffsets: [Int32]
    private let users: [Int32]
    /// Papers linked to model v: `paperIDs[paperOffsets[v]..<paperOffsets[v+1]]` (indexes into `data.papers`).
    private let paperOffsets: [Int32]
    private let paperIDs: [Int32]
    /// arXiv ids never listed as downstream papers (`BoilerplatePapers`, unless `--all-papers`); a report
    /// names the ones it left out.
    public var excludedPapers: Set<String> = BoilerplatePapers.ids

    /// - Complexity: O(Σ family sizes) for the membership, plus O(n + uses + paper links + authors).
    public init(queries: LineageQueries, registry: OrganizationRegistry) {
        self.queries = queries
        self.registry = registry
        let graph = queries.graph
        membership = FamilyMembership(graph: graph, familyRoots: queries.familyRoots)
        let data = queries.loaded.data
        authorOrganizations = data.authors.map { registry.organization($0) }
        let downstream = data.downstream
        (userOffsets, users) = Self.csr(count: graph.nodeCount, keys: downstream.useModels, values: downstream.useNodes)
        (paperOffsets, paperIDs) = Self.csr(count: graph.nodeCount, keys: downstream.paperLinkModels, values: downstream.paperLinkPapers)
    }

    private static func csr(count: Int, keys: [Int32], values: [Int32]) -> ([Int32], [Int32]) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        for k in keys { offsets[Int(k) + 1] += 1 }
        for i in 0..<count { offsets[i + 1] += offsets[i] }
        var cursor = offsets
        var out = [Int32](repeating: 0, count: keys.count)
        for (k, v) in zip(keys, values) {
            out[Int(cursor[Int(k)])] = v
            cursor[Int(k)] += 1
        }
        return (offsets, out)
    }

    package var data: GraphData { queries.loaded.data }
    package var graph: LineageGraph { queries.graph }

    // MARK: - Attribution

    /// The namespace answerable for model `node`: its author, else its id's namespace.
    public func ownerNamespace(of node: Int32) -> String? {
        let a = data.authorIndex[Int(node)]
        if a >= 0 { return data.authors[Int(a)] }
        return FamilyResolver.namespace(of: data.names[Int(node)]).map(String.init)
    }

    /// The registry row of model `node`'s author.
    public func organization(ofModel node: Int32) -> Organization? {
        let a = data.authorIndex[Int(node)]
        if a >= 0 { return authorOrganizations[Int(a)] }
        return ownerNamespace(of: node).flatMap(registry.organization)
    }

    /// The registry row of the namespace owning family `f` (its first `hf_org`).
    public func origin(ofFamily f: Int) -> Organization? {
        queries.catalog.entries[f].namespaces.first.flatMap(registry.organization)
    }

    /// Catalog indexes of the families whose owner is registered in `country`.
    public func families(fromCountry country: String) -> [Int] {
        families(fromCountries: CountrySet(codes: [country], label: country))
    }

    /// Indices of the families whose owner is registered in one of `countries` (`EU`: any member).
    public func families(fromCountries countries: CountrySet) -> [Int] {
        queries.catalog.entries.indices.filter { origin(ofFamily: $0)?.country.map(countries.contains) == true }
    }

    /// Countries of origin of the families model `node` belongs to, ascending, unknown ones left out.
    public func originCountries(ofModel node: Int32) -> [String] {
        Array(Set(membership.families(of: node).compactMap { origin(ofFamily: Int($0))?.country })).sorted()
    }

    /// Owner attribution of a Space or project (`data.downstream.nodes[i]`): its author or supplier as a
    /// namespace, else as an organization name.
    public func organization(ofDownstream i: Int) -> Organization? {
        guard let author = data.downstream.nodes[i].author else { return nil }
        if let row = registry.organization(author) { return row }
        let key = author.lowercased()
        return registry.organizations.first { $0.name?.lowercased() == key }
    }

    /// Families (catalog indexes, ascending) that the Space or project `i` derives from: every family of
    /// every model it uses.
    public func families(ofDownstream i: Int) -> [Int] {
        var found = Set<Int32>()
        for model in models(usedBy: i) { found.formUnion(membership.families(of: model)) }
        return found.sorted().map(Int.init)
    }

    /// Model nodes that Space or project `i` uses (directly or, for a BOM, through pedigree), ascending.
    public func models(usedBy i: Int) -> [Int32] {
        let d = data.downstream
        var out: [Int32] = []
        for (n, m) in zip(d.useNodes, d.useModels) where Int(n) == i { out.append(m) }
        return out
    }

    /// Index of the project named `name` (case-insensitive) in `data.downstream.nodes`.
    /// - Throws: `LineageError` listing the known projects when none matches.
    public func project(named name: String) throws(LineageError) -> Int {
        let key = name.lowercased()
        let nodes = data.downstream.nodes
        if let i = nodes.indices.first(where: { nodes[$0].kind == .project && nodes[$0].name.lowercased() == key }) { return i }
        let known = nodes.filter { $0.kind == .project }.map(\.name)
        throw LineageError("no project named '\(MessageText.clip(name))'" + (known.isEmpty
            ? "; ingest a CycloneDX BOM first (`lineage ingest product.cdx.json`)"
            : "; known projects: \(known.prefix(10).joined(separator: ", "))"))
    }

    // MARK: - Coverage

    /// Coverage of the registry over `nodes` (the derivative models among them), or over every
    /// derivative model of the graph when nil.
    /// - Complexity: O(n) or O(|nodes|).
    public func coverage(of nodes: [Int32]? = nil) -> RegistryCoverage {
        var tally = RegistryCoverage.Tally()
        let columns = graph.columns
        func visit(_ v: Int32) {
            guard columns?.kinds[Int(v)] == .model, graph.inDegree(v) > 0 else { return }
            tally.add(downloads: data.downloads[Int(v)], author: organization(ofModel: v))
        }
        if let nodes { nodes.forEach(visit) } else { (0..<Int32(graph.nodeCount)).forEach(visit) }
        return RegistryCoverage(tally)
    }

    // MARK: - Downstream of families

    /// Members of the families `families` (catalog indexes), ascending, each once.
    public func members(ofFamilies families: [Int]) -> [Int32] {
        var set = NodeBitset(capacity: graph.nodeCount)
        var out: [Int32] = []
        for f in families {
            for v in membership.members(ofFamily: f) where !set.contains(v) {
                set.insert(v)
                out.append(v)
            }
        }
        return out.sorted()
    }

    /// Everything downstream of `families` that passes `filter`, ranked by type, then models, then id,
    /// with the registry's coverage of the families' derivative models.
    /// - Complexity: O(members + their uses and paper links + entities · log entities).
    public func downstream(ofFamilies families: [Int], filter: DownstreamFilter = DownstreamFilter()) -> DownstreamReport {
        let ownerNamespaces = Set(families.flatMap { queries.catalog.entries[$0].namespaces.map { $0.lowercased() } })
        return downstream(ofModels: members(ofFamilies: families), families: families, ownNamespaces: ownerNamespaces, filter: filter)
    }

    /// Everything downstream of the model nodes `members` (e.g. a descendants traversal's nodes, seeds
    /// included): authors of the derivative ones, Spaces and projects using any, papers linked to any.
    /// `families` only labels entities (the asked families each derives from); organizations in
    /// `ownNamespaces` (lowercased) are left out unless `filter.includeFamilyOwners`.
    /// - Complexity: O(members + their uses and paper links + entities · log entities).
    public func downstream(
        ofModels members: [Int32], families: [Int], ownNamespaces ownerNamespaces: Set<String>,
        filter: DownstreamFilter = DownstreamFilter()
    ) -> DownstreamReport {
        let asked = Set(families.map(Int32.init))
        let familyIDs = queries.catalog.entries.map(\.id)
        func familyList(_ models: some Sequence<Int32>) -> [String] {
            var found = Set<Int32>()
            for m in models { found.formUnion(membership.families(of: m).filter(asked.contains)) }
            return found.sorted().map { familyIDs[Int($0)] }
        }
        var entities: [DownstreamEntity] = []

        // Organizations: authors of derivative members.
        var byAuthor: [String: [Int32]] = [:]
        var derivativeMembers: [Int32] = []
        for v in members where graph.columns?.kinds[Int(v)] == .model && graph.inDegree(v) > 0 {
            derivativeMembers.append(v)
            if let owner = ownerNamespace(of: v) { byAuthor[owner, default: []].append(v) }
        }
        if filter.includes(.organization) {
            for (namespace, models) in byAuthor {
                if !filter.includeFamilyOwners, ownerNamespaces.contains(namespace.lowercased()) { continue }
                let row = registry.organization(namespace)
                guard filter.matches(country: row?.country, kind: row?.kind) else { continue }
                entities.append(DownstreamEntity(
                    type: .organization, id: namespace, name: row?.name, url: "https://huggingface.co/\(namespace)", owner: namespace,
                    country: row?.country, kind: row?.kind, countrySource: row?.country == nil ? nil : row?.source,
                    families: familyList(models), models: models.count, downloads: downloads(models), examples: examples(models)))
            }
        }

        // Spaces and projects: users of any member.
        var usedModels: [Int32: [Int32]] = [:]
        for v in members {
            for u in users[Int(userOffsets[Int(v)])..<Int(userOffsets[Int(v) + 1])] { usedModels[u, default: []].append(v) }
        }
        for (u, models) in usedModels {
            let node = data.downstream.nodes[Int(u)]
            let type: DownstreamType = node.kind == .space ? .space : .project
            guard filter.includes(type) else { continue }
            let row = organization(ofDownstream: Int(u))
            guard filter.matches(country: row?.country, kind: row?.kind) else { continue }
            entities.append(DownstreamEntity(
                type: type, id: node.name, name: type == .project ? node.version.map { "\(node.name) \($0)" } : nil,
                url: type == .space ? "https://huggingface.co/spaces/\(node.name)" : nil, owner: row?.namespace ?? node.author,
                country: row?.country, kind: row?.kind, countrySource: row?.country == nil ? nil : row?.source,
                families: familyList(models), models: models.count, downloads: downloads(models), likes: node.likes,
                examples: examples(models)))
        }

        // Papers: linked to any member.
        var leftOutPapers: [String] = []
        if filter.includes(.paper) {
            var linked: [Int32: [Int32]] = [:]
            for v in members {
                for p in paperIDs[Int(paperOffsets[Int(v)])..<Int(paperOffsets[Int(v) + 1])] { linked[p, default: []].append(v) }
            }
            for (p, models) in linked {
                // A paper is kept when one of its linked models' authors passes the filter.
                let rows = models.map { organization(ofModel: $0) }
                let passing = rows.filter { filter.matches(country: $0?.country, kind: $0?.kind) }
                guard filter.countries == nil && filter.kinds == nil || !passing.isEmpty else { continue }
                let owners = Set(models.compactMap { ownerNamespace(of: $0)?.lowercased() })
                let row = owners.count == 1 ? rows.first ?? nil : nil
                let arxiv = data.downstream.papers[Int(p)]
                if excludedPapers.contains(arxiv) {
                    leftOutPapers.append(arxiv)
                    continue
                }
                entities.append(DownstreamEntity(
                    type: .paper, id: arxiv, url: "https://arxiv.org/abs/\(arxiv)",
                    owner: owners.count == 1 ? models.first.flatMap(ownerNamespace) : nil,
                    country: row?.country, kind: row?.kind, countrySource: row?.country == nil ? nil : row?.source,
                    families: familyList(models), models: models.count, downloads: downloads(models), examples: examples(models)))
            }
        }

        entities.sort { a, b in
            if a.type != b.type { return a.type < b.type }
            if a.models != b.models { return a.models > b.models }
            if a.downloads != b.downloads { return a.downloads > b.downloads }
            return a.id.lowercased() < b.id.lowercased()
        }
        return DownstreamReport(
            families: families.map { familyIDs[$0] }, filter: filter, memberModels: members.count,
            coverage: coverage(of: derivativeMembers), entities: entities, leftOutPapers: leftOutPapers.sorted())
    }

    /// Everything downstream of the families whose owner is registered in `country` (`CN` for
    /// "Chinese-origin families").
    public func downstream(ofFamiliesFrom country: String, filter: DownstreamFilter = DownstreamFilter()) -> DownstreamReport {
        downstream(ofFamiliesFrom: CountrySet(codes: [country], label: country), filter: filter)
    }

    /// Everything downstream of the families whose owner is registered in one of `countries`; the
    /// report's origin is their label (`EU`).
    public func downstream(ofFamiliesFrom countries: CountrySet, filter: DownstreamFilter = DownstreamFilter()) -> DownstreamReport {
        var report = downstream(ofFamilies: families(fromCountries: countries), filter: filter)
        report.origin = countries.label
        return report
    }

    private func downloads(_ models: [Int32]) -> Int64 { models.reduce(0) { $0.addingSaturating(data.downloads[Int($1)]) } }

    /// Up to three model ids, most downloaded first.
    private func examples(_ models: [Int32]) -> [String] {
        models.sorted { (data.downloads[Int($0)], $1) > (data.downloads[Int($1)], $0) }.prefix(3).map { data.names[Int($0)] }
    }
}
