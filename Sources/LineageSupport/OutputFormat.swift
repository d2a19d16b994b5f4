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
    /// Column titles of the CSV and TSV output (default: `columns`).
    var machineColumns: [String] { get }
    /// Rows of the CSV and TSV output, matching `machineColumns`: numbers raw, for programs (default:
    /// `rows` with `Formatting.raw` applied to the numeric columns).
    var machineRows: [[String]] { get }
}

extension TabularReport {
    public var footerLines: [String] { [] }

    public var machineColumns: [String] { columns }

    public var machineRows: [[String]] {
        let numeric = numericColumns
        return rows.map { row in row.enumerated().map { numeric.contains($0.offset) ? Formatting.raw($0.element) : $0.element } }
    }

    /// The report in `format`; a table is narrowed to `width` characters when given (see `TextTable`).
    public func render(_ format: OutputFormat, width: Int? = nil) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        case .csv:
            return ([machineColumns] + machineRows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
        case .tsv:
            let clean = { (cell: String) in String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
            return ([machineColumns] + machineRows).map { $0.map(clean).joined(separator: "\t") }.joined(separator: "\n")
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
    package static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Number formatting shared by the reports.
package enum Formatting {
    /// `12345` → `12,345`.
    package static func group(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    package static func group(_ value: Int) -> String { group(Int64(value)) }

    /// A value with `digits` decimals, without locale.
    package static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    /// `0.4567` → `45.7%`.
    package static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// A table cell as a machine-readable number: `617,210` → `617210`, `45.7%` → `0.457`; any other text
    /// is returned unchanged.
    package static func raw(_ cell: String) -> String {
        var text = cell
        let isPercent = text.hasSuffix("%")
        if isPercent { text.removeLast() }
        let grouped = text.split(separator: ",", omittingEmptySubsequences: false)
        if grouped.count > 1 {
            let head = grouped[0].hasPrefix("-") ? grouped[0].dropFirst() : grouped[0]
            guard (1...3).contains(head.count), head.allSatisfy(\.isASCIIDigitLike),
                  grouped.dropFirst().allSatisfy({ group in
                      let digits = group.prefix { $0 != "." }
                      return digits.count == 3 && digits.allSatisfy(\.isASCIIDigitLike)
                  })
            else { return cell }
            text = grouped.joined()
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
              text.allSatisfy({ $0.isASCIIDigitLike || $0 == "." || $0 == "-" }), !text.isEmpty
        else { return cell }
        return isPercent ? "\(value / 100)" : text
    }

    /// `12345` → `12345` (machine output: no grouping).
    package static func raw(_ value: Int64) -> String { String(value) }

    /// A share in 0…1 as its shortest exact decimal form.
    package static func raw(_ value: Double) -> String { "\(value)" }
}

extension Character {
    /// `0`…`9` only.
    fileprivate var isASCIIDigitLike: Bool { ("0"..."9").contains(self) }
}
