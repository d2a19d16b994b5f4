import GRDB
import LineageHub

extension IngestWriter {
    /// What `settleRemovals` changed.
    public struct RemovalSummary: Sendable, Equatable {
        /// Models newly marked removed.
        public var removed = 0
        /// Removed models that a later snapshot holds again: no longer marked removed.
        public var restored = 0
        /// Removal events written for models a full snapshot lacks.
        public var absent = 0

        public init() {}
    }

    func addEvent(model: Int64, kind: String, reason: String) throws {
        guard let snapshot = current?.snapshotID else { preconditionFailure("no snapshot is open") }
        try insertEvent.bind(1, snapshot)
        try insertEvent.bind(2, model)
        try insertEvent.bind(3, kind)
        try insertEvent.bind(4, reason)
        try insertEvent.run()
    }

    /// Records that the models of a deletions list were removed from the Hub on the open snapshot's day.
    /// A model the store does not describe yet is added from the list's record first (without joining
    /// the snapshot's membership), so that it stays queryable; a described model keeps its record.
    /// - Complexity: O(records), as `add`.
    public func addRemovals(_ records: [ModelRecord]) throws {
        precondition(currentHistory.changeList == .removed, "the open snapshot is not a deletions list")
        if !modelsLoaded { try loadModels() }
        for record in records {
            var key = HubID.key(record.id)
            if let target = aliasTargets[key] { key = target.key }
            if models[key] == nil || models[key]!.isExternal {
                try add([record])
            } else {
                guard var summary = current else { preconditionFailure("no snapshot is open") }
                summary.records += 1
                current = summary
            }
            guard let id = models[key]?.id else { continue }
            try addEvent(model: id, kind: "removed", reason: "deleted-list")
            if historyCandidates[id] == nil { historyCandidates[id] = .some(nil) }
        }
    }

    /// For a full snapshot of `scope` dated `asOf` made of this transaction's snapshots: every described
    /// model of the scope that none of them holds, that an earlier-dated snapshot held and that is not
    /// already removed gets a removal event (reason `absent:<scope>`) on the last of them.
    /// - Complexity: one scan of the scope's models, with an index look-up of their memberships each.
    public func markAbsent(scope: SnapshotScope, asOf: Int64) throws -> Int {
        guard let last = openedSnapshots.last else { return 0 }
        let held = openedSnapshots.map(String.init).joined(separator: ",")
        let prefix = scope.keyPrefix
        let ids = try Int64.fetchAll(db, sql: """
            SELECT m.id FROM model m
            WHERE m.is_external = 0 AND m.removed_snapshot IS NULL
              AND substr(m.key, 1, length(?1)) = ?1
              AND NOT EXISTS (SELECT 1 FROM snapshot_model sm WHERE sm.model_id = m.id AND sm.snapshot_id IN (\(held)))
              AND (SELECT max(coalesce(s.as_of, s.ingested_at)) FROM snapshot_model sm JOIN snapshot s ON s.id = sm.snapshot_id
                   WHERE sm.model_id = m.id) < ?2
            """, arguments: [prefix, asOf])
        for id in ids {
            try insertEvent.bind(1, last)
            try insertEvent.bind(2, id)
            try insertEvent.bind(3, "removed")
            try insertEvent.bind(4, "absent:" + scope.name)
            try insertEvent.run()
            if historyCandidates[id] == nil { historyCandidates[id] = .some(nil) }
        }
        return ids.count
    }

    /// Decides, for every model this transaction gave a removal event or held again after a removal,
    /// whether it is removed now: it is when its latest removal is dated no earlier than the latest
    /// snapshot that held it (a tie is a removal: a deletions list comes after the week's additions).
    /// A removed model held again by a later-dated snapshot gets an `added` event (`reappeared`).
    /// - Complexity: two index look-ups per candidate.
    public func settleRemovals() throws -> RemovalSummary {
        var summary = RemovalSummary()
        guard !historyCandidates.isEmpty else { return summary }
        let latestRemoval = try db.makeStatement(sql: """
            SELECT e.snapshot_id, coalesce(s.as_of, s.ingested_at) AS day FROM model_event e JOIN snapshot s ON s.id = e.snapshot_id
            WHERE e.model_id = ? AND e.kind = 'removed' ORDER BY day DESC, e.snapshot_id DESC LIMIT 1
            """)
        let latestPresence = try db.makeStatement(sql: """
            SELECT max(coalesce(s.as_of, s.ingested_at)) FROM snapshot_model sm JOIN snapshot s ON s.id = sm.snapshot_id WHERE sm.model_id = ?
            """)
        let stored = try db.makeStatement(sql: "SELECT removed_snapshot FROM model WHERE id = ?")
        let update = try db.makeStatement(sql: "UPDATE model SET removed_snapshot = ? WHERE id = ?")
        for (id, heldBy) in historyCandidates.sorted(by: { $0.key < $1.key }) {
            let removal = try Row.fetchOne(latestRemoval, arguments: [id])
            let presence = try Int64.fetchOne(latestPresence, arguments: [id])
            var removedBy: Int64?
            if let removal {
                let day: Int64 = removal[1]
                if presence == nil || day >= presence! { removedBy = removal[0] }
            }
            let before = try Int64.fetchOne(stored, arguments: [id])
            if before == removedBy { continue }
            try update.execute(arguments: [removedBy, id])
            if removedBy != nil, before == nil { summary.removed += 1 }
            if removedBy == nil {
                summary.restored += 1
                if let heldBy {
                    try insertEvent.bind(1, heldBy)
                    try insertEvent.bind(2, id)
                    try insertEvent.bind(3, "added")
                    try insertEvent.bind(4, "reappeared")
                    try insertEvent.run()
                }
            }
        }
        for (key, state) in models where historyCandidates[state.id] != nil {
            models[key]?.removed = try Int64.fetchOne(stored, arguments: [state.id]) != nil
        }
        historyCandidates = [:]
        return summary
    }
}
