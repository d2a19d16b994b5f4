import Foundation
import LineageKit
import LineageSynth
import LineageTestSupport
import Testing

/// The synthetic Hub: calibration against the published figures, determinism, and that Lineage reads it
/// as the generator meant it.
@Suite("Synthetic Hub")
struct SyntheticHubTests {
    static let catalog = try! FamilyCatalog.load()

    /// One 100K-model Hub shared by the calibration tests (about a second to generate in debug).
    static let hub100K = SyntheticHub.generate(SyntheticHubConfiguration(models: 100_000, seed: 1), catalog: catalog)
    static let calibration100K = SyntheticHubCalibration(hub: hub100K)

    static func bytes(_ hub: SyntheticHub) -> [UInt8] {
        var all: [UInt8] = []
        SyntheticHubWriter(hub: hub).write { all.append(contentsOf: $0) }
        return all
    }

    @Test func edgeMixMatchesTheHub() {
        let c = Self.calibration100K
        // Hub: 574K edges on 1.86M models; 189K finetune, 241K adapter, 102K quantized, 42K merge or untyped.
        #expect(abs(c.edgesPerModel - 0.309) < 0.03, "edges per model \(c.edgesPerModel)")
        #expect(abs(c.share(.finetune) - 189.0 / 574) < 0.03, "finetune \(c.share(.finetune))")
        #expect(abs(c.share(.adapter) - 241.0 / 574) < 0.03, "adapter \(c.share(.adapter))")
        #expect(abs(c.share(.quantized) - 102.0 / 574) < 0.02, "quantized \(c.share(.quantized))")
        let rest = c.share(.merge) + c.share(.unknown)
        #expect(abs(rest - 42.0 / 574) < 0.02, "merge + untyped \(rest)")
        #expect(c.share(.merge) > 0 && c.share(.unknown) > 0)
    }

    @Test func quantizedModelsAreAlmostAlwaysLeaves() {
        let c = Self.calibration100K
        #expect(c.quantizedLeafShare >= 0.97, "quantized leaf share \(c.quantizedLeafShare)")
        #expect(c.quantizedLeafShare < 1, "some quantized models have children")
    }

    @Test func largestFamilyIsAboutTenPercent() throws {
        let c = Self.calibration100K
        let largest = try #require(c.largestFamily)
        #expect(largest.id == "llama")
        #expect(abs(c.largestFamilyShare - 0.10) < 0.03, "largest family share \(c.largestFamilyShare)")
        // Heavy tail: the second family is well behind and most families are small.
        #expect(c.families.count > 30)
        #expect(c.families[1].members < largest.members)
        #expect(c.families[10].members * 10 < largest.members)
    }

    @Test func structureHasDepthMergesDanglingParentsAndCycles() {
        let c = Self.calibration100K
        #expect(c.maxFinetuneDepth >= 10, "longest fine-tune chain \(c.maxFinetuneDepth)")
        #expect(c.danglingEdges > 0)
        #expect(c.selfLoops == 4)
        #expect(c.cycles == 4)  // three two-cycles and one three-cycle
        let hub = Self.hub100K
        let mergeParents = (0..<hub.count).filter { hub.kind[$0] == .merge }.map { hub.allParents(of: $0).count }
        #expect(mergeParents.allSatisfy { (1...4).contains($0) })
        #expect(mergeParents.contains(4) && mergeParents.contains(2))
        // Merges across families.
        let crossFamily = (0..<hub.count).contains { i in
            hub.kind[i] == .merge && Set(hub.allParents(of: i).filter { $0 >= 0 }.map { hub.family[Int($0)] }).count > 1
        }
        #expect(crossFamily)
    }

    @Test func timeDownloadsAndAuthorsLookLikeTheHub() throws {
        let c = Self.calibration100K
        let years = c.modelsByYear
        #expect(Set(years.keys) == ["2022", "2023", "2024", "2025", "2026"])
        #expect(years["2022"]! < years["2023"]! && years["2023"]! < years["2024"]! && years["2024"]! < years["2025"]!)
        let hub = Self.hub100K
        let downloads = hub.downloads.map(Int.init).sorted()
        let median = downloads[downloads.count / 2], top = downloads[downloads.count - 100]
        #expect(top > 1000 * max(median, 1), "heavy tail: median \(median), 100th largest \(top)")
        #expect(c.topAuthorShare < 0.05)
        let authors = Set(hub.authors)
        #expect(authors.contains("Qwen") && authors.contains("meta-llama") && authors.contains("mistralai"))
        #expect(authors.contains("NousResearch") || authors.contains("arcee-ai"))
        // Family roots are published under the family's namespace and nobody else publishes there.
        for i in 0..<hub.count where hub.kind[i] == .familyRoot {
            #expect(hub.authors[Int(hub.author[i])] == hub.specs[Int(hub.family[i])].owner)
        }
    }

