import GRDB

extension IngestWriter {
    /// Reopens a stored snapshot so that more records join it (the next page of a sync run), carrying on
    /// its stored counters; `finishSnapshot` then writes the totals.
    /// - Returns: the counters it had, to tell what the page added.
    func reopenSnapshot(_ id: Int64, storePath: String) throws -> SnapshotSummary {
        precondition(current == nil, "a snapshot is already open")
        guard let row = try Row.fetchOne(db, sql: """
            SELECT records, skipped, self_loops, replaced, kept_newer FROM snapshot WHERE id = ?
            """, arguments: [id]) else {
            throw StoreError(path: storePath, message: "snapshot #\(id) of the sync run is missing")
        }
        var summary = SnapshotSummary(snapshotID: id)
        summary.records = row[0]
        summary.skipped = row[1]
        summary.selfLoops = row[2]
        summary.replaced = row[3]
        summary.keptNewer = row[4]
        current = summary
        return summary
    }
}
