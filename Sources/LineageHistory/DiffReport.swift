import LineageSupport

/// What `lineage diff` prints: the models added to and removed from the Hub between two points of a
/// store's history, by family, family origin and organization, and the lineage edges first recorded
/// in between. Definitions in docs/STORE.md ("History" and "What changed between two dates").
public struct DiffReport: Sendable, Codable, Equatable, TabularReport {
    /// Added, removed and new-edge counts of one group.
    public struct Group: Sendable, Codable, Equatable {
        /// `family`, `origin` or `organization`.
        public var by: String
        /// Family label, ISO country of the family's owner (`?` when unknown, `none` for models in no
        /// family), or author namespace.
        public var name: String
        public var added: Int
        public var removed: Int
        /// New lineage edges whose child is in the group.
        public var newEdges: Int
    }

    /// One model's change, for `--list added|removed`.
    public struct Change: Sendable, Codable, Equatable {
        public var model: String
        public var change: String
        /// `listed`, `first-seen`, `reappeared`, `deleted-list`, `absent:<scope>`.
        public var reason: String
        public var day: String
        public var families: [String]
    }

    /// One new edge, for `--list edges`.
    public struct Edge: Sendable, Codable, Equatable {
        public var child: String
        public var parent: String
        public var relation: String
        public var provenance: String
        public var day: String
    }

    public var store: String
    /// The points as given, and the days they resolved to.
    public var from: String
    public var to: String
    public var fromDay: String
    public var toDay: String
    /// Snapshots dated in the window.
    public var snapshots: Int
    /// Distinct models with an added event in the window.
    public var added: Int
    /// Distinct models with a removed event in the window.
    public var removed: Int
    /// Models both added and removed in the window (counted in both).
    public var addedAndRemoved: Int
    public var newEdges: Int
    public var newEdgesByRelation: [String: Int]
    /// By family (top `limit`), by origin, by organization (top `limit`).
    public var groups: [Group]
    /// Set with `--list added|removed`.
    public var changes: [Change]?
    /// Set with `--list edges`.
    public var edges: [Edge]?

    public var summaryLines: [String] {
        let relations = newEdgesByRelation.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \(Formatting.group($0.value))" }.joined(separator: ", ")
        return [
            "What changed after \(Self.point(from, fromDay)) through \(Self.point(to, toDay)); store: \(store)",
            "\(Formatting.group(snapshots)) snapshots in the window: \(Formatting.group(added)) models added, \(Formatting.group(removed)) removed"
                + (addedAndRemoved > 0 ? " (\(Formatting.group(addedAndRemoved)) of them both)" : "")
                + "; \(Formatting.group(newEdges)) new lineage edges" + (relations.isEmpty ? "" : " (\(relations))"),
        ]
    }

    /// `2025-04-02`, or `2025-04-02 (added_model_0402.csv)` when the point was given as a snapshot.
    static func point(_ given: String, _ day: String) -> String { given == day ? day : "\(day) (\(given))" }

    public var columns: [String] {
        if changes != nil { return ["model", "change", "reason", "day", "families"] }
        if edges != nil { return ["child", "parent", "relation", "provenance", "day"] }
        return ["by", "name", "added", "removed", "net", "new edges"]
    }

    public var rows: [[String]] {
        if let changes { return changes.map { [$0.model, $0.change, $0.reason, $0.day, $0.families.joined(separator: ";")] } }
        if let edges { return edges.map { [$0.child, $0.parent, $0.relation, $0.provenance, $0.day] } }
        return groups.map {
            [$0.by, $0.name, Formatting.group($0.added), Formatting.group($0.removed),
             ($0.added >= $0.removed ? "" : "-") + Formatting.group(abs($0.added - $0.removed)), Formatting.group($0.newEdges)]
        }
    }

    public var numericColumns: Set<Int> { changes != nil || edges != nil ? [] : [2, 3, 4, 5] }
}
