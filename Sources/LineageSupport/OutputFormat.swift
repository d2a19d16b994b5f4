import Foundation

/// How a query command prints its report.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// Summary lines, then an aligned table (the default, for people).
    case table
    /// The whole report as pretty-printed JSON with sorted keys (stable shape, see docs/METRICS.md).
    case json
    /// The table's rows as RFC 4180 CSV with a header row, without the summary lines; numbers are raw
    /// (`617210`, shares as fractions), not grouped for reading.
    case csv
    /// As `csv`, tab-separated (tabs and line breaks in cells become spaces).
    case tsv
}
