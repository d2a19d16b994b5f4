import LineageSupport

/// A timeline as a table: one row per bucket, one column per series.
public struct TimelineReport: TabularReport, Sendable {
    /// One series' values, bucket by bucket.
    public struct Line: Sendable, Codable, Equatable {
        public var name: String
        public var detail: String
        /// Counts, downloads or (for `metadata`) shares in 0…1; nil where a share has no model to divide.
        public var values: [Double?]
        /// Sum of the values (the last value for `cumulative`; the pooled share for `metadata`).
        public var total: Double?
        public var undatedDerivatives: Int
        public var placeholderDerivatives: Int
        /// `YYYY-MM-DD` of the earliest dated seed.
        public var firstSeed: String?

        public init(name: String, detail: String, values: [Double?], total: Double?, undatedDerivatives: Int = 0,
                    placeholderDerivatives: Int = 0, firstSeed: String? = nil) {
            self.name = name
            self.detail = detail
            self.values = values
            self.total = total
            self.undatedDerivatives = undatedDerivatives
            self.placeholderDerivatives = placeholderDerivatives
            self.firstSeed = firstSeed
        }
    }

    public var store: String
    public var metric: TimelineMetric
    public var period: TimelinePeriod
    /// Bucket labels (`2023-10`, `2023-Q4`, the Monday of a week).
    public var buckets: [String]
    /// First and last day counted, `YYYY-MM-DD` (nil when no series has a dated model).
    public var from: String?
    public var through: String?
    public var series: [Line]
    public var notes: [String]

    public init(store: String, metric: TimelineMetric, period: TimelinePeriod, buckets: [String], from: String?, through: String?,
                series: [Line], notes: [String]) {
        self.store = store
        self.metric = metric
        self.period = period
        self.buckets = buckets
        self.from = from
        self.through = through
        self.series = series
        self.notes = notes
    }

    public var summaryLines: [String] {
        var lines = ["\(metric.title.prefix(1).uppercased() + metric.title.dropFirst()) per \(period.rawValue)"
            + (from.map { ", \($0) .. \(through ?? "")" } ?? "")
            + "; store: \(store)"]
        for line in series {
            lines.append("  \(line.name): \(line.detail)" + (line.firstSeed.map { "; first seed \($0)" } ?? ""))
        }
        return lines
    }

    public var columns: [String] { ["period"] + series.map(\.name) }

    public var numericColumns: Set<Int> { Set(1...max(1, series.count)) }

    public var rows: [[String]] {
        var out = buckets.indices.map { b in [buckets[b]] + series.map { cell($0.values[b]) } }
        out.append(["total"] + series.map { cell($0.total) })
        return out
    }

    public var machineRows: [[String]] {
        buckets.indices.map { b in [buckets[b]] + series.map { $0.values[b].map(raw) ?? "" } }
    }

    public var footerLines: [String] { notes }

    func cell(_ value: Double?) -> String {
        guard let value else { return "-" }
        return metric == .metadata ? Formatting.percent(value) : Formatting.group(Int64(value))
    }

    func raw(_ value: Double) -> String { metric == .metadata ? Formatting.raw(value) : String(Int64(value)) }
}
