import GRDB
import GRDBSQLite
import LineageGraph

extension LineageStore {
    /// Reads every node and the current lineage edges into flat columns, with what sits downstream of
    /// them (`GraphData.downstream`: Spaces, projects, papers).
    ///
    /// Served from the binary cache beside the store (`GraphCache`) when it matches the store; otherwise
    /// read from SQLite and the cache is rewritten (a failure to write it is ignored).
    ///
    /// The graph of now: models marked removed from the Hub are left out (a removed model that a present
    /// model names as parent stays, as an external parent without edges of its own); `includeRemoved`
    /// keeps them all (read from SQLite, never cached).
    /// - Complexity: O(nodes + edges); from a valid cache, a few bulk reads plus one `String` per name.
    public func graphData(includeRemoved: Bool = false) throws(StoreError) -> GraphData {
        // With no removed model, the graph with them is the graph of now, and the cache serves it.
        if includeRemoved, try hasRemovedModels() {
            return try read { db in try Self.readGraphData(db, path: path, includeRemoved: true) }
        }
        var fresh: (data: GraphData, identity: [UInt8])?
        let data = try read { db in
            // A store whose identity cannot be read simply gets no cache.
            let identity = (try? GraphCache.identity(db, storePath: path)) ?? nil
            if let identity, var cached = GraphCache.load(storePath: path, identity: identity) {
                cached.aliases = try Self.readAliases(db)
                return cached
            }
            var data = try Self.readGraphData(db, path: path)
            if let identity {
                data.namespaceIndex = NamespaceIndex(names: data.names)
                fresh = (data, identity)
            }
            return data
        }
        // Written after the read transaction ends, so writers are not held up by it.
        if let fresh { GraphCache.save(fresh.data, storePath: path, identity: fresh.identity) }
        return data
    }

    /// `graphData()` straight from SQLite, never from or to the cache (for benchmarks and checks).
    /// - Complexity: one scan of the model table and one of the current edges; O(nodes + edges) memory.
    public func graphDataFromSQLite() throws(StoreError) -> GraphData {
        try read { db in try Self.readGraphData(db, path: path) }
    }

    /// - Complexity: one scan of the model table and one of the current edges; O(nodes + edges) memory.
    static func readGraphData(_ db: Database, path: String, includeRemoved: Bool = false) throws -> GraphData {
        var data = GraphData()
        // Removed models (none in a store without history): left out, or kept as parents of present models.
        var removal = includeRemoved ? nil : try RemovedModels(db)
        if removal?.removed.isEmpty == true { removal = nil }
        let maxID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM model") ?? 0
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM model") ?? 0
        data.names.reserveCapacity(count)
        var dense = [Int32](repeating: -1, count: Int(maxID) + 1)
        var authorIndexes: [String: Int32] = [:]

        let nodes = try db.makeStatement(sql: """
            SELECT id, hub_id, is_external, author, created_at, downloads, downloads_all_time, likes FROM model ORDER BY id
            """)
        let n = nodes.sqliteStatement
        while true {
            let code = sqlite3_step(n)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw StoreError.stepFailed(path: path, statement: nodes, db: db) }
            let id = sqlite3_column_int64(n, 0)
            var isExternal = sqlite3_column_int64(n, 2) != 0
            if let removal, removal.removed.contains(id) {
                guard removal.parentsOfPresent.contains(id) else { continue }
                isExternal = true
            }
            dense[Int(id)] = Int32(data.names.count)
            data.names.append(Self.text(n, 1) ?? "")
            data.isExternal.append(isExternal)
            if let author = Self.text(n, 3) {
                if let index = authorIndexes[author] {
                    data.authorIndex.append(index)
                } else {
                    let index = Int32(data.authors.count)
                    authorIndexes[author] = index
                    data.authors.append(author)
                    data.authorIndex.append(index)
                }
            } else {
                data.authorIndex.append(-1)
            }
            data.createdAt.append(sqlite3_column_type(n, 4) == SQLITE_NULL ? Int64.min : sqlite3_column_int64(n, 4))
            data.downloads.append(sqlite3_column_int64(n, 5))
            data.downloadsAllTime.append(sqlite3_column_int64(n, 6))
            data.likes.append(Int32(clamping: sqlite3_column_int64(n, 7)))
        }
        sqlite3_reset(n)

        let edges = try db.makeStatement(sql: Self.currentEdgesSQL)
        let e = edges.sqliteStatement
        while true {
            let code = sqlite3_step(e)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw StoreError.stepFailed(path: path, statement: edges, db: db) }
            let childID = sqlite3_column_int64(e, 0)
            if let removal, removal.removed.contains(childID) { continue }
            let child = dense[Int(childID)]
            let parent = dense[Int(sqlite3_column_int64(e, 1))]
            data.edgeChildren.append(child)
            data.edgeParents.append(parent)
            data.edgeRelations.append(Self.relation(e, 2))
            data.edgeProvenance.append(Self.provenance(e, 3))
        }
        sqlite3_reset(e)
        if let removal {
            // A removed model kept as a parent is no model of now: its Spaces and papers go with it.
            for id in removal.removed where Int(id) < dense.count { dense[Int(id)] = -1 }
        }
        data.downstream = try Self.readDownstream(db, dense: dense, path: path)
        data.aliases = try readAliases(db)
        return data
    }

    /// Every `model_alias` row with its canonical model's Hub id, in legacy-id order.
    static func readAliases(_ db: Database) throws -> [ModelAlias] {
        guard try db.tableExists("model_alias") else { return [] }  // a store older than v5, opened read-only
        return try Row.fetchAll(db, sql: """
            SELECT a.legacy_id, m.hub_id, a.source FROM model_alias a JOIN model m ON m.id = a.model_id ORDER BY a.legacy_key
            """).map { ModelAlias(legacyID: $0[0], canonicalID: $0[1], source: $0[2]) }
    }

    /// Relations by the first byte of their stored name, where no two names share it (today all do not).
    private static let relationByFirstByte: [Relation?] = {
        var table = [Relation?](repeating: nil, count: 256)
        let firsts = Relation.allCases.map { $0.name.utf8.first! }
        for relation in Relation.allCases where firsts.filter({ $0 == relation.name.utf8.first! }).count == 1 {
            table[Int(relation.name.utf8.first!)] = relation
        }
        return table
    }()

    /// A stored relation name, told by its first byte when that is unique (the schema's CHECK keeps
    /// names to `Relation.table`'s), else read whole.
    private static func relation(_ statement: SQLiteStatement, _ column: Int32) -> Relation {
        guard let pointer = sqlite3_column_text(statement, column) else { return .unknown }
        if let relation = relationByFirstByte[Int(pointer.pointee)] { return relation }
        return text(statement, column).flatMap { Relation(hubName: $0) } ?? .unknown
    }

    /// `declared` is by far the most common value: recognized by its first byte without making a String.
    private static func provenance(_ statement: SQLiteStatement, _ column: Int32) -> EdgeProvenance {
        guard let pointer = sqlite3_column_text(statement, column), pointer.pointee != UInt8(ascii: "d") else { return .declared }
        return text(statement, column).flatMap { EdgeProvenance(name: $0) } ?? .otherInferred
    }

    private static func text(_ statement: SQLiteStatement, _ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        let length = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
}
