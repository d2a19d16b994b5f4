import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage bom`: CycloneDX 1.6 with the whole lineage in `pedigree.ancestors`, a golden file, cycles kept
/// finite, the round trip through `lineage ingest`, and the official schema (when its Python package is there).
@Suite("BOM", .serialized)
struct BOMTests {
    let directory = TemporaryDirectory()

    func builder(_ queries: LineageQueries) -> BOMBuilder {
        BOMBuilder(exporter: GraphExporter(queries: queries, registry: QueryFixture.registry))
    }

    static func properties(_ component: CycloneDXBOM.Component, _ name: String) -> [String] {
        (component.properties ?? []).filter { $0.name == name }.map(\.value)
    }

    @Test("a model's BOM lists every ancestor up to the roots, with relation, provenance, country, kind and family")
    func modelLineage() throws {
        let bom = try builder(try QueryFixture.queries(in: directory)).bom(for: "org/Merge", data: "fixture")
        try ExportTests.expectGolden(try bom.json(), "fixture-merge.cdx.json")
        let subject = bom.metadata.component
        #expect(subject.purl == "pkg:huggingface/org/Merge" && subject.type == "machine-learning-model")
        let ancestors = try #require(subject.pedigree?.ancestors)
        let ids = ancestors.map { "\($0.group ?? "")/\($0.name)" }
        #expect(Set(ids) == ["org/B", "meta-llama/Llama", "org/A", "Qwen/Qwen-Base-Instruct", "Qwen/Qwen-Base"])
        #expect(ids.count == 5)
        let b = try #require(ancestors.first { $0.name == "B" })
        #expect(Self.properties(b, "lineage:relation") == ["merge"])
        #expect(Self.properties(b, "lineage:provenance") == ["declared"])
        #expect(Self.properties(b, "lineage:author-country") == ["US"] && Self.properties(b, "lineage:author-kind") == ["startup"])
        #expect(Self.properties(b, "lineage:family") == ["qwen"] && Self.properties(b, "lineage:family-origin") == ["CN"])
        let base = try #require(ancestors.first { $0.name == "Qwen-Base" })
        #expect(Self.properties(base, "lineage:root") == ["true"] && Self.properties(base, "lineage:depth") == ["4"])
        #expect(bom.serialNumber?.hasPrefix("urn:uuid:") == true)
    }

    @Test("a lineage cycle gives a finite pedigree with the cycle noted")
    func cycle() throws {
        let bom = try builder(try QueryFixture.queries(in: directory)).bom(for: "cyc/P", data: "fixture")
        let subject = bom.metadata.component
        #expect(Self.properties(subject, "lineage:cycle") == ["cyc/Q"])
        let ancestors = try #require(subject.pedigree?.ancestors)
        #expect(ancestors.filter { $0.name == "Q" }.count == 1)
        #expect(!ancestors.contains { $0.name == "P" && $0.group == "cyc" })
        #expect(Self.properties(try #require(ancestors.first { $0.name == "Q" }), "lineage:on-cycle") == ["true"])
    }

    @Test("writing a project's BOM and ingesting it again gives the same project lineage")
    func roundTrip() throws {
        let product = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "metadata": {"component": {"type": "application", "name": "Bot",
              "version": "1", "supplier": {"name": "org"}}},
             "components": [
              {"type": "machine-learning-model", "name": "Merge", "group": "org", "purl": "pkg:huggingface/org/Merge"},
              {"type": "machine-learning-model", "name": "in-house", "group": "acme",
               "pedigree": {"ancestors": [{"type": "machine-learning-model", "name": "P", "group": "cyc", "purl": "pkg:huggingface/cyc/P"}]}}]}
            """
        let first = TemporaryDirectory(), second = TemporaryDirectory()
        let before = try Self.ingest(product, into: first)
        let bom = try builder(before).bom(for: "Bot", data: "fixture")
        let json = try bom.json()
        let after = try Self.ingest(json, into: second)
        let lineage = { (q: LineageQueries) throws -> (ids: Set<String>, roots: [String], direct: Set<String>) in
            let report = try q.ancestors(of: "Bot")
            let d = q.loaded.data.downstream
            let direct = (0..<d.useCount).filter { d.useVia[$0] == nil }.map { q.loaded.data.names[Int(d.useModels[$0])] }
            return (Set(report.ancestors.map(\.id)), report.roots, Set(direct))
        }
        let a = try lineage(before), b = try lineage(after)
        #expect(a.ids == b.ids)
        #expect(a.roots == b.roots)
        #expect(a.direct == b.direct)
        #expect(a.ids.isSuperset(of: ["org/Merge", "Qwen/Qwen-Base", "meta-llama/Llama", "cyc/P", "cyc/Q", "acme/in-house"]))
        let project = try #require(bom.components?.first { $0.name == "in-house" })
        #expect(project.pedigree?.ancestors.contains { $0.name == "P" && Self.properties($0, "lineage:relation") == ["pedigree"] } == true)
    }

    static func ingest(_ bom: String, into directory: TemporaryDirectory) throws -> LineageQueries {
        let fixture = directory.write("fixture.jsonl", QueryFixture.lines.joined(separator: "\n") + "\n")
        let file = directory.write("bot.cdx.json", bom)
        let store = try LineageStore.openOrCreate(path: directory.file("s.sqlite"))
        _ = try Ingestor().ingest(paths: [fixture], into: store)
        _ = try Ingestor().ingest(paths: [file], into: store)
        return LineageQueries(loaded: try LoadedGraph(store: store), catalog: try FamilyCatalog.load())
    }

    @Test("purls percent-encode what is not a plain name character")
    func purls() {
        #expect(CycloneDXBOM.purl(hubID: "meta-llama/Llama-3.1-70B") == "pkg:huggingface/meta-llama/Llama-3.1-70B")
        #expect(CycloneDXBOM.purl(hubID: "evil/a b\"<é") == "pkg:huggingface/evil/a%20b%22%3C%C3%A9")
        #expect(CycloneDXBOM.purl(hubID: "gpt2") == "pkg:huggingface/gpt2")
    }

    /// On the bundled default: the issue's example names all 12 ancestors (a reference walk in the test
    /// counts them from the graph's parent lists).
    @Test("the BOM of Steelskull/L3.3-Nevoria-R1-70b on the bundled default names its 12 ancestors")
    func bundledNevoria() throws {
        let queries = LineageQueries(loaded: try LoadedGraph(store: try BundledDefault.makeStore()), catalog: try FamilyCatalog.load())
        let bom = try BOMBuilder(exporter: GraphExporter(queries: queries, registry: try OrganizationRegistry.load()))
            .bom(for: "Steelskull/L3.3-Nevoria-R1-70b", data: BundledDefault.description)
        let ids = Set((bom.metadata.component.pedigree?.ancestors ?? []).map { "\($0.group ?? "")/\($0.name)" })
        // Reference: every node reachable up the parent lists, by hand.
        let node = try #require(queries.resolver.node(named: "Steelskull/L3.3-Nevoria-R1-70b"))
        var seen: Set<Int32> = [node], stack = [node]
        while let v = stack.popLast() {
            for p in queries.graph.parents(of: v).nodes where seen.insert(p).inserted { stack.append(p) }
        }
        seen.remove(node)
        #expect(ids == Set(seen.map { queries.loaded.data.names[Int($0)] }))
        #expect(ids.count == 12)
        #expect(ids.isSuperset(of: ["meta-llama/Llama-3.1-70B", "deepseek-ai/DeepSeek-R1-Distill-Llama-70B"]))
        let path = directory.file("nevoria.cdx.json")
        try bom.json().write(toFile: path, atomically: true, encoding: .utf8)
        if let python = PythonTools.withCycloneDX {
            let (status, output) = try PythonTools.run(python, [PythonTools.repository.appendingPathComponent("scripts/validate-bom.py").path, path])
            #expect(status == 0, "\(output)")
        }
    }

    @Test("written BOMs, the golden BOM and every shipped BOM pass the CycloneDX 1.6 JSON schema",
          .enabled(if: PythonTools.withCycloneDX != nil))
    func schema() throws {
        let python = try #require(PythonTools.withCycloneDX)
        let queries = try QueryFixture.queries(in: directory)
        var files = [
            PythonTools.repository.appendingPathComponent("queries/example-product.cdx.json").path,
            ExportTests.golden.appendingPathComponent("fixture-merge.cdx.json").path,
        ]
        for model in ["cyc/P", "Qwen/Qwen-Base", "org/A-GGUF"] {
            files.append(directory.write("\(files.count).cdx.json", try builder(queries).bom(for: model, data: "fixture").json()))
        }
        // Hostile ids, authors and sources.
        let (exporter, names) = ExportTests.hostileExporter()
        for name in names.suffix(3) {
            files.append(directory.write("\(files.count).cdx.json", try BOMBuilder(exporter: exporter).bom(for: name, data: "x\"<>").json()))
        }
        let (status, output) = try PythonTools.run(python, [PythonTools.repository.appendingPathComponent("scripts/validate-bom.py").path] + files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(files.count) passed, 0 failed"))
    }
}
