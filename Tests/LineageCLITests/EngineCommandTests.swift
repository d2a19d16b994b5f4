import Foundation
import LineageTestSupport
import Testing

/// The query commands, run as the built binary on the bundled default snapshot.
@Suite("Query commands")
struct EngineCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func descendantsOfQwenOnTheBundledDefault() throws {
        let table = try cli.run(["descendants", "Qwen", "--limit", "5"])
        #expect(table.status == 0, "\(table.stderr)")
        let first = table.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("family qwen (Qwen): "), "\(first)")
        #expect(first.contains("direct") && first.contains("indirect"))
        #expect(table.stdout.contains("descendant") && table.stdout.contains(" → "))

        let out = try cli.run(["descendants", "Qwen", "--format", "json", "--limit", "0"])
        #expect(out.status == 0)
        let report = try json(out.stdout)
        let rows = try #require(report["descendants"] as? [[String: Any]])
        let total = try #require(report["total"] as? Int)
        #expect(total > 100 && rows.count == total)
        #expect((report["direct"] as? Int ?? 0) + (report["indirect"] as? Int ?? 0) == total)
        let byRelation = try #require(report["byRelation"] as? [String: Int])
        #expect(byRelation.values.reduce(0, +) == total)
        for row in rows.prefix(50) {
            let path = try #require(row["path"] as? [String])
            #expect(path.last == row["id"] as? String)
            #expect(path.count == (row["depth"] as? Int ?? -1) + 1)
        }
        let csv = try cli.run(["descendants", "Qwen", "--format", "csv", "--limit", "3"])
        #expect(csv.stdout.split(separator: "\n").count == 4)
        #expect(csv.stdout.hasPrefix("descendant,author,depth,relation,downloads,path\n"))
    }

    @Test func reachByFamilyTopFive() throws {
        let table = try cli.run(["reach", "--by", "family", "--top", "5"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("qwen (Qwen)"))
        let out = try cli.run(["reach", "--by", "family", "--top", "5", "--format", "json"])
        let report = try json(out.stdout)
        let entries = try #require(report["entries"] as? [[String: Any]])
        #expect(entries.count == 5)
        let members = entries.map { $0["members"] as? Int ?? -1 }
        #expect(members == members.sorted(by: >))
        #expect(report["total"] as? Int == 75)
    }

    @Test func unknownNameExitsNonZeroWithSuggestions() throws {
        let out = try cli.run(["descendants", "Qwenn"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("unknown family, namespace or model 'Qwenn'"))
        #expect(out.stderr.contains("did you mean"))
        let none = try cli.run(["descendants", "Nonexistent"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("'Nonexistent'"))
        #expect(none.stdout.isEmpty)
    }

    @Test func ancestorsLockInAndFamiliesRun() throws {
        let families = try cli.run(["families", "--format", "json"])
        #expect(families.status == 0, "\(families.stderr)")
        let rows = try #require(try json(families.stdout)["families"] as? [[String: Any]])
        #expect(rows.count == 75)
        let lockin = try cli.run(["lockin", "--org", "huihui-ai", "--explain"])
        #expect(lockin.status == 0, "\(lockin.stderr)")
        #expect(lockin.stdout.contains("trainingInvestment"))
        let group = try cli.run(["lockin", "--group", "huihui-ai,unsloth"])
        #expect(group.status == 0, "\(group.stderr)")
        // Countries come from the organization registry: unsloth is registered (US), so the figure is known.
        #expect(group.stdout.contains("Foreign dependence: ") && group.stdout.contains("%") && !group.stdout.contains("registry lands"))
        let both = try cli.run(["lockin", "--org", "a", "--group", "b"])
        #expect(both.status != 0)
        let ancestors = try cli.run(["ancestors", "Qwen"])
        #expect(ancestors.status != 0 && ancestors.stderr.contains("not a model"))
    }
}
