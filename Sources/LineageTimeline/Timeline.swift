import Foundation
import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageStore
import LineageSupport

/// Time series over the lineage graph: new derivatives (and the other `TimelineMetric`s) per week,
/// month, quarter or year, for families, namespaces, models, family origins or author countries.
///
/// Each series is one breadth-first walk from its seeds, then one pass over the members it reached:
/// nothing is queried per bucket.
public struct Timeline: Sendable {
    public let queries: LineageQueries
    public let registry: OrganizationRegistry
    public let store: String
    /// Whether node v's own record names a parent (a stored edge; re-uploads linked by name are not).
    package let hasStoredParent: [Bool]

    /// The day `createdAt` shows for repositories older than the Hub's creation-date records.
    public static let placeholderDay = Int32(CivilDate(year: 2022, month: 3, day: 2).days)

    /// - Complexity: O(n + e).
    public init(queries: LineageQueries, registry: OrganizationRegistry, store: String) {
        self.queries = queries
        self.registry = registry
        self.store = store
        let data = queries.loaded.data
        var parent = [Bool](repeating: false, count: data.nodeCount)
        let typed = data.edgeProvenance.count == data.edgeCount
        for i in 0..<data.edgeCount where !(typed && data.edgeProvenance[i] == .reupload) {
            parent[Int(data.edgeChildren[i])] = true
        }
        hasStoredParent = parent
    }

    /// Unix seconds to days since 1970-01-01, nil when unknown.
    static func day(_ seconds: Int64) -> Int32? {
        seconds == NodeColumns.unknownDate ? nil : Int32(clamping: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    // MARK: - Series

    /// The series `request` names, in the order named: targets, then origins, then author countries
    /// (with no target and no origin, author-country series cover every derivative model of the store;
    /// with nothing named at all, one series of every model).
    /// - Throws: `LineageError` for a name that resolves to nothing or an unknown country.
    /// - Complexity: O(Σ (v + e)) over the walks, plus O(n) for store-wide series.
    public func series(for request: TimelineRequest) throws(LineageError) -> [TimelineSeries] {
        var out: [TimelineSeries] = []
        var scratch = TraversalScratch(nodeCount: queries.graph.nodeCount)
        var targetSeeds: [[Int32]] = []
        for word in request.targets {
            let (target, seeds) = try queries.resolve(word)
            targetSeeds.append(seeds)
            let name = target.label ?? target.name
            out.append(collect(name: name, detail: "\(target.text), \(Formatting.group(seeds.count)) seed\(seeds.count == 1 ? "" : "s")",
                               seeds: seeds, relations: request.relations, scratch: &scratch))
        }
        for word in request.origins {
            let country = try Self.countryCode(word)
            var seeds: [Int32] = []
            var names: [String] = []
            for (index, entry) in queries.catalog.entries.enumerated() {
                guard let owner = entry.namespaces.first, registry.country(of: owner) == country else { continue }
                seeds += queries.familyRoots[index]
                names.append(entry.label)
            }
            guard !names.isEmpty else {
                throw LineageError("no family in the catalog has an owner from \(country) according to the organization registry; `lineage families` lists them")
            }
            let unique = Array(Set(seeds)).sorted()
            out.append(collect(
                name: country,
                detail: "\(country)-origin families (\(names.sorted().joined(separator: ", "))), \(Formatting.group(unique.count)) root models",
                seeds: unique, relations: request.relations, scratch: &scratch))
        }
        if !request.authorCountries.isEmpty {
            let population = authorPopulation(targets: targetSeeds, relations: request.relations, scratch: &scratch)
            for word in request.authorCountries {
                let country = try Self.countryCode(word)
                var series = TimelineSeries(
                    name: "authors in \(country)",
                    detail: "derivatives by authors the registry places in \(country), of "
                        + (targetSeeds.isEmpty ? "every derivative model of the store" : request.targets.joined(separator: ", ")))
                for v in population where country == authorCountry(v) { add(v, isSeed: false, to: &series) }
                out.append(series)
            }
        }
        if out.isEmpty {
            var series = TimelineSeries(name: "all models", detail: "every model of the store; derivatives = models with a parent")
            let columns = queries.graph.columns!
            for v in 0..<Int32(columns.count) where columns.kinds[Int(v)] == .model {
                add(v, isSeed: queries.graph.inDegree(v) == 0, to: &series)
            }
            out.append(series)
        }
        return out
    }

    /// Walks down from `seeds` once and records every reached model.
    /// - Complexity: O(s + v + e).
    func collect(name: String, detail: String, seeds: [Int32], relations: RelationMask, scratch: inout TraversalScratch) -> TimelineSeries {
        var series = TimelineSeries(name: name, detail: detail)
        let result = queries.graph.descendants(of: seeds, relations: relations, scratch: &scratch)
        let kinds = queries.graph.columns!.kinds
        for p in 0..<result.count {
            let v = result.nodes[p]
            guard kinds[Int(v)] == .model else { continue }
            add(v, isSeed: p < result.seedCount, to: &series)
        }
        return series
    }

    /// Adds model `v` to `series`, as a seed or as a derivative.
    func add(_ v: Int32, isSeed: Bool, to series: inout TimelineSeries) {
        let columns = queries.graph.columns!
        guard let day = Self.day(columns.created[Int(v)]) else {
            if !isSeed { series.undatedDerivatives += 1 }
            return
        }
        series.memberDays.append(day)
        series.memberHasParent.append(hasStoredParent[Int(v)])
        if isSeed {
            series.firstSeedDay = min(series.firstSeedDay ?? day, day)
            return
        }
        if day == Self.placeholderDay { series.placeholderDerivatives += 1 }
        series.derivativeDays.append(day)
        series.derivativeAuthors.append(columns.authorIds[Int(v)])
        series.derivativeDownloads.append(columns.downloads[Int(v)])
    }

    /// The derivatives author-country series are drawn from: the targets' descendants, else every
    /// model with a parent.
    func authorPopulation(targets: [[Int32]], relations: RelationMask, scratch: inout TraversalScratch) -> [Int32] {
        let graph = queries.graph
        let kinds = graph.columns!.kinds
        guard !targets.isEmpty else {
            return (0..<Int32(graph.nodeCount)).filter { kinds[Int($0)] == .model && graph.inDegree($0) > 0 }
        }
        let result = graph.descendants(of: targets.flatMap { $0 }, relations: relations, scratch: &scratch)
        return result.reached.filter { kinds[Int($0)] == .model }
    }

    /// The registry country of model v's author (or its id's namespace).
    func authorCountry(_ v: Int32) -> String? {
        let data = queries.loaded.data
        let a = data.authorIndex[Int(v)]
        let namespace = a >= 0 ? data.authors[Int(a)] : FamilyResolver.namespace(of: data.names[Int(v)]).map(String.init)
        return namespace.flatMap(registry.country(of:))
    }

    /// `CN`, `cn`, `China`, `Chinese`, `US`, `U.S.` → the ISO code.
    /// - Throws: `LineageError` for a word naming no single country.
    public static func countryCode(_ word: String) throws(LineageError) -> String {
        // The one country vocabulary (countries.csv): codes, names, demonyms; a group (EU) is not one country.
        if let code = CountryVocabulary.bundled.country(word.trimmingCharacters(in: .whitespaces)) { return code }
        throw LineageError("'\(MessageText.clip(word))' is not one country; use an ISO 3166 code such as CN, US, FR")
    }
}
