import GRDB

extension StoreSchema {
    /// Migrations for the organization registry, Spaces, papers and projects (issue: downstream users).
    ///
    /// `v2-downstream` puts the tables `v1` reserved to use: `organization` holds the rows a user added
    /// with `lineage registry add|import` (the bundled registry is a resource, not a table); `downstream`
    /// holds Spaces and projects (papers are read from `paper_link`), gaining the columns they need;
    /// `downstream_use` holds their `uses` edges to models, gaining `via` (the BOM component whose
    /// pedigree names the model) and `revision`.
    static func registerRegistryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-downstream") { db in
            try db.execute(sql: """
                ALTER TABLE downstream ADD COLUMN created_at INTEGER;
                ALTER TABLE downstream ADD COLUMN last_modified INTEGER;
                ALTER TABLE downstream ADD COLUMN likes INTEGER;
                ALTER TABLE downstream ADD COLUMN sdk TEXT;
                ALTER TABLE downstream ADD COLUMN version TEXT;
                ALTER TABLE downstream ADD COLUMN source TEXT;
                ALTER TABLE downstream_use ADD COLUMN via TEXT;
                ALTER TABLE downstream_use ADD COLUMN revision TEXT;
                CREATE INDEX downstream_use_model ON downstream_use (model_id);
                ALTER TABLE organization ADD COLUMN added_at INTEGER;
                """)
        }
    }
}
