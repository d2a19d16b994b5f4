import GRDB

extension StoreSchema {
    /// Migrations for live Hub sync (cursors, sync runs).
    static func registerSyncMigrations(_ migrator: inout DatabaseMigrator) {}
}
