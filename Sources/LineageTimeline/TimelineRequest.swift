import LineageGraph

/// What `lineage timeline` (or a timeline question) asks: which series, which buckets, which metric.
public struct TimelineRequest: Sendable, Equatable {
    /// Families, namespaces or model ids: one series each (their seeds as `resolve` finds them).
    public var targets: [String] = []
    /// Country codes: one series per country, of the families whose owner is from it (`--origin CN,US`).
    public var origins: [String] = []
    /// Country codes: one series per country, of the derivatives whose author is from it, among the
    /// targets' derivatives (all derivative models of the store when no target is named).
    public var authorCountries: [String] = []
    public var period: TimelinePeriod = .month
    public var metric: TimelineMetric = .new
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the first bucket holds this day.
    public var since: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive: `2024-01` runs to the end of January 2024.
    public var until: String?
    public var relations: RelationMask = .all

    public init() {}
}
