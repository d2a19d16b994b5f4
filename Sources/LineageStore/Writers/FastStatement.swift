import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API directly, for the ingest hot path
/// (GRDB's argument arrays allocate per row). Only used inside one `Database` access.
///
/// Every `sqlite3_bind_*` and `sqlite3_step` return code is checked: a failure throws a `StoreError`
/// with the store's path, SQLite's extended result code and the statement's SQL.
package struct FastStatement {
    private let statement: Statement
    private let path: String
    private var handle: SQLiteStatement { statement.sqliteStatement }

    package init(_ db: Database, sql: String, path: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.path = path
    }

    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    package func bind(_ index: Int32, _ value: Int64?) throws(StoreError) {
        let code = if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        try check(bind: code, index)
    }

    package func bind(_ index: Int32, _ value: String?) throws(StoreError) {
        guard var value else {
            try check(bind: sqlite3_bind_null(handle, index), index)
            return
        }
        let code = value.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), Self.transient)
            }
        }
        try check(bind: code, index)
    }

    /// Runs the bound statement and resets it for the next row.
    package func run() throws(StoreError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            // After the reset, the connection's extended code is that of the failed step.
            let extended = sqlite3_extended_errcode(sqlite3_db_handle(handle))
            let resultCode = extended & 0xFF == code & 0xFF ? extended : code
            if code & 0xFF == SQLITE_CONSTRAINT {
                throw StoreError.constraint(path: path, resultCode: resultCode, sql: statement.sql)
            }
            throw StoreError(path: path, message: "write failed: \(errorMessage)", resultCode: resultCode, sql: statement.sql)
        }
    }

    private func check(bind code: Int32, _ index: Int32) throws(StoreError) {
        guard code != SQLITE_OK else { return }
        throw StoreError(
            path: path, message: "write failed: cannot bind parameter \(index): \(errorMessage)",
            resultCode: code, sql: statement.sql)
    }

    private var errorMessage: String { String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))) }
}
