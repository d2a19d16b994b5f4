import Foundation
import LineageGraph
import LineageSupport

/// Measured figures of a `SyntheticHub`, to compare with the real Hub's (`lineage synth --report`, tests).
///
/// Edges are counted as Lineage counts them after ingest: one per (child, parent) pair, dangling parents
/// included, self-loops excluded. A family's members are its planted base models and first-party
/// fine-tunes (exactly the models in its namespace) plus everything reachable from them.
public struct SyntheticHubCalibration: Sendable, Codable {
    public struct FamilySize: Sendable, Codable {
        public var id: String
        public var members: Int
    }

    public var models: Int
    /// Models with at least one parent.
    public var derivedModels: Int
    public var edges: Int
    /// Edges per relation name (`finetune`, `adapter`, `quantized`, `merge`, `unknown`).
    public var edgesByRelation: [String: Int]
    public var danglingEdges: Int
    public var selfLoops: Int
    /// Planted cycles of two and three models.
    public var cycles: Int
    public var quantized: Int
    public var quantizedLeaves: Int
    /// Named families by members, largest first.
    public var families: [FamilySize]
    public var largestCommunityFamily: Int
    /// Longest parent chain (generations below a root), ignoring the planted cycles' back edges.
    public var maxDepth: Int
    /// Longest chain of fine-tune edges only.
    public var maxFinetuneDepth: Int
    public var authors: Int
    /// Share of all models published by the most prolific namespace.
    public var topAuthorShare: Double
    public var modelsByYear: [String: Int]

    /// Share of all edges of `relation`.
    public func share(_ relation: Relation) -> Double {
        edges == 0 ? 0 : Double(edgesByRelation[relation.name] ?? 0) / Double(edges)
    }
    public var quantizedLeafShare: Double { quantized == 0 ? 1 : Double(quantizedLeaves) / Double(quantized) }
    public var largestFamily: FamilySize? { families.first }
    public var largestFamilyShare: Double { models == 0 ? 0 : Double(families.first?.members ?? 0) / Double(models) }
    public var edgesPerModel: Double { models == 0 ? 0 : Double(edges) / Double(models) }

    /// Measures `hub`.
    /// - Complexity: O(N + E) time and memory.
    public init(hub: SyntheticHub) {
        let n = hub.count
        models = n
        var byRelation = [Int](repeating: 0, count: Relation.allCases.count)
        var dangling = 0, loops = 0, derived = 0
        var childCount = [Int32](repeating: 0, count: n + 1)
        var depth = [Int32](repeating: 0, count: n)
        var ftDepth = [Int32](repeating: 0, count: n)
        var extrasByChild: [Int: [Int32]] = [:]
        for e in hub.extraParents { extrasByChild[Int(e.child), default: []].append(e.parent) }
        for i in 0..<n {
            let range = Int(hub.parentStart[i])..<Int(hub.parentStart[i + 1])
            let extra = extrasByChild[i] ?? []
            guard let relation = hub.kind[i].relation, !range.isEmpty || !extra.isEmpty else { continue }
            derived += 1
            var d: Int32 = 1, fd: Int32 = relation == .finetune ? 1 : 0
            for p in hub.parents[range] {
                byRelation[Int(relation.rawValue)] += 1
                if p < 0 { dangling += 1; continue }
                childCount[Int(p)] += 1
                d = max(d, depth[Int(p)] + 1)
                if relation == .finetune { fd = max(fd, ftDepth[Int(p)] + 1) }
            }
            for p in extra {
                if Int(p) == i { loops += 1; continue }
                byRelation[Int(relation.rawValue)] += 1
                childCount[Int(p)] += 1
            }
            depth[i] = d
            ftDepth[i] = fd
        }
        derivedModels = derived
        edges = byRelation.reduce(0, +)
        edgesByRelation = Dictionary(uniqueKeysWithValues: Relation.allCases.map { ($0.name, byRelation[Int($0.rawValue)]) })
        danglingEdges = dangling
        selfLoops = loops
        cycles = hub.extraParents.filter { $0.child != $0.parent }.count
        maxDepth = Int(depth.max() ?? 0)
        maxFinetuneDepth = Int(ftDepth.max() ?? 0)
        var q = 0, leaves = 0
        for i in 0..<n where hub.kind[i] == .quantized {
            q += 1
            if childCount[i] == 0 { leaves += 1 }
        }
        quantized = q
        quantizedLeaves = leaves

        // Children CSR, then one BFS per family.
        var start = [Int32](repeating: 0, count: n + 1)
        for i in 0..<n { start[i + 1] = start[i] + childCount[i] }
        var fill = Array(start.dropLast())
        var children = [Int32](repeating: 0, count: Int(start[n]))
        for i in 0..<n {
            for p in hub.parents[Int(hub.parentStart[i])..<Int(hub.parentStart[i + 1])] where p >= 0 {
                children[Int(fill[Int(p)])] = Int32(i); fill[Int(p)] += 1
            }
            for p in extrasByChild[i] ?? [] where Int(p) != i {
                children[Int(fill[Int(p)])] = Int32(i); fill[Int(p)] += 1
            }
        }
        var seeds = [[Int32]](repeating: [], count: hub.specs.count)
        var communityRoots: [Int32] = []
        for i in 0..<n {
            switch hub.kind[i] {
            case .familyRoot, .firstParty: seeds[Int(hub.family[i])].append(Int32(i))
            case .communityRoot: communityRoots.append(Int32(i))
            default: break
            }
        }
        var stamp = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        func reach(_ from: [Int32], mark: Int32) -> Int {
            queue.removeAll(keepingCapacity: true)
            for s in from where stamp[Int(s)] != mark { stamp[Int(s)] = mark; queue.append(s) }
            var head = 0
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                for c in children[Int(start[v])..<Int(start[v + 1])] where stamp[Int(c)] != mark {
                    stamp[Int(c)] = mark
                    queue.append(c)
                }
            }
            return queue.count
        }
        families = hub.specs.indices.map { FamilySize(id: hub.specs[$0].id, members: reach(seeds[$0], mark: Int32($0))) }
            .filter { $0.members > 0 }
            .sorted { ($0.members, $1.id) > ($1.members, $0.id) }
        var largestCommunity = 0
        for (k, r) in communityRoots.enumerated() {
            largestCommunity = max(largestCommunity, reach([r], mark: Int32(hub.specs.count + k)))
        }
        largestCommunityFamily = largestCommunity

