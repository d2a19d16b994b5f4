#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files into batches of `ModelRecord`s, streaming JSON lines so memory stays bounded.
/// Every format may also come gzip-compressed (detected by its bytes); see `InputFile`.
///
/// Errors carry `file:line`. With `skipInvalid`, a malformed record is skipped and counted instead.
public struct HubFileParser: Sendable {
    public var skipInvalid: Bool
    /// Records per batch handed to the consumer.
    public var batchSize: Int
    /// Maximum number of skipped-record locations kept for the report.
    public var keptProblems = 5

    public init(skipInvalid: Bool = false, batchSize: Int = 4096) {
        self.skipInvalid = skipInvalid
        self.batchSize = batchSize
    }

    /// What a parse saw.
    public struct Report: Sendable, Equatable {
        public var records = 0
        public var skipped = 0
        /// The first few skipped records' problems.
        public var problems: [HubParseError] = []
        /// Bytes read from the file as stored (compressed, for a gzip file).
        public var bytes: Int64 = 0

        public init() {}
    }

    // MARK: - Entry point

    /// Parses `path` in `format`, handing records to `consume` in batches and progress (bytes read) to `progress`.
    /// `onBytes`, when given, sees every byte of the file once, in order (to hash it while parsing).
    public func parse(
        path: String,
        format: InputFormat,
        onBytes: ((UnsafeRawBufferPointer) -> Void)? = nil,
        progress: (Int64) -> Void = { _ in },
        consume: ([ModelRecord]) throws -> Void
    ) throws -> Report {
        switch format {
        case .hubJSON:
            return try parseHubJSON(path: path, onBytes: onBytes, progress: progress, consume: consume)
        case .edgeCSV, .nodeCSV, .listModelsCSV, .weeklyCSV, .weeklyDeletionsCSV:
            let file = try InputFile(path: path)
            file.onChunk = onBytes
            let bytes = try file.readAll()
            progress(file.bytesRead)
            var report = Report()
            report.bytes = file.bytesRead
            let records: [ModelRecord]
            switch format {
            case .edgeCSV: records = try CSVFormats.parseEdgeList(bytes, path: path, parser: self, report: &report).records
            case .nodeCSV: records = try CSVFormats.parseNodeList(bytes, path: path, parser: self, report: &report)
            case .weeklyCSV, .weeklyDeletionsCSV: records = try CSVFormats.parseWeekly(bytes, path: path, parser: self, report: &report)
            default: records = try CSVFormats.parseListModels(bytes, path: path, parser: self, report: &report)
            }
            report.records = records.count
            var start = 0
            while start < records.count {
                let end = min(start + max(batchSize, 1), records.count) // batchSize 0 would loop forever
                try consume(Array(records[start..<end]))
                start = end
            }
            return report
        case .spaceJSON, .cycloneDX:
            throw HubParseError(path: path, line: 0, message: "\(format) files hold Spaces or projects, not models; read them with SpaceFileParser or CycloneDXParser")
        }
    }

    /// Records a skippable problem, or throws it when skipping was not asked for.
    func problem(_ error: HubParseError, in report: inout Report) throws {
        guard skipInvalid else { throw error }
        report.skipped += 1
        if report.problems.count < keptProblems { report.problems.append(error) }
    }

    // MARK: - JSON

