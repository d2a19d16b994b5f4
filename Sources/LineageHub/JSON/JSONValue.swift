/// A parsed JSON value with the byte offset it starts at, for small documents read whole (a CycloneDX
/// BOM) whose errors are reported by JSON path and line.
///
/// Built on `JSONScanner`; nesting deeper than `maxDepth` is refused instead of recursing without bound.
public struct JSONValue: Sendable, Equatable {
    /// What the value is.
    public indirect enum Kind: Sendable, Equatable {
        case object([(key: String, value: JSONValue)])
        case array([JSONValue])
        case string(String)
        /// The number's text as written.
        case number(String)
        case bool(Bool)
        case null

        public static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            case (.array(let a), .array(let b)): a == b
            case (.string(let a), .string(let b)): a == b
            case (.number(let a), .number(let b)): a == b
            case (.bool(let a), .bool(let b)): a == b
            case (.null, .null): true
            default: false
            }
        }
    }

    public var kind: Kind
    /// Byte offset of the value's first byte in the parsed document.
    public var offset: Int

    /// Deepest nesting accepted.
    public static let maxDepth = 128

    // MARK: - Access

    /// The member `key` of an object (the first, if repeated); nil for other kinds or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = kind { return a }
        return nil
    }

    public var isObject: Bool {
        if case .object = kind { return true }
        return false
    }

    public var isNull: Bool { kind == .null }

    /// `an object`, `a string`… for error messages.
    public var typeName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    // MARK: - Parsing

    /// A problem in a JSON document: a message and the byte offset it concerns.
    public struct ParseError: Error, Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    /// Parses a whole document (a leading UTF-8 byte-order mark is skipped; trailing text is an error).
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        do throws(JSONScanError) {
            return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONScanError) -> JSONValue in
                var scanner = JSONScanner(buffer, position: buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
                let value = try read(&scanner, depth: 0)
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.error("unexpected text after the JSON value") }
                return value
            }
        } catch {
            throw ParseError(offset: error.offset, message: error.message)
        }
    }

    private static func read(_ s: inout JSONScanner, depth: Int) throws(JSONScanError) -> JSONValue {
        guard depth < maxDepth else { throw s.error("JSON nested deeper than \(maxDepth) levels") }
        let kind = try s.peekKind()
        let offset = s.position
        switch kind {
        case .object:
            var members: [(key: String, value: JSONValue)] = []
            try s.forEachMember { (inner: inout JSONScanner, key: Range<Int>) throws(JSONScanError) in
                let name = String(decoding: try inner.unescape(key), as: UTF8.self)
                members.append((name, try read(&inner, depth: depth + 1)))
            }
            return JSONValue(kind: .object(members), offset: offset)
        case .array:
            var elements: [JSONValue] = []
            try s.forEachElement { (inner: inout JSONScanner) throws(JSONScanError) in
                elements.append(try read(&inner, depth: depth + 1))
            }
            return JSONValue(kind: .array(elements), offset: offset)
        case .string:
            return JSONValue(kind: .string(try s.readString()), offset: offset)
        case .number:
            try s.skipValue()
            return JSONValue(kind: .number(s.string(offset..<s.position)), offset: offset)
        case .bool:
            let isTrue = s.bytes[s.position] == UInt8(ascii: "t")
            try s.skipValue()
            return JSONValue(kind: .bool(isTrue), offset: offset)
        case .null:
            try s.skipValue()
            return JSONValue(kind: .null, offset: offset)
        }
    }

    /// The 1-based line of byte `offset` in `bytes`.
    public static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes[..<min(max(offset, 0), bytes.count)] where byte == 0x0A { line += 1 }
        return line
    }
}
