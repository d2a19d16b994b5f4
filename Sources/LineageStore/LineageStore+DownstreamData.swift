import GRDB
import GRDBSQLite
import LineageGraph

extension LineageStore {
    /// Reads Spaces, projects, their `uses` edges and the current paper links, mapping model row ids to
    /// dense node indexes through `dense` (see `graphData()`).
    /// - Complexity: one scan of `downstream`, `downstream_use` and the current paper links.
    static func readDownstream(_ db: Database, dense: [Int32], path: String) throws -> DownstreamData {
        var data = DownstreamData()
        func node(_ rowID: Int64) -> Int32? {
            rowID >= 0 && Int(rowID) < dense.count && dense[Int(rowID)] >= 0 ? dense[Int(rowID)] : nil
        }
        var index: [Int64: Int32] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, kind, name, author, created_at, last_modified, likes, sdk, version, source FROM downstream
            WHERE kind IN ('space', 'project') ORDER BY kind DESC, name COLLATE NOCASE, id
            """)
        while let row = try rows.next() {
            let kind: String = row[1]
            index[row[0]] = Int32(data.nodes.count)
            data.nodes.append(DownstreamData.Node(
                kind: kind == "space" ? .space : .project, name: row[2], author: row[3], createdAt: row[4],
                lastModified: row[5], likes: row[6], sdk: row[7], version: row[8], source: row[9]))
        }
        let uses = try Row.fetchCursor(db, sql: "SELECT downstream_id, model_id, via FROM downstream_use ORDER BY downstream_id, model_id")
        var pending: [(Int32, Int32, String?)] = []
        while let row = try uses.next() {
            guard let n = index[row[0]], let m = node(row[1]) else { continue }
            pending.append((n, m, row[2]))
        }
        pending.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for (n, m, via) in pending {
            data.useNodes.append(n)
            data.useModels.append(m)
            data.useVia.append(via)
        }

        // Paper links of each model's current record.
        let statement = try db.makeStatement(sql: """
            SELECT p.model_id, p.arxiv_id FROM model m JOIN paper_link p ON p.snapshot_id = m.snapshot_id AND p.model_id = m.id
            """)
        let s = statement.sqliteStatement
        var paperIndex: [String: Int32] = [:]
        var links: [(String, Int32)] = []
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw StoreError.stepFailed(path: path, statement: statement, db: db) }
            guard let model = node(sqlite3_column_int64(s, 0)), let text = sqlite3_column_text(s, 1) else { continue }
            let arxiv = String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, 1))), as: UTF8.self)
            if paperIndex[arxiv] == nil { paperIndex[arxiv] = 0 }
            links.append((arxiv, model))
        }
        sqlite3_reset(s)
        data.papers = paperIndex.keys.sorted()
        for (i, paper) in data.papers.enumerated() { paperIndex[paper] = Int32(i) }
        for (paper, model) in links {
            guard let p = paperIndex[paper] else { continue }
            data.paperLinkPapers.append(p)
            data.paperLinkModels.append(model)
        }
        return data
    }
}
