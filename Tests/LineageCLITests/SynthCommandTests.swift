import Foundation
import LineageTestSupport
import Testing

/// `lineage synth` and the hidden `lineage bench-compare`, run as the built binary.
@Suite("Synth and bench-compare commands")
struct SynthCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    @Test func synthIngestAndCompareExport() throws {
        let file = home.path + "/hub.jsonl", store = home.path + "/hub.sqlite", export = home.path + "/export"
        let synth = try cli.run(["synth", "--models", "5000", "--seed", "3", "-o", file, "--report"])
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(synth.stderr.contains("lineage edges") && synth.stderr.contains("wrote 5000 models"))
        let again = try cli.run(["synth", "--models", "5000", "--seed", "3", "--quiet"])
        #expect(again.stdout.utf8.count == (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int))
        #expect(Data(again.stdout.utf8) == FileManager.default.contents(atPath: file))

        #expect(try cli.run(["ingest", file, "--store", store, "--quiet"]).status == 0)
        let bench = try cli.run(["bench-compare", "--store", store, "--repeats", "2", "--export", export, "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [String: Any])
        #expect(report["family"] as? String == "llama")
        let members = try #require(report["members"] as? Int)
        #expect(members > 100)
        let nodes = try String(contentsOfFile: export + "/nodes.csv", encoding: .utf8).split(separator: "\n")
        let edges = try String(contentsOfFile: export + "/edges.csv", encoding: .utf8).split(separator: "\n")
        let roots = try String(contentsOfFile: export + "/roots.csv", encoding: .utf8).split(separator: "\n")
        #expect(nodes.first == "idx,id,author" && edges.first == "parent,child,relation" && roots.first == "idx")
        #expect(nodes.count - 1 == report["nodes"] as? Int)
        #expect(edges.count - 1 == report["edges"] as? Int)
        #expect(roots.count - 1 == report["familyRoots"] as? Int)
    }

    @Test func synthRejectsBadArguments() throws {
        let negative = try cli.run(["synth", "--models", "-1"])
        #expect(negative.status != 0 && negative.stderr.contains("--models"))
        let unwritable = try cli.run(["synth", "--models", "10", "-o", home.path + "/missing/dir/hub.jsonl"])
        #expect(unwritable.status != 0 && unwritable.stderr.contains("cannot create the output file"))
    }
}
