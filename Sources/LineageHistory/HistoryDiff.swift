import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageHub
import LineageStore
import LineageSupport

/// What changed in a store's history between two points: the models added and removed (their events
/// dated in the window `(from, to]`) and the lineage edges first recorded in it, grouped by family
/// (through the graph with removed models kept), by the families' origin and by organization.
public struct HistoryDiff {
    /// Which individual rows `--list` asks for instead of the groups.
    public enum Listing: String, Sendable, CaseIterable {
        case added, removed, edges
    }

    public var store: LineageStore
    public var storeDescription: String
    /// The queries over the graph with removed models kept (so removed models still find their
    /// families), loaded only when something changed in the window.
    public var loadQueries: () throws -> LineageQueries
    public var registry: OrganizationRegistry

    public init(
        store: LineageStore, storeDescription: String, registry: OrganizationRegistry,
        loadQueries: @escaping () throws -> LineageQueries
    ) {
        self.store = store
        self.storeDescription = storeDescription
        self.loadQueries = loadQueries
        self.registry = registry
    }

    /// The report between `from` and `to`; `limit` rows per family and per organization section.
    /// - Throws: `LineageError` when `to` is before `from`, or a point names nothing in the store.
    /// - Complexity: one scan of the window's events and of the edge table; O(n) to find the changed
    ///   models' nodes, plus the family memberships when anything changed.
    public func report(from: String, to: String, limit: Int? = 10, listing: Listing? = nil) throws -> DiffReport {
        let snapshots = try store.snapshotDays()
        let start = try HistoryPoint(from, snapshots: snapshots)
        let end = try HistoryPoint(to, snapshots: snapshots)
        guard start.time <= end.time else {
            throw LineageError("--to \(to) (\(end.day)) is before --from \(from) (\(start.day))")
        }
        let events = try store.modelEvents(after: start.time, through: end.time)
        let edges = try store.newEdges(after: start.time, through: end.time)

        var added = Set<Int64>(), removed = Set<Int64>()
        var keyOf: [Int64: String] = [:]
        var authorOf: [Int64: String] = [:]
        for event in events {
            if event.kind == "added" { added.insert(event.modelRow) } else { removed.insert(event.modelRow) }
            keyOf[event.modelRow] = HubID.key(event.hubID)
            authorOf[event.modelRow] = event.author ?? HubID.namespace(of: event.hubID).map(String.init) ?? "?"
        }
        var relations: [String: Int] = [:]
        for edge in edges { relations[edge.relation, default: 0] += 1 }

        // Nodes of the changed models and of the new edges' children, found by key in one pass.
        var wanted = Set(keyOf.values)
        for edge in edges { wanted.insert(HubID.key(edge.child)) }
        var node: [String: Int32] = [:]
        let queries = wanted.isEmpty ? nil : try loadQueries()
        if let queries {
            for (i, name) in queries.loaded.data.names.enumerated() {
                let key = HubID.key(name)
                if wanted.contains(key) { node[key] = Int32(i) }
            }
        }
        let membership = queries.map { FamilyMembership(graph: $0.graph, familyRoots: $0.familyRoots) }
        let entries = queries?.catalog.entries ?? []
        func families(_ key: String) -> [Int] {
            guard let membership, let v = node[key] else { return [] }
            return membership.families(of: v).map(Int.init)
        }
        func origins(_ families: [Int]) -> [String] {
            if families.isEmpty { return ["none"] }
            return Array(Set(families.map { f in
                entries[f].namespaces.first.flatMap { registry.organization($0)?.country } ?? "?"
            })).sorted()
        }

        struct Tally { var added = 0, removed = 0, edges = 0 }
        var byFamily: [String: Tally] = [:], byOrigin: [String: Tally] = [:], byOrganization: [String: Tally] = [:]
        func count(_ key: String, author: String, _ bump: (inout Tally) -> Void) {
            let fs = families(key)
            for f in fs { bump(&byFamily[entries[f].label, default: Tally()]) }
            for o in origins(fs) { bump(&byOrigin[o, default: Tally()]) }
            bump(&byOrganization[author, default: Tally()])
        }
        for id in added { count(keyOf[id]!, author: authorOf[id]!) { $0.added += 1 } }
        for id in removed { count(keyOf[id]!, author: authorOf[id]!) { $0.removed += 1 } }
        for edge in edges {
            count(HubID.key(edge.child), author: HubID.namespace(of: edge.child).map(String.init) ?? "?") { $0.edges += 1 }
        }
        func section(_ by: String, _ tallies: [String: Tally], top: Int?) -> [DiffReport.Group] {
            let sorted = tallies.sorted {
                ($0.value.added + $0.value.removed, $0.value.edges, $1.key) > ($1.value.added + $1.value.removed, $1.value.edges, $0.key)
            }
            return sorted.prefix(top ?? sorted.count).map {
                DiffReport.Group(by: by, name: $0.key, added: $0.value.added, removed: $0.value.removed, newEdges: $0.value.edges)
            }
        }

        var report = DiffReport(
            store: storeDescription, from: from, to: to, fromDay: start.day, toDay: end.day,
            snapshots: snapshots.filter { $0.day > start.time && $0.day <= end.time }.count,
            added: added.count, removed: removed.count, addedAndRemoved: added.intersection(removed).count,
            newEdges: edges.count, newEdgesByRelation: relations,
            groups: section("family", byFamily, top: limit) + section("origin", byOrigin, top: nil)
                + section("organization", byOrganization, top: limit))
        switch listing {
        case .added?, .removed?:
            let kind = listing == .added ? "added" : "removed"
            var seen = Set<Int64>()
            report.changes = events.filter { $0.kind == kind && seen.insert($0.modelRow).inserted }.prefix(limit ?? Int.max).map {
                DiffReport.Change(model: $0.hubID, change: kind, reason: $0.reason, day: FileNameDate.format($0.day),
                                  families: families(HubID.key($0.hubID)).map { entries[$0].label })
            }
        case .edges?:
            report.edges = edges.prefix(limit ?? Int.max).map {
                DiffReport.Edge(child: $0.child, parent: $0.parent, relation: $0.relation, provenance: $0.provenance, day: FileNameDate.format($0.day))
            }
        case nil:
            break
        }
        return report
    }
}
