import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Ingesting gzip files: the same store as the plain files, the content hash over the bytes as stored,
/// several files in one ingest, and a damaged file refused with nothing written.
@Suite("Ingest gzip files")
struct GzipIngestTests {
    let directory = TemporaryDirectory()

    func writeBytes(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory.file(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func gzipCopy(of path: String, as name: String) throws -> String {
        writeBytes(name, GzipTestData.compress(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    /// What two stores must agree on, apart from file names and hashes.
    func contents(_ store: LineageStore) throws -> [String] {
        let stats = try store.statistics()
        let data = try store.graphData()
        let downstream = data.downstream.nodes.map { "\($0.kind):\($0.name)" }.sorted()
        return try edgeList(store) + downstream + [
            "models \(stats.models)", "external \(stats.externalParents)", "papers \(stats.papers)",
            "uses \(data.downstream.useCount)", "snapshots \(stats.snapshots.map(\.records))",
        ]
    }

    @Test func everyFormatIngestsTheSameCompressed() throws {
        let models = directory.write("models.jsonl", DownstreamFixture.models.joined(separator: "\n") + "\n")
        let plain = [
            models, DownstreamFixture.hubFixture("spaces.jsonl"), DownstreamFixture.hubFixture("product.cdx.json"),
            DownstreamFixture.hubFixture("euroapp.cdx.json"),
        ]
        let compressed = try plain.enumerated().map { try gzipCopy(of: $1, as: "input-\($0).gz") }
        let plainStore = try LineageStore.openOrCreate(path: directory.file("plain.sqlite"))
        let gzipStore = try LineageStore.openOrCreate(path: directory.file("gzip.sqlite"))
        let plainResult = try Ingestor().ingest(paths: plain, into: plainStore)
        let gzipResult = try Ingestor().ingest(paths: compressed, into: gzipStore)
        #expect(gzipResult.inputs.map(\.format) == plainResult.inputs.map(\.format))
        #expect(gzipResult.inputs.map(\.format) == [.hubJSON, .spaceJSON, .cycloneDX, .cycloneDX])
        #expect(try contents(gzipStore) == contents(plainStore))
        // The content hash is the SHA-256 of each file as stored (compressed), so re-ingesting is a no-op.
        let hashes = try gzipStore.statistics().snapshots.map(\.sha256)
        #expect(hashes == (try compressed.map { try FileDigest.sha256(path: $0).hex }))
        let again = try Ingestor().ingest(paths: compressed, into: gzipStore)
        #expect(again.inputs.allSatisfy { $0.alreadyIngestedAs != nil })
    }

    @Test func edgeAndNodeListsCompressedAreJoined() throws {
        let edges = try gzipCopy(of: DownstreamFixture.hubFixture("edges.csv"), as: "edges.csv.gz")
        let nodes = try gzipCopy(of: DownstreamFixture.hubFixture("nodes.csv"), as: "nodes.csv.gz")
        let store = try LineageStore.openOrCreate(path: directory.file("csv.sqlite"))
        let result = try Ingestor().ingest(paths: [edges, nodes], into: store)
        #expect(result.inputs.count == 1)
        #expect(result.inputs.first?.format == .edgeCSV)
        let reference = try LineageStore.openOrCreate(path: directory.file("csv-plain.sqlite"))
        _ = try Ingestor().ingest(paths: [DownstreamFixture.hubFixture("edges.csv"), DownstreamFixture.hubFixture("nodes.csv")], into: reference)
        #expect(try contents(store) == contents(reference))
    }

    @Test func twoPartsInOneIngestMakeOneGraph() throws {
        // A dump split in two gzip files, a parent in one part and its child in the other.
        let lines = DownstreamFixture.models
        let part1 = writeBytes("models-1.jsonl.gz", GzipTestData.compress(lines[0..<5].joined(separator: "\n") + "\n"))
        let part2 = writeBytes("models-2.jsonl.gz", GzipTestData.compress(lines[5...].joined(separator: "\n") + "\n"))
        let store = try LineageStore.openOrCreate(path: directory.file("parts.sqlite"))
        let result = try Ingestor().ingest(paths: [part1, part2], into: store)
        #expect(result.records == lines.count)
        let whole = directory.write("whole.jsonl", lines.joined(separator: "\n") + "\n")
        let reference = try LineageStore.openOrCreate(path: directory.file("whole.sqlite"))
        _ = try Ingestor().ingest(paths: [whole], into: reference)
        #expect(try edgeList(store) == edgeList(reference))
        #expect(try store.statistics().models == reference.statistics().models)
        #expect(try store.statistics().externalParents == 0)
    }

    @Test func truncatedGzipFailsWithItsOffsetAndWritesNothing() throws {
        let store = try LineageStore.openOrCreate(path: directory.file("store.sqlite"))
        _ = try Ingestor().ingest(paths: [directory.write("good.jsonl", hubLine("a/A") + "\n")], into: store)
        let before = try store.statistics()
        let beforeEdges = try edgeList(store)

        // Big enough that the good first half is parsed and written in batches before the damage is met.
        var text = ""
        for i in 0..<20_000 { text += hubLine("org/m\(i)", relation: i > 0 ? "finetune" : nil, parents: i > 0 ? ["org/m\(i - 1)"] : []) + "\n" }
        let gzip = GzipTestData.compress(text)
        let cut = gzip.count - 100
        let truncated = writeBytes("models.jsonl.gz", Array(gzip[0..<cut]))
        let good = writeBytes("other.jsonl.gz", GzipTestData.compress(hubLine("b/B") + "\n"))
        #expect {
            try Ingestor().ingest(paths: [good, truncated], into: store)
        } throws: { error in
            "\(error)" == "\(truncated): byte \(cut): gzip data is truncated: the file ends inside the member that starts at byte 0"
        }
        #expect(try store.statistics() == before)
        #expect(try edgeList(store) == beforeEdges)

        // Corrupt data (a flipped CRC) the same way.
        var badCRC = gzip
        badCRC[gzip.count - 8] ^= 0xFF
        let corrupt = writeBytes("crc.jsonl.gz", badCRC)
        #expect {
            try Ingestor().ingest(paths: [corrupt], into: store)
        } throws: { "\($0)".hasPrefix("\(corrupt): byte ") && "\($0)".contains("CRC-32 mismatch") }
        #expect(try store.statistics() == before)
    }

    /// Like an empty plain file (README, Bad input): skipped with a note, no error.
    @Test func emptyGzipIsSkippedAsEmpty() throws {
        let store = try LineageStore.openOrCreate(path: directory.file("store.sqlite"))
        let empty = writeBytes("empty.jsonl.gz", GzipTestData.compress([UInt8]()))
        let result = try Ingestor().ingest(paths: [empty], into: store)
        #expect(result.emptyFiles == [empty])
        #expect(result.inputs.isEmpty)
    }
}
