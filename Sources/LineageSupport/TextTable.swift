#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Aligns rows of cells into columns for terminal output.
public enum TextTable {
    /// Pads each column to its widest cell (by character count); `rightAligned` lists numeric columns.
    ///
    /// With `maxWidth`, the widest columns are narrowed (cells cut with `…`) until every line fits, so rows
    /// never wrap; no column is narrowed below 6 characters.
    /// - Complexity: O(cells + columns × excess width).
    public static func render(
        _ rows: [[String]], rightAligned: Set<Int> = [], separator: String = "  ", maxWidth: Int? = nil
    ) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        if let maxWidth {
            let total = { widths.reduce(0, +) + separator.count * max(0, columns - 1) }
            while total() > maxWidth, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
                widths[widest] -= 1
            }
        }
        return rows.map { row in
            var line = ""
            for (i, raw) in row.enumerated() {
                let cell = raw.count > widths[i] ? String(raw.prefix(widths[i] - 1)) + "…" : raw
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let isLast = i == row.count - 1
                line += rightAligned.contains(i) ? pad + cell : (isLast ? cell : cell + pad)
                if !isLast { line += separator }
            }
            return line
        }
    }

    /// The width of the terminal on standard output, or nil when it is not a terminal
    /// (`$COLUMNS` is honoured when set).
    public static func terminalWidth(environment: [String: String]) -> Int? {
        guard isatty(1) == 1 else { return nil }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return nil
    }
}
