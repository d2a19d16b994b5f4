import GRDB
import GRDBSQLite
import LineageSupport

/// Every failure of the store, with the context a user needs: which store, what was being done, and why;
/// when SQLite reported the failure, its extended result code and the SQL that failed.
public struct StoreError: LineageFailure {
    /// The store's path (`:memory:` for an in-memory store).
    public var path: String
    public var message: String
    /// SQLite's extended result code (`2067` is `SQLITE_CONSTRAINT_UNIQUE`; `& 0xFF` gives the primary
    /// code), or nil when the failure is the store's own (no store at the path, a newer schema).
    public var resultCode: Int32?
    /// The SQL statement that failed, when there was one.
    public var sql: String?
    /// A write broke one of the store's constraints (two ids the store cannot keep apart): an internal
    /// failure the user should see described, never as SQLite's own message.
    public var isConstraint = false

    public init(path: String, message: String, resultCode: Int32? = nil, sql: String? = nil, isConstraint: Bool = false) {
        self.path = path
        self.message = message
        self.resultCode = resultCode
        self.sql = sql
        self.isConstraint = isConstraint
    }

    /// Any failure while doing `action` (`write failed`, `read failed`) as a `StoreError`: one already is
    /// kept; a GRDB failure keeps SQLite's code and SQL, a broken constraint becomes `constraint(path:)`
    /// (without SQLite's message).
    static func wrapping(_ error: any Error, path: String, action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return StoreError(path: path, message: "\(action): \(error)") }
        if error.resultCode == .SQLITE_CONSTRAINT {
            return .constraint(path: path, resultCode: error.extendedResultCode.rawValue, sql: error.sql)
        }
        return StoreError(
            path: path, message: "\(action): \(error.message ?? "\(error.resultCode)")",
            resultCode: error.extendedResultCode.rawValue, sql: error.sql)
    }

    /// A `sqlite3_step` of `statement` that returned neither a row nor done.
    static func stepFailed(path: String, statement: Statement, db: Database) -> StoreError {
        StoreError(
            path: path, message: "read failed: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))",
            resultCode: sqlite3_extended_errcode(db.sqliteConnection), sql: statement.sql)
    }

    /// The failure of a write that broke a constraint, in words, without SQLite's message.
    static func constraint(path: String, what: String = "two records", resultCode: Int32? = nil, sql: String? = nil) -> StoreError {
        StoreError(
            path: path,
            message: "write failed: \(what) could not be kept apart in the store; nothing was written (please report this with the input)",
            resultCode: resultCode, sql: sql, isConstraint: true)
    }

    /// `store PATH: message`, then, for a failure SQLite reported, `(SQLite code 2067, in `INSERT …`)`:
    /// the SQL on one line, cut at 120 characters.
    public var description: String {
        var text = "store \(path): \(message)"
        if let resultCode {
            text += " (SQLite code \(resultCode)"
            if let sql { text += ", in `\(Self.oneLine(sql))`" }
            text += ")"
        }
        return text
    }

    private static func oneLine(_ sql: String) -> String {
        let words = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 120 ? words.prefix(119) + "…" : words
    }
}
