import Foundation
import LineageTestSupport
import Testing

/// The store a new user's first write creates: it keeps the bundled Hub data, and a store with little
/// in it says so (issue 12, "The bundled data vanishes").
@Suite("New stores keep the Hub data")
struct NewStoreTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }
    var defaultStore: String { home.path + "/data/lineage/lineage.sqlite" }

    static let mission = "which U.S. projects derive from Qwen"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    func entities(_ answer: [String: Any]) throws -> [[String: Any]] {
        try #require(answer["entities"] as? [[String: Any]])
    }

    /// The README's AI-BOM walkthrough in a fresh XDG home, then the mission question: still answered
    /// from the Hub data, now with the imported project too.
    @Test func theReadmeWalkthroughEndsWithTheMissionQuestionAnsweredFromHubData() throws {
        let bundled = try json(try cli.run(["ask", Self.mission, "--format", "json"]).stdout)
        let bundledIDs = Set(try entities(bundled).compactMap { $0["entity"] as? String })
        #expect(bundledIDs.count >= 5 && bundledIDs.contains("arcee-ai"))
        #expect(!FileManager.default.fileExists(atPath: defaultStore))

        // `lineage ingest product.cdx.json`, as the README says (its example BOM, under that name).
        let bom = home.file("product.cdx.json")
        try FileManager.default.copyItem(atPath: RegistryCommandTests.exampleBOM, toPath: bom)
        let ingest = try cli.run(["ingest", bom])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("New store: it starts from the bundled default snapshot (hub-stats-2026, 4,167 Hub models) as snapshot #1"))
        #expect(ingest.stdout.contains("product.cdx.json: snapshot #2, 1 project (1 new, 0 updated), 3 uses of models"))
        #expect(FileManager.default.fileExists(atPath: defaultStore))

        let lockin = try cli.run(["lockin", "--project", "SupportBot"])
        #expect(lockin.status == 0, "\(lockin.stderr)")
        #expect(lockin.stdout.contains("Foreign dependence: 50.0%"))

        let stats = try json(try cli.run(["stats", "--format", "json"]).stdout)
        #expect(stats["models"] as? Int == 4167 && stats["store"] as? String == defaultStore)

        let table = try cli.run(["ask", Self.mission])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(!table.stdout.contains("No matching entities") && !table.stdout.contains("Note: this store"))
        #expect(table.stdout.contains("store: \(defaultStore)"))
        let answer = try json(try cli.run(["ask", Self.mission, "--format", "json"]).stdout)
        let ids = Set(try entities(answer).compactMap { $0["entity"] as? String })
        #expect(bundledIDs.isSubset(of: ids), "lost: \(bundledIDs.subtracting(ids).sorted())")
        // The project's supplier (unsloth) is a U.S. company in the bundled registry.
        #expect(ids.contains("SupportBot"))
    }

    @Test func aFailedFirstIngestLeavesNoEmptyStoreBehind() throws {
        let bad = home.write("bad.cdx.json", #"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[]}"#)
        let refused = try cli.run(["ingest", bad])
        #expect(refused.status != 0)
        #expect(!FileManager.default.fileExists(atPath: defaultStore))
        let stats = try cli.run(["stats"])
        #expect(stats.stdout.contains("Store: bundled default snapshot"), "\(stats.stdout)")
    }

    @Test func storesWithFewOrNoModelsSaySoInEveryAnswer() throws {
        let small = home.file("small.sqlite")
        let models = home.write("two.jsonl", """
            {"id":"Qwen/Qwen2.5-7B","author":"Qwen","downloads":10}
            {"id":"acme/tune","author":"acme","downloads":5,"tags":["base_model:finetune:Qwen/Qwen2.5-7B"]}

            """)
        #expect(try cli.run(["ingest", models, "--store", small]).status == 0)
        let answer = try cli.run(["ask", Self.mission, "--store", small])
        #expect(answer.status == 0)
        #expect(answer.stdout.contains("Note: this store holds only 2 Hub models (the bundled default has 4,167); answers cover only those."))
        let json = try self.json(try cli.run(["ask", Self.mission, "--store", small, "--format", "json"]).stdout)
        #expect((json["notes"] as? [String])?.first?.hasPrefix("Note: this store holds only 2 Hub models") == true)
        let descendants = try cli.run(["descendants", "qwen", "--store", small])
        #expect(descendants.status == 0 && descendants.stderr.contains("Note: this store holds only 2 Hub models"))
        let stats = try cli.run(["stats", "--store", small])
        #expect(stats.stderr.contains("Note: this store holds only 2 Hub models"))

        // A BOM-only store made on purpose (--no-default-data) holds no Hub models, and says so.
        let empty = home.file("empty.sqlite")
        let ingest = try cli.run(["ingest", RegistryCommandTests.exampleBOM, "--store", empty, "--no-default-data"])
        #expect(ingest.status == 0 && !ingest.stdout.contains("New store"))
        let bare = try cli.run(["ask", Self.mission, "--store", empty])
        #expect(bare.stdout.contains("Note: this store holds no Hub models"))
        #expect(try cli.run(["stats", "--store", empty]).stderr.contains("Note: this store holds no Hub models"))

        // The bundled default and a store built from it say nothing.
        #expect(!(try cli.run(["ask", Self.mission]).stdout.contains("Note: this store")))
    }

    @Test func aStoreCreatedForRegistryRowsStartsFromTheBundledSnapshot() throws {
        let added = try cli.run(["registry", "add", "acme-ai", "--country", "US", "--kind", "startup"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("New store: it starts from the bundled default snapshot"))
        let stats = try json(try cli.run(["stats", "--format", "json"]).stdout)
        #expect(stats["models"] as? Int == 4167)
        // A second row goes into the same store without seeding it again.
        let again = try cli.run(["registry", "add", "acme-two", "--country", "FR", "--kind", "startup"])
        #expect(again.status == 0 && !again.stdout.contains("New store"))
        let snapshots = try #require(try json(try cli.run(["stats", "--format", "json"]).stdout)["snapshots"] as? [[String: Any]])
        #expect(snapshots.count == 1)
    }
}
