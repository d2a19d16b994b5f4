import CZlib
import Foundation
import Testing
@testable import LineageHub

/// The 2024-07 crawl's gzip files as users have them, checked against a reference read with zlib's own
/// `gzread` and Foundation's JSON parser (not Lineage's streaming reader and scanner).
@Suite("Real Hub data: gzip")
struct GzipRealDataTests {
    static let modelDetails = RealData.root + "/hub-2024-07/model-details.jsonl.gz"

    /// The whole decompressed file through zlib's gz* interface.
    static func gunzipReference(_ path: String) throws -> [UInt8] {
        let file = try #require(gzopen(path, "rb"), "gzopen \(path)")
        defer { gzclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            try #require(n >= 0, "gzread failed")
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<Int(n)])
        }
        return result
    }

    @Test(.enabled(if: RealData.exists(modelDetails), "needs ../shared/hubdata/hub-2024-07"))
    func modelDetailsMatchesTheReference() throws {
        let path = Self.modelDetails
        let reference = try Self.gunzipReference(path)
        let objects = try reference.split(separator: 0x0A).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
        #expect(objects.count == 4_380)

        // The last line is no model but a networkx graph dump ({"directed": true, "nodes": …}): it is
        // refused with its line, and skipped with --skip-invalid.
        let models = objects.filter { $0["id"] is String }
        #expect(models.count == 4_379)
        #expect(objects.last?["nodes"] != nil)

        #expect(InputFormat.detect(prefix: try InputFormat.contentPrefix(ofFile: path)) == .hubJSON)
        let strict = try #require(parseErrorOf { _ = try parseFile(path) })
        #expect(strict.description == "\(path):4380: missing \"id\" (or \"modelId\")")
        let outcome = try parseFile(path, skipInvalid: true)
        #expect(outcome.report.skipped == 1)
        #expect(outcome.report.problems.map(\.line) == [4_380])
        #expect(outcome.records.map(\.id) == models.map { $0["id"] as! String })
        #expect(outcome.records.map(\.author) == models.map { $0["author"] as? String })
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
        #expect(outcome.report.bytes == size?.int64Value)
    }
}
