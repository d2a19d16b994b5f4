import Foundation

/// How a query command prints its report.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// Summary lines, then an aligned table (the default, for people).
    case table
    /// The whole report as pretty-printed JSON with sorted keys (stable shape, see docs/METRICS.md).
    case json
    /// The table's rows as RFC 4180 CSV with a header row, without the summary lines.
    case csv
    /// The table's rows as tab-separated values with a header row (tabs and line breaks in cells become spaces).
    case tsv
}

/// A report that prints as a table, CSV or JSON.
public protocol TabularReport: Encodable {
    /// Lines printed above the table (totals, notes).
    var summaryLines: [String] { get }
    /// Column titles.
    var columns: [String] { get }
    /// Cells, one array per row, matching `columns`.
    var rows: [[String]] { get }
    /// Columns printed right-aligned (numbers).
    var numericColumns: Set<Int> { get }
    /// Lines printed below the table.
    var footerLines: [String] { get }
}

extension TabularReport {
    public var footerLines: [String] { [] }

    /// The report in `format`; a table is narrowed to `width` characters when given (see `TextTable`).
    public func render(_ format: OutputFormat, width: Int? = nil) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        case .csv:
            return ([columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
        case .tsv:
            let clean = { (cell: String) in String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
            return ([columns] + rows).map { $0.map(clean).joined(separator: "\t") }.joined(separator: "\n")
        case .table:
            var lines = summaryLines
            if !rows.isEmpty {
                if !lines.isEmpty { lines.append("") }
                lines += TextTable.render([columns] + rows, rightAligned: numericColumns, maxWidth: width)
            }
            if !footerLines.isEmpty { lines += [""] + footerLines }
            return lines.joined(separator: "\n")
        }
    }

    /// `text` quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Number formatting shared by the reports.
enum Formatting {
    /// `12345` → `12,345`.
    static func group(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    static func group(_ value: Int) -> String { group(Int64(value)) }

    /// A value with `digits` decimals, without locale.
    static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    /// `0.4567` → `45.7%`.
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
