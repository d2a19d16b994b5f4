import Foundation
import LineageGraph
import Testing
@testable import LineageHub

/// The real Hub metadata shared beside the repository (`../shared/hubdata`, or `$LINEAGE_HUBDATA`).
///
/// These files are read in place and never copied into the repository (two of them carry no license).
/// When a file is absent its test is skipped: Swift Testing lists it as skipped with the comment below.
enum RealData {
    static let root: String = {
        if let path = ProcessInfo.processInfo.environment["LINEAGE_HUBDATA"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/hubdata").standardizedFileURL.path
    }()

    static let hubStats = root + "/hub-stats-2026/models.jsonl"
    static let depEdges = root + "/dep-network-2025-06/edges.csv"
    static let depModels = root + "/dep-network-2025-06/models.csv"
    static let topModels = root + "/top-models-2024-09/models.csv"

    static func exists(_ path: String) -> Bool {
        let found = FileManager.default.fileExists(atPath: path)
        if !found { print("RealDataTests: \(path) is absent; its test is skipped") }
        return found
    }

    static func lines(_ path: String) throws -> [Substring] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // Swift treats "\r\n" as one Character, so this splits LF and CRLF files alike.
        return text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
    }
}

private func relationNamed(_ name: String) -> Relation? {
    switch name {
    case "finetune", "finetuned": .finetune
    case "merge", "merged": .merge
    case "quantized": .quantized
    case "adapter": .adapter
    default: nil
    }
}

/// Distinct (child, parent) edges per relation, self-loops left out, ids compared case-insensitively.
private func edgeCounts(_ records: [ModelRecord]) -> (byRelation: [Relation: Int], selfLoops: Int) {
    var seen = Set<String>()
    var byRelation: [Relation: Int] = [:]
    var selfLoops = 0
    for record in records {
        for parent in record.parents ?? [] {
            let child = HubID.key(record.id), key = HubID.key(parent.id)
            if child == key { selfLoops += 1; continue }
            if seen.insert(child + "\u{0}" + key).inserted { byRelation[parent.relation, default: 0] += 1 }
        }
    }
    return (byRelation, selfLoops)
}

private func parseAll(_ path: String, _ format: InputFormat) throws -> ParseOutcome {
    let prefix = try #require(FileHandle(forReadingAtPath: path)?.readData(ofLength: 8192))
    #expect(InputFormat.detect(prefix: prefix) == format, "detected format of \(path)")
    let outcome = try parseFile(path, format: format)
    #expect(outcome.report.skipped == 0)
    #expect(outcome.report.problems.isEmpty)
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
    #expect(outcome.report.bytes == size?.int64Value)
    return outcome
}

@Suite("Real Hub data")
struct RealDataTests {
    // MARK: hub-stats-2026

