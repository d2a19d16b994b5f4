import GRDB

extension StoreSchema {
    /// The migration that records where each edge's relation comes from. Documented in docs/STORE.md.
    static func registerProvenanceMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-edge-provenance") { db in
            // `declared` (the source typed the edge) or `inferred:<rule>` (RelationInference typed it).
            // Edges stored before this migration were written as their sources said: `declared`.
            try db.execute(sql: """
                ALTER TABLE edge ADD COLUMN provenance TEXT NOT NULL DEFAULT 'declared'
                    CHECK (provenance = 'declared' OR provenance LIKE 'inferred:%');
                """)
        }
    }
}
