import Foundation

/// A report that prints as a table, CSV or JSON.
public protocol TabularReport: RenderableReport {
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
            return try JSONOutput.string(self)
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
