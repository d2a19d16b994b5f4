import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageSupport

extension ClaimEvaluator {
    /// Computes a metric into `result`, with its measurability.
    func compute(_ metric: ClaimMetric, claim: Claim, into result: inout MeasureResult) throws {
        let time = metric.window.map { timeReason(window: $0) } ?? timeReason(month: claim.date)
        switch metric {
        case .tagged(let family):
            result.value = Double(try tagged(family))
            result.notMeasurable = time ?? sampleReason()
        case .newDerivatives(let window):
            var count = 0
            forEachModel(in: window) { node in if graph.inDegree(node) > 0 { count += 1 } }
            result.value = Double(count)
            result.notMeasurable = time ?? sampleReason()
        case .familyDownloads(let family, let allTime, let rootsOnly):
            let index = try familyIndex(family)
            let column = allTime ? data.downloadsAllTime : data.downloads
            let nodes = rootsOnly ? answerer.queries.familyRoots[index] : Array(self.index.membership.members(ofFamily: index))
            var sum: Int64 = 0
            for node in nodes where Int(node) < column.count {
                sum.addSaturating(column[Int(node)])
            }
            result.value = Double(sum)
            result.notMeasurable = time ?? sampleReason()
                ?? (allTime && !context.hasAllTimeDownloads ? "the store has no all-time download counts (only 30-day ones)" : nil)
        case .downloadShare(let attribution, let country):
            let shares = downloadShares(attribution)
            result.isShare = true
            result.value = shares.total > 0 ? (country.map { shares.byCountry[$0] ?? 0 } ?? shares.unattributed) / shares.total : nil
            let attributed = shares.total > 0 ? 1 - shares.unattributed / shares.total : 0
            let what = attribution == .familyOrigin ? "a family of known origin" : "an author of known country"
            let top = shares.byCountry.sorted { $0.value > $1.value }.prefix(4)
                .map { "\($0.key) \(Formatting.percent(shares.total > 0 ? $0.value / shares.total : 0))" }.joined(separator: ", ")
            let models = Formatting.group(Int64(context.models))
            result.coverage = "\(Formatting.percent(attributed)) of the 30-day downloads of all \(models) models have \(what) "
                + "(\(top), unattributed \(Formatting.percent(1 - attributed)))"
            let noun = attribution == .familyOrigin ? "family origin" : "country"
            // A share of ALL the Hub's downloads needs the whole Hub: a sample lacks most of the denominator.
            result.notMeasurable = time ?? sampleReason() ?? (attributed < coverageMinimum
                ? "no \(noun) for most downloads: only \(Formatting.percent(attributed)) of all downloads have \(what) "
                    + "(needs \(Formatting.percent(coverageMinimum)))"
                : nil)
        case .newModels(let country, let window):
            var count = 0, known = 0, all = 0
            forEachModel(in: window) { node in
                all += 1
                guard let code = index.organization(ofModel: node)?.country else { return }
                known += 1
                if code == country { count += 1 }
            }
            result.value = Double(count)
            let share = all > 0 ? Double(known) / Double(all) : 0
            result.coverage = "\(Formatting.percent(share)) of the \(Formatting.group(Int64(all))) models created \(window) "
                + "have an author of known country"
            result.notMeasurable = time ?? sampleReason() ?? coverageReason(share, "of the models created \(window)")
        }
    }

    /// Calls `body` for each described model created in `window`.
    /// - Complexity: O(n).
    func forEachModel(in window: ClaimWindow, _ body: (Int32) -> Void) {
        let from = window.from.start, to = window.to.start
        for node in 0..<data.nodeCount where !data.isExternal[node] {
            let created = data.createdAt[node]
            if created >= from, created < to { body(Int32(node)) }
        }
    }

    func familyIndex(_ word: String) throws -> Int {
        switch try answerer.queries.resolver.resolve(word) {
        case .family(_, let index): return index
        default: throw LineageError("\(MessageText.quote(word)) is not a family of the catalog (`lineage families` lists them)")
        }
    }

    /// Models outside the family's namespaces with an input-given parent in them (re-upload links left out).
    /// - Complexity: O(e).
    func tagged(_ family: String) throws -> Int {
        let entry = answerer.queries.catalog.entries[try familyIndex(family)]
        let own = Set(entry.namespaces.map { $0.lowercased() })
        func inFamilyNamespace(_ node: Int32) -> Bool {
            FamilyResolver.namespace(of: data.names[Int(node)]).map { own.contains($0.lowercased()) } ?? false
        }
        let reuploads = Set(answerer.queries.reuploads.map(\.child))
        var children = Set<Int32>()
        for (child, parent) in zip(data.edgeChildren, data.edgeParents) where !reuploads.contains(child) && !data.isExternal[Int(child)] {
            if inFamilyNamespace(parent), !inFamilyNamespace(child) { children.insert(child) }
        }
        return children.count
    }

    /// 30-day downloads of every described model, by country of the model's family origin or author.
    /// - Complexity: O(n + Σ families per model).
    func downloadShares(_ attribution: ClaimMetric.Attribution) -> (total: Double, byCountry: [String: Double], unattributed: Double) {
        var total = 0.0, unattributed = 0.0
        var byCountry: [String: Double] = [:]
        for node in 0..<Int32(data.nodeCount) where !data.isExternal[Int(node)] {
            let downloads = Double(data.downloads[Int(node)])
            guard downloads > 0 else { continue }
            total += downloads
            let countries: [String]
            switch attribution {
            case .familyOrigin: countries = index.originCountries(ofModel: node)
            case .authorCountry: countries = index.organization(ofModel: node)?.country.map { [$0] } ?? []
            }
            if countries.isEmpty {
                unattributed += downloads
            } else {
                for country in countries { byCountry[country, default: 0] += downloads / Double(countries.count) }
            }
        }
        return (total, byCountry, unattributed)
    }
}
