import Foundation
import LineageSupport

/// New derivatives in the months before and after a dated event, per series, and the difference in
/// differences between the first two series (`lineage timeline --event DATE --window N`).
public struct EventWindowReport: TabularReport, Sendable {
    /// One series' counts in the two windows.
    public struct Row: Sendable, Codable, Equatable {
        public var name: String
        public var before: Int
        public var after: Int
        /// Monthly means: the counts divided by the window's months.
        public var meanBefore: Double
        public var meanAfter: Double
        /// meanAfter / meanBefore; nil when nothing came before.
        public var growth: Double?
        public var firstSeed: String?
    }

    /// The ratio of two series' growth ratios, and its logarithm (a difference-in-differences on log counts).
    public struct Comparison: Sendable, Codable, Equatable {
        public var treated: String
        public var control: String
        public var ratio: Double?
        public var logDifference: Double?
    }

    public var store: String
    public var event: String
    public var eventLabel: String?
    public var months: Int
    /// `[beforeFrom, event)` and `[event, afterTo)`, `YYYY-MM-DD`.
    public var beforeFrom: String
    public var afterTo: String
    public var series: [Row]
    public var comparison: Comparison?
    /// Share of all the store's models created in each month of the two windows whose record names a parent.
    public var metadataShare: [String: Double]
    public var caveats: [String]

    public var summaryLines: [String] {
        var lines = ["New derivatives \(months) month\(months == 1 ? "" : "s") before and after \(event)" + (eventLabel.map { " (\($0))" } ?? "")
            + ": before = \(beforeFrom) .. the day before, after = \(event) .. the day before \(afterTo); store: \(store)"]
        if let c = comparison {
            lines.append("\(c.treated) vs \(c.control): ratio of growth ratios " + (c.ratio.map { Formatting.fixed($0) } ?? "-")
                + ", difference in differences of log monthly means " + (c.logDifference.map { Formatting.fixed($0, 3) } ?? "-")
                + (c.ratio == nil ? " (a series has no derivative in a window)" : ""))
        }
        return lines
    }

    public var columns: [String] { ["series", "before", "after", "mean before", "mean after", "growth", "first seed"] }
    public var numericColumns: Set<Int> { [1, 2, 3, 4, 5] }

    public var rows: [[String]] {
        series.map { r in
            [r.name, Formatting.group(r.before), Formatting.group(r.after), Formatting.fixed(r.meanBefore, 1),
             Formatting.fixed(r.meanAfter, 1), r.growth.map { Formatting.fixed($0) } ?? "-", r.firstSeed ?? "-"]
        }
    }

    public var machineRows: [[String]] {
        series.map { r in
            [r.name, String(r.before), String(r.after), Formatting.raw(r.meanBefore), Formatting.raw(r.meanAfter),
             r.growth.map(Formatting.raw) ?? "", r.firstSeed ?? ""]
        }
    }

    public var footerLines: [String] {
        let shares = metadataShare.keys.sorted().map { "\($0) \(Formatting.percent(metadataShare[$0]!))" }
        return ["Caveats:"] + caveats.map { "- " + $0 }
            + ["Share of the store's new models whose record names a parent, per month: " + shares.joined(separator: ", ")]
    }
}
