import LineageHub
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The SQLite store of ingested Hub metadata: snapshots, models, lineage edges and paper links.
///
/// Writes happen in one transaction per ingest, so an ingest that is interrupted (even by `kill -9`)
/// leaves the store exactly as it was: SQLite rolls the unfinished transaction back on next open.
public struct LineageStore: Sendable {
    public let path: String
    let queue: DatabaseQueue

    // MARK: - Opening

    /// Opens an existing store; fails with a hint when there is none at `path`.
    public static func open(path: String) throws(StoreError) -> LineageStore {
        guard access(path, F_OK) == 0 else {
            throw StoreError(path: path, message: "no store here; create one with `lineage ingest FILE --store \(path)`")
        }
        return try LineageStore(path: path)
    }

    /// Opens the store at `path`, creating it (and its directory) when absent.
    public static func openOrCreate(path: String) throws(StoreError) -> LineageStore {
        try Self.makeDirectories(forFile: path)
        return try LineageStore(path: path)
    }

    /// A store that lives in memory only, for the bundled default and for tests.
    public static func inMemory() throws(StoreError) -> LineageStore {
        try LineageStore(path: ":memory:")
    }

    private init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
        }
        do {
            queue = path == ":memory:" ? try DatabaseQueue(configuration: configuration)
                : try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                // A file that is not SQLite fails here, with a clearer message below.
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            }
            let migrator = StoreSchema.migrator
            let applied = try queue.read { try migrator.appliedIdentifiers($0) }
            let known = Set(migrator.migrations)
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw StoreError(path: path, message: "was written by a newer Lineage (schema \(unknown)); upgrade Lineage to read it")
            }
            let tables = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            if applied.isEmpty, tables.contains(where: { !$0.hasPrefix("sqlite_") }) {
                throw StoreError(path: path, message: "is an SQLite database but not a Lineage store")
            }
            try migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                throw StoreError(path: path, message: "is not a Lineage store (not an SQLite database)")
            }
            throw StoreError.wrapping(error, path: path, action: "cannot open")
        } catch {
            throw StoreError(path: path, message: "cannot open: \(error)")
        }
    }

    private static func makeDirectories(forFile path: String) throws(StoreError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        var current = ""
        for component in path[..<slash].split(separator: "/", omittingEmptySubsequences: false) {
            current += (current.isEmpty && component.isEmpty) ? "/" : (current.isEmpty || current == "/" ? "" : "/") + component
            if current.isEmpty || current == "/" { continue }
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw StoreError(path: path, message: "cannot create directory \(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    // MARK: - Location

    /// Where the store lives when none is named: `$LINEAGE_STORE`, else `$XDG_DATA_HOME/lineage/lineage.sqlite`,
    /// else `~/.local/share/lineage/lineage.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["LINEAGE_STORE"], !explicit.isEmpty { return explicit }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/lineage/lineage.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/lineage/lineage.sqlite"
    }

    // MARK: - Writing

    /// Runs `body` in one write transaction with an ingest writer; any thrown error rolls everything back.
    public func ingestTransaction<T>(renames: RenameTable = RenameTable(), _ body: (IngestWriter) throws -> T) throws -> T {
        do {
            return try queue.write { db in
                let writer = try IngestWriter(db: db, storePath: path, renames: renames)
                return try body(writer)
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: path, action: "write failed")
        }
    }

    /// Runs a read-only block; GRDB errors become `StoreError`s.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path, action: "read failed")
        }
    }
}
