/// Aligns rows of cells into columns for terminal output.
public enum TextTable {
    /// Pads each column to its widest cell (by character count); `rightAligned` lists numeric columns.
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = [], separator: String = "  ") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                let isLast = i == row.count - 1
                line += rightAligned.contains(i) ? pad + cell : (isLast ? cell : cell + pad)
                if !isLast { line += separator }
            }
            return line
        }
    }
}
