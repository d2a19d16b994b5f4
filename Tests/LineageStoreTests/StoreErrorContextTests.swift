import Foundation
import GRDB
import LineageStore
import Testing

/// Store errors keep what a user (or a bug report) needs: the store's path, SQLite's result code and the SQL.
@Suite("Store error context")
struct StoreErrorContextTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "lineage-store-error-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// A failure of GRDB's statement (here: a table gone behind the store's back) keeps code and SQL.
    @Test func aFailedWriteNamesTheSQLiteCodeAndTheSQL() throws {
        let path = directory + "/s.sqlite"
        let store = try LineageStore.openOrCreate(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DROP TABLE organization") }
        do {
            try store.upsertOrganizations([OrganizationRow(namespace: "acme", source: "me")], at: 0)
            Issue.record("the write did not fail")
        } catch {
            #expect(error.path == path)
            #expect(error.resultCode == 1) // SQLITE_ERROR: no such table
            #expect(error.sql?.hasPrefix("INSERT INTO organization") == true)
            #expect(error.description.hasPrefix("store \(path): write failed: no such table: organization (SQLite code 1, in `INSERT INTO organization (namespace, name, "))
            #expect(!error.description.contains("\n"))
        }
    }

    /// A failed step of the ingest's fast statements reports SQLite's extended code and the statement.
    @Test func aFailedStepNamesTheSQLiteCodeAndTheSQL() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
            let insert = try FastStatement(db, sql: "INSERT INTO t (id, name) VALUES (?1, ?2)", path: "/x/s.sqlite")
            try insert.bind(1, "not a number") // an INTEGER PRIMARY KEY takes only integers: SQLITE_MISMATCH
            try insert.bind(2, "a")
            #expect {
                try insert.run()
            } throws: { error in
                guard let error = error as? StoreError else { return false }
                return error.resultCode == 20 && error.sql == "INSERT INTO t (id, name) VALUES (?1, ?2)"
                    && error.description == "store /x/s.sqlite: write failed: datatype mismatch (SQLite code 20, in `INSERT INTO t (id, name) VALUES (?1, ?2)`)"
            }
        }
    }

    /// A bind that SQLite refuses (a parameter the statement does not have) is an error, not ignored.
    @Test func aFailedBindIsReported() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT)")
            let insert = try FastStatement(db, sql: "INSERT INTO t (name) VALUES (?1)", path: ":memory:")
            for bind in [{ try insert.bind(2, "a") }, { try insert.bind(0, Int64(1)) }, { try insert.bind(3, nil as String?) }] as [() throws -> Void] {
                #expect {
                    try bind()
                } throws: { error in
                    guard let error = error as? StoreError else { return false }
                    return error.resultCode == 25 // SQLITE_RANGE
                        && error.description.hasPrefix("store :memory:: write failed: cannot bind parameter ")
                        && error.description.hasSuffix("(SQLite code 25, in `INSERT INTO t (name) VALUES (?1)`)")
                }
            }
            try insert.bind(1, "ok")
            try insert.run()
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
    }

    /// A broken constraint keeps its designed words (no SQLite message) but carries the code and SQL.
    @Test func aConstraintFailureCarriesCodeAndSQLWithoutSQLitesMessage() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT UNIQUE)")
            let insert = try FastStatement(db, sql: "INSERT INTO t (name) VALUES (?1)", path: ":memory:")
            try insert.bind(1, "a")
            try insert.run()
            try insert.bind(1, "a")
            #expect {
                try insert.run()
            } throws: { error in
                guard let error = error as? StoreError else { return false }
                return error.isConstraint && error.resultCode == 2067 // SQLITE_CONSTRAINT_UNIQUE
                    && !error.description.contains("UNIQUE constraint failed")
                    && error.description.hasSuffix("(SQLite code 2067, in `INSERT INTO t (name) VALUES (?1)`)")
            }
        }
    }
}
