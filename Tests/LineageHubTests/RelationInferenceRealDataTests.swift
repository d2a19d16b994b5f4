import Foundation
import LineageGraph
import Testing
@testable import LineageHub

/// Hidden label against inferred label, per edge (child, parent); self-references are left out, as at ingest.
struct InferenceTally: CustomStringConvertible {
    /// counts[hidden][inferred]
    var counts: [Relation: [Relation: Int]] = [:]
    /// Parsed edges with no hidden label (a plain tag the typed source did not type), and parsed edges whose
    /// relation was not inferred although its type was hidden (must stay 0).
    var unlabeled = 0
    var notInferred = 0

    mutating func add(hidden: Relation, inferred: Relation) { counts[hidden, default: [:]][inferred, default: 0] += 1 }

    func truePositives(_ r: Relation) -> Int { counts[r]?[r] ?? 0 }
    func predicted(_ r: Relation) -> Int { counts.values.reduce(0) { $0 + ($1[r] ?? 0) } }
    func actual(_ r: Relation) -> Int { counts[r]?.values.reduce(0, +) ?? 0 }
    var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
    func precision(_ r: Relation) -> Double? { predicted(r) == 0 ? nil : Double(truePositives(r)) / Double(predicted(r)) }
    func recall(_ r: Relation) -> Double? { actual(r) == 0 ? nil : Double(truePositives(r)) / Double(actual(r)) }

    static let relations: [Relation] = [.finetune, .adapter, .quantized, .merge]

    /// One Markdown row per relation: precision (tp/predicted) and recall (tp/actual).
    func rows(_ dataset: String) -> [String] {
        func percent(_ value: Double?, _ n: Int, _ d: Int) -> String {
            guard let value else { return "– (0/0)" }
            return String(format: "%.1f%% (%d/%d)", value * 100, n, d)
        }
        return Self.relations.map { r in
            "| \(dataset) | \(r.name) | \(percent(precision(r), truePositives(r), predicted(r))) | \(percent(recall(r), truePositives(r), actual(r))) |"
        }
    }

    var description: String { rows("").joined(separator: "\n") }
}

/// Typed real data with the type hidden: the parser must infer it. The hidden labels are read here
/// with Foundation and plain string handling, independently of the parser.
@Suite("Relation inference, checked on typed data with the type hidden")
struct RelationInferenceRealDataTests {
    /// Precision every source must reach for these relations (docs/METRICS.md), when the rule typed at
    /// least `minimumPredicted` of its edges that way (a handful of edges says nothing).
    static let required: [Relation] = [.quantized, .adapter, .merge]
    static let minimumPrecision = 0.90
    static let minimumPredicted = 20

    private static func relationNamed(_ name: String) -> Relation? {
        switch name {
        case "finetune", "finetuned": .finetune
        case "merge", "merged": .merge
        case "quantized": .quantized
        case "adapter": .adapter
        default: nil
        }
    }

    private static func key(_ child: String, _ parent: String) -> String { child.lowercased() + "\u{0}" + parent.lowercased() }

    /// Compares every parsed edge with its hidden label.
    private static func tally(_ records: [ModelRecord], labels: [String: Relation]) -> InferenceTally {
        var tally = InferenceTally()
        var seen = Set<String>()
        for record in records {
            for parent in record.parents ?? [] where parent.id.lowercased() != record.id.lowercased() {
                let edge = key(record.id, parent.id)
                guard seen.insert(edge).inserted else { continue }
                if !parent.provenance.isInferred { tally.notInferred += 1 }
                guard let hidden = labels[edge] else { tally.unlabeled += 1; continue }
                tally.add(hidden: hidden, inferred: parent.relation)
            }
        }
        return tally
    }

    private static func check(_ tally: InferenceTally, _ dataset: String, expectedEdges: Int) {
        print("RelationInference \(dataset):\n\(tally.rows(dataset).joined(separator: "\n"))")
        #expect(tally.total == expectedEdges, "\(dataset): every labeled edge was parsed")
        #expect(tally.notInferred == 0, "\(dataset): a hidden type must be inferred, never declared")
        for r in required where tally.predicted(r) >= minimumPredicted {
            let precision = tally.precision(r) ?? 0
            #expect(precision >= minimumPrecision, "\(dataset) \(r.name): precision \(precision) (\(tally.truePositives(r))/\(tally.predicted(r)))")
        }
    }

