import Foundation
import LineageGraph
import Testing
@testable import LineageHub

/// The 2024-07 crawl (GPL-3.0, tests only): every edge is an untyped `base_model:<id>` tag, so every
/// relation is inferred. On a deterministic sample (the first `linesPerFile` lines of each part), the
/// parser must type at least 85% of the edges; the edges themselves are counted here from the raw tags.
@Suite("Relation inference on the 2024-07 crawl")
struct CrawlTypedShareTests {
    static let parts = ["models-1.jsonl.gz", "models-2.jsonl.gz"].map { RealData.root + "/hub-2024-07/" + $0 }
    static let gzip = ["/bin/gzip", "/usr/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let linesPerFile = 40_000
    static let available = gzip != nil && FileManager.default.isExecutableFile(atPath: "/bin/sh") && parts.allSatisfy { RealData.exists($0) }

    /// The first `count` lines of a gzip file: `gzip -dc FILE | head -n COUNT` (head's exit stops gzip).
    static func head(_ path: String, lines count: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$1\" -dc \"$2\" | head -n \"$3\"", "sh", try #require(gzip), path, String(count)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(.enabled(if: available, "the hub-2024-07 crawl or gzip is absent"))
    func typedShareOfASample() throws {
        var sample = ""
        for part in Self.parts { sample += try Self.head(part, lines: Self.linesPerFile) }

        // Reference: distinct parents named by plain base_model tags, self-references left out.
        var expectedEdges = 0
        var typedBySource = 0
        for line in sample.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require((object["id"] ?? object["modelId"]) as? String).lowercased()
            var parents = Set<String>()
            for tag in object["tags"] as? [String] ?? [] where tag.hasPrefix("base_model:") {
                let rest = tag.dropFirst("base_model:".count)
                let parts = rest.split(separator: ":", maxSplits: 1)
                if parts.count == 2, ["finetune", "adapter", "quantized", "merge"].contains(String(parts[0])) { typedBySource += 1 }
                parents.insert(rest.lowercased())
            }
            parents.remove(id)
            expectedEdges += parents.count
        }
        #expect(typedBySource == 0, "the 2024 crawl has no typed base_model tags")
        #expect(expectedEdges > 5_000)

        let outcome = try parseText(sample)
        #expect(outcome.records.count == 2 * Self.linesPerFile)
        var byRelation: [Relation: Int] = [:]
        var byRule: [EdgeProvenance: Int] = [:]
        for record in outcome.records {
            for parent in record.parents ?? [] where parent.id.lowercased() != record.id.lowercased() {
                byRelation[parent.relation, default: 0] += 1
                byRule[parent.provenance, default: 0] += 1
            }
        }
        let edges = byRelation.values.reduce(0, +)
        #expect(edges == expectedEdges)
        #expect(byRule[.declared, default: 0] == 0)
        let typed = edges - byRelation[.unknown, default: 0]
        let share = Double(typed) / Double(max(edges, 1))
        print("Crawl sample: \(edges) edges, \(typed) typed (\(String(format: "%.1f", share * 100))%); by rule: "
              + byRule.sorted { $0.key < $1.key }.map { "\($0.key.name) \($0.value)" }.joined(separator: ", "))
        #expect(share >= 0.85)
        // Every rule fires on real data, and the default does not carry the whole sample.
        for rule in EdgeProvenance.allCases where ![.declared, .reupload, .otherInferred].contains(rule) {
            #expect(byRule[rule, default: 0] > 0, "\(rule.name) typed no edge of the sample")
        }
        #expect(Double(byRule[.defaultFinetune, default: 0]) < 0.75 * Double(edges))
    }
}
