import LineageHub
import LineageStore

/// What one `lineage ingest` did, input by input.
public struct IngestResult: Sendable {
    public struct Input: Sendable {
        /// The file, or `edges.csv + models.csv` for an edge list read with its node list.
        public var label: String
        public var format: InputFormat
        /// Set when the same content was ingested before: nothing was done.
        public var alreadyIngestedAs: Int64?
        public var summary: IngestWriter.SnapshotSummary?
        /// The first few skipped records' problems (with `skipInvalid`).
        public var problems: [HubParseError]
        public var skipped: Int
        public var bytes: Int64
        /// Remarks about a Space file or BOM that did not stop the ingest (a model component without a Hub id).
        public var notes: [String] = []
        /// Whether this input is the bundled default snapshot a new store started from.
        public var isBundledDefault = false
        /// The day the input describes (Unix seconds), when it was given or read from the file's name.
        public var asOf: Int64?
    }

    public var inputs: [Input] = []
    /// Legacy ids merged into their canonical models at the end of the ingest, by source
    /// (`hf-legacy-migration`, `inferred:unique-twin`).
    public var mergedLegacyIDs: [String: Int] = [:]
    /// Files that held nothing (no bytes, or only blank lines): skipped, which is not an error.
    public var emptyFiles: [String] = []
    /// Models marked removed from the Hub, or back on it, by this ingest (deletions lists, full snapshots).
    public var removals = IngestWriter.RemovalSummary()
    /// Wall-clock seconds for the whole ingest.
    public var seconds: Double = 0

    public var records: Int { inputs.reduce(0) { $0 + ($1.summary?.records ?? 0) } }
}