    private func parseHubJSON(
        path: String, onBytes: ((UnsafeRawBufferPointer) -> Void)?, progress: (Int64) -> Void,
        consume: ([ModelRecord]) throws -> Void
    ) throws -> Report {
        let file = try InputFile(path: path)
        file.onChunk = onBytes
        var report = Report()
        var batch: [ModelRecord] = []
        batch.reserveCapacity(batchSize)
        let firstBytes = try file.peek(64 * 1024)
        let start = firstBytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
        guard let start else {
            throw HubParseError(path: path, line: 0, message: "the file is empty")
        }
        if firstBytes[start] == UInt8(ascii: "[") {
            // A JSON array: API pages are small, so it is read whole.
            let whole = try InputFile(path: path)
            whole.onChunk = onBytes
            var all = try whole.readAll()
            report.bytes = whole.bytesRead
            try all.withUnsafeMutableBufferPointer { buffer in
                try parseJSONArray(UnsafeBufferPointer(buffer), path: path, report: &report, batch: &batch, consume: consume)
            }
            progress(report.bytes)
        } else {
            var lineNumber = 0
            try file.forEachLine { line, bytesDone in
                lineNumber += 1
                if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) {
                    try parseJSONLine(UnsafeBufferPointer(rebasing: line[3...]), lineNumber: lineNumber, path: path, report: &report, batch: &batch)
                } else {
                    try parseJSONLine(line, lineNumber: lineNumber, path: path, report: &report, batch: &batch)
                }
                if batch.count >= batchSize {
                    try consume(batch)
                    batch.removeAll(keepingCapacity: true)
                    progress(bytesDone)
                }
            }
            report.bytes = file.bytesRead
            progress(report.bytes)
        }
        if !batch.isEmpty { try consume(batch) }
        return report
    }

    func parseJSONLine(
        _ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, path: String,
        report: inout Report, batch: inout [ModelRecord]
    ) throws {
        var scanner = JSONScanner(line)
        scanner.skipWhitespace()
        if scanner.isAtEnd { return }
        do throws(JSONScanError) {
            guard try scanner.peekKind() == .object else {
                throw scanner.wrongType(field: "record", expected: "a JSON object")
            }
            let record = try HubModelJSONParser.parseModel(&scanner, line: lineNumber)
            scanner.skipWhitespace()
            guard scanner.isAtEnd else { throw scanner.error("unexpected text after the object") }
            batch.append(record)
            report.records += 1
        } catch {
            try problem(HubParseError(path: path, line: lineNumber, message: error.message), in: &report)
        }
    }

    func parseJSONArray(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, report: inout Report,
        batch: inout [ModelRecord], consume: ([ModelRecord]) throws -> Void
    ) throws {
        var scanner = JSONScanner(bytes)
        var lineCounter = LineCounter(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.position = 3 }
        do {
            try scanner.expect(UInt8(ascii: "["))
            if scanner.consume(UInt8(ascii: "]")) { return }
            while true {
                scanner.skipWhitespace()
                let objectStart = scanner.position
                let line = lineCounter.line(at: objectStart)
                do throws(JSONScanError) {
                    guard try scanner.peekKind() == .object else { throw scanner.wrongType(field: "record", expected: "a JSON object") }
                    batch.append(try HubModelJSONParser.parseModel(&scanner, line: line))
                    report.records += 1
                } catch {
                    // A bad record inside an array: skip to its end if it is at least well-formed JSON.
                    try problem(HubParseError(path: path, line: lineCounter.line(at: error.offset), message: error.message), in: &report)
                    var skipper = JSONScanner(bytes, position: objectStart)
                    try skipper.skipValue()
                    scanner.position = skipper.position
                }
                if batch.count >= batchSize {
                    try consume(batch)
                    batch.removeAll(keepingCapacity: true)
                }
                if scanner.consume(UInt8(ascii: ",")) { continue }
                try scanner.expect(UInt8(ascii: "]"))
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.error("unexpected text after the array") }
                return
            }
        } catch let error as JSONScanError {
            // Structural damage (a truncated array) cannot be skipped.
            throw HubParseError(path: path, line: lineCounter.line(at: error.offset), message: error.message)
        }
    }

    // MARK: - Files

    /// The whole file, decompressed when it is gzip; `onBytes` sees the bytes as stored.
    static func readWholeFile(_ path: String, onBytes: ((UnsafeRawBufferPointer) -> Void)? = nil) throws -> [UInt8] {
        let file = try InputFile(path: path)
        file.onChunk = onBytes
        return try file.readAll()
    }
}

/// Maps byte offsets to 1-based line numbers, for offsets visited in increasing order.
struct LineCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func line(at target: Int) -> Int {
        if target < offset { offset = 0; line = 1 }
        let end = min(target, bytes.count)
        while offset < end {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        return line
    }
}
