import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The binary graph cache beside a store (`<store>.graph-cache`): used when it matches the store,
/// ignored and rebuilt after any commit, corruption, truncation, or when it belongs to another store.
@Suite struct GraphCacheTests {
    /// Every column of two loads agrees.
    static func same(_ a: GraphData, _ b: GraphData) -> Bool {
        a.names == b.names && a.isExternal == b.isExternal && a.authorIndex == b.authorIndex && a.authors == b.authors
            && a.createdAt == b.createdAt && a.downloads == b.downloads && a.downloadsAllTime == b.downloadsAllTime
            && a.likes == b.likes && a.edgeChildren == b.edgeChildren && a.edgeParents == b.edgeParents
            && a.edgeRelations == b.edgeRelations && a.edgeProvenance == b.edgeProvenance && a.downstream == b.downstream
    }

    /// The cache file's inode (changes whenever the cache is rewritten, since it is renamed into place).
    static func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    static func ingest(_ dir: TemporaryDirectory, _ name: String, _ lines: [String], into store: LineageStore) throws {
        let file = dir.write(name, lines.joined(separator: "\n") + "\n")
        _ = try Ingestor().ingest(paths: [file], into: store)
    }

    @Test func aCommitInvalidatesTheCache() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("s.sqlite")
        let cache = try #require(GraphCache.path(forStore: path))
        let store = try LineageStore.openOrCreate(path: path)
        try Self.ingest(dir, "a.jsonl", [hubLine("a/Root", downloads: 3), hubLine("a/Tune", relation: "finetune", parents: ["a/Root"])], into: store)

        let first = try store.graphData()
        #expect(FileManager.default.fileExists(atPath: cache))
        let written = Self.inode(cache)
        // A second load is served from the cache, which is left as it is.
        let second = try store.graphData()
        #expect(Self.same(first, second) && second.namespaceIndex == NamespaceIndex(names: second.names))
        #expect(Self.inode(cache) == written)

        try Self.ingest(dir, "b.jsonl", [hubLine("b/New", relation: "adapter", parents: ["a/Tune"])], into: store)
        let third = try store.graphData()
        #expect(third.names.contains("b/New") && third.edgeCount == 2)
        #expect(Self.same(third, try store.graphDataFromSQLite()))
        #expect(Self.inode(cache) != written)

