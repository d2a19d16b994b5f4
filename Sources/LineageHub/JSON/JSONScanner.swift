#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineageGraph

/// A forward-only scanner over JSON bytes that reads only the values the caller asks for and skips the rest.
///
/// Hub records are large (model cards, per-dtype parameter maps) and Lineage needs a dozen fields of each,
/// so this avoids building a tree. It never recurses: nesting is skipped with a depth counter, so a
/// hostile line of a million `[` cannot overflow the stack. Positions are byte offsets into `bytes`.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    enum ValueKind {
        case object, array, string, number, bool, null
    }

    // MARK: - Primitives

    var isAtEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The kind of the next value, after whitespace.
    mutating func peekKind() throws(JSONScanError) -> ValueKind {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("unexpected character \(describe(bytes[position])), expected a value")
        }
    }

    mutating func expect(_ byte: UInt8) throws(JSONScanError) {
        skipWhitespace()
        guard position < bytes.count else {
            throw error("unexpected end of input, expected '\(Character(Unicode.Scalar(byte)))'")
        }
        guard bytes[position] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))', found \(describe(bytes[position]))")
        }
        position += 1
    }

    /// Consumes `byte` if it is next (after whitespace).
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        if position < bytes.count, bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    /// Consumes a `null` literal if it is next.
    mutating func consumeNull() throws(JSONScanError) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(JSONScanError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0
        else { throw error("invalid literal, expected \(word)") }
        position += count
    }

    // MARK: - Strings

    /// Reads a string's raw content (between the quotes, escapes untouched).
    /// - Returns: the byte range and whether it holds any escape.
    mutating func readRawString() throws(JSONScanError) -> (range: Range<Int>, escaped: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start..<(position - 1), escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            if byte < 0x20 {
                throw error("control character \(describe(byte)) inside a string")
            }
            position += 1
        }
        position = bytes.count
        throw error("unterminated string")
    }

    mutating func readString() throws(JSONScanError) -> String {
        let (range, escaped) = try readRawString()
        if !escaped { return string(range) }
        return String(decoding: try unescape(range), as: UTF8.self)
    }

    /// Reads a string, or nil for `null`.
    mutating func readOptionalString(field: StaticString) throws(JSONScanError) -> String? {
        switch try peekKind() {
        case .null: try literal("null"); return nil
        case .string: return try readString()
        default: throw wrongType(field: field, expected: "a string")
        }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Decodes the escapes of a raw string's content into UTF-8 bytes.
    func unescape(_ range: Range<Int>) throws(JSONScanError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < range.upperBound else { throw JSONScanError(offset: i, message: "dangling backslash in a string") }
            let code = bytes[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i, end: range.upperBound)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= range.upperBound,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = try hex4(at: i + 2, end: range.upperBound)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: String(value).utf8)
            default:
                let shown = code >= 0x21 && code < 0x7F ? "\\\(Character(Unicode.Scalar(code)))" : "\\ followed by \(describe(code))"
                throw JSONScanError(offset: i - 1, message: "invalid escape \(shown)")
            }
        }
        return out
    }

    private func hex4(at index: Int, end: Int) throws(JSONScanError) -> UInt32 {
        guard index + 4 <= end else { throw JSONScanError(offset: index, message: "truncated \\u escape") }
        var value: UInt32 = 0
        for k in index..<(index + 4) {
            let c = bytes[k]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - 55)
            default: throw JSONScanError(offset: k, message: "invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Whether the raw bytes in `range` equal `key` (keys are compared unescaped-as-written).
    func matches(_ range: Range<Int>, _ key: StaticString) -> Bool {
        range.count == key.utf8CodeUnitCount
            && memcmp(bytes.baseAddress! + range.lowerBound, key.utf8Start, range.count) == 0
    }

    // MARK: - Numbers

    /// Reads a number as an integer; fractions are truncated toward zero, values beyond Int64 clamp.
    /// - Throws: naming `field` and quoting the number when it is not one (`-x`) or not finite (`1e309`).
    mutating func readInteger(field: StaticString) throws(JSONScanError) -> Int64 {
        guard try peekKind() == .number else { throw wrongType(field: field, expected: "a number") }
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
        var value: Int64 = 0
        var overflow = false
        var digitCount = 0
        while position < bytes.count, bytes[position] &- 48 < 10 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(bytes[position] &- 48))
            overflow = overflow || o1 || o2
            value = a
            digitCount += 1
            position += 1
        }
        var isSimple = !overflow
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") {
            isSimple = false
            position += 1
            skipNumberCharacters()
        }
        guard digitCount > 0 else {
            skipNumberCharacters()
            throw JSONScanError(offset: start, message: "\"\(field)\" must be a number, found \(MessageText.quote(string(start..<position)))")
        }
        if isSimple { return negative ? -value : value }
        let text = string(start..<position)
        guard let double = Double(text) else {
            throw JSONScanError(offset: start, message: "\"\(field)\" must be a number, found \(MessageText.quote(text))")
        }
        guard double.isFinite else {
            throw JSONScanError(offset: start, message: "\"\(field)\" is out of range: \(MessageText.quote(text)) is beyond any number Lineage stores")
        }
        if double >= 9.2e18 { return Int64.max }
        if double <= -9.2e18 { return Int64.min }
        return Int64(double)
    }

    /// Reads an integer, or nil for `null`.
    mutating func readOptionalInteger(field: StaticString) throws(JSONScanError) -> Int64? {
        if try consumeNull() { return nil }
        return try readInteger(field: field)
    }

    /// The largest count (downloads, likes, parameters) accepted: 2^53, far beyond any real Hub figure and
    /// still exact as a Double. Larger ones are refused, so sums of counts stay meaningful.
    static let maxCount: Int64 = 1 << 53

    /// Reads a count (downloads, likes, parameters), or nil for `null`.
    /// - Throws: naming `field` when the count is negative or beyond `maxCount` (`1e20`, `99999999999999999999`).
    mutating func readOptionalCount(field: StaticString) throws(JSONScanError) -> Int64? {
        if try consumeNull() { return nil }
        let start = position
        let value = try readInteger(field: field)
        guard (0...Self.maxCount).contains(value) else {
            throw JSONScanError(offset: start, message: "\"\(field)\" must be a count from 0 to 2^53, found \(MessageText.quote(string(start..<position)))")
        }
        return value
    }

    // MARK: - Skipping

    /// Moves past digits, `.`, `e`/`E` and signs: the rest of a number's text (validated by `Double` when read).
    private mutating func skipNumberCharacters() {
        while position < bytes.count {
            let c = bytes[position]
            guard c &- 48 < 10 || c == UInt8(ascii: ".") || c | 0x20 == UInt8(ascii: "e")
                || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") else { return }
            position += 1
        }
    }

    /// Skips one value of any kind, nested ones included, without recursion.
    mutating func skipValue() throws(JSONScanError) {
        var depth = 0
        repeat {
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of input inside a value") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { throw error("unexpected \(describe(byte))") }
                depth -= 1
                position += 1
            case UInt8(ascii: "\""):
                _ = try readRawString()
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { throw error("unexpected \(describe(byte))") }
                position += 1
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                position += 1
                skipNumberCharacters()
            default:
                throw error("unexpected character \(describe(byte))")
            }
        } while depth > 0
    }

    // MARK: - Objects and arrays

    /// Iterates the members of the object that starts here, handing each key's raw range to `body`,
    /// which must consume the member's value.
    mutating func forEachMember(
        _ body: (inout JSONScanner, Range<Int>) throws(JSONScanError) -> Void
    ) throws(JSONScanError) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            let (key, _) = try readRawString()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            if consume(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Iterates the elements of the array that starts here; `body` must consume each element.
    mutating func forEachElement(
        _ body: (inout JSONScanner) throws(JSONScanError) -> Void
    ) throws(JSONScanError) {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        while true {
            try body(&self)
            if consume(UInt8(ascii: ",")) { continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    // MARK: - Errors

    func error(_ message: String) -> JSONScanError {
        JSONScanError(offset: min(position, bytes.count), message: message)
    }

    func wrongType(field: StaticString, expected: String) -> JSONScanError {
        let found: String
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"): found = "an object"
            case UInt8(ascii: "["): found = "an array"
            case UInt8(ascii: "\""): found = "a string"
            case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a boolean"
            case UInt8(ascii: "n"): found = "null"
            default: found = "a number"
            }
        } else {
            found = "the end of input"
        }
        return JSONScanError(offset: position, message: "\"\(field)\" must be \(expected), found \(found)")
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}

/// A JSON syntax or type error at a byte offset of the scanned buffer.
struct JSONScanError: Error {
    var offset: Int
    var message: String
}
