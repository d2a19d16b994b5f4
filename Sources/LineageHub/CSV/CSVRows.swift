/// RFC 4180 CSV rows for callers outside this module (the organization registry and its alias table).
public enum CSVRows {
    /// A CSV syntax problem on a 1-based line.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Every non-blank row of `bytes` with the line it starts on. Quoted fields may hold commas, quotes
    /// (`""`) and line breaks; CRLF and a byte-order mark are handled.
    /// - Complexity: O(bytes).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> [(fields: [String], line: Int)] {
        var reader = CSVReader(bytes: bytes)
        var rows: [(fields: [String], line: Int)] = []
        do throws(CSVReader.SyntaxError) {
            while let row = try reader.nextRow() { rows.append(row) }
        } catch {
            throw SyntaxError(line: error.line, message: error.message)
        }
        return rows
    }
}
