import Foundation
import LineageCatalog
import LineageGraph
import LineageStore
import LineageSupport

/// The questions the query commands ask of a loaded graph and the family catalog.
///
/// Build it once per command: it resolves every family's roots up front. Each query returns a
/// Codable report (`DescendantsReport`, `AncestorsReport`, `ReachReport`, `SwitchingCostReport`,
/// `LockInIndexReport`, `FamiliesReport`) that the CLI prints.
public struct LineageQueries: Sendable {
    public let loaded: LoadedGraph
    public let catalog: FamilyCatalog
    public let resolver: FamilyResolver
    /// Roots of each catalog entry, index-aligned with `catalog.entries`.
    public let familyRoots: [[Int32]]
    /// Re-uploads of family roots found by name, already added to `loaded` as edges (see `ReuploadLinker`).
    public let reuploads: [ReuploadLinker.Link]

    /// Resolves the catalog's roots, links re-uploads to them and adds those links to the graph
    /// (`linkReuploads: false` leaves them out: they are inferred edges, which `--declared-only` ignores,
    /// and checks against a plain reference need the store's graph as it is).
    /// - Complexity: O(n + total name length) for the resolver and the re-upload scan, plus the
    ///   catalog's root split; O(n + e) to rebuild the graph when re-uploads were found.
    public init(loaded: LoadedGraph, catalog: FamilyCatalog, linkReuploads: Bool = true) {
        self.catalog = catalog
        resolver = FamilyResolver(
            names: loaded.data.names, families: catalog.families, namespaceIndex: loaded.data.namespaceIndex,
            aliases: loaded.data.aliases.map { (legacy: $0.legacyID, canonical: $0.canonicalID) })
        let roots = catalog.roots(in: resolver)
        familyRoots = roots
        let graph = loaded.graph
        let links = !linkReuploads ? [] : ReuploadLinker.links(
            names: loaded.data.names, hasParents: { graph.inDegree($0) > 0 }, familyRoots: roots, catalog: catalog)
        reuploads = links
        if links.isEmpty {
            self.loaded = loaded
        } else {
            var data = loaded.data
            data.addInferredEdges(links.map { (child: $0.child, parent: $0.root, relation: $0.relation) }, provenance: "inferred:reupload")
            self.loaded = LoadedGraph(data: data)
        }
    }

    /// The same queries over the declared edges only, without re-upload links (`self` when no edge was inferred).
    /// - Complexity: O(nodes + edges) when some edge was inferred.
    public func declaredOnly() -> LineageQueries {
        guard loaded.data.edgeProvenance.contains(where: \.isInferred) else { return self }
        return LineageQueries(loaded: LoadedGraph(data: loaded.data.declaredOnly()), catalog: catalog, linkReuploads: false)
    }

    public var graph: LineageGraph { loaded.graph }

    // MARK: - Names

    /// The Hub id of `node`.
    package func name(_ node: Int32) -> String { loaded.data.names[Int(node)] }

    /// The author of `node`, nil when unknown.
    package func author(_ node: Int32) -> String? {
        let a = loaded.data.authorIndex[Int(node)]
        return a >= 0 ? loaded.data.authors[Int(a)] : nil
    }

