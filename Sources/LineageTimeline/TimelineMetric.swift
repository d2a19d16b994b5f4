/// What a timeline counts in each bucket (definitions with a worked example in docs/METRICS.md, "Time").
public enum TimelineMetric: String, Sendable, Codable, CaseIterable {
    /// Derivatives (descendants, not the seeds) created in the bucket.
    case new
    /// Members (seeds and descendants) created up to the bucket's end, from the first dated one on.
    case cumulative
    /// Authors whose first derivative in the series was created in the bucket.
    case authors
    /// 30-day downloads (as of the snapshot) of the derivatives created in the bucket.
    case downloads
    /// Share of the members created in the bucket whose own record names a parent (a stored edge, not
    /// a re-upload linked by name): how much of the Hub carried lineage metadata at all.
    case metadata

    /// The column heading of the metric.
    public var title: String {
        switch self {
        case .new: "new derivatives"
        case .cumulative: "cumulative members"
        case .authors: "new deriving authors"
        case .downloads: "downloads of new derivatives"
        case .metadata: "share of new models with lineage metadata"
        }
    }
}