    // MARK: hub-stats-2026

    /// `baseModels.relation` and `base_model:<relation>:<id>` tags removed (and the card, which may state
    /// `base_model_relation`); other tags, the library and the name stay.
    @Test(.enabled(if: RealData.exists(RealData.hubStats), "hub-stats-2026/models.jsonl is absent"))
    func hubStats() throws {
        var labels: [String: Relation] = [:]
        var hidden = ""
        for line in try RealData.lines(RealData.hubStats) {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            if var baseModels = object["baseModels"] as? [String: Any] {
                let relation = try #require((baseModels["relation"] as? String).flatMap(Self.relationNamed))
                for model in baseModels["models"] as? [[String: Any]] ?? [] {
                    let parent = try #require(model["id"] as? String)
                    if parent.lowercased() != id.lowercased() { labels[Self.key(id, parent)] = relation }
                }
                baseModels["relation"] = nil
                object["baseModels"] = baseModels
                object["cardData"] = nil
            }
            if let tags = object["tags"] as? [String] {
                object["tags"] = tags.filter { tag in
                    let parts = tag.split(separator: ":", maxSplits: 2)
                    return !(parts.count == 3 && parts[0] == "base_model" && Self.relationNamed(String(parts[1])) != nil)
                }
            }
            hidden += String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
        }
        #expect(labels.count == 5195)  // distinct (child, parent) pairs of baseModels, self-references left out
        let outcome = try parseText(hidden)
        Self.check(Self.tally(outcome.records, labels: labels), "hub-stats-2026", expectedEdges: labels.count)
    }

    // MARK: top-models-2024-09

    /// `'base_model:<relation>:<id>'` tags rewritten to `'base_model:<id>'`; other tags stay (the file has
    /// no library column: the library shows as a tag).
    @Test(.enabled(if: RealData.exists(RealData.topModels), "top-models-2024-09/models.csv is absent"))
    func topModels() throws {
        let text = try String(contentsOfFile: RealData.topModels, encoding: .utf8)
        var labels: [String: Relation] = [:]
        var hidden = ""
        let typed = ["finetune", "adapter", "quantized", "merge"]
        for (index, line) in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).enumerated() {
            var row = String(line)
            if index > 0 {
                let child = String(row.prefix { $0 != "," })
                for name in typed {
                    let marker = "'base_model:\(name):"
                    var rest = row[...]
                    while let range = rest.range(of: marker) {
                        let parent = rest[range.upperBound...].prefix { $0 != "'" }
                        if parent.lowercased() != child.lowercased() { labels[Self.key(child, String(parent))] = Self.relationNamed(name) }
                        rest = rest[range.upperBound...]
                    }
                    row = row.replacingOccurrences(of: marker, with: "'base_model:")
                }
            }
            hidden += row + "\n"
        }
        #expect(labels.count == 1799)
        let outcome = try parseText(hidden, name: "models.csv", format: .listModelsCSV)
        Self.check(Self.tally(outcome.records, labels: labels), "top-models-2024-09", expectedEdges: labels.count)
    }

    // MARK: dep-network-2025-06

    /// The `edge` column emptied: only the child's name and its number of parents are left as evidence.
    @Test(.enabled(if: RealData.exists(RealData.depEdges), "dep-network-2025-06/edges.csv is absent"))
    func depNetwork() throws {
        var labels: [String: Relation] = [:]
        var hidden = "source,target,edge\n"
        for line in try RealData.lines(RealData.depEdges).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3)
            if fields[0].lowercased() != fields[1].lowercased() {
                labels[Self.key(fields[1], fields[0])] = try #require(Self.relationNamed(fields[2]))
            }
            hidden += "\(fields[0]),\(fields[1]),\n"
        }
        let outcome = try parseText(hidden, name: "edges.csv", format: .edgeCSV)
        Self.check(Self.tally(outcome.records, labels: labels), "dep-network-2025-06", expectedEdges: labels.count)
    }
}