        // Another process (a fresh open) sees the refreshed cache.
        let reopened = try LineageStore.open(path: path).graphData()
        #expect(Self.same(reopened, third))
    }

    @Test func aRegistryRowAndDownstreamRowsInvalidateTheCache() throws {
        let dir = TemporaryDirectory()
        let cache = try #require(GraphCache.path(forStore: dir.file("fixture.sqlite")))
        let store = try DownstreamFixture.store(in: dir)
        let before = try store.graphData()
        #expect(!before.downstream.nodes.isEmpty && !before.downstream.papers.isEmpty)
        #expect(Self.same(before, try store.graphData()))
        let written = Self.inode(cache)
        try store.upsertOrganizations([OrganizationRow(namespace: "acme", name: "Acme", country: "US", kind: "startup", source: "user", evidence: "test")], at: 0)
        #expect(Self.same(try store.graphData(), before))
        #expect(Self.inode(cache) != written)  // rebuilt: the commit changed the store's identity
    }

    @Test func aCorruptedOrTruncatedCacheIsIgnored() throws {
        let dir = TemporaryDirectory()
        let cache = try #require(GraphCache.path(forStore: dir.file("fixture.sqlite")))
        let store = try DownstreamFixture.store(in: dir)
        let truth = try store.graphDataFromSQLite()
        _ = try store.graphData()
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))
        #expect(good.count > 200)

        var damaged: [Data] = [Data(), good.prefix(10), good.prefix(good.count / 2), good.dropLast(1), good + Data([0])]
        for offset in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            var flipped = good
            flipped[offset] ^= 0x5A
            damaged.append(flipped)
        }
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: cache))
            #expect(Self.same(try store.graphData(), truth))
            // …and the load put a good cache back.
            #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == good)
        }
        // A directory where the cache should be: ignored, and the write fails silently.
        try FileManager.default.removeItem(atPath: cache)
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: false)
        #expect(Self.same(try store.graphData(), truth))
    }

    /// Edge provenance is read from SQLite and kept in the cache; a cache of the previous format (version 1,
    /// without provenance) or cut short is never trusted.
    @Test func provenanceIsCachedAndAnOlderFormatIsNotTrusted() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("p.sqlite")
        let cache = try #require(GraphCache.path(forStore: path))
        let store = try LineageStore.openOrCreate(path: path)
        try Self.ingest(dir, "p.jsonl", [
            hubLine("a/Root"), hubLine("a/Tune", relation: "finetune", parents: ["a/Root"]),
            hubLine("a/Tune-GGUF", parents: [], tags: ["base_model:a/Tune"]),
            hubLine("a/Lora", tags: ["base_model:a/Root", "lora"]),
        ], into: store)
        let truth = try store.graphDataFromSQLite()
        let byChild = Dictionary(uniqueKeysWithValues: (0..<truth.edgeCount).map {
            (truth.names[Int(truth.edgeChildren[$0])], "\(truth.edgeRelations[$0].name) \(truth.edgeProvenance[$0].name)")
        })
        #expect(byChild == ["a/Tune": "finetune declared", "a/Tune-GGUF": "quantized inferred:quantized-name", "a/Lora": "adapter inferred:adapter-tag"])
        let fromCache = try store.graphData()
        #expect(Self.same(fromCache, truth))
        #expect(Self.same(try store.graphData(), truth))
        let good = try Data(contentsOf: URL(fileURLWithPath: cache))

        // The format version sits right after the 8-byte magic.
        var version1 = good
        version1.replaceSubrange(8..<12, with: withUnsafeBytes(of: UInt32(1)) { Data($0) })
        // The old version number, and files cut short: each is ignored and replaced by a good cache.
        for bytes in [version1, good.prefix(good.count - 40), good.dropLast(1)] {
            try bytes.write(to: URL(fileURLWithPath: cache))
            let loaded = try store.graphData()
            #expect(Self.same(loaded, truth))
            #expect(loaded.edgeProvenance == truth.edgeProvenance)
            #expect(try Data(contentsOf: URL(fileURLWithPath: cache)) == good)
        }
        // --declared-only keeps the declared edge alone.
        let declared = truth.declaredOnly()
        #expect(declared.edgeCount == 1 && declared.edgeProvenance == [.declared])
        #expect(declared.names == truth.names)
    }

    @Test func aCacheOfAnotherStoreIsIgnored() throws {
        let dir = TemporaryDirectory()
        let one = try LineageStore.openOrCreate(path: dir.file("one.sqlite"))
        let two = try LineageStore.openOrCreate(path: dir.file("two.sqlite"))
        // Same history shape (one ingest each), different content.
        try Self.ingest(dir, "a.jsonl", [hubLine("a/One", downloads: 1)], into: one)
        try Self.ingest(dir, "b.jsonl", [hubLine("b/Two", downloads: 2)], into: two)
        _ = try one.graphData()
        let twoTruth = try two.graphDataFromSQLite()
        try? FileManager.default.removeItem(atPath: dir.file("two.sqlite.graph-cache"))
        try FileManager.default.copyItem(atPath: dir.file("one.sqlite.graph-cache"), toPath: dir.file("two.sqlite.graph-cache"))
        #expect(try two.graphData().names == ["b/Two"])
        #expect(Self.same(try two.graphData(), twoTruth))
    }

    @Test func storesInMemoryHaveNoCache() throws {
        #expect(GraphCache.path(forStore: ":memory:") == nil)
        let store = try BundledDefault.makeStore()
        #expect(try store.graphData().nodeCount == 4_167 + 954)
    }

    @Test func queriesFromTheCacheAnswerAsFromSQLite() throws {
        let dir = TemporaryDirectory()
        let store = try DownstreamFixture.store(in: dir)
        let catalog = try FamilyCatalog.load()
        let fresh = LineageQueries(loaded: try LoadedGraph(store: store), catalog: catalog)  // reads SQLite, writes the cache
        let cached = LineageQueries(loaded: try LoadedGraph(store: store), catalog: catalog)
        #expect(cached.loaded.data.namespaceIndex != nil)
        #expect(fresh.familyRoots == cached.familyRoots)
        for word in ["qwen", "acme", "Qwen/Qwen2.5-7B"] {
            #expect((try? fresh.resolve(word).seeds) == (try? cached.resolve(word).seeds))
        }
    }
}