    /// Compares the streaming parser with Foundation's JSONSerialization, row by row and in aggregate.
    @Test(.enabled(if: RealData.exists(RealData.hubStats), "hub-stats-2026/models.jsonl is absent"))
    func hubStats() throws {
        let outcome = try parseAll(RealData.hubStats, .hubJSON)
        let records = outcome.records
        let lines = try RealData.lines(RealData.hubStats)

        let dates = DateFormatter()
        dates.locale = Locale(identifier: "en_US_POSIX")
        dates.timeZone = TimeZone(identifier: "UTC")
        dates.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"

        var naive: [ModelRecord] = []
        var baseModelRows: [String: Int] = [:]
        var rowsWithBaseModels = 0
        var rowsWithOnlyTagLineage = 0
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            let tags = object["tags"] as? [String] ?? []
            var parents: [ParentLink] = []
            func add(_ parentID: String, _ relation: Relation) {
                if !parents.contains(where: { $0.id.lowercased() == parentID.lowercased() }) {
                    parents.append(ParentLink(id: parentID, relation: relation))
                }
            }
            var card: [String: Any]?
            if let text = object["cardData"] as? String, let data = text.data(using: .utf8) {
                card = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            }
            var cardLicense: String?
            if let baseModels = object["baseModels"] as? [String: Any] {
                rowsWithBaseModels += 1
                let name = try #require(baseModels["relation"] as? String)
                baseModelRows[name, default: 0] += 1
                let relation = try #require(relationNamed(name), "relation \(name)")
                for model in baseModels["models"] as? [[String: Any]] ?? [] { add(try #require(model["id"] as? String), relation) }
            } else if tags.contains(where: { $0.hasPrefix("base_model:") }) {
                rowsWithOnlyTagLineage += 1
            } else if let card {
                let relation = (card["base_model_relation"] as? String).flatMap(relationNamed) ?? .unknown
                if let one = card["base_model"] as? String { add(one, relation) }
                for one in card["base_model"] as? [Any] ?? [] { if let one = one as? String { add(one, relation) } }
                cardLicense = card["license"] as? String
            }
            var papers: [String] = []
            for tag in tags where tag.hasPrefix("arxiv:") && !papers.contains(String(tag.dropFirst(6))) { papers.append(String(tag.dropFirst(6))) }
            let license = tags.first { $0.hasPrefix("license:") }.map { String($0.dropFirst(8)) } ?? cardLicense
            let total = (object["safetensors"] as? [String: Any])?["total"] as? Double
            naive.append(ModelRecord(
                id: id, author: object["author"] as? String,
                createdAt: (object["createdAt"] as? String).flatMap(dates.date(from:)).map { Int64($0.timeIntervalSince1970) },
                lastModified: (object["lastModified"] as? String).flatMap(dates.date(from:)).map { Int64($0.timeIntervalSince1970) },
                downloads: (object["downloads"] as? Int).map(Int64.init),
                downloadsAllTime: (object["downloadsAllTime"] as? Int).map(Int64.init),
                likes: (object["likes"] as? Int).map(Int64.init),
                pipelineTag: object["pipeline_tag"] as? String, libraryName: object["library_name"] as? String,
                license: license, parameterCount: total.map { Int64($0) },
                parents: parents, papers: papers, line: index + 1))
        }

        // The naive reading agrees with the README, so it is a fair referee.
        #expect(naive.count == 4167)
        #expect(rowsWithBaseModels == 2586)
        #expect(baseModelRows == ["finetune": 1401, "merge": 1116, "quantized": 49, "adapter": 20])
        // No row has base_model tags without baseModels: the tag path is covered by hand-written tests.
        #expect(rowsWithOnlyTagLineage == 0)

        #expect(records.count == naive.count)
        #expect(outcome.report.records == naive.count)
        // The naive reading does not infer relations: compare with inference undone (RelationInferenceRealDataTests
        // checks the inferred relations against hidden labels).
        var mismatches = 0
        for (parsed, expected) in zip(records.map(\.uninferred), naive) where parsed != expected {
            mismatches += 1
            if mismatches <= 5 { Issue.record("line \(expected.line): parsed \(parsed)\nexpected \(expected)") }
        }
        #expect(mismatches == 0)

        let parsedEdges = edgeCounts(records.map(\.uninferred)), naiveEdges = edgeCounts(naive)
        #expect(parsedEdges.byRelation == naiveEdges.byRelation)
        // Six rows list themselves in baseModels; stepfun-ai/Step-3.5-Flash names itself (lowercased) in its card.
        #expect(parsedEdges.selfLoops == 7)
        #expect(naiveEdges.selfLoops == 7)
        #expect(records.filter { !($0.parents ?? []).isEmpty }.count == naive.filter { !($0.parents ?? []).isEmpty }.count)
        // Rows by the relation of their baseModels (cardData-only lineage is `unknown`).
        var parsedRows: [Relation: Int] = [:]
        for record in records.map(\.uninferred) { if let relation = record.parents?.first?.relation { parsedRows[relation, default: 0] += 1 } }
        #expect(parsedRows[.finetune] == 1401)
        #expect(parsedRows[.merge] == 1116)
        #expect(parsedRows[.quantized] == 49)
        #expect(parsedRows[.adapter] == 20)
        #expect(Set(records.flatMap { $0.parents ?? [] }.map { HubID.key($0.id) }).count >= 2090)
    }

    // MARK: dep-network-2025-06

    @Test(.enabled(if: RealData.exists(RealData.depEdges), "dep-network-2025-06/edges.csv is absent"))
    func depNetworkEdges() throws {
        let outcome = try parseAll(RealData.depEdges, .edgeCSV)
        let lines = try RealData.lines(RealData.depEdges)
        #expect(lines.first == "source,target,edge")
        var targets: [String] = []
        var seenTargets = Set<String>()
        var pairs = Set<String>()
        var byRelation: [Relation: Int] = [:]
        var selfLoops = 0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3, "\(line)")
            let (source, target) = (fields[0].lowercased(), fields[1].lowercased())
            if seenTargets.insert(target).inserted { targets.append(fields[1]) }
            let relation = try #require(relationNamed(fields[2]), "\(line)")
            if source == target { selfLoops += 1; continue }
            if pairs.insert(target + "\u{0}" + source).inserted { byRelation[relation, default: 0] += 1 }
        }
        #expect(lines.count - 1 == 30_383)
        #expect(outcome.records.count == targets.count)
        #expect(outcome.records.map(\.id) == targets)
        let parsedEdges = edgeCounts(outcome.records)
        #expect(parsedEdges.byRelation == byRelation)
        #expect(parsedEdges.selfLoops == selfLoops)
        #expect(outcome.records.reduce(0) { $0 + ($1.parents?.count ?? 0) } == pairs.count + selfLoops)
        #expect(byRelation.values.reduce(0, +) + selfLoops == 30_383)
    }

    @Test(.enabled(if: RealData.exists(RealData.depModels), "dep-network-2025-06/models.csv is absent"))
    func depNetworkModels() throws {
        let outcome = try parseAll(RealData.depModels, .nodeCSV)
        let lines = try RealData.lines(RealData.depModels)
        #expect(lines.first == "id,type,owner,architecture")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 4 })
        #expect(rows.count == 29_075)
        #expect(outcome.records.count == rows.count)
        #expect(outcome.records.allSatisfy { $0.parents == nil })
        #expect(outcome.records.map(\.id) == rows.map { $0[0] })
        #expect(outcome.records.map(\.author) == rows.map { $0[2].isEmpty ? HubID.namespace(of: $0[0]).map(String.init) : $0[2] })
        #expect(outcome.records.map(\.architecture) == rows.map { $0[3].isEmpty ? nil : $0[3] })
    }

    // MARK: top-models-2024-09

    @Test(.enabled(if: RealData.exists(RealData.topModels), "top-models-2024-09/models.csv is absent"))
    func topModels() throws {
        let outcome = try parseAll(RealData.topModels, .listModelsCSV)
        let lines = try RealData.lines(RealData.topModels)
        let rows = Array(lines.dropFirst())
        // No cell holds a line break, so a line is a row; ids and the 30-day downloads come first and hold no commas.
        let heads = rows.map { $0.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false) }
        #expect(rows.count == 9715)
        #expect(outcome.records.count == rows.count)
        #expect(outcome.records.map(\.id) == heads.map { String($0[0]) })
        #expect(outcome.records.map(\.downloads) == heads.map { Int64($0[3]) })
        #expect(outcome.records.allSatisfy { $0.lastModified != nil && $0.createdAt == nil })

        let withBaseModel = rows.filter { $0.contains("'base_model:") }.count
        let withArxiv = rows.filter { $0.contains("'arxiv:") }.count
        #expect(withBaseModel == 1658)
        #expect(withArxiv == 3478)
        #expect(outcome.records.filter { !($0.parents ?? []).isEmpty }.count == withBaseModel)
        #expect(outcome.records.filter { !$0.papers.isEmpty }.count == withArxiv)
        let withLicense = rows.filter { $0.contains("'license:") }.count
        #expect(outcome.records.filter { $0.license != nil }.count == withLicense)
    }
}
