import Foundation
import GRDB
import LineageGraph
import LineageStore
import Testing

/// The store's `edge.relation` CHECK lists exactly the relations of `Relation.table`: adding a relation
/// there fails this test until a migration widens the CHECK.
@Suite("Store relation CHECK")
struct StoreRelationCheckTests {
    @Test func checkListsTheTable() throws {
        let path = NSTemporaryDirectory() + "lineage-relation-check-" + UUID().uuidString + ".sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try LineageStore.openOrCreate(path: path)
        let sql = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'edge'")
        }
        let names = Relation.allCases.map { "'\($0.name)'" }.joined(separator: ",")
        #expect(sql?.contains("CHECK (relation IN (\(names)))") == true, "\(sql ?? "no edge table")")
    }
}
