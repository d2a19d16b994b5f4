import GRDB

extension LineageStore {
    /// SQL that selects the current lineage edges (those of each model's current record).
    static let currentEdgesSQL = """
        SELECT e.child, e.parent, e.relation, e.provenance FROM model m
        JOIN edge e ON e.snapshot_id = m.snapshot_id AND e.child = m.id
        """

    /// How many snapshots the store holds: 0 for a store nothing was ever ingested into.
    public func snapshotCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM snapshot") ?? 0 }
    }

    /// Counts of models, edges, roots, papers and snapshots.
    /// - Complexity: a few scans of the model and edge tables.
    public func statistics() throws(StoreError) -> StoreStatistics {
        try read { db in
            let models = try Int.fetchOne(db, sql: "SELECT count(*) FROM model WHERE is_external = 0") ?? 0
            let external = try Int.fetchOne(db, sql: "SELECT count(*) FROM model WHERE is_external = 1") ?? 0
            var byRelation: [String: Int] = [:]
            var byProvenance: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT relation, provenance, count(*) FROM (\(Self.currentEdgesSQL)) GROUP BY relation, provenance") {
                let relation: String = row[0], provenance: String = row[1], count: Int = row[2]
                byRelation[relation, default: 0] += count
                byProvenance[provenance, default: [:]][relation] = count
            }
            let selfLoops = try Int.fetchOne(db, sql: "SELECT coalesce(sum(self_loops), 0) FROM snapshot") ?? 0
            let paperRow = try Row.fetchOne(db, sql: """
                SELECT count(DISTINCT p.arxiv_id), count(DISTINCT p.model_id) FROM model m
                JOIN paper_link p ON p.snapshot_id = m.snapshot_id AND p.model_id = m.id
                """)
            let dates = try Row.fetchOne(db, sql: "SELECT min(created_at), max(created_at) FROM model WHERE is_external = 0")
            let snapshotRows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.label, s.format, s.content_sha256, s.ingested_at, s.records, s.skipped, s.self_loops,
                       s.replaced, s.kept_newer,
                       (SELECT count(*) FROM edge e WHERE e.snapshot_id = s.id),
                       (SELECT count(*) FROM paper_link p WHERE p.snapshot_id = s.id)
                FROM snapshot s ORDER BY s.id
                """)
            return StoreStatistics(
                models: models, externalParents: external, edgesByRelation: byRelation, edgesByProvenance: byProvenance,
                selfLoopsDropped: selfLoops,
                papers: paperRow?[0] ?? 0, modelsWithPapers: paperRow?[1] ?? 0,
                createdFrom: dates?[0], createdTo: dates?[1],
                snapshots: snapshotRows.map { row in
                    StoreStatistics.Snapshot(
                        id: row[0], label: row[1], format: row[2], sha256: row[3], ingestedAt: row[4],
                        records: row[5], skipped: row[6], selfLoops: row[7], replaced: row[8], keptNewer: row[9],
                        edges: row[10], paperLinks: row[11])
                })
        }
    }
}
