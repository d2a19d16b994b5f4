import GRDB
import LineageGraph
import LineageHub

/// Writes ingested records into the store inside one transaction (see `LineageStore.ingestTransaction`).
///
/// It keeps the id, current record version and `lastModified` of every model in memory, so each record
/// costs dictionary look-ups and a handful of prepared inserts, never a query.
public final class IngestWriter {
    /// What ingesting one snapshot did.
    public struct SnapshotSummary: Sendable, Equatable {
        public var snapshotID: Int64 = 0
        public var records = 0
        /// Models that had no row before (external parents that now have a record count here too).
        public var newModels = 0
        /// Records that replaced an older record of the same model.
        public var replaced = 0
        /// Records older than what the store holds: kept only as snapshot membership.
        public var keptNewer = 0
        public var edges = 0
        public var newExternalParents = 0
        public var selfLoops = 0
        public var paperLinks = 0
        public var skipped = 0
        /// Spaces or projects that had no row before (Space and BOM inputs).
        public var newDownstream = 0
        /// `uses` edges written from Spaces and projects to models.
        public var uses = 0
    }

    /// A file that went into a snapshot.
    public struct SourceFile: Sendable {
        public var path: String
        public var sha256: String
        public var bytes: Int64
        public var format: String

        public init(path: String, sha256: String, bytes: Int64, format: String) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.format = format
        }
    }

    struct ModelState {
        var id: Int64
        var lastModified: Int64?
        var snapshot: Int64?
        var isExternal: Bool
        /// Whether the model is marked removed from the Hub (`model.removed_snapshot`).
        var removed = false
    }

    let db: Database
    let storePath: String
    /// Every model's state by key, loaded on the first `add` (a no-op re-ingest never needs it).
    var models: [String: ModelState] = [:]
    var modelsLoaded = false
    var nextID: Int64
    var current: SnapshotSummary?
    /// What the open snapshot says about history: its date, and whether it is a change list.
    var currentHistory = SnapshotHistory()
    /// Models whose removed mark may change when this transaction ends (see `settleRemovals`), with the
    /// last snapshot of the transaction that held them (nil: only removal events).
    var historyCandidates: [Int64: Int64?] = [:]
    /// Snapshots this transaction opened, for a full snapshot's absence check.
    var openedSnapshots: [Int64] = []

    private let insertModel: FastStatement
    private let updateModel: FastStatement
    private let updateModelMetadataOnly: FastStatement
    let insertExternal: FastStatement
    private let insertEdge: FastStatement
    private let deleteEdges: FastStatement
    private let insertPaper: FastStatement
    private let deletePapers: FastStatement
    private let insertMembership: FastStatement
    let insertEvent: FastStatement

    /// Legacy ids and the canonical ids they map to, applied to every record and parent id.
    let renames: RenameTable
    /// Legacy key → (canonical key, canonical display id), from `renames` and the store's `model_alias` rows.
    var aliasTargets: [String: (key: String, id: String)] = [:]
    /// Legacy keys of `renames` that some record of this transaction used (as its id or a parent's).
    var usedRenames = Set<String>()
    /// Legacy ids merged by `mergeLegacyIDs`, by source, during this transaction.
    public internal(set) var mergedLegacyIDs: [String: Int] = [:]

    init(db: Database, storePath: String, renames: RenameTable = RenameTable()) throws {
        self.db = db
        self.storePath = storePath
        self.renames = renames
        for (key, entry) in renames.entries { aliasTargets[key] = (HubID.key(entry.canonicalID), entry.canonicalID) }
        nextID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM model") ?? 0) + 1
        let columns = "hub_id, author, is_external, created_at, last_modified, downloads, downloads_all_time, likes, pipeline_tag, library_name, license, parameters, "
            + "architecture, snapshot_id"
        insertModel = try FastStatement(db, sql: "INSERT INTO model (id, key, \(columns)) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
            + "?15)", path: storePath)
        updateModel = try FastStatement(db, sql: """
            UPDATE model SET hub_id = ?3, author = ?4, is_external = 0, created_at = ?5, last_modified = ?6, downloads = ?7,
            downloads_all_time = ?8, likes = ?9, pipeline_tag = ?10, library_name = ?11, license = ?12, parameters = ?13,
            architecture = ?14, snapshot_id = ?15 WHERE id = ?1 AND key = ?2
            """, path: storePath)
        // A record that says nothing about lineage (a node list) updates what it knows and keeps the edges.
        updateModelMetadataOnly = try FastStatement(db, sql: """
            UPDATE model SET hub_id = ?3, author = coalesce(?4, author), is_external = 0,
            architecture = coalesce(?14, architecture),
            snapshot_id = coalesce(snapshot_id, ?15) WHERE id = ?1 AND key = ?2
            """, path: storePath)
        insertExternal = try FastStatement(db, sql: "INSERT INTO model (id, key, hub_id, author, is_external) VALUES (?1, ?2, ?3, ?4, 1)", path: storePath)
        insertEdge = try FastStatement(db, sql: "INSERT OR REPLACE INTO edge (snapshot_id, child, parent, relation, provenance) VALUES (?1, ?2, ?3, ?4, ?5)", path: storePath)
        deleteEdges = try FastStatement(db, sql: "DELETE FROM edge WHERE snapshot_id = ?1 AND child = ?2", path: storePath)
        insertPaper = try FastStatement(db, sql: "INSERT OR IGNORE INTO paper_link (snapshot_id, model_id, arxiv_id) VALUES (?1, ?2, ?3)", path: storePath)
        deletePapers = try FastStatement(db, sql: "DELETE FROM paper_link WHERE snapshot_id = ?1 AND model_id = ?2", path: storePath)
        insertMembership = try FastStatement(db, sql: """
            INSERT OR REPLACE INTO snapshot_model (snapshot_id, model_id, last_modified, downloads, downloads_all_time, likes)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """, path: storePath)
        insertEvent = try FastStatement(db, sql: """
            INSERT OR IGNORE INTO model_event (snapshot_id, model_id, kind, reason) VALUES (?1, ?2, ?3, ?4)
            """, path: storePath)
    }

    // MARK: - Snapshots

    /// The snapshot already made from content with this hash, if any: re-ingesting it is a no-op.
    public func snapshot(withContentHash hash: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM snapshot WHERE content_sha256 = ?", arguments: [hash])
    }

    /// Whether any ingested file had exactly this size: only then can new content be a duplicate.
    public func hasSnapshotFile(bytes: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM snapshot_file WHERE bytes = ?)", arguments: [bytes]) ?? false
    }

    /// Records the content hash of the open snapshot once it is known (it can be computed while parsing).
    public func setContentHash(_ hash: String) throws {
        guard let summary = current else { preconditionFailure("no snapshot is open") }
        try db.execute(sql: "UPDATE snapshot SET content_sha256 = ? WHERE id = ?", arguments: [hash, summary.snapshotID])
        try db.execute(sql: "UPDATE snapshot_file SET sha256 = ? WHERE snapshot_id = ?", arguments: [hash, summary.snapshotID])
    }

    /// Starts a snapshot; records added until `finishSnapshot` belong to it.
    /// `history` dates it (default: `ingestedAt`) and says whether it is a change list or a full snapshot.
    public func beginSnapshot(
        label: String, format: String, contentHash: String, ingestedAt: Int64, files: [SourceFile],
        history: SnapshotHistory = SnapshotHistory()
    ) throws {
        precondition(current == nil, "a snapshot is already open")
        try db.execute(
            sql: "INSERT INTO snapshot (label, format, content_sha256, ingested_at, as_of, scope, change_list) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [label, format, contentHash, ingestedAt, history.asOf ?? ingestedAt, history.fullScope?.name, history.changeList?.rawValue])
        let id = db.lastInsertedRowID
        var history = history
        history.asOf = history.asOf ?? ingestedAt
        currentHistory = history
        openedSnapshots.append(id)
        for file in files {
            try db.execute(
                sql: "INSERT OR REPLACE INTO snapshot_file (snapshot_id, path, sha256, bytes, format) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, file.path, file.sha256, file.bytes, file.format])
        }
        current = SnapshotSummary(snapshotID: id)
    }

    /// Closes the open snapshot, recording its counters.
    public func finishSnapshot(skipped: Int) throws -> SnapshotSummary {
        guard var summary = current else { preconditionFailure("no snapshot is open") }
        summary.skipped = skipped
        try db.execute(
            sql: "UPDATE snapshot SET records = ?, skipped = ?, self_loops = ?, replaced = ?, kept_newer = ? WHERE id = ?",
            arguments: [summary.records, summary.skipped, summary.selfLoops, summary.replaced, summary.keptNewer, summary.snapshotID])
        current = nil
        currentHistory = SnapshotHistory()
        return summary
    }

    // MARK: - Records

    /// Adds records to the open snapshot.
    ///
    /// A record replaces the stored one when it is at least as new by `lastModified` (or when either has no
    /// date: the later ingest wins). An older record only joins the snapshot's membership. Self-loops are
    /// dropped and counted; parents without a record become external nodes.
    /// - Complexity: O(records + parents), one hash look-up and a few prepared statements each.
    /// - Throws: a `StoreError` naming the record when it breaks a store constraint (never SQLite's message).
    public func add(_ records: [ModelRecord]) throws {
        var inFlight: ModelRecord?
        do {
            try add(records, inFlight: &inFlight)
        } catch let error as StoreError where error.isConstraint {
            guard let record = inFlight else { throw error }
            throw StoreError.constraint(
                path: storePath, what: "model \(MessageText.quote(record.id)) (input line \(record.line)) and a model already stored",
                resultCode: error.resultCode, sql: error.sql)
        }
    }

    private func add(_ records: [ModelRecord], inFlight: inout ModelRecord?) throws {
        guard var summary = current else { preconditionFailure("no snapshot is open") }
        defer { current = summary }
        if !modelsLoaded { try loadModels() }
        let snapshot = summary.snapshotID
        for var record in records {
            inFlight = record
            summary.records += 1
            var key = HubID.key(record.id)
            if let target = aliasTargets[key] {
                usedRenames.insert(key)
                key = target.key
                record.id = target.id
            }
            let id: Int64
            var replace = true
            var firstSeen = false
            if let state = models[key] {
                id = state.id
                firstSeen = state.isExternal
                if state.removed, currentHistory.changeList != .removed { historyCandidates[id] = snapshot }
                if !state.isExternal, record.parents != nil,
                   let stored = state.lastModified, let incoming = record.lastModified, incoming < stored {
                    replace = false
                    summary.keptNewer += 1
                } else if state.isExternal {
                    summary.newModels += 1
                } else {
                    summary.replaced += 1
                }
                if replace {
                    if record.parents == nil {
                        try bindModel(updateModelMetadataOnly, id: id, key: key, record, snapshot: snapshot)
                        try updateModelMetadataOnly.run()
                        models[key] = ModelState(id: id, lastModified: state.lastModified, snapshot: state.snapshot ?? snapshot, isExternal: false, removed: state.removed)
                    } else {
                        try bindModel(updateModel, id: id, key: key, record, snapshot: snapshot)
                        try updateModel.run()
                        if state.snapshot == snapshot {
                            // The same model twice in one input: the later record wins.
                            try deleteEdges.bind(1, snapshot); try deleteEdges.bind(2, id); try deleteEdges.run()
                            try deletePapers.bind(1, snapshot); try deletePapers.bind(2, id); try deletePapers.run()
                        }
                        models[key] = ModelState(id: id, lastModified: record.lastModified, snapshot: snapshot, isExternal: false, removed: state.removed)
                    }
                }
            } else {
                id = nextID
                nextID += 1
                summary.newModels += 1
                firstSeen = true
                try bindModel(insertModel, id: id, key: key, record, snapshot: snapshot)
                try insertModel.run()
                models[key] = ModelState(id: id, lastModified: record.lastModified, snapshot: snapshot, isExternal: false)
            }

            // A deletions list holds no model: its records only describe models the store did not know.
            if currentHistory.changeList != .removed {
                if currentHistory.changeList == .added || firstSeen {
                    try addEvent(model: id, kind: "added", reason: currentHistory.changeList == .added ? "listed" : "first-seen")
                }
                try insertMembership.bind(1, snapshot)
                try insertMembership.bind(2, id)
                try insertMembership.bind(3, record.lastModified)
                try insertMembership.bind(4, record.downloads)
                try insertMembership.bind(5, record.downloadsAllTime)
                try insertMembership.bind(6, record.likes)
                try insertMembership.run()
            }

            guard replace, let parents = record.parents else { continue }
            for var parent in parents {
                var parentKey = HubID.key(parent.id)
                if let target = aliasTargets[parentKey] {
                    usedRenames.insert(parentKey)
                    parentKey = target.key
                    parent.id = target.id
                }
                if parentKey == key {
                    summary.selfLoops += 1
                    continue
                }
                let parentID: Int64
                if let state = models[parentKey] {
                    parentID = state.id
                } else {
                    parentID = nextID
                    nextID += 1
                    try insertExternal.bind(1, parentID)
                    try insertExternal.bind(2, parentKey)
                    try insertExternal.bind(3, parent.id)
                    try insertExternal.bind(4, HubID.namespace(of: parent.id).map(String.init))
                    try insertExternal.run()
                    models[parentKey] = ModelState(id: parentID, lastModified: nil, snapshot: nil, isExternal: true)
                    summary.newExternalParents += 1
                }
                try insertEdge.bind(1, snapshot)
                try insertEdge.bind(2, id)
                try insertEdge.bind(3, parentID)
                try insertEdge.bind(4, parent.relation.name)
                try insertEdge.bind(5, parent.provenance.name)
                try insertEdge.run()
                summary.edges += 1
            }
            for paper in record.papers {
                try insertPaper.bind(1, snapshot)
                try insertPaper.bind(2, id)
                try insertPaper.bind(3, paper)
                try insertPaper.run()
                summary.paperLinks += 1
            }
        }
    }

    func loadModels() throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, key, last_modified, snapshot_id, is_external, removed_snapshot IS NOT NULL FROM model")
        while let row = try rows.next() {
            models[row[1]] = ModelState(id: row[0], lastModified: row[2], snapshot: row[3], isExternal: row[4], removed: row[5])
        }
        for row in try Row.fetchAll(db, sql: "SELECT a.legacy_key, m.key, m.hub_id FROM model_alias a JOIN model m ON m.id = a.model_id") {
            aliasTargets[row[0]] = (row[1], row[2])
        }
        modelsLoaded = true
    }

    private func bindModel(_ statement: FastStatement, id: Int64, key: String, _ record: ModelRecord, snapshot: Int64) throws(StoreError) {
        try statement.bind(1, id)
        try statement.bind(2, key)
        try statement.bind(3, record.id)
        try statement.bind(4, record.author)
        try statement.bind(5, record.createdAt)
        try statement.bind(6, record.lastModified)
        try statement.bind(7, record.downloads)
        try statement.bind(8, record.downloadsAllTime)
        try statement.bind(9, record.likes)
        try statement.bind(10, record.pipelineTag)
        try statement.bind(11, record.libraryName)
        try statement.bind(12, record.license)
        try statement.bind(13, record.parameterCount)
        try statement.bind(14, record.architecture)
        try statement.bind(15, snapshot)
    }
}
