/// Counts that describe what a store holds, computed by SQL (no graph in memory).
public struct StoreStatistics: Sendable, Equatable, Codable {
    public struct Snapshot: Sendable, Equatable, Codable {
        public var id: Int64
        public var label: String
        public var format: String
        public var sha256: String
        /// Unix seconds.
        public var ingestedAt: Int64
        public var records: Int
        public var skipped: Int
        public var selfLoops: Int
        public var replaced: Int
        public var keptNewer: Int
        /// Lineage edges the snapshot's records named (self-loops excluded).
        public var edges: Int
        public var paperLinks: Int
    }

    /// Models with a record (not external).
    public var models: Int
    /// Parents that some record names but no input describes.
    public var externalParents: Int
    /// Current lineage edges by relation name.
    public var edgesByRelation: [String: Int]
    /// Current lineage edges by provenance (`declared`, `inferred:<rule>`), then by relation name.
    public var edgesByProvenance: [String: [String: Int]]
    public var edges: Int { edgesByRelation.values.reduce(0, +) }
    public var selfLoopsDropped: Int
    /// Distinct arXiv ids linked from current records, and the number of models linking any.
    public var papers: Int
    public var modelsWithPapers: Int
    /// Unix seconds; nil when no record carries `createdAt`.
    public var createdFrom: Int64?
    public var createdTo: Int64?
    public var snapshots: [Snapshot]
}
