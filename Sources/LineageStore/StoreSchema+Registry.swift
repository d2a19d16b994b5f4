import GRDB

extension StoreSchema {
    /// Migrations for the organization registry, Spaces, papers and projects (issue: downstream users).
    static func registerRegistryMigrations(_ migrator: inout DatabaseMigrator) {}
}
