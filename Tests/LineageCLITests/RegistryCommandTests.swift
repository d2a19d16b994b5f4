import Foundation
import LineageTestSupport
import Testing

/// `lineage registry`, `lineage downstream`, BOM and Space ingest and `lockin --project`, as the built binary.
@Suite("Registry and downstream commands")
struct RegistryCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    static let exampleBOM = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("queries/example-product.cdx.json").path

    @Test func registryListShowConflictsCoverage() throws {
        let list = try cli.run(["registry", "list", "--country", "CN", "--kind", "startup"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("deepseek-ai") && !list.stdout.contains("meta-llama"))
        #expect(list.stdout.contains("Coverage: "))
        let show = try cli.run(["registry", "show", "STABILITYAI"])
        #expect(show.stdout.contains("Country    GB (United Kingdom)") && show.stdout.contains("Conflict   stabilityai country: GB (curated) over eu (atom)"))
        let missing = try cli.run(["registry", "show", "nobody-here"])
        #expect(missing.status != 0 && missing.stderr.contains("'nobody-here' is not in the registry"))
        let conflicts = try cli.run(["registry", "conflicts", "--format", "csv"])
        #expect(conflicts.stdout.hasPrefix("namespace,field,chosen,chosen source,other,other source,note\n"))
        let coverage = try cli.run(["registry", "coverage", "--format", "json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
        // 2,650 models with a declared parent and 6 parentless re-uploads linked to a family root by name.
        #expect(figures["derivativeModels"] as? Int == 2656)
        #expect(figures["kindKnownModels"] as? Int == 2091 && figures["organizationCountryKnownModels"] as? Int == 273)
    }

    @Test func addImportAndLayerAUsersRegistry() throws {
        let store = home.file("s.sqlite")
        // No default store: adding creates it from the bundled snapshot, so it hides no Hub data.
        let created = try cli.run(["registry", "add", "acme", "--country", "US", "--kind", "startup"])
        #expect(created.status == 0 && created.stdout.contains("New store: it starts from the bundled default snapshot"), "\(created.stderr)")
        let added = try cli.run(["registry", "add", "acme", "--country", "us", "--kind", "startup", "--evidence", "acme.example", "--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        let bad = home.write("bad.csv", "namespace,name,country,kind,source,evidence\nzeta,Z,US,startup,me,\nomega,O,XX,startup,me,\n")
        let rejected = try cli.run(["registry", "import", bad, "--store", store])
        #expect(rejected.status != 0 && rejected.stderr.contains("bad.csv:3: unknown country code 'XX'"))
        let good = home.write("good.csv", "namespace,country,kind,source\nzeta,DE,company,me\nQwen,SG,company,test override\n")
        let imported = try cli.run(["registry", "import", good, "--store", store])
        #expect(imported.stdout.contains("imported 2 rows"), "\(imported.stderr)")
        let show = try cli.run(["registry", "show", "Qwen", "--store", store])
        #expect(show.stdout.contains("Country    SG") && show.stdout.contains("Layer      store"))
        #expect(show.stdout.contains("Overrides  bundled: country CN"))
        let file = home.write("mine.csv", "namespace,country,kind,source\nzeta,FR,startup,mine\n")
        let layered = try cli.run(["registry", "show", "zeta", "--store", store, "--registry", file])
        #expect(layered.stdout.contains("Country    FR") && layered.stdout.contains("Conflict   zeta country: FR"))
        #expect(try cli.run(["registry", "list", "--store", store]).stdout.contains("acme"))
    }

    @Test func bomIngestDownstreamAndProjectLockIn() throws {
        let store = home.file("s.sqlite")
        let spaces = home.write("spaces.jsonl", #"{"id":"demo/qwen-chat","author":"unsloth","sdk":"gradio","models":["Qwen/Qwen2.5-7B-Instruct"]}"# + "\n")
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LineageIngest/Resources/default-hub.jsonl").path
        let ingest = try cli.run(["ingest", bundled, Self.exampleBOM, spaces, "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("example-product.cdx.json: snapshot #2, 1 project (1 new, 0 updated), 3 uses of models"))
        #expect(ingest.stdout.contains("spaces.jsonl: snapshot #3, 1 Space (1 new, 0 updated), 1 uses of models"))

        let lockin = try cli.run(["lockin", "--project", "supportbot", "--store", store])
        #expect(lockin.status == 0, "\(lockin.stderr)")
        #expect(lockin.stdout.contains("Foreign dependence: 50.0%") && lockin.stdout.contains("qwen    CN"))

        let projects = try cli.run(["downstream", "--origin", "CN", "--type", "project,space", "--store", store, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(projects.stdout.utf8)) as? [String: Any])
        let entities = try #require(report["entities"] as? [[String: Any]])
        #expect(entities.compactMap { $0["id"] as? String }.sorted() == ["SupportBot", "demo/qwen-chat"])
        #expect(report["coverage"] != nil)

        let bad = home.write("bad.cdx.json", #"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[]}"#)
        let refused = try cli.run(["ingest", bad, "--store", store])
        #expect(refused.status != 0 && refused.stderr.contains("bad.cdx.json:1: $.components: no component of type machine-learning-model"))
    }

    @Test func downstreamPapersAndCountryReach() throws {
        let papers = try cli.run(["downstream", "qwen", "--type", "paper", "--limit", "0"])
        #expect(papers.status == 0, "\(papers.stderr)")
        #expect(papers.stdout.contains("2412.15115"))
        let reach = try cli.run(["downstream", "deepseek", "--by", "country"])
        #expect(reach.stdout.contains("Country reach of deepseek") && reach.stdout.contains("Coverage: "))
        let unknown = try cli.run(["downstream", "--origin", "XX"])
        #expect(unknown.status != 0)
    }
}
