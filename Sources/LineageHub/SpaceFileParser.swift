import LineageGraph

/// Reads Hub Space objects, one JSON object a line or a JSON array, into `SpaceRecord`s.
///
/// Fields read: `id` (or `spaceId`), `author`, `likes`, `createdAt`, `lastModified`, `sdk`, `models`
/// (a list of model ids, or of objects with an `id`). Everything else is skipped unread. Errors carry
/// `file:line`; with `skipInvalid` a malformed object is skipped and counted instead.
public struct SpaceFileParser: Sendable {
    public var skipInvalid: Bool
    /// Maximum number of skipped-record locations kept for the report.
    public var keptProblems = 5

    public init(skipInvalid: Bool = false) {
        self.skipInvalid = skipInvalid
    }

    /// Parses the file at `path`; `onBytes`, when given, sees every byte once (to hash while parsing).
    /// - Complexity: O(file size); the records are returned together (Space dumps are small next to model dumps).
    public func parse(
        path: String, onBytes: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) throws -> (records: [SpaceRecord], report: HubFileParser.Report) {
        let bytes = try HubFileParser.readWholeFile(path, onBytes: onBytes)
        return try parse(bytes: bytes, path: path)
    }

    /// Parses a document already in memory; `path` names it in errors.
    public func parse(bytes: [UInt8], path: String) throws -> (records: [SpaceRecord], report: HubFileParser.Report) {
        var report = HubFileParser.Report()
        report.bytes = Int64(bytes.count)
        var records: [SpaceRecord] = []
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        guard let start else { throw HubParseError(path: path, line: 0, message: "the file is empty") }
        try bytes.withUnsafeBufferPointer { buffer in
            var lines = LineCounter(bytes: buffer)
            if buffer[start] == UInt8(ascii: "[") {
                var scanner = JSONScanner(buffer, position: start)
                do {
                    try scanner.expect(UInt8(ascii: "["))
                    if !scanner.consume(UInt8(ascii: "]")) {
                        while true {
                            scanner.skipWhitespace()
                            let objectStart = scanner.position
                            let line = lines.line(at: objectStart)
                            do throws(JSONScanError) {
                                records.append(try Self.parseSpace(&scanner, line: line))
                                report.records += 1
                            } catch {
                                try problem(HubParseError(path: path, line: lines.line(at: error.offset), message: error.message), in: &report)
                                var skipper = JSONScanner(buffer, position: objectStart)
                                try skipper.skipValue()
                                scanner.position = skipper.position
                            }
                            if scanner.consume(UInt8(ascii: ",")) { continue }
                            try scanner.expect(UInt8(ascii: "]"))
                            break
                        }
                    }
                    scanner.skipWhitespace()
                    guard scanner.isAtEnd else { throw scanner.error("unexpected text after the array") }
                } catch let error as JSONScanError {
                    throw HubParseError(path: path, line: lines.line(at: error.offset), message: error.message)
                }
            } else {
                var lineStart = 0
                var lineNumber = 0
                while lineStart < buffer.count {
                    lineNumber += 1
                    var lineEnd = lineStart
                    while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                    var first = lineStart
                    if lineNumber == 1, buffer[first...].starts(with: [0xEF, 0xBB, 0xBF]) { first += 3 }
                    var scanner = JSONScanner(UnsafeBufferPointer(rebasing: buffer[first..<lineEnd]))
                    scanner.skipWhitespace()
                    if !scanner.isAtEnd {
                        do throws(JSONScanError) {
                            let record = try Self.parseSpace(&scanner, line: lineNumber)
                            scanner.skipWhitespace()
                            guard scanner.isAtEnd else { throw scanner.error("unexpected text after the object") }
                            records.append(record)
                            report.records += 1
                        } catch {
                            try problem(HubParseError(path: path, line: lineNumber, message: error.message), in: &report)
                        }
                    }
                    lineStart = lineEnd + 1
                }
            }
        }
        return (records, report)
    }

    private func problem(_ error: HubParseError, in report: inout HubFileParser.Report) throws {
        guard skipInvalid else { throw error }
        report.skipped += 1
        if report.problems.count < keptProblems { report.problems.append(error) }
    }

    // MARK: - One object

    /// Parses the Space object at `scanner.position`.
    static func parseSpace(_ s: inout JSONScanner, line: Int) throws(JSONScanError) -> SpaceRecord {
        guard try s.peekKind() == .object else { throw s.wrongType(field: "record", expected: "a JSON object") }
        let objectStart = s.position
        var record = SpaceRecord(id: "", line: line)
        var id: String?
        var seen = Set<String>()
        try s.forEachMember { (s: inout JSONScanner, key: Range<Int>) throws(JSONScanError) in
            switch s.string(key) {
            case "id", "spaceId":
                let value = try s.readOptionalString(field: "id")
                if id == nil || s.string(key) == "id" { id = value }
            case "author": record.author = try s.readOptionalString(field: "author")
            case "likes": record.likes = try s.readOptionalCount(field: "likes")
            case "sdk": record.sdk = try s.readOptionalString(field: "sdk")
            case "createdAt": record.createdAt = try s.readTimestamp(field: "createdAt")
            case "lastModified": record.lastModified = try s.readTimestamp(field: "lastModified")
            case "models":
                if try s.consumeNull() { return }
                guard try s.peekKind() == .array else { throw s.wrongType(field: "models", expected: "a list of model ids") }
                try s.forEachElement { (s: inout JSONScanner) throws(JSONScanError) in
                    var model: String?
                    switch try s.peekKind() {
                    case .string: model = try s.readString()
                    case .object:
                        try s.forEachMember { (s: inout JSONScanner, key: Range<Int>) throws(JSONScanError) in
                            if s.matches(key, "id") { model = try s.readOptionalString(field: "models[].id") } else { try s.skipValue() }
                        }
                    case .null: try s.skipValue()
                    default: throw s.wrongType(field: "models[]", expected: "a model id")
                    }
                    if let model, let problem = HubID.problem(model, field: "model id") {
                        throw JSONScanError(offset: s.position, message: "\"models\": " + problem)
                    }
                    if let model, let normalized = HubID.normalize(model), seen.insert(HubID.key(normalized)).inserted {
                        record.models.append(normalized)
                    }
                }
            default: try s.skipValue()
            }
        }
        guard let id, let normalized = HubID.normalize(id) else {
            throw JSONScanError(offset: objectStart, message: "the Space object has no \"id\"")
        }
        if let problem = HubID.problem(normalized, field: "Space id") { throw JSONScanError(offset: objectStart, message: problem) }
        guard normalized.contains("/") else {
            throw JSONScanError(offset: objectStart, message: "Space id \(MessageText.quote(normalized)) is not owner/name")
        }
        record.id = normalized
        if record.author == nil { record.author = HubID.namespace(of: normalized).map(String.init) }
        return record
    }

}
