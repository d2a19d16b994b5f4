import GRDB
import LineageHub

extension IngestWriter {
    /// Merges each legacy un-namespaced node into the model it was renamed to, keeping the old id as an alias.
    ///
    /// A node whose id has no namespace (`gpt2`) is merged into its canonical id when the rename table
    /// names one (source: the table's, e.g. `hf-legacy-migration`), or else when exactly one model with a
    /// record has the same name in some namespace (source `inferred:unique-twin`). Its edges, paper links,
    /// uses and snapshot membership move to the canonical node (duplicates dropped), its row is deleted,
    /// and a `model_alias` row keeps the legacy id findable. When the canonical id has no node yet, a
    /// table rename simply renames the row. The ingest calls it once, after its last snapshot.
    /// - Complexity: O(models) to find twins when there are legacy nodes, plus indexed updates per merge.
    public func mergeLegacyIDs() throws {
        if !modelsLoaded { try loadModels() }
        // Legacy ids the table mapped while records were added: record them as aliases once.
        for key in usedRenames.sorted() {
            guard let entry = renames.entry(forKey: key), let canonical = models[HubID.key(entry.canonicalID)],
                  try !aliasExists(key) else { continue }
            try db.execute(
                sql: "INSERT INTO model_alias (legacy_key, legacy_id, model_id, source) VALUES (?, ?, ?, ?)",
                arguments: [key, entry.legacyID, canonical.id, entry.source])
            mergedLegacyIDs[entry.source, default: 0] += 1
        }
        usedRenames.removeAll()
        let legacy = models.filter { !$0.key.contains("/") }
        guard !legacy.isEmpty else { return }
        var twins: [String: [String]] = [:]
        let wanted = Set(legacy.keys)
        for (key, state) in models where !state.isExternal {
            guard let slash = key.firstIndex(of: "/") else { continue }
            let name = String(key[key.index(after: slash)...])
            if wanted.contains(name) { twins[name, default: []].append(key) }
        }
        let insertAlias = try FastStatement(db, sql: """
            INSERT OR REPLACE INTO model_alias (legacy_key, legacy_id, model_id, source) VALUES (?1, ?2, ?3, ?4)
            """, path: storePath)
        for (key, state) in legacy.sorted(by: { $0.key < $1.key }) {
            let target: (key: String, id: String, source: String)
            if let entry = renames.entry(forKey: key) {
                target = (HubID.key(entry.canonicalID), entry.canonicalID, entry.source)
            } else if state.isExternal, let only = twins[key], only.count == 1, let id = try String.fetchOne(db, sql: "SELECT hub_id FROM model WHERE key = "
                + "?", arguments: [only[0]]) {
                target = (only[0], id, "inferred:unique-twin")
            } else {
                continue
            }
            let legacyID = try String.fetchOne(db, sql: "SELECT hub_id FROM model WHERE id = ?", arguments: [state.id]) ?? key
            let canonicalID: Int64
            if let canonical = models[target.key] {
                canonicalID = canonical.id
                try move(from: state.id, to: canonical.id)
                try db.execute(sql: "DELETE FROM model WHERE id = ?", arguments: [state.id])
                models[key] = canonical
            } else {
                canonicalID = state.id
                try db.execute(
                    sql: "UPDATE model SET key = ?, hub_id = ?, author = ? WHERE id = ?",
                    arguments: [target.key, target.id, HubID.namespace(of: target.id).map(String.init), state.id])
                models[target.key] = state
            }
            models[key] = nil
            aliasTargets[key] = (target.key, target.id)
            try insertAlias.bind(1, key)
            try insertAlias.bind(2, legacyID)
            try insertAlias.bind(3, canonicalID)
            try insertAlias.bind(4, target.source)
            try insertAlias.run()
            mergedLegacyIDs[target.source, default: 0] += 1
        }
    }

    private func aliasExists(_ key: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM model_alias WHERE legacy_key = ?)", arguments: [key]) ?? false
    }

    /// Points every row naming node `old` at node `new`, dropping rows that would then repeat.
    private func move(from old: Int64, to new: Int64) throws {
        for (table, column) in [("edge", "parent"), ("edge", "child"), ("paper_link", "model_id"),
                                ("snapshot_model", "model_id"), ("downstream_use", "model_id")] {
            try db.execute(sql: "UPDATE OR IGNORE \(table) SET \(column) = ? WHERE \(column) = ?", arguments: [new, old])
            try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [old])
        }
        // A merged edge may now point from the canonical node to itself.
        try db.execute(sql: "DELETE FROM edge WHERE child = parent")
        try db.execute(sql: "UPDATE model_alias SET model_id = ? WHERE model_id = ?", arguments: [new, old])
    }
}
