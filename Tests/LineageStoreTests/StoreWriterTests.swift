import Foundation
import GRDB
import LineageGraph
import LineageHub
import LineageStore
import LineageTestSupport
import Testing

/// The store's writers on their own: one ingest transaction, record replacement by `lastModified`,
/// renamed ids kept as aliases, the organization rows and the sync cursors.
@Suite("Store writers")
struct StoreWriterTests {
    let directory = TemporaryDirectory()

    func ingest(_ store: LineageStore, _ records: [ModelRecord], hash: String, renames: RenameTable = RenameTable()) throws
        -> IngestWriter.SnapshotSummary
    {
        try store.ingestTransaction(renames: renames) { writer in
            try writer.beginSnapshot(label: hash, format: "hub-json", contentHash: hash, ingestedAt: 0, files: [])
            try writer.add(records)
            let summary = try writer.finishSnapshot(skipped: 0)
            try writer.mergeLegacyIDs()  // as `Ingestor` does after its last snapshot
            return summary
        }
    }

    func count(_ path: String, _ sql: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test("a transaction that throws leaves no snapshot, model or edge behind")
    func failedTransactionRollsBack() throws {
        let path = directory.file("rollback.sqlite")
        let store = try LineageStore.openOrCreate(path: path)
        _ = try ingest(store, [ModelRecord(id: "a/Root")], hash: "h1")
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try store.ingestTransaction { writer in
                try writer.beginSnapshot(label: "two", format: "hub-json", contentHash: "h2", ingestedAt: 0, files: [])
                try writer.add([ModelRecord(id: "a/Tune", parents: [ParentLink(id: "a/Root", relation: .finetune)])])
                throw Interrupted()
            }
        }
        #expect(try count(path, "SELECT count(*) FROM snapshot") == 1)
        #expect(try count(path, "SELECT count(*) FROM model") == 1)
        #expect(try count(path, "SELECT count(*) FROM edge") == 0)
        #expect(try store.graphData().names == ["a/Root"])
    }

    @Test("a newer record replaces the stored one and its edges; an older one is only counted")
    func replacementFollowsLastModified() throws {
        let store = try LineageStore.openOrCreate(path: directory.file("replace.sqlite"))
        let first = try ingest(store, [
            ModelRecord(id: "a/Root"), ModelRecord(id: "b/Root"),
            ModelRecord(id: "a/Tune", lastModified: 100, downloads: 5, parents: [ParentLink(id: "a/Root", relation: .finetune)]),
        ], hash: "h1")
        #expect(first.newModels == 3 && first.edges == 1)

        let newer = try ingest(store, [
            ModelRecord(id: "a/Tune", lastModified: 200, downloads: 7, parents: [ParentLink(id: "b/Root", relation: .merge)]),
        ], hash: "h2")
        #expect(newer.replaced == 1 && newer.keptNewer == 0)
        var data = try store.graphData()
        var tune = try #require(data.names.firstIndex(of: "a/Tune"))
        #expect(data.downloads[tune] == 7)
        #expect(zip(data.edgeChildren, data.edgeParents).map { "\(data.names[Int($0)])<-\(data.names[Int($1)])" } == ["a/Tune<-b/Root"])
        #expect(data.edgeRelations == [.merge])

        let older = try ingest(store, [
            ModelRecord(id: "a/Tune", lastModified: 150, downloads: 1, parents: [ParentLink(id: "a/Root", relation: .adapter)]),
        ], hash: "h3")
        #expect(older.keptNewer == 1 && older.replaced == 0)
        data = try store.graphData()
        tune = try #require(data.names.firstIndex(of: "a/Tune"))
        #expect(data.downloads[tune] == 7)
        #expect(data.edgeRelations == [.merge])
    }

    @Test("a renamed id is merged into its new id and kept as an alias")
    func legacyIDsBecomeAliases() throws {
        let renames = try RenameTable.parse(Array("legacy_id,canonical_id,source\ngpt2,openai-community/gpt2,test\n".utf8), file: "r.csv")
        let store = try LineageStore.openOrCreate(path: directory.file("alias.sqlite"))
        _ = try ingest(store, [
            ModelRecord(id: "openai-community/gpt2"),
            ModelRecord(id: "x/tuned", parents: [ParentLink(id: "gpt2", relation: .finetune)]),
        ], hash: "h1", renames: renames)
        let data = try store.graphData()
        #expect(!data.names.contains("gpt2"))
        #expect(data.aliases == [ModelAlias(legacyID: "gpt2", canonicalID: "openai-community/gpt2", source: "test")])
        #expect(zip(data.edgeChildren, data.edgeParents).map { "\(data.names[Int($0)])<-\(data.names[Int($1)])" } == ["x/tuned<-openai-community/gpt2"])
    }

    @Test("organization rows round-trip, update in place and can be removed")
    func organizationsRoundTrip() throws {
        let store = try LineageStore.openOrCreate(path: directory.file("orgs.sqlite"))
        try store.upsertOrganizations([
            OrganizationRow(namespace: "acme", name: "Acme AI", country: "US", kind: "startup", source: "test"),
            OrganizationRow(namespace: "lab", country: "FR", kind: "academic"),
        ], at: 1)
        try store.upsertOrganizations([OrganizationRow(namespace: "acme", name: "Acme", country: "CA", kind: "startup")], at: 2)
        let rows = try store.organizations().sorted { $0.namespace < $1.namespace }
        #expect(rows.map(\.namespace) == ["acme", "lab"])
        #expect(rows[0].country == "CA" && rows[0].name == "Acme")
        #expect(try store.removeOrganization(namespace: "lab"))
        #expect(try !store.removeOrganization(namespace: "lab"))
        #expect(try store.organizations().map(\.namespace) == ["acme"])
    }

    @Test("a SQL text with quotes in an id is stored as data, never run")
    func hostileIDsAreData() throws {
        let path = directory.file("hostile.sqlite")
        let store = try LineageStore.openOrCreate(path: path)
        let hostile = "a/x'); DROP TABLE model; --"
        _ = try ingest(store, [ModelRecord(id: "a/Root"), ModelRecord(id: hostile, parents: [ParentLink(id: "a/Root", relation: .finetune)])], hash: "h1")
        #expect(try store.graphData().names.contains(hostile))
        #expect(try count(path, "SELECT count(*) FROM model") == 2)
    }
}
