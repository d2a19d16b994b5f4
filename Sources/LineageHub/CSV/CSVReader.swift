/// An RFC 4180 CSV reader: quoted fields with `""` escapes, commas and line breaks inside quotes,
/// CRLF or LF line ends, a UTF-8 byte-order mark at the start.
struct CSVReader {
    private let bytes: [UInt8]
    private var position: Int
    /// 1-based line where the next row starts.
    private(set) var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// A CSV syntax problem on a line.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// Reads the next row: its fields and the line it started on; nil at the end. Blank lines are skipped.
    /// - Complexity: O(length of the row).
    mutating func nextRow() throws(SyntaxError) -> (fields: [String], line: Int)? {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            if bytes[position] == 0x0A { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        while position < bytes.count {
            let byte = bytes[position]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                position += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
                position += 1
            case UInt8(ascii: "\"") where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                position += 1
            case 0x0D where position + 1 < bytes.count && bytes[position + 1] == 0x0A:
                position += 1
            case 0x0A, 0x0D:
                position += 1
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, startLine)
            default:
                field.append(byte)
                position += 1
            }
        }
        if inQuotes {
            throw SyntaxError(line: startLine, message: "unterminated quoted field (the file may be truncated)")
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return (fields, startLine)
    }
}
