import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("Queries on a hand-built fixture")
struct QueryTests {
    let directory = TemporaryDirectory()

    @Test func descendantsOfAFamilyMatchHandCount() throws {
        let q = try QueryFixture.queries(in: directory)
        let r = try q.descendants(of: "qwen")
        #expect(r.target == QueryTarget(kind: "family", name: "qwen", label: "Qwen"))
        #expect(r.seeds == ["Qwen/Qwen-Base", "Qwen/Qwen-Base-Instruct"])
        #expect(r.total == 7)
        #expect(r.direct == 2)
        #expect(r.indirect == 5)
        #expect(r.byRelation == { var b = RelationBreakdown(); b[.finetune] = 4; b[.adapter] = 1; b[.quantized] = 1; b[.merge] = 1; return b }())
        #expect(r.deepest == 3)
        #expect(r.downloads == 175)
        #expect(r.downloadsAllTime == 1750)
        #expect(r.distinctAuthors == 3)
        let byID = Dictionary(uniqueKeysWithValues: r.descendants.map { ($0.id, $0) })
        #expect(byID["org/Merge"]?.depth == 3)
        #expect(byID["org/Merge"]?.relation == "merge")
        #expect(byID["org/Merge"]?.path == ["Qwen/Qwen-Base-Instruct", "org/A", "org/B", "org/Merge"])
        #expect(byID["cyc/P"]?.depth == 3)
        #expect(byID["lab/Adapter"]?.path == ["Qwen/Qwen-Base", "lab/Adapter"])
        // Depth, then downloads descending, then id.
        #expect(r.descendants.map(\.id) == ["org/A", "lab/Adapter", "org/A-GGUF", "org/B", "cyc/Q", "org/Merge", "cyc/P"])
    }

    @Test func descendantsGoldenJSON() throws {
        let q = try QueryFixture.queries(in: directory)
        let json = try q.descendants(of: "org/A", relations: RelationMask([.finetune, .merge]), maxDepth: 2, limit: 3).render(.json)
        #expect(json == Self.goldenDescendants)
    }

    @Test func relationFilterDepthLimitAndModelSeed() throws {
        let q = try QueryFixture.queries(in: directory)
        let r = try q.descendants(of: "Qwen/Qwen-Base", relations: .finetune)
        #expect(r.target.kind == "model")
        #expect(Set(r.descendants.map(\.id)) == ["Qwen/Qwen-Base-Instruct", "org/A", "org/B", "cyc/Q", "cyc/P"])
        let shallow = try q.descendants(of: "Qwen/Qwen-Base", maxDepth: 1)
        #expect(Set(shallow.descendants.map(\.id)) == ["Qwen/Qwen-Base-Instruct", "lab/Adapter"])
        let namespace = try q.descendants(of: "org", order: .id)
        #expect(namespace.target == QueryTarget(kind: "namespace", name: "org"))
        #expect(namespace.descendants.map(\.id) == ["cyc/P", "cyc/Q"])
    }

    @Test func unknownNameFailsWithSuggestions() throws {
        let q = try QueryFixture.queries(in: directory)
        #expect(throws: LineageError.self) { try q.descendants(of: "Qwne") }
        do {
            _ = try q.descendants(of: "org/Mrege")
        } catch {
            #expect(error.message.contains("org/Merge"))
        }
        #expect(throws: LineageError.self) { try LineageQueries.relationMask(from: "finetune,bogus") }
    }

    @Test func ancestorsUpToTheRootsAndThroughACycle() throws {
        let q = try QueryFixture.queries(in: directory)
        let merge = try q.ancestors(of: "org/Merge")
        #expect(merge.generation == 4)
        #expect(merge.roots == ["Qwen/Qwen-Base", "meta-llama/Llama"])
        #expect(merge.ancestors.map(\.id) == ["meta-llama/Llama", "org/B", "org/A", "Qwen/Qwen-Base-Instruct", "Qwen/Qwen-Base"])
        #expect(merge.ancestors.map(\.depth) == [1, 1, 2, 3, 4])
        #expect(merge.ancestors.last?.path == ["Qwen/Qwen-Base", "Qwen/Qwen-Base-Instruct", "org/A", "org/B", "org/Merge"])
        #expect(merge.ancestors.first?.relation == "merge")
        let p = try q.ancestors(of: "cyc/P")
        #expect(p.cycle == ["cyc/Q"])
        #expect(p.generation == 3)
        #expect(p.ancestors.map(\.id) == ["cyc/Q", "org/A", "Qwen/Qwen-Base-Instruct", "Qwen/Qwen-Base"])
        #expect(throws: LineageError.self) { try q.ancestors(of: "qwen") }
    }

    @Test func reachByFamilyRootAndOrg() throws {
        let q = try QueryFixture.queries(in: directory)
        let families = q.reach(by: .family, top: 3)
        #expect(families.total == q.catalog.entries.count)
        #expect(families.entries.map(\.key) == ["qwen", "llama", "alpaca"])  // then 0-member families by id
        let qwen = families.entries[0]
        #expect((qwen.seeds, qwen.members, qwen.descendants, qwen.direct, qwen.indirect) == (2, 9, 7, 2, 5))
        #expect((qwen.downloads, qwen.downloadsAllTime, qwen.distinctAuthors) == (175, 1750, 3))
        #expect((qwen.maxDepth, qwen.maxGeneration) == (3, 4))
        let llama = families.entries[1]
        #expect((llama.members, llama.direct, llama.byRelation[.merge], llama.downloads, llama.maxGeneration) == (2, 1, 1, 7, 1))

        let roots = q.reach(by: .root)
        #expect(roots.entries.map(\.key) == ["Qwen/Qwen-Base", "meta-llama/Llama"])
        #expect((roots.entries[0].members, roots.entries[0].direct, roots.entries[0].maxDepth, roots.entries[0].maxGeneration) == (9, 2, 4, 4))
        let orgs = q.reach(by: .org)
        #expect(orgs.entries.map(\.key) == ["Qwen", "meta-llama"])
        #expect(orgs.entries.map(\.members) == [9, 2])
    }

