import LineageCatalog
import LineageGraph

/// The family catalog with counts.
extension LineageQueries {
    /// The catalog with each family's roots and members in the loaded graph.
    /// - Complexity: O(Σ family sizes).
    public func familiesReport(store: String) -> FamiliesReport {
        let membership = FamilyMembership(graph: graph, familyRoots: familyRoots)
        return FamiliesReport(store: store, families: catalog.entries.enumerated().map { f, e in
            FamiliesReport.Row(
                id: e.id, label: e.label, namespaces: e.namespaces, aliases: e.aliases, accessClass: e.accessClass,
                trackingScope: e.trackingScope, source: e.source, kind: e.kind, roots: familyRoots[f].count,
                members: membership.memberCount(ofFamily: f))
        })
    }
}

extension FamilyCatalog {
    /// The catalog alone, without counts.
    public var report: FamiliesReport {
        FamiliesReport(store: nil, families: entries.map { e in
            FamiliesReport.Row(
                id: e.id, label: e.label, namespaces: e.namespaces, aliases: e.aliases, accessClass: e.accessClass,
                trackingScope: e.trackingScope, source: e.source, kind: e.kind, roots: nil, members: nil)
        })
    }
}
