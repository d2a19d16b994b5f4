import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API directly, for the ingest hot path
/// (GRDB's argument arrays allocate per row). Only used inside one `Database` access.
struct FastStatement {
    private let statement: Statement
    private let path: String
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, sql: String, path: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.path = path
    }

    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), Self.transient)
            }
        }
    }

    /// Runs the bound statement and resets it for the next row.
    func run() throws(StoreError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            if code & 0xFF == SQLITE_CONSTRAINT { throw StoreError.constraint(path: path) }
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw StoreError(path: path, message: "write failed: \(message)")
        }
    }
}
