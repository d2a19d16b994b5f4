import GRDB

extension StoreSchema {
    /// Migrations for live Hub sync (cursors, sync runs). Documented in docs/STORE.md.
    static func registerSyncMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-sync") { db in
            try db.execute(sql: """
                -- One `lineage sync` run: its snapshot, where it is, and how far it got. A run that is stopped
                -- (^C, a crash, --limit, a bad page) stays 'running' with the next page's URL, and the next
                -- `lineage sync` of the same scope continues it.
                CREATE TABLE sync_run (
                    id INTEGER PRIMARY KEY,
                    scope TEXT NOT NULL,
                    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                    status TEXT NOT NULL CHECK (status IN ('running','done','abandoned')),
                    started_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    stop_at INTEGER,
                    next_url TEXT,
                    next_skip INTEGER NOT NULL DEFAULT 0,
                    high_water INTEGER,
                    pages INTEGER NOT NULL DEFAULT 0,
                    items INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX sync_run_scope ON sync_run (scope, id);
                -- What is synced (kind, endpoint, filters) and up to when: the newest lastModified of the last
                -- completed run, from which the next run continues.
                CREATE TABLE sync_cursor (
                    scope TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('models','spaces')),
                    endpoint TEXT NOT NULL,
                    watermark INTEGER,
                    completed_at INTEGER,
                    run_id INTEGER REFERENCES sync_run(id)
                );
                """)
        }
        // A run can fail for good (the Hub's next link leads back to a page already read): it is then
        // `failed`, with the reason, and never resumed. SQLite cannot change a CHECK: the table is rebuilt.
        migrator.registerMigration("v3-sync-failed") { db in
            try db.execute(sql: """
                CREATE TABLE sync_run_new (
                    id INTEGER PRIMARY KEY,
                    scope TEXT NOT NULL,
                    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                    status TEXT NOT NULL CHECK (status IN ('running','done','abandoned','failed')),
                    started_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    stop_at INTEGER,
                    next_url TEXT,
                    next_skip INTEGER NOT NULL DEFAULT 0,
                    high_water INTEGER,
                    pages INTEGER NOT NULL DEFAULT 0,
                    items INTEGER NOT NULL DEFAULT 0,
                    error TEXT
                );
                INSERT INTO sync_run_new (id, scope, snapshot_id, status, started_at, updated_at, finished_at, stop_at,
                    next_url, next_skip, high_water, pages, items)
                SELECT id, scope, snapshot_id, status, started_at, updated_at, finished_at, stop_at,
                    next_url, next_skip, high_water, pages, items FROM sync_run;
                DROP TABLE sync_run;
                ALTER TABLE sync_run_new RENAME TO sync_run;
                CREATE INDEX sync_run_scope ON sync_run (scope, id);
                """)
        }
    }
}