    @Test func switchingCostComponentsMatchTheDefinition() throws {
        let q = try QueryFixture.queries(in: directory)
        let report = try q.switchingCost(org: "org", family: "qwen", explain: true)
        let cost = try #require(report.families.first)
        #expect((cost.orgModels, cost.familyModels, cost.adapterModels) == (4, 4, 0))
        let raw = Dictionary(uniqueKeysWithValues: cost.components.map { ($0.name, $0.raw) })
        // Investment: org/A gen 2 × 1.0 + org/B 3 × 1.0 + org/A-GGUF 3 × 0.2 + org/Merge 4 × 0.7.
        #expect(abs(raw["trainingInvestment"]! - 8.4) < 1e-9)
        #expect(raw["modelShare"] == 1 && raw["downloadShare"] == 1)
        #expect(raw["dependentModels"] == 2 && raw["dependentDownloads"] == 3 && raw["adoption"] == 167)
        func n(_ x: Double, _ t: Double) -> Double { log(1 + x) / log(1 + max(x, t)) }
        let expected = 100 * (1 + 1 + 2 * n(8.4, 500) + n(2, 5000) + n(3, 1e8) + n(167, 1e8)) / 7
        #expect(abs(cost.score - expected) < 1e-9)
        #expect(abs(cost.components.reduce(0) { $0 + $1.contribution } - cost.score) < 1e-9)

        let all = try q.switchingCost(org: "org")
        #expect(all.families.map(\.family) == ["qwen", "llama"])
        #expect(all.families[1].familyModels == 1)
        #expect(throws: LineageError.self) { try q.switchingCost(org: "nobody") }
    }

    @Test func lockInIndexSharesAndHHI() throws {
        let q = try QueryFixture.queries(in: directory)
        let r = try q.lockIn(group: ["org", "lab"])
        #expect(r.derivativeModels == 5)
        #expect(r.family == "qwen")
        #expect(r.modelShare == 1 && r.downloadShare == 1)
        #expect(abs(r.herfindahl - 26.0 / 36.0) < 1e-12)
        #expect(r.hhi == 7222)
        #expect(r.foreignDependence == nil)
        #expect(r.foreignDependenceNote == "unknown until the organization registry lands")
        #expect(r.families.map(\.family) == ["qwen", "llama"])
        #expect(abs(r.families[1].modelShare - 0.2) < 1e-12)
        #expect(abs(r.families[1].downloadShare - 7.0 / 172.0) < 1e-12)
        let llama = try q.lockIn(group: ["org"], family: "llama")
        #expect(llama.family == "llama" && llama.modelShare == 0.25)
    }

    @Test func familiesReportCountsRootsAndMembers() throws {
        let q = try QueryFixture.queries(in: directory)
        let rows = q.familiesReport(store: "fixture").families
        let qwen = try #require(rows.first { $0.id == "qwen" })
        #expect((qwen.roots, qwen.members) == (2, 9))
        #expect(rows.first { $0.id == "gemma" }?.members == 0)
        #expect(try q.familiesReport(store: "fixture").render(.csv).hasPrefix("id,label,kind,owner namespaces,aliases,roots,members\n"))
    }

    static let goldenDescendants = """
        {
          "byRelation" : {
            "adapter" : 0,
            "finetune" : 3,
            "merge" : 1,
            "quantized" : 0,
            "unknown" : 0
          },
          "deepest" : 2,
          "descendants" : [
            {
              "author" : "org",
              "depth" : 1,
              "downloads" : 10,
              "downloadsAllTime" : 100,
              "id" : "org/B",
              "path" : [
                "org/A",
                "org/B"
              ],
              "relation" : "finetune"
            },
            {
              "author" : "cyc",
              "depth" : 1,
              "downloads" : 2,
              "downloadsAllTime" : 20,
              "id" : "cyc/Q",
              "path" : [
                "org/A",
                "cyc/Q"
              ],
              "relation" : "finetune"
            },
            {
              "author" : "org",
              "depth" : 2,
              "downloads" : 7,
              "downloadsAllTime" : 70,
              "id" : "org/Merge",
              "path" : [
                "org/A",
                "org/B",
                "org/Merge"
              ],
              "relation" : "merge"
            }
          ],
          "direct" : 2,
          "distinctAuthors" : 2,
          "downloads" : 20,
          "downloadsAllTime" : 200,
          "indirect" : 2,
          "limit" : 3,
          "maxDepth" : 2,
          "order" : "depth",
          "query" : "org/A",
          "relations" : [
            "finetune",
            "merge"
          ],
          "seeds" : [
            "org/A"
          ],
          "target" : {
            "kind" : "model",
            "name" : "org/A"
          },
          "total" : 4
        }
        """
}
