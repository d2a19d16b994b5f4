import GRDB
import LineageHub

/// Writing Spaces and projects (AI-BOMs) with their `uses` edges to models, in the ingest transaction.
extension IngestWriter {
    // MARK: - Spaces

    /// Adds Space records to the open snapshot.
    ///
    /// A record replaces the stored Space when it is at least as new by `lastModified` (or when either
    /// has no date); its `uses` edges are then replaced too. A model a Space uses that no input describes
    /// becomes an external node, as a parent would.
    /// - Complexity: O(records + uses), a few indexed statements each.
    public func add(spaces records: [SpaceRecord]) throws {
        guard var summary = current else { preconditionFailure("no snapshot is open") }
        defer { current = summary }
        if !modelsLoaded { try loadModels() }
        for record in records {
            summary.records += 1
            let key = HubID.key(record.id)
            let existing = try Row.fetchOne(
                db, sql: "SELECT id, last_modified FROM downstream WHERE kind = 'space' AND key = ?", arguments: [key])
            let id: Int64
            if let existing {
                id = existing[0]
                let stored: Int64? = existing[1]
                if let stored, let incoming = record.lastModified, incoming < stored {
                    summary.keptNewer += 1
                    continue
                }
                summary.replaced += 1
                try db.execute(sql: """
                    UPDATE downstream SET name = ?, author = ?, snapshot_id = ?, created_at = ?, last_modified = ?, likes = ?, sdk = ?
                    WHERE id = ?
                    """, arguments: [record.id, record.author, summary.snapshotID, record.createdAt, record.lastModified, record.likes, record.sdk, id])
                try db.execute(sql: "DELETE FROM downstream_use WHERE downstream_id = ?", arguments: [id])
            } else {
                try db.execute(sql: """
                    INSERT INTO downstream (kind, key, name, author, snapshot_id, created_at, last_modified, likes, sdk)
                    VALUES ('space', ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key, record.id, record.author, summary.snapshotID, record.createdAt, record.lastModified, record.likes, record.sdk])
                id = db.lastInsertedRowID
                summary.newDownstream += 1
            }
            for model in record.models {
                let modelID = try modelID(for: model, summary: &summary)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO downstream_use (downstream_id, model_id) VALUES (?, ?)", arguments: [id, modelID])
                summary.uses += db.changesCount
            }
        }
    }

    // MARK: - Projects

    /// Adds a project read from a bill of materials to the open snapshot; `source` is the BOM's path.
    ///
    /// A project is known by its name (case-insensitive). A later BOM of the same project replaces its
    /// uses, unless both carry `metadata.timestamp` and the later one is older (then it is kept aside,
    /// counted in `keptNewer`).
    public func add(project record: ProjectRecord, source: String) throws {
        guard var summary = current else { preconditionFailure("no snapshot is open") }
        defer { current = summary }
        if !modelsLoaded { try loadModels() }
        summary.records += 1
        let key = record.name.lowercased()
        let existing = try Row.fetchOne(
            db, sql: "SELECT id, last_modified FROM downstream WHERE kind = 'project' AND key = ?", arguments: [key])
        let id: Int64
        if let existing {
            id = existing[0]
            let stored: Int64? = existing[1]
            if let stored, let incoming = record.timestamp, incoming < stored {
                summary.keptNewer += 1
                return
            }
            summary.replaced += 1
            try db.execute(sql: """
                UPDATE downstream SET name = ?, author = ?, snapshot_id = ?, last_modified = ?, version = ?, source = ? WHERE id = ?
                """, arguments: [record.name, record.supplier, summary.snapshotID, record.timestamp, record.version, source, id])
            try db.execute(sql: "DELETE FROM downstream_use WHERE downstream_id = ?", arguments: [id])
        } else {
            try db.execute(sql: """
                INSERT INTO downstream (kind, key, name, author, snapshot_id, last_modified, version, source)
                VALUES ('project', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key, record.name, record.supplier, summary.snapshotID, record.timestamp, record.version, source])
            id = db.lastInsertedRowID
            summary.newDownstream += 1
        }
        for use in record.uses {
            let modelID = try modelID(for: use.model, summary: &summary)
            try db.execute(
                sql: "INSERT OR IGNORE INTO downstream_use (downstream_id, model_id, via, revision) VALUES (?, ?, ?, ?)",
                arguments: [id, modelID, use.via, use.revision])
            summary.uses += db.changesCount
        }
    }

    // MARK: - Models

    /// The row id of the model `hubID`, adding it as an external node when no input described it.
    private func modelID(for hubID: String, summary: inout SnapshotSummary) throws -> Int64 {
        let key = HubID.key(hubID)
        if let state = models[key] { return state.id }
        let id = nextID
        nextID += 1
        try insertExternal.bind(1, id)
        try insertExternal.bind(2, key)
        try insertExternal.bind(3, hubID)
        try insertExternal.bind(4, HubID.namespace(of: hubID).map(String.init))
        try insertExternal.run()
        models[key] = ModelState(id: id, lastModified: nil, snapshot: nil, isExternal: true)
        summary.newExternalParents += 1
        return id
    }
}
