import GRDB

extension LineageStore {
    /// Runs `body` with a `SyncWriter` on the store's connection. Unlike `ingestTransaction`, nothing wraps
    /// the whole body: every page the writer commits is its own transaction, so an interruption loses at
    /// most the page in flight. The connection is held for the whole body (network waits included).
    public func syncSession<T>(_ body: (SyncWriter) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                try body(SyncWriter(db: db, storePath: path))
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path, action: "sync write failed")
        }
    }

    /// Every sync scope the store knows, by scope.
    public func syncCursors() throws(StoreError) -> [SyncCursor] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT scope FROM sync_cursor ORDER BY scope").compactMap {
                try SyncWriter.cursor(db, scope: $0)
            }
        }
    }
}
