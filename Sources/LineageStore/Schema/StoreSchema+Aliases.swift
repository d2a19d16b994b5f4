import GRDB

extension StoreSchema {
    /// Migration for renamed Hub ids (legacy `gpt2` kept as an alias of `openai-community/gpt2`).
    /// Documented in docs/STORE.md.
    static func registerAliasMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-model-alias") { db in
            try db.execute(sql: """
                -- An id merged into another model's node: the legacy id stays findable, and says why it was merged
                -- ('hf-legacy-migration' and other rename-table sources, or 'inferred:unique-twin').
                CREATE TABLE model_alias (
                    legacy_key TEXT PRIMARY KEY,
                    legacy_id TEXT NOT NULL,
                    model_id INTEGER NOT NULL REFERENCES model(id),
                    source TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX model_alias_model ON model_alias (model_id);
                """)
        }
    }
}
