import GRDB
import LineageHub

/// Writes a live Hub sync into the store one page at a time: each page is one transaction that stores the
/// page's records into the run's snapshot and advances the run's cursor, so a page is committed together
/// with the URL of the page after it (see `LineageStore.syncSession`).
///
/// Pages go through `IngestWriter` (same rules as `lineage ingest`: newer record wins, external parents,
/// self-loops), which reopens the run's snapshot for each page. The writer and its in-memory model map
/// live across pages; it is rebuilt when another connection wrote to the store in between
/// (`PRAGMA data_version`) or after a failed page.
public final class SyncWriter {
    private let db: Database
    private let storePath: String
    private var ingest: IngestWriter?
    /// `PRAGMA data_version` after our last commit: a different value means another connection wrote.
    private var dataVersion: Int64?

    init(db: Database, storePath: String) {
        self.db = db
        self.storePath = storePath
    }

    // MARK: - Reading

    /// The cursor of `scope`, or nil before its first sync.
    public func cursor(scope: String) throws -> SyncCursor? {
        try Self.cursor(db, scope: scope)
    }

    static func cursor(_ db: Database, scope: String) throws -> SyncCursor? {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, endpoint, watermark, completed_at, run_id FROM sync_cursor WHERE scope = ?", arguments: [scope]) else {
            return nil
        }
        var cursor = SyncCursor(scope: scope, kind: row[0], endpoint: row[1], watermark: row[2], completedAt: row[3], run: nil)
        if let runID: Int64 = row[4] {
            cursor.run = try run(db, id: runID)
        }
        return cursor
    }

    static func run(_ db: Database, id: Int64) throws -> SyncCursor.Run? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, snapshot_id, status, started_at, stop_at, next_url, next_skip, high_water, pages, items, error FROM sync_run WHERE id = ?
            """, arguments: [id]) else { return nil }
        return SyncCursor.Run(
            id: row[0], snapshotID: row[1], status: row[2], startedAt: row[3], stopAt: row[4],
            nextURL: row[5], nextSkip: row[6], highWater: row[7], pages: row[8], items: row[9], error: row[10])
    }

    /// Whether the store holds model `id` (not as an external node) with exactly this `lastModified`:
    /// a record a sync would store again without changing anything.
    public func hasModel(_ id: String, lastModified: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM model WHERE key = ? AND last_modified = ? AND is_external = 0)
            """, arguments: [HubID.key(id), lastModified]) ?? false
    }

    /// Whether the store holds Space `id` with exactly this `lastModified`.
    public func hasSpace(_ id: String, lastModified: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM downstream WHERE kind = 'space' AND key = ? AND last_modified = ?)
            """, arguments: [HubID.key(id), lastModified]) ?? false
    }

    // MARK: - Runs

    /// Starts a run of `scope` with its own snapshot, abandoning a run in progress (its pages stay stored).
    /// - Parameters:
    ///   - firstURL: the first page to fetch.
    ///   - stopAt: items modified before this (Unix s) end the run; nil crawls everything.
    public func startRun(
        scope: String, kind: String, endpoint: String, label: String, format: String,
        firstURL: String, stopAt: Int64?, now: Int64
    ) throws -> SyncCursor.Run {
        try transaction {
            try db.execute(sql: """
                UPDATE sync_run SET status = 'abandoned', updated_at = ? WHERE scope = ? AND status = 'running'
                """, arguments: [now, scope])
            try db.execute(
                sql: "INSERT INTO snapshot (label, format, content_sha256, ingested_at) VALUES (?, ?, ?, ?)",
                arguments: [label, format, "sync:\(now):\(UInt64.random(in: 0...UInt64.max))", now])
            let snapshotID = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO sync_run (scope, snapshot_id, status, started_at, updated_at, stop_at, next_url)
                VALUES (?, ?, 'running', ?, ?, ?, ?)
                """, arguments: [scope, snapshotID, now, now, stopAt, firstURL])
            let runID = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO sync_cursor (scope, kind, endpoint, run_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (scope) DO UPDATE SET run_id = excluded.run_id
                """, arguments: [scope, kind, endpoint, runID])
            return SyncCursor.Run(
                id: runID, snapshotID: snapshotID, status: "running", startedAt: now, stopAt: stopAt,
                nextURL: firstURL, highWater: nil, pages: 0, items: 0)
        }
    }

    /// Ends `run` successfully: the scope's watermark becomes `watermark` (if newer) and the next sync
    /// starts a new run from there. A run that stored nothing (a sync with nothing new) leaves no snapshot
    /// and no run behind.
    /// - Returns: whether the run's snapshot was kept (false when it was empty and removed).
    @discardableResult
    public func finishRun(scope: String, run: SyncCursor.Run, watermark: Int64?, now: Int64) throws -> Bool {
        try transaction {
            try db.execute(sql: """
                UPDATE sync_cursor SET run_id = NULL, completed_at = ?,
                watermark = CASE WHEN ?2 IS NULL THEN watermark WHEN watermark IS NULL OR watermark < ?2 THEN ?2 ELSE watermark END
                WHERE scope = ?3
                """, arguments: [now, watermark, scope])
            let records = try Int.fetchOne(db, sql: "SELECT records FROM snapshot WHERE id = ?", arguments: [run.snapshotID]) ?? 0
            if run.items == 0, records == 0 {
                try db.execute(sql: "DELETE FROM sync_run WHERE id = ?", arguments: [run.id])
                try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [run.snapshotID])
                return false
            }
            try db.execute(sql: """
                UPDATE sync_run SET status = 'done', next_url = NULL, finished_at = ?, updated_at = ? WHERE id = ?
                """, arguments: [now, now, run.id])
            return true
        }
    }

    /// Ends `run` for good with `error`: it is never continued (the next sync starts a new run), and the
    /// scope's watermark does not move. The run's pages stay stored.
    public func failRun(run: SyncCursor.Run, error: String, now: Int64) throws {
        try transaction {
            try db.execute(sql: """
                UPDATE sync_run SET status = 'failed', next_url = NULL, error = ?, finished_at = ?, updated_at = ? WHERE id = ?
                """, arguments: [error, now, now, run.id])
        }
    }

    // MARK: - Pages

    /// Stores one page of models into the run's snapshot and advances the run, in one transaction.
    /// `run` carries the cursor after this page (next URL, counters, high water).
    /// - Returns: what this page did to the store.
    /// - Complexity: O(records + parents), as `IngestWriter.add`.
    @discardableResult
    public func commitModelPage(_ records: [ModelRecord], run: SyncCursor.Run, now: Int64) throws -> IngestWriter.SnapshotSummary {
        try commitPage(run: run, now: now) { writer in try writer.add(records) }
    }

    /// Stores one page of Spaces (with their `uses` edges) into the run's snapshot and advances the run,
    /// in one transaction.
    /// - Complexity: O(records + uses), as `IngestWriter.add(spaces:)`.
    @discardableResult
    public func commitSpacePage(_ records: [SpaceRecord], run: SyncCursor.Run, now: Int64) throws -> IngestWriter.SnapshotSummary {
        try commitPage(run: run, now: now) { writer in try writer.add(spaces: records) }
    }

    /// Reopens the run's snapshot, adds the page, closes it (totals written) and saves the cursor.
    private func commitPage(run: SyncCursor.Run, now: Int64, add: (IngestWriter) throws -> Void) throws -> IngestWriter.SnapshotSummary {
        try transaction {
            let writer = try ingestWriter()
            let before = try writer.reopenSnapshot(run.snapshotID, storePath: storePath)
            try add(writer)
            var page = try writer.finishSnapshot(skipped: before.skipped)
            // Counters the snapshot stores are totals; report the page's share.
            page.records -= before.records
            page.selfLoops -= before.selfLoops
            page.replaced -= before.replaced
            page.keptNewer -= before.keptNewer
            try db.execute(sql: """
                UPDATE sync_run SET next_url = ?, next_skip = ?, high_water = ?, pages = ?, items = ?, updated_at = ? WHERE id = ?
                """, arguments: [run.nextURL, run.nextSkip, run.highWater, run.pages, run.items, now, run.id])
            return page
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one immediate transaction; on failure everything it did is rolled back and the
    /// cached ingest writer (whose model map may hold rolled-back rows) is dropped.
    private func transaction<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        do {
            try db.inTransaction(.immediate) {
                let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
                if version != dataVersion { ingest = nil }
                result = try body()
                return .commit
            }
            dataVersion = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        } catch {
            ingest = nil
            throw error
        }
        return result!
    }

    private func ingestWriter() throws -> IngestWriter {
        if let ingest { return ingest }
        let writer = try IngestWriter(db: db, storePath: storePath)
        ingest = writer
        return writer
    }
}
