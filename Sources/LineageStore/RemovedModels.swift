import GRDB

/// The model rows marked removed from the Hub, and those of them a present model's current record
/// names as parent (kept in the graph of now as external parents). Empty for a store without history.
struct RemovedModels {
    var removed = Set<Int64>()
    var parentsOfPresent = Set<Int64>()

    /// - Complexity: one indexed scan of the removed rows, and one of the current edges when there are any.
    init(_ db: Database) throws {
        // A store read before migration v6 has no history.
        guard try db.hasColumn("removed_snapshot", in: "model") else { return }
        removed = Set(try Int64.fetchAll(db, sql: "SELECT id FROM model WHERE removed_snapshot IS NOT NULL"))
        guard !removed.isEmpty else { return }
        parentsOfPresent = Set(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT e.parent FROM model m JOIN edge e ON e.snapshot_id = m.snapshot_id AND e.child = m.id
            JOIN model p ON p.id = e.parent WHERE m.removed_snapshot IS NULL AND p.removed_snapshot IS NOT NULL
            """))
    }
}

extension Database {
    /// Whether `table` has `column` (a store opened before a migration added it lacks it).
    func hasColumn(_ column: String, in table: String) throws -> Bool {
        try tableExists(table) && columns(in: table).contains { $0.name == column }
    }
}
