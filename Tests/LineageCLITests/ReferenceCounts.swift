import Foundation
import LineageTestSupport

/// Counts a `lineage stats` report must show, computed here naively and independently of LineageHub:
/// Foundation's JSONSerialization, plain string splitting and sets of lowercased ids.
struct ReferenceCounts: Equatable, CustomStringConvertible {
    var models = 0
    var externalParents = 0
    var edgesByRelation: [String: Int] = [:]
    var selfLoops = 0
    var papers = 0
    var createdFrom: String?
    var createdTo: String?

    var description: String {
        "models \(models), external \(externalParents), edges \(edgesByRelation.sorted { $0.key < $1.key }), self-loops \(selfLoops), papers \(papers), created \(createdFrom ?? "-")..\(createdTo ?? "-")"
    }

    static let relationNames = ["finetune": "finetune", "finetuned": "finetune", "adapter": "adapter",
                                "quantized": "quantized", "merge": "merge", "merged": "merge"]

    /// Hub model objects, one per line: lineage from baseModels, else base_model tags, else cardData.
    static func hubJSONLines(path: String) throws -> ReferenceCounts {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [String: (parents: [(String, String)], created: String?)] = [:]
        var papers = Set<String>()
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let id = (object["id"] as? String ?? object["modelId"] as! String)
            var parents: [(String, String)] = []
            func add(_ parent: String, _ relation: String) {
                if let index = parents.firstIndex(where: { $0.0.lowercased() == parent.lowercased() }) {
                    if parents[index].1 == "unknown" { parents[index].1 = relation }
                } else {
                    parents.append((parent, relation))
                }
            }
            let tags = object["tags"] as? [String] ?? []
            if let base = object["baseModels"] as? [String: Any], let models = base["models"] as? [[String: Any]], !models.isEmpty {
                let relation = relationNames[(base["relation"] as? String ?? "").lowercased()] ?? "unknown"
                for model in models { add(model["id"] as! String, relation) }
            } else if tags.contains(where: { $0.hasPrefix("base_model:") }) {
                for tag in tags where tag.hasPrefix("base_model:") {
                    let parts = tag.split(separator: ":", maxSplits: 2).map(String.init)
                    if parts.count == 3, let relation = relationNames[parts[1]] {
                        add(parts[2], relation)
                    } else {
                        add(parts.dropFirst().joined(separator: ":"), "unknown")
                    }
                }
            } else {
                var card = object["cardData"]
                if let string = card as? String { card = try? JSONSerialization.jsonObject(with: Data(string.utf8)) }
                if let card = card as? [String: Any] {
                    let relation = relationNames[(card["base_model_relation"] as? String ?? "").lowercased()] ?? "unknown"
                    if let one = card["base_model"] as? String { add(one, relation) }
                    if let many = card["base_model"] as? [String] { for one in many { add(one, relation) } }
                }
            }
            for tag in tags where tag.hasPrefix("arxiv:") { papers.insert(String(tag.dropFirst(6))) }
            let created = (object["createdAt"] as? String).map { String($0.prefix(10)) }
            rows[id.lowercased()] = (parents, created)
        }
        var counts = ReferenceCounts()
        counts.models = rows.count
        // Renamed ids (docs/METRICS.md): a legacy id of the shipped table becomes its canonical id; an
        // un-namespaced parent that no row describes, with exactly one row of the same name in some
        // namespace, is that row.
        var renames: [String: String] = [:]
        let table = try String(contentsOfFile: CLITests.repositoryRoot.appendingPathComponent("Sources/LineageCatalog/Resources/renames.csv").path, encoding: .utf8)
        for line in table.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            renames[cells[0].lowercased()] = cells[1].lowercased()
        }
        var twins: [String: [String]] = [:]
        for key in rows.keys where key.contains("/") { twins[String(key.split(separator: "/", maxSplits: 1)[1]), default: []].append(key) }
        func canonical(_ parent: String) -> String {
            let key = parent.lowercased()
            if let renamed = renames[key] { return renamed }
            if !key.contains("/"), rows[key] == nil, let only = twins[key], only.count == 1 { return only[0] }
            return key
        }
        var external = Set<String>()
        for (key, row) in rows {
            var seen: [String: String] = [:]
            for (parent, relation) in row.parents {
                if parent.lowercased() == key { counts.selfLoops += 1; continue }
                let target = canonical(parent)
                if target == key { continue }  // a merged id that now names the model itself
                if let earlier = seen[target] {  // two spellings of one parent: one edge
                    if earlier == "unknown", relation != "unknown" {
                        counts.edgesByRelation[earlier, default: 0] -= 1
                        counts.edgesByRelation[relation, default: 0] += 1
                        seen[target] = relation
                    }
                    continue
                }
                seen[target] = relation
                counts.edgesByRelation[relation, default: 0] += 1
                if rows[target] == nil { external.insert(target) }
            }
        }
        counts.externalParents = external.count
        counts.papers = papers.count
        let dates = rows.values.compactMap(\.created).sorted()
        counts.createdFrom = dates.first
        counts.createdTo = dates.last
        return counts
    }

    /// An edge list `source,target,edge` with a node list `id,…`: rows are node ids and targets.
    static func edgeList(edges: String, nodes: String) throws -> ReferenceCounts {
        let edgeLines = try String(contentsOfFile: edges, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        let nodeLines = try String(contentsOfFile: nodes, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        var rows = Set(nodeLines.map { $0.split(separator: ",", omittingEmptySubsequences: false)[0].lowercased() })
        var pairs: [String: String] = [:]
        var counts = ReferenceCounts()
        for line in edgeLines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let source = fields[0].lowercased(), target = fields[1].lowercased()
            rows.insert(target)
            if source == target { counts.selfLoops += 1; continue }
            let relation = relationNames[fields[2]] ?? "unknown"
            let key = target + "\u{0}" + source
            if let existing = pairs[key], existing != "unknown" { continue }
            pairs[key] = relation
        }
        counts.models = rows.count
        for relation in pairs.values { counts.edgesByRelation[relation, default: 0] += 1 }
        counts.externalParents = Set(pairs.keys.map { String($0.split(separator: "\u{0}")[1]) }).subtracting(rows).count
        return counts
    }

    /// Reads the same figures out of `lineage stats --format json`.
    static func fromStatsJSON(_ json: String) throws -> ReferenceCounts {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        var counts = ReferenceCounts()
        counts.models = object["models"] as! Int
        counts.externalParents = object["externalParents"] as! Int
        // The reference does not infer relations: what the inputs declared is compared per relation, and
        // every inferred edge counts as the `unknown` it was in the input.
        let all = object["edgesByRelation"] as! [String: Int]
        var declared = (object["declaredEdgesByRelation"] as! [String: Int]).filter { $0.value > 0 }
        let inferred = (object["inferredEdgesByRelation"] as! [String: Int]).values.reduce(0, +)
        if inferred > 0 { declared["unknown", default: 0] += inferred }
        precondition(all.values.reduce(0, +) == declared.values.reduce(0, +), "declared + inferred = all edges")
        counts.edgesByRelation = declared
        counts.selfLoops = object["selfLoopsDropped"] as! Int
        counts.papers = object["papers"] as! Int
        counts.createdFrom = object["createdFrom"] as? String
        counts.createdTo = object["createdTo"] as? String
        return counts
    }
}
