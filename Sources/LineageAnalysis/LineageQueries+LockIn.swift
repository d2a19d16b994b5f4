import LineageCatalog
import LineageGraph
import LineageSupport

/// Switching cost and lock-in index.
extension LineageQueries {
    /// Switching cost of organization `org` on `family`, or on every family its models belong to.
    /// - Throws: `LineageError` for an unknown organization or family.
    /// - Complexity: O(n + e) for the condensation, plus O(n + v + e) per family scored.
    public func switchingCost(org: String, family: String? = nil, explain: Bool = false) throws(LineageError) -> SwitchingCostReport {
        let author = try authorID(org)
        let columns = graph.columns!
        var indices: [Int]
        if let family {
            indices = [try familyIndex(family)]
        } else {
            let membership = FamilyMembership(graph: graph, familyRoots: familyRoots)
            var found = Set<Int>()
            for v in 0..<Int32(graph.nodeCount) where columns.authorIds[Int(v)] == author && columns.kinds[Int(v)] == .model {
                for f in membership.families(of: v) { found.insert(Int(f)) }
            }
            indices = found.sorted()
        }
        let condensation = graph.condensation()
        var scratch = TraversalScratch(nodeCount: graph.nodeCount)
        var costs: [SwitchingCostReport.FamilyCost] = []
        for f in indices {
            let context = FamilyContext(graph: graph, roots: familyRoots[f], condensation: condensation)
            let cost = SwitchingCost(author: author, family: context, in: graph, scratch: &scratch)
            costs.append(SwitchingCostReport.FamilyCost(
                family: catalog.entries[f].id, label: catalog.entries[f].label, score: cost.score,
                orgModels: cost.authorModelCount, familyModels: cost.familyModelCount, adapterModels: cost.adapterModelCount,
                components: cost.components.map(SwitchingCostReport.Component.init)))
        }
        costs.sort { ($0.score, $1.family) > ($1.score, $0.family) }
        return SwitchingCostReport(org: loaded.data.authors[Int(author)], explain: explain, families: costs)
    }

    /// Lock-in index of the organizations in `group` toward `family` (default: the family holding
    /// most of their derivative models), with every family's share and the HHI.
    ///
    /// Foreign dependence needs `countries` (`OrganizationRegistry.countryAttribution`); without it, it is
    /// reported as unknown.
    /// - Throws: `LineageError` for an unknown organization or family.
    /// - Complexity: O(Σ family sizes) for the membership, plus O(n) per family listed.
    public func lockIn(group: [String], family: String? = nil, countries: CountryAttribution? = nil) throws(LineageError) -> LockInIndexReport {
        guard !group.isEmpty else { throw LineageError("--group needs at least one organization") }
        guard !catalog.entries.isEmpty else { throw LineageError("the family catalog is empty") }
        var ids: [Int32] = []
        for org in group {
            let id = try authorID(org)
            if !ids.contains(id) { ids.append(id) }
        }
        let focus = try family.map { (word: String) throws(LineageError) in try familyIndex(word) }
        let membership = FamilyMembership(graph: graph, familyRoots: familyRoots)
        let overall = LockInIndex(group: ids, family: focus ?? 0, membership: membership, graph: graph, countries: countries)
        var shares: [LockInIndexReport.FamilyShare] = []
        var focusIndex = overall
        for s in overall.familyShares {
            let index = s.family == overall.family ? overall : LockInIndex(group: ids, family: s.family, membership: membership, graph: graph, countries: countries)
            shares.append(LockInIndexReport.FamilyShare(
                family: catalog.entries[s.family].id, label: catalog.entries[s.family].label, models: s.modelCount,
                modelShare: index.modelShare, downloadShare: index.downloadShare, pairShare: s.share))
            if focus == nil, s.family == overall.familyShares.first?.family { focusIndex = index }
        }
        shares.sort { ($0.models, $1.family) > ($1.models, $0.family) }
        let focusFamily = focus ?? overall.familyShares.first?.family
        return LockInIndexReport(
            group: ids.map { loaded.data.authors[Int($0)] }, family: focusFamily.map { catalog.entries[$0].id },
            derivativeModels: overall.derivativeModelCount, unattributedModels: overall.unattributedModelCount,
            modelShare: focusFamily == nil ? 0 : focusIndex.modelShare,
            downloadShare: focusFamily == nil ? 0 : focusIndex.downloadShare,
            herfindahl: overall.herfindahl, hhi: Int((overall.herfindahl * 10_000).rounded()),
            foreignDependence: overall.foreignDependence,
            foreignDependenceNote: overall.foreignDependence == nil
                ? (countries == nil ? LockInIndexReport.foreignDependenceUnavailable : LockInIndexReport.foreignDependenceUnknownCountries) : nil,
            families: shares)
    }
}
