/// Where an ingest is, for a progress line.
public struct IngestProgress: Sendable {
    public var path: String
    public var bytesDone: Int64
    public var bytesTotal: Int64
    public var records: Int
    /// Seconds since the ingest started.
    public var elapsed: Double
}
