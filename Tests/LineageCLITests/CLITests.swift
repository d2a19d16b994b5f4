import Foundation
import LineageTestSupport
import Testing

/// End-to-end: the built `lineage` binary, as a user runs it.
@Suite("lineage binary", .serialized)
struct CLITests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundledDefault = repositoryRoot.appendingPathComponent("Sources/LineageIngest/Resources/default-hub.jsonl").path
    static let hubData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/hubdata").path
    static var hubStats: String { hubData + "/hub-stats-2026/models.jsonl" }
    static var hasHubData: Bool { FileManager.default.fileExists(atPath: hubStats) }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: CLIRunner.binary), "build it with `swift build` first: \(CLIRunner.binary)")
    }

    @Test func helpExplainsTheCommands() throws {
        let result = try cli.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ingest"))
        #expect(result.stdout.contains("stats"))
        let ingestHelp = try cli.run(["ingest", "--help"])
        #expect(ingestHelp.stdout.contains("--skip-invalid"))
        #expect(ingestHelp.stdout.contains("edge-csv"))
    }

    @Test func statsOnTheBundledDefaultMatchesAnIndependentCount() throws {
        let result = try cli.run(["stats", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try ReferenceCounts.fromStatsJSON(result.stdout)
        let expected = try ReferenceCounts.hubJSONLines(path: Self.bundledDefault)
        #expect(shown == expected)
        #expect(expected.models == 4167)
        let text = try cli.run(["stats"])
        #expect(text.stdout.contains("bundled default snapshot"))
        #expect(text.stdout.contains("4,167"))
    }

    @Test(.enabled(if: CLITests.hasHubData, "../shared/hubdata is absent: real-file stats not checked"))
    func statsOnTheRealHubStatsFileMatchesAnIndependentCount() throws {
        let store = home.file("real.sqlite")
        let ingest = try cli.run(["ingest", Self.hubStats, "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let result = try cli.run(["stats", "--store", store, "--format", "json"])
        let shown = try ReferenceCounts.fromStatsJSON(result.stdout)
        let expected = try ReferenceCounts.hubJSONLines(path: Self.hubStats)
        #expect(shown == expected)
        // The bundled default is a slimmed copy of this file and must describe the same graph.
        #expect(try ReferenceCounts.hubJSONLines(path: Self.bundledDefault) == expected)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CLITests.hubData + "/dep-network-2025-06/edges.csv"), "../shared/hubdata is absent"))
    func statsOnTheRealEdgeListMatchesAnIndependentCount() throws {
        let edges = Self.hubData + "/dep-network-2025-06/edges.csv"
        let nodes = Self.hubData + "/dep-network-2025-06/models.csv"
        let store = home.file("deps.sqlite")
        let ingest = try cli.run(["ingest", edges, nodes, "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let result = try cli.run(["stats", "--store", store, "--format", "json"])
        let shown = try ReferenceCounts.fromStatsJSON(result.stdout)
        #expect(shown == (try ReferenceCounts.edgeList(edges: edges, nodes: nodes)))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CLITests.hubData + "/top-models-2024-09/models.csv"), "../shared/hubdata is absent"))
    func ingestsTheRealListModelsCSV() throws {
        let file = Self.hubData + "/top-models-2024-09/models.csv"
        let store = home.file("top.sqlite")
        let ingest = try cli.run(["ingest", file, "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let json = try cli.run(["stats", "--store", store, "--format", "json"]).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        // Independent count: every row ends with its 40-hex commit sha, `private` and `inference` cells.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let rowPattern = try NSRegularExpression(pattern: ",[0-9a-f]{40},(True|False),[^,\n]*$", options: [.anchorsMatchLines])
        let rows = rowPattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        let withLineage = text.split(separator: "\n").filter { $0.contains("'base_model:") }.count
        #expect(object["models"] as? Int == rows)
        let edges = (object["edgesByRelation"] as! [String: Int]).values.reduce(0, +)
        #expect(edges >= withLineage)
        #expect((object["papers"] as! Int) > 0)
    }

    @Test func ingestPrintsASummaryAndReingestIsANoOp() throws {
        let store = home.file("s.sqlite")
        let first = try cli.run(["ingest", Self.bundledDefault, "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("4,167 records"))
        let second = try cli.run(["ingest", Self.bundledDefault, "--store", store])
        #expect(second.status == 0)
        #expect(second.stdout.contains("already ingested as snapshot #1"))
    }

    @Test func malformedInputExitsNonZeroWithFileAndLineAndWritesNothing() throws {
        let store = home.file("m.sqlite")
        let bad = home.write("bad.jsonl", "{\"id\": \"a/A\"}\n{\"id\": \"b/B\", \"likes\": [1]}\n")
        let result = try cli.run(["ingest", bad, "--store", store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.jsonl:2: \"likes\" must be a number, found an array"))
        #expect(!result.stderr.contains("Fatal"))
        // The store this ingest created is removed again: nothing is left behind.
        #expect(!FileManager.default.fileExists(atPath: store))

        let skipped = try cli.run(["ingest", bad, "--store", store, "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.stdout.contains("skipped 1 malformed records"))
        #expect(skipped.stdout.contains("bad.jsonl:2:"))
    }

    @Test func missingStoreAndBadOptionsGiveOneReadableLine() throws {
        let result = try cli.run(["stats", "--store", home.file("nope.sqlite")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no store here"))
        let notStore = home.write("not-a-store.sqlite", "hello")
        let bad = try cli.run(["stats", "--store", notStore])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("not a Lineage store"))
        let format = try cli.run(["ingest", Self.bundledDefault, "--format", "xml", "--store", home.file("x.sqlite")])
        #expect(format.status != 0)
        #expect(format.stderr.contains("xml"))
    }
}