    @Test func sameSeedSameBytes() {
        let config = SyntheticHubConfiguration(models: 20_000, seed: 7)
        let a = Self.bytes(SyntheticHub.generate(config, catalog: Self.catalog))
        let b = Self.bytes(SyntheticHub.generate(config, catalog: Self.catalog))
        #expect(a.count > 5_000_000)
        #expect(a == b)
        #expect(fnv1a(a) == fnv1a(b))
        let other = Self.bytes(SyntheticHub.generate(SyntheticHubConfiguration(models: 20_000, seed: 8), catalog: Self.catalog))
        #expect(fnv1a(other) != fnv1a(a))
    }

    @Test func linesAreHubModelObjects() throws {
        let bytes = Self.bytes(SyntheticHub.generate(SyntheticHubConfiguration(models: 3_000, seed: 3), catalog: Self.catalog))
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 3_000)
        var ids = Set<String>()
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            let author = try #require(object["author"] as? String)
            #expect(id.hasPrefix(author + "/"))
            #expect(ids.insert(id.lowercased()).inserted, "duplicate id \(id)")
            #expect((object["createdAt"] as? String)?.hasSuffix(".000Z") == true)
            #expect(object["tags"] is [String])
        }
    }

    @Test func lineageReadsWhatTheGeneratorMeant() throws {
        let directory = TemporaryDirectory()
        let hub = SyntheticHub.generate(SyntheticHubConfiguration(models: 30_000, seed: 5), catalog: Self.catalog)
        let expected = SyntheticHubCalibration(hub: hub)
        let file = directory.file("hub.jsonl")
        try SyntheticHubWriter(hub: hub).write(toFile: file)
        let store = try LineageStore.openOrCreate(path: directory.file("store.sqlite"))
        let result = try Ingestor().ingest(paths: [file], into: store, progress: nil)
        let summary = try #require(result.inputs.first?.summary)
        #expect(summary.records == hub.count)
        #expect(summary.edges == expected.edges)
        #expect(summary.selfLoops == expected.selfLoops)  // dropped and counted
        let loaded = try LoadedGraph(store: store)
        #expect(loaded.graph.nodeCount == hub.count + expected.danglingEdges)
        #expect(loaded.graph.edgeCount == expected.edges)
        // The generator's untyped edges (plain base_model tags) are typed by inference at ingest: they are
        // the inferred edges, and the declared ones keep the generator's relation.
        let data = loaded.data
        var declared: [String: Int] = [:]
        var inferred = 0
        for i in 0..<data.edgeCount {
            if data.edgeProvenance[i].isInferred { inferred += 1 } else { declared[data.edgeRelations[i].name, default: 0] += 1 }
        }
        #expect(inferred == expected.edgesByRelation["unknown"] ?? 0)
        #expect(inferred > 0)
        for relation in Relation.allCases where relation != .unknown {
            #expect(declared[relation.name, default: 0] == expected.edgesByRelation[relation.name] ?? 0, "\(relation)")
        }
        let queries = LineageQueries(loaded: loaded, catalog: Self.catalog)
        let membership = FamilyMembership(graph: loaded.graph, familyRoots: queries.familyRoots)
        for family in expected.families.prefix(8) {
            let f = try #require(Self.catalog.index(ofID: family.id))
            #expect(membership.memberCount(ofFamily: f) == family.members, "\(family.id)")
        }
    }

    @Test func calendarSpansTheRangeInOrder() {
        #expect(SyntheticHubCalendar.time(atShare: 0) == SyntheticHubCalendar.start)
        let end = SyntheticHubCalendar.quarterStart(SyntheticHubCalendar.quarterCount)
        var last = Int64.min
        for k in 0..<1000 {
            let t = SyntheticHubCalendar.time(atShare: Double(k) / 1000)
            #expect(t >= last && t < end)
            last = t
        }
        var out: [UInt8] = []
        SyntheticHubCalendar.appendTimestamp(1_709_251_200 + 3723, to: &out)  // 2024-03-01 01:02:03
        #expect(String(decoding: out, as: UTF8.self) == "2024-03-01T01:02:03.000Z")
    }

    private func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}
