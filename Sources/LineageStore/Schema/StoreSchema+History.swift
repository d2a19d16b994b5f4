import GRDB

extension StoreSchema {
    /// The migration that keeps the Hub's history: the date each snapshot describes, full snapshots'
    /// scopes, models removed from the Hub (never deleted), and dated added/removed events. Documented in
    /// docs/STORE.md ("History").
    static func registerHistoryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-history") { db in
            try db.execute(sql: """
                -- The day the snapshot describes (Unix s): --as-of, a weekly file's name, else when it was ingested.
                ALTER TABLE snapshot ADD COLUMN as_of INTEGER;
                UPDATE snapshot SET as_of = ingested_at;
                -- Non-NULL: the snapshot lists every model of this scope ('hub' or 'author:NS'), so a model of
                -- the scope it lacks, seen earlier, was removed (lineage ingest --full-snapshot SCOPE).
                ALTER TABLE snapshot ADD COLUMN scope TEXT;
                -- 'added' or 'removed' for a change list (a weekly additions or deletions file); NULL otherwise.
                ALTER TABLE snapshot ADD COLUMN change_list TEXT CHECK (change_list IN ('added', 'removed'));
                -- The snapshot that removed the model from the Hub; NULL while it is on the Hub as far as
                -- the store knows. A removed model keeps its row, records and edges.
                ALTER TABLE model ADD COLUMN removed_snapshot INTEGER REFERENCES snapshot(id);
                -- Dated changes: a model added (listed by an additions file, first described, or back after
                -- a removal) or removed (listed by a deletions file, or absent from a full snapshot).
                CREATE TABLE model_event (
                    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                    model_id INTEGER NOT NULL REFERENCES model(id),
                    kind TEXT NOT NULL CHECK (kind IN ('added', 'removed')),
                    reason TEXT NOT NULL,
                    PRIMARY KEY (snapshot_id, model_id, kind)
                ) WITHOUT ROWID;
                CREATE INDEX model_event_model ON model_event (model_id);
                CREATE INDEX snapshot_model_model ON snapshot_model (model_id);
                """)
        }
    }
}