    /// Parses `finetune,adapter,…` (Hub spellings accepted) into a mask.
    /// - Throws: `LineageError` naming the unknown word and the valid ones.
    public static func relationMask(from list: String) throws(LineageError) -> RelationMask {
        var relations: [Relation] = []
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let relation = Relation(hubName: word) else {
                throw LineageError("unknown relation '\(MessageText.clip(word))'; use \(Relation.allCases.map(\.name).joined(separator: ", "))")
            }
            relations.append(relation)
        }
        guard !relations.isEmpty else { throw LineageError("--relation needs at least one of \(Relation.allCases.map(\.name).joined(separator: ", "))") }
        return RelationMask(relations)
    }

    // MARK: - Resolution

    /// The seeds a word names: a family's roots, a namespace's models or one model.
    ///
    /// A namespace shared by several families (`allenai`) resolves to the namespace, not to the
    /// first family listing it.
    /// - Throws: `LineageError` with the resolver's close matches when the word names nothing.
    public func resolve(_ word: String) throws(LineageError) -> (target: QueryTarget, seeds: [Int32]) {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains("/"), !catalog.isFamilyWord(trimmed), catalog.isSharedNamespace(trimmed) {
            let nodes = resolver.nodes(inNamespace: trimmed)
            if let first = nodes.first {
                let spelling = FamilyResolver.namespace(of: name(first)).map(String.init) ?? trimmed
                return (QueryTarget(kind: "namespace", name: spelling), nodes)
            }
        }
        do {
            switch try resolver.resolve(trimmed) {
            case .family(_, let index):
                let entry = catalog.entries[index]
                return (QueryTarget(kind: "family", name: entry.id, label: entry.label), familyRoots[index])
            case .namespace(let spelling, let nodes):
                return (QueryTarget(kind: "namespace", name: spelling), nodes)
            case .model(let node):
                return (QueryTarget(kind: "model", name: name(node)), [node])
            }
        } catch {
            // Not a family, namespace or model: an imported project stands for the models it uses.
            if let project = project(named: trimmed) {
                return (QueryTarget(kind: "project", name: project.name), project.models)
            }
            throw LineageError(error.description)
        }
    }

    /// The imported project (AI-BOM) named `word` (case-insensitive), with the models it uses directly or
    /// through BOM pedigree, ascending; nil when no project has that name.
    /// - Complexity: O(projects + uses).
    public func project(named word: String) -> (name: String, models: [Int32])? {
        let key = word.lowercased()
        let downstream = loaded.data.downstream
        guard let i = downstream.nodes.indices.first(where: { downstream.nodes[$0].kind == .project && downstream.nodes[$0].name.lowercased() == key })
        else { return nil }
        var models: [Int32] = []
        for (n, m) in zip(downstream.useNodes, downstream.useModels) where Int(n) == i { models.append(m) }
        return (downstream.nodes[i].name, Array(Set(models)).sorted())
    }

    /// The catalog index of the family `word` names (id, label or alias).
    /// - Throws: `LineageError` with close family ids when none matches.
    public func familyIndex(_ word: String) throws(LineageError) -> Int {
        if let i = catalog.index(ofID: word) ?? resolver.familyIndex(for: word) { return i }
        let candidates = catalog.entries.flatMap { [$0.id, $0.label] + $0.aliases }
        let close = Self.closest(to: word, among: candidates)
        throw LineageError("unknown family '\(MessageText.clip(word))'" + (close.isEmpty ? "; `lineage families` lists them" : "; did you mean: \(close.joined(separator: ", "))?"))
    }

    /// The author id of organization `org` (case-insensitive).
    /// - Throws: `LineageError` with close author names when no model has that author.
    public func authorID(_ org: String) throws(LineageError) -> Int32 {
        let authors = loaded.data.authors
        if let exact = authors.firstIndex(of: org) { return Int32(exact) }
        let key = org.lowercased()
        if let i = authors.firstIndex(where: { $0.lowercased() == key }) { return Int32(i) }
        let close = Self.closest(to: org, among: authors)
        throw LineageError("no model has the author '\(MessageText.clip(org))'" + (close.isEmpty ? "" : "; did you mean: \(close.joined(separator: ", "))?"))
    }

    /// Up to five of `candidates` closest to `word` by edit distance (ties alphabetical).
    /// - Complexity: O(K·L²) for K candidates of length L.
    package static func closest(to word: String, among candidates: [String], limit: Int = 5) -> [String] {
        let target = Array(word.lowercased().utf8)
        guard !target.isEmpty else { return [] }
        let maxDistance = max(2, target.count / 2)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for c in candidates where seen.insert(c.lowercased()).inserted {
            if let d = EditDistance.levenshtein(target, Array(c.lowercased().utf8), limit: maxDistance) { scored.append((d, c)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
    }
}