        var perAuthor = [Int](repeating: 0, count: hub.authors.count)
        for a in hub.author { perAuthor[Int(a)] += 1 }
        authors = perAuthor.filter { $0 > 0 }.count
        topAuthorShare = n == 0 ? 0 : Double(perAuthor.max() ?? 0) / Double(n)
        var years: [String: Int] = [:]
        for t in hub.created {
            let (y, _, _) = SyntheticHubCalendar.civilFromDays(Int(t / 86_400))
            years[String(y), default: 0] += 1
        }
        modelsByYear = years
    }

    /// A readable summary, with the real Hub's figures (scaled to N) beside the measured ones.
    public var text: String {
        func pct(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
        let scale = Double(models) / 1_860_000
        let real: [(Relation, Double)] = [(.finetune, 189_000), (.adapter, 241_000), (.quantized, 102_000), (.merge, 30_000), (.unknown, 12_000)]
        var lines = [
            "models                \(Formatting.group(models))  (\(Formatting.group(derivedModels)) with parents)",
            "lineage edges         \(Formatting.group(edges))  (\(String(format: "%.3f", edgesPerModel)) per model; Hub 0.309)",
        ]
        for (relation, hubCount) in real {
            let count = edgesByRelation[relation.name] ?? 0
            lines.append("  \(relation.name.padding(toLength: 10, withPad: " ", startingAt: 0))          \(Formatting.group(count))  \(pct(share(relation)))  (Hub "
                + "\(pct(hubCount / 574_000)), \(Formatting.group(Int(hubCount * scale))) at this N)")
        }
        lines += [
            "dangling parent edges \(Formatting.group(danglingEdges))",
            "self-loops, cycles    \(selfLoops), \(cycles)",
            "quantized leaves      \(Formatting.group(quantizedLeaves)) of \(Formatting.group(quantized))  \(pct(quantizedLeafShare))  (Hub 99%)",
            "largest family        \(largestFamily.map { "\($0.id) \(Formatting.group($0.members))" } ?? "-")  \(pct(largestFamilyShare)) of models  (Hub ~200K at 2M: 10%)",
            "next families         " + families.dropFirst().prefix(5).map { "\($0.id) \(Formatting.group($0.members))" }.joined(separator: ", "),
            "largest community     \(Formatting.group(largestCommunityFamily))",
            "max depth             \(maxDepth) generations, \(maxFinetuneDepth) fine-tunes in a row",
            "authors               \(Formatting.group(authors))  (top one \(pct(topAuthorShare)) of models)",
            "created by year       " + modelsByYear.keys.sorted().map { "\($0): \(Formatting.group(modelsByYear[$0]!))" }.joined(separator: ", "),
        ]
        return lines.joined(separator: "\n")
    }
}
