import Foundation
import GRDB
import LineageGraph
import LineageHub
import LineageStore
import Testing

@Suite("SQLite store")
struct StoreTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "lineage-store-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(LineageStore.defaultPath(environment: ["LINEAGE_STORE": "/x/s.sqlite", "HOME": "/h"]) == "/x/s.sqlite")
        #expect(LineageStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/lineage/lineage.sqlite")
        #expect(LineageStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/lineage/lineage.sqlite")
    }

    @Test func createsDirectoriesAndRefusesWhatIsNotAStore() throws {
        let nested = directory + "/a/b/store.sqlite"
        _ = try LineageStore.openOrCreate(path: nested)
        #expect(FileManager.default.fileExists(atPath: nested))

        #expect { try LineageStore.open(path: directory + "/missing.sqlite") } throws: { "\($0)".contains("no store here") }

        let text = directory + "/text.sqlite"
        _ = FileManager.default.createFile(atPath: text, contents: Data("not a database at all, just text".utf8))
        #expect { try LineageStore.open(path: text) } throws: { "\($0)".contains("not a Lineage store") }

        let other = directory + "/other.sqlite"
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect { try LineageStore.open(path: other) } throws: { "\($0)".contains("not a Lineage store") }
    }

    @Test func refusesAStoreWrittenByANewerSchema() throws {
        let path = directory + "/newer.sqlite"
        _ = try LineageStore.openOrCreate(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        #expect { try LineageStore.open(path: path) } throws: { "\($0)".contains("newer Lineage") }
    }

    /// Migration v4-edge-provenance: a store written before it keeps its edges, all `declared`; new edges
    /// carry the provenance of their ParentLink into SQLite and GraphData.
    @Test func edgeProvenanceMigrationAndColumn() throws {
        let path = directory + "/old.sqlite"
        let store = try LineageStore.openOrCreate(path: path)
        try store.ingestTransaction { writer in
            try writer.beginSnapshot(label: "t", format: "hub-json", contentHash: "h1", ingestedAt: 0, files: [])
            try writer.add([
                ModelRecord(id: "a/Root"),
                ModelRecord(id: "a/Tune", parents: [ParentLink(id: "a/Root", relation: .finetune)]),
                ModelRecord(id: "a/Q", parents: [ParentLink(id: "a/Tune", relation: .quantized, provenance: .quantizedName)]),
            ])
            _ = try writer.finishSnapshot(skipped: 0)
        }
        let queue = try DatabaseQueue(path: path)
        let stored = try queue.read { try String.fetchAll($0, sql: "SELECT relation || ' ' || provenance FROM edge ORDER BY child") }
        #expect(stored == ["finetune declared", "quantized inferred:quantized-name"])
        #expect(try store.graphData().edgeProvenance == [.declared, .quantizedName])
        #expect(try store.statistics().edgesByProvenance == ["declared": ["finetune": 1], "inferred:quantized-name": ["quantized": 1]])
        #expect(throws: (any Error).self) {
            try queue.write { try $0.execute(sql: "UPDATE edge SET provenance = 'guessed'") }
        }

        // Make it a store of the previous schema (no column, migration not applied), then open it again.
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE edge DROP COLUMN provenance")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-edge-provenance'")
        }
        let reopened = try LineageStore.open(path: path)
        let migrated = try queue.read { try String.fetchAll($0, sql: "SELECT relation || ' ' || provenance FROM edge ORDER BY child") }
        #expect(migrated == ["finetune declared", "quantized declared"])
        #expect(try reopened.graphData().edgeProvenance == [.declared, .declared])
        let identifiers = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(identifiers.contains("v4-edge-provenance"))
    }

    @Test func writesAndReadsTheGraphInOneTransaction() throws {
        let store = try LineageStore.inMemory()
        try store.ingestTransaction { writer in
            try writer.beginSnapshot(label: "t", format: "hub-json", contentHash: "h1", ingestedAt: 0, files: [])
            try writer.add([
                ModelRecord(id: "a/Root", downloads: 5),
                ModelRecord(id: "b/Tune", downloads: 7, parents: [ParentLink(id: "a/root", relation: .finetune)]),
                ModelRecord(id: "c/Merge", parents: [ParentLink(id: "b/Tune", relation: .merge), ParentLink(id: "x/External", relation: .merge)]),
            ])
            _ = try writer.finishSnapshot(skipped: 0)
        }
        let data = try store.graphData()
        #expect(data.names == ["a/Root", "b/Tune", "c/Merge", "x/External"])
        #expect(data.isExternal == [false, false, false, true])
        #expect(data.downloads == [5, 7, 0, 0])
        let edges = (0..<data.edgeCount).map { "\(data.edgeChildren[$0])<-\(data.edgeParents[$0]):\(data.edgeRelations[$0])" }.sorted()
        #expect(edges == ["1<-0:finetune", "2<-1:merge", "2<-3:merge"])

        // A failing transaction leaves nothing behind.
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.ingestTransaction { writer in
                try writer.beginSnapshot(label: "u", format: "hub-json", contentHash: "h2", ingestedAt: 0, files: [])
                try writer.add([ModelRecord(id: "d/New")])
                throw Boom()
            }
        }
        #expect(try store.graphData().names.count == 4)
        #expect(try store.statistics().snapshots.count == 1)
    }
}
