import Foundation
import LineageGraph
@testable import LineageHub
import LineageTestSupport
import Testing

/// gzip input: every format reads the same compressed as plain, gzip is known by its bytes, and damaged
/// gzip is refused with the file's name and the byte offset of the damage.
@Suite("gzip input")
struct GzipInputTests {
    private func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.path(name))))
    }

    /// Writes `bytes` under `name`, runs `body` on the path and removes the file.
    private func withFile(_ bytes: [UInt8], name: String, _ body: (String) throws -> Void) throws {
        let path = try Scratch.write(bytes, name: name)
        defer { Scratch.remove(path) }
        return try body(path)
    }

    /// The error `body` throws, checking that it is a `HubParseError` naming `path` at a byte offset.
    private func damage(at path: String, _ body: () throws -> Void) throws -> (message: String, offset: Int64) {
        let thrown = parseErrorOf(body)
        let error = try #require(thrown)
        #expect(error.path == path)
        let offset = try #require(error.byteOffset, "\(error)")
        #expect(error.description == "\(path): byte \(offset): \(error.message)")
        return (error.message, offset)
    }

    // MARK: - Same records as plain

    @Test(arguments: [
        ("hub-stats-excerpt.jsonl", InputFormat.hubJSON), ("edges.csv", .edgeCSV), ("nodes.csv", .nodeCSV),
        ("list-models.csv", .listModelsCSV),
    ])
    func modelFormatsParseTheSameCompressed(_ name: String, _ format: InputFormat) throws {
        let plain = try fixtureBytes(name)
        let gzip = GzipTestData.compress(plain)
        let expected = try parseFile(Fixture.path(name), format: format, batchSize: 8)
        #expect(!expected.records.isEmpty)
        // Named as users name them, and with a name that says nothing: the bytes decide.
        for scratchName in [name + ".gz", "download.bin"] {
            try withFile(gzip, name: scratchName) { (path) throws in
                #expect(InputFormat.detect(prefix: try InputFormat.contentPrefix(ofFile: path)) == format)
                #expect(try InputFormat.isGzip(path: path))
                let outcome = try parseFile(path, format: format, batchSize: 8)
                #expect(outcome.records == expected.records)
                #expect(outcome.batches == expected.batches)
                // Bytes and progress are the file's as stored (compressed).
                #expect(outcome.report.bytes == Int64(gzip.count))
                #expect(outcome.progress.last == Int64(gzip.count))
                #expect(outcome.progress == outcome.progress.sorted())
            }
        }
    }

    @Test func hubJSONArrayParsesTheSameCompressed() throws {
        let lines = try String(decoding: fixtureBytes("hub-stats-excerpt.jsonl"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let array = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
        let expected = try parseText(array, name: "page.json")
        #expect(expected.records.count == 29)
        try withFile(GzipTestData.compress(array), name: "page.json.gz") { (path) throws in
            #expect(InputFormat.detect(prefix: try InputFormat.contentPrefix(ofFile: path)) == .hubJSON)
            #expect(try parseFile(path).records == expected.records)
        }
    }

    @Test(arguments: ["spaces.jsonl", "spaces-array.json"])
    func spacesParseTheSameCompressed(_ name: String) throws {
        let expected = try SpaceFileParser().parse(path: Fixture.path(name))
        #expect(!expected.records.isEmpty)
        try withFile(GzipTestData.compress(try fixtureBytes(name)), name: name + ".gz") { (path) throws in
            #expect(InputFormat.detect(prefix: try InputFormat.contentPrefix(ofFile: path)) == .spaceJSON)
            let outcome = try SpaceFileParser().parse(path: path)
            #expect(outcome.records == expected.records)
        }
    }

    @Test func cycloneDXParsesTheSameCompressed() throws {
        let expected = try CycloneDXParser.parse(path: Fixture.path("product.cdx.json"))
        let gzip = GzipTestData.compress(try fixtureBytes("product.cdx.json"))
        try withFile(gzip, name: "product.cdx.json.gz") { (path) throws in
            #expect(InputFormat.detect(prefix: try InputFormat.contentPrefix(ofFile: path)) == .cycloneDX)
            var seen: [UInt8] = []
            let project = try CycloneDXParser.parse(path: path) { seen.append(contentsOf: $0) }
            #expect(project.name == expected.name)
            #expect(project.uses == expected.uses)
            #expect(project.unidentified == expected.unidentified)
            // The bytes shown for hashing are the file's as stored.
            #expect(seen == gzip)
        }
    }

    @Test func plainFileNamedGzIsReadAsPlain() throws {
        let plain = try fixtureBytes("hub-stats-excerpt.jsonl")
        try withFile(plain, name: "not-really.jsonl.gz") { (path) throws in
            #expect(try !InputFormat.isGzip(path: path))
            #expect(try parseFile(path).records.count == 29)
        }
    }

    @Test func hashSeesTheCompressedBytesInOrder() throws {
        let gzip = GzipTestData.compress(try fixtureBytes("hub-stats-excerpt.jsonl"))
        try withFile(gzip, name: "models.jsonl.gz") { (path) throws in
            var seen: [UInt8] = []
            _ = try HubFileParser().parse(path: path, format: .hubJSON, onBytes: { seen.append(contentsOf: $0) }) { _ in }
            #expect(seen == gzip)
        }
    }

    // MARK: - Members and streaming

    @Test func concatenatedMembersReadAsOneFile() throws {
        let plain = try fixtureBytes("hub-stats-excerpt.jsonl")
        let expected = try parseFile(Fixture.path("hub-stats-excerpt.jsonl"))
        // Cuts inside lines and inside UTF-8 sequences, and an empty member.
        for cuts in [[1], [100, 100, 2_000], [plain.count / 3, 2 * plain.count / 3], Array(stride(from: 7, to: plain.count, by: 997))] {
            let gzip = GzipTestData.members(plain, cuts: cuts)
            try withFile(gzip, name: "members.jsonl.gz") { (path) throws in
                let outcome = try parseFile(path)
                #expect(outcome.records == expected.records, "cuts \(cuts)")
                #expect(outcome.report.bytes == Int64(gzip.count))
            }
        }
        // Members of CSV too (read whole).
        let edges = try fixtureBytes("edges.csv")
        try withFile(GzipTestData.members(edges, cuts: [10, 50]), name: "edges.csv.gz") { (path) throws in
            #expect(try parseFile(path, format: .edgeCSV).records == parseFile(Fixture.path("edges.csv"), format: .edgeCSV).records)
        }
    }

    @Test func largeFileStreamsLineByLine() throws {
        // 60,000 lines (~3.4 MB) compress to a few KB; a line straddles every read.
        var text = ""
        for i in 0..<60_000 { text += #"{"id": "org/model-\#(i)", "downloads": \#(i), "tags": ["base_model:org/model-\#(i / 2)"]}"# + "\n" }
        let gzip = GzipTestData.members(Array(text.utf8), cuts: [1_000_000, 2_000_001])
        try withFile(gzip, name: "big.jsonl.gz") { (path) throws in
            let outcome = try parseFile(path, batchSize: 4096)
            #expect(outcome.records.count == 60_000)
            #expect(outcome.records.last?.id == "org/model-59999")
            #expect(outcome.records.last?.line == 60_000)
            #expect(outcome.records[1235].parents == [P("org/model-617", .finetune, .defaultFinetune)])  // untyped: inferred
            #expect(outcome.report.bytes == Int64(gzip.count))
        }
    }

    @Test func badRecordInsideGzipNamesTheLine() throws {
        let text = #"{"id": "a/b"}"# + "\n" + #"{"id": "c/d", "downloads": "many"}"# + "\n"
        try withFile(GzipTestData.compress(text), name: "bad.jsonl.gz") { (path) throws in
            let error = try #require(parseErrorOf { _ = try parseFile(path) })
            #expect(error.description == "\(path):2: \"downloads\" must be a number, found a string")
        }
    }

    // MARK: - Damage

    @Test func truncatedFileIsRefusedAtItsEnd() throws {
        let gzip = GzipTestData.compress(try fixtureBytes("hub-stats-excerpt.jsonl"))
        for length in [2, 5, 10, 11, gzip.count / 2, gzip.count - 8, gzip.count - 1] {
            for format in [InputFormat.hubJSON, .edgeCSV] {
                try withFile(Array(gzip[0..<length]), name: "cut.jsonl.gz") { (path) throws in
                    let (message, offset) = try damage(at: path) { _ = try parseFile(path, format: format) }
                    #expect(message.contains("truncated"), "\(message)")
                    #expect(message.contains("member that starts at byte 0"))
                    #expect(offset == Int64(length))
                }
            }
        }
        // The second member cut: its start is named.
        let plain = try fixtureBytes("edges.csv")
        let first = GzipTestData.compress(Array(plain[0..<40]))
        let both = GzipTestData.members(plain, cuts: [40])
        try withFile(Array(both.dropLast(3)), name: "edges.csv.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path, format: .edgeCSV) }
            #expect(message.contains("member that starts at byte \(first.count)"))
            #expect(offset == Int64(both.count - 3))
        }
    }

    @Test func crcAndLengthMismatchesAreRefused() throws {
        let gzip = GzipTestData.compress(try fixtureBytes("hub-stats-excerpt.jsonl"))
        var badCRC = gzip
        badCRC[gzip.count - 8] ^= 0x01
        try withFile(badCRC, name: "crc.jsonl.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
            #expect(message.contains("CRC-32 mismatch"), "\(message)")
            #expect((Int64(gzip.count - 8)...Int64(gzip.count)).contains(offset))
        }
        var badLength = gzip
        badLength[gzip.count - 1] ^= 0x40
        try withFile(badLength, name: "length.jsonl.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
            #expect(message.contains("length mismatch"), "\(message)")
            #expect(offset == Int64(gzip.count))
        }
    }

    @Test func badDeflateDataIsRefused() throws {
        var gzip = GzipTestData.compress(try fixtureBytes("hub-stats-excerpt.jsonl"))
        gzip[10] |= 0x06  // the first block's type becomes 3, which does not exist
        try withFile(gzip, name: "block.jsonl.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
            #expect(message == "corrupt gzip data: invalid block type")
            #expect((10...12).contains(offset))
        }
    }

    @Test func magicBytesWithoutGzipAreRefused() throws {
        let notGzip: [UInt8] = [0x1F, 0x8B] + Array(#"{"id": "a/b"}"#.utf8) + [0x0A]
        try withFile(notGzip, name: "looks-like.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
            #expect(message.hasPrefix("not a valid gzip header"), "\(message)")
            #expect(offset <= 4)
            // Detection sees the damage too, rather than guessing a format.
            let detection = try #require(parseErrorOf { _ = try InputFormat.contentPrefix(ofFile: path) })
            #expect(detection.byteOffset == offset)
        }
        try withFile([0x1F, 0x8B], name: "magic-only.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
            #expect(message.contains("truncated"))
            #expect(offset == 2)
        }
        // A zlib (not gzip) stream is not accepted either: only the gzip wrapper is.
        let zlibStream: [UInt8] = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]
        try withFile(zlibStream, name: "z.jsonl") { (path) throws in
            #expect(try !InputFormat.isGzip(path: path))
        }
    }

    @Test func trailingGarbageIsRefused() throws {
        let gzip = GzipTestData.compress(try fixtureBytes("hub-stats-excerpt.jsonl"))
        for tail in [[0x00] as [UInt8], Array("junk\n".utf8), [0x1F]] {
            try withFile(gzip + tail, name: "tail.jsonl.gz") { (path) throws in
                let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
                #expect(message.contains("trailing garbage"), "\(message)")
                #expect(offset == Int64(gzip.count))
            }
        }
        // A tail that starts like a member is read as one, and found truncated.
        try withFile(gzip + [0x1F, 0x8B, 0x08], name: "tail.jsonl.gz") { (path) throws in
            let (message, offset) = try damage(at: path) { _ = try parseFile(path) }
            #expect(message.contains("member that starts at byte \(gzip.count)"))
            #expect(offset == Int64(gzip.count + 3))
        }
    }

    // MARK: - Fuzz

    /// Random truncations and bit flips of small gzip files, read through every path (detection, line
    /// streaming, whole-file CSV, Spaces, BOM): an error or records, never a crash or a hang.
    @Test func damagedGzipNeverCrashes() throws {
        var random = SplitMix64(seed: 0x6A09_E667_F3BC_C908)
        let inputs: [(bytes: [UInt8], format: InputFormat)] = [
            (GzipTestData.compress(try fixtureBytes("hub-stats-excerpt.jsonl")), .hubJSON),
            (GzipTestData.members(try fixtureBytes("edges.csv"), cuts: [30]), .edgeCSV),
            (GzipTestData.compress(try fixtureBytes("spaces.jsonl")), .spaceJSON),
            (GzipTestData.compress(try fixtureBytes("product.cdx.json")), .cycloneDX),
        ]
        var refused = 0
        var read = 0
        for round in 0..<400 {
            let (original, format) = inputs[round % inputs.count]
            var bytes = original
            switch random.next() % 3 {
            case 0:
                bytes.removeSubrange(Int(random.next() % UInt64(bytes.count))...)
            case 1:
                for _ in 0...(random.next() % 3) {
                    bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(1 << (random.next() % 8))
                }
            default:
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
                bytes.removeSubrange(Int(random.next() % UInt64(bytes.count))...)
            }
            let path = try Scratch.write(bytes, name: "fuzz.gz")
            defer { Scratch.remove(path) }
            do {
                _ = InputFormat.detect(prefix: try InputFormat.contentPrefix(ofFile: path))
                switch format {
                case .spaceJSON: _ = try SpaceFileParser().parse(path: path)
                case .cycloneDX: _ = try CycloneDXParser.parse(path: path)
                default: _ = try parseFile(path, format: format)
                }
                read += 1
            } catch let error as HubParseError {
                #expect(error.path == path)
                refused += 1
            }
        }
        // Most damage is caught (a flip in the header's time or OS byte is harmless, so not all).
        #expect(refused > 300)
        #expect(refused + read == 400)
    }
}

/// A small seeded generator (SplitMix64), so a failing fuzz round can be replayed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
