import GRDB

/// The store's schema, as GRDB migrations. Documented in docs/STORE.md; never edit a shipped migration, add one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per ingested input (a file, or an edge list with its node list).
            try db.execute(sql: """
                CREATE TABLE snapshot (
                    id INTEGER PRIMARY KEY,
                    label TEXT NOT NULL,
                    format TEXT NOT NULL,
                    content_sha256 TEXT NOT NULL UNIQUE,
                    ingested_at INTEGER NOT NULL,
                    records INTEGER NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    self_loops INTEGER NOT NULL DEFAULT 0,
                    replaced INTEGER NOT NULL DEFAULT 0,
                    kept_newer INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE snapshot_file (
                    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    format TEXT NOT NULL,
                    PRIMARY KEY (snapshot_id, path)
                ) WITHOUT ROWID;
                -- A node of the lineage graph: a model with a record, or an external parent (is_external = 1)
                -- that some record names but no input describes.
                CREATE TABLE model (
                    id INTEGER PRIMARY KEY,
                    hub_id TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE,
                    author TEXT,
                    is_external INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER,
                    last_modified INTEGER,
                    downloads INTEGER,
                    downloads_all_time INTEGER,
                    likes INTEGER,
                    pipeline_tag TEXT,
                    library_name TEXT,
                    license TEXT,
                    parameters INTEGER,
                    architecture TEXT,
                    snapshot_id INTEGER REFERENCES snapshot(id)
                );
                -- Lineage edges of every record version; the current graph is the edges of each model's
                -- current record (edge.snapshot_id = model.snapshot_id).
                CREATE TABLE edge (
                    snapshot_id INTEGER NOT NULL,
                    child INTEGER NOT NULL,
                    parent INTEGER NOT NULL,
                    relation TEXT NOT NULL CHECK (relation IN ('finetune','adapter','quantized','merge','unknown')),
                    PRIMARY KEY (snapshot_id, child, parent)
                ) WITHOUT ROWID;
                CREATE TABLE paper_link (
                    snapshot_id INTEGER NOT NULL,
                    model_id INTEGER NOT NULL,
                    arxiv_id TEXT NOT NULL,
                    PRIMARY KEY (snapshot_id, model_id, arxiv_id)
                ) WITHOUT ROWID;
                -- What each snapshot held, with the counters it reported, for growth comparisons.
                CREATE TABLE snapshot_model (
                    snapshot_id INTEGER NOT NULL,
                    model_id INTEGER NOT NULL,
                    last_modified INTEGER,
                    downloads INTEGER,
                    downloads_all_time INTEGER,
                    likes INTEGER,
                    PRIMARY KEY (snapshot_id, model_id)
                ) WITHOUT ROWID;
                -- Room for later issues: organizations, Spaces and downstream projects.
                CREATE TABLE organization (
                    namespace TEXT PRIMARY KEY COLLATE NOCASE,
                    name TEXT,
                    country TEXT,
                    kind TEXT,
                    source TEXT,
                    evidence TEXT
                );
                CREATE TABLE downstream (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('space','paper','project')),
                    key TEXT NOT NULL,
                    name TEXT NOT NULL,
                    author TEXT,
                    snapshot_id INTEGER REFERENCES snapshot(id),
                    UNIQUE (kind, key)
                );
                CREATE TABLE downstream_use (
                    downstream_id INTEGER NOT NULL,
                    model_id INTEGER NOT NULL,
                    PRIMARY KEY (downstream_id, model_id)
                ) WITHOUT ROWID;
                """)
        }
        // Later migrations live beside the feature that needs them, registered here in shipping order.
        registerRegistryMigrations(&migrator)
        registerSyncMigrations(&migrator)
        registerAliasMigrations(&migrator)
        registerProvenanceMigrations(&migrator)
        registerHistoryMigrations(&migrator)
        return migrator
    }
}
