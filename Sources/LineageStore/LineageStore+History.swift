import GRDB
import LineageHub

extension LineageStore {
    /// A dated change of one model, as `model_event` records it.
    public struct ModelEvent: Sendable, Equatable {
        /// The model's row id, its Hub id and author (namespace when the record names none).
        public var modelRow: Int64
        public var hubID: String
        public var author: String?
        /// `added` or `removed`.
        public var kind: String
        /// `listed`, `first-seen`, `reappeared`, `deleted-list` or `absent:<scope>`.
        public var reason: String
        /// The day of the snapshot that recorded it (Unix seconds) and that snapshot's id.
        public var day: Int64
        public var snapshotID: Int64
    }

    /// A lineage edge first recorded on `day` (by a snapshot that is not a deletions list).
    public struct DatedEdge: Sendable, Equatable {
        public var child: String
        public var parent: String
        public var relation: String
        public var provenance: String
        public var day: Int64
    }

    /// A snapshot's id, label and the day it describes.
    public struct SnapshotDay: Sendable, Equatable {
        public var id: Int64
        public var label: String
        public var day: Int64
        /// `added` or `removed` for a change list, nil otherwise.
        public var changeList: String?
        /// The scope of a full snapshot, nil otherwise.
        public var scope: String?
    }

    /// Whether any model is marked removed from the Hub.
    public func hasRemovedModels() throws(StoreError) -> Bool {
        try read { db in
            guard try db.hasColumn("removed_snapshot", in: "model") else { return false }
            return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM model WHERE removed_snapshot IS NOT NULL)") ?? false
        }
    }

    /// Every snapshot with the day it describes, by day then id.
    public func snapshotDays() throws(StoreError) -> [SnapshotDay] {
        try read { db in
            guard try db.hasColumn("as_of", in: "snapshot") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT id, label, coalesce(as_of, ingested_at) AS day, change_list, scope FROM snapshot ORDER BY day, id
                """).map { SnapshotDay(id: $0[0], label: $0[1], day: $0[2], changeList: $0[3], scope: $0[4]) }
        }
    }

    /// The added and removed events of the snapshots dated after `from` and up to `to` (Unix seconds),
    /// in day, snapshot and model order.
    /// - Complexity: one scan of `model_event` joined to the snapshots in the window.
    public func modelEvents(after from: Int64, through to: Int64) throws(StoreError) -> [ModelEvent] {
        try read { db in
            guard try db.tableExists("model_event") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT m.id, m.hub_id, m.author, e.kind, e.reason, coalesce(s.as_of, s.ingested_at) AS day, s.id
                FROM snapshot s JOIN model_event e ON e.snapshot_id = s.id JOIN model m ON m.id = e.model_id
                WHERE coalesce(s.as_of, s.ingested_at) > ? AND coalesce(s.as_of, s.ingested_at) <= ?
                ORDER BY day, s.id, m.id, e.kind
                """, arguments: [from, to]).map {
                ModelEvent(modelRow: $0[0], hubID: $0[1], author: $0[2], kind: $0[3], reason: $0[4], day: $0[5], snapshotID: $0[6])
            }
        }
    }

    /// Lineage edges (child, parent) whose first record is dated after `from` and up to `to`: the earliest
    /// day of the snapshots (deletions lists left out) whose records carry the edge.
    /// - Complexity: one scan of `edge` grouped by (child, parent).
    public func newEdges(after from: Int64, through to: Int64) throws(StoreError) -> [DatedEdge] {
        try read { db in
            let hasHistory = try db.hasColumn("change_list", in: "snapshot")
            let day = hasHistory ? "coalesce(s.as_of, s.ingested_at)" : "s.ingested_at"
            let notDeletions = hasHistory ? "WHERE s.change_list IS NOT 'removed'" : ""
            return try Row.fetchAll(db, sql: """
                SELECT c.hub_id, p.hub_id, first.relation, first.provenance, first.day FROM (
                    SELECT e.child, e.parent, e.relation, e.provenance, min(\(day)) AS day
                    FROM edge e JOIN snapshot s ON s.id = e.snapshot_id \(notDeletions)
                    GROUP BY e.child, e.parent
                ) AS first JOIN model c ON c.id = first.child JOIN model p ON p.id = first.parent
                WHERE first.day > ? AND first.day <= ?
                ORDER BY first.day, c.key, p.key
                """, arguments: [from, to]).map {
                DatedEdge(child: $0[0], parent: $0[1], relation: $0[2], provenance: $0[3], day: $0[4])
            }
        }
    }
}
