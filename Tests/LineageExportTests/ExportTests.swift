import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LineageKit
import LineageTestSupport
import Testing

/// `lineage export`: GraphML, CSV/TSV and JSON Lines of the fixture lineage, checked byte for byte against
/// golden files, parsed back by XML, CSV and JSON readers and by networkx, with hostile ids kept inert.
@Suite("Export", .serialized)
struct ExportTests {
    let directory = TemporaryDirectory()
    static let golden = Golden.directory.appendingPathComponent("Export")

    func exporter() throws -> GraphExporter {
        GraphExporter(queries: try QueryFixture.queries(in: directory), registry: QueryFixture.registry)
    }

    /// Compares `text` with the golden file `Export/file` (see `Golden`: recording fails the test).
    static func expectGolden(_ text: String, _ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problem = Golden.mismatch(text, name: "Export/\(file)")
        #expect(problem == nil, "\(problem ?? "")", sourceLocation: sourceLocation)
    }

    @Test("the fixture's GraphML, CSV and JSON Lines match their golden files")
    func goldens() throws {
        let exporter = try exporter()
        let all = try exporter.queries.exportSelection()
        try Self.expectGolden(try exporter.render(all, as: .graphml).nodes, "fixture.graphml")
        let csv = try exporter.render(all, as: .csv)
        try Self.expectGolden(csv.nodes, "fixture.nodes.csv")
        try Self.expectGolden(csv.edges ?? "", "fixture.edges.csv")
        try Self.expectGolden(try exporter.render(all, as: .jsonl).nodes, "fixture.jsonl")
    }

    @Test("node and edge attributes: Hub ids, raw numbers, ISO dates, families with origin, provenance")
    func attributes() throws {
        let exporter = try exporter()
        let csv = try exporter.render(try exporter.queries.exportSelection(), as: .csv)
        let nodes = csv.nodes.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(nodes[0] == GraphExporter.nodeColumns)
        #expect(nodes.count == 11)  // header + 10 models
        let byID = Dictionary(uniqueKeysWithValues: nodes.dropFirst().map { ($0[0], $0) })
        let merge = try #require(byID["org/Merge"])
        #expect(merge[1] == "model" && merge[2] == "org" && merge[3] == "startup" && merge[4] == "US" && merge[5] == "test")
        #expect(merge[6] == "qwen;llama" || merge[6] == "llama;qwen")
        #expect(merge[7] == "CN;US")
        #expect(merge[8] == "2024-01-01T00:00:00Z")
        #expect(merge[9] == "7" && merge[10] == "70" && merge[11] == "1" && merge[12] == "")
        let edges = (csv.edges ?? "").split(separator: "\n").map(String.init)
        #expect(edges[0] == "source,target,relation,provenance")
        #expect(edges.contains("org/B,org/Merge,merge,declared"))
        #expect(edges.count == 1 + exporter.queries.graph.edgeCount)
    }

    @Test("a family exports its members and the edges between them; a question, what its map shows")
    func targets() throws {
        let exporter = try exporter()
        let queries = exporter.queries
        let qwen = try queries.exportSelection(of: "qwen")
        let report = try queries.descendants(of: "qwen", limit: 0)
        #expect(qwen.nodeCount == report.total + report.seeds.count)
        let text = try exporter.render(qwen, as: .jsonl).nodes
        let lines = text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.filter { $0["type"] as? String == "node" }.count == qwen.nodeCount)
        #expect(!lines.contains { $0["id"] as? String == "meta-llama/Llama" })
        // org/Merge's parent meta-llama/Llama is not a member: that edge is left out.
        #expect(!lines.contains { $0["source"] as? String == "meta-llama/Llama" })
        let model = try queries.exportSelection(of: "org/B", withAncestors: true)
        #expect(model.nodeCount == 5)  // Qwen-Base, Qwen-Base-Instruct, org/A, org/B, org/Merge
        let question = try queries.exportSelection(
            question: try QuestionParser().parse("which US models derive from Qwen"), text: "q", registry: QueryFixture.registry)
        let ids = try exporter.render(question, as: .csv).nodes.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(ids.contains("org/Merge") && !ids.contains("lab/Adapter"))
    }

    /// Hostile ids, authors and countries from the map tests: the GraphML stays well-formed, and an XML
    /// parser reads back exactly the ids (with the code points XML cannot carry as U+FFFD).
    @Test("hostile ids give well-formed GraphML, CSV and JSON Lines that read back as the data")
    func hostile() throws {
        let (exporter, names) = Self.hostileExporter()
        let all = try exporter.queries.exportSelection()
        let graphml = try exporter.render(all, as: .graphml).nodes
        let document = try XMLDocument(data: Data(graphml.utf8))
        let ids = try document.nodes(forXPath: "//*[local-name()='node']/@id").compactMap(\.stringValue)
        let expected = names.map { String(String.UnicodeScalarView($0.unicodeScalars.map {
            ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || $0.value == 0xFFFE ? "\u{FFFD}" : $0 })) }
        #expect(ids == expected)
        #expect(try document.nodes(forXPath: "//*[local-name()='edge']").count == names.count - 1)
        #expect(!graphml.contains("<script>"))
        for line in try exporter.render(all, as: .jsonl).nodes.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
        let edges = try exporter.render(all, as: .csv).edges ?? ""
        #expect(edges.split(separator: "\n").filter { $0.hasSuffix(",inferred:quantized-name") }.count == (names.count - 1 + 1) / 2)
        let tsv = try exporter.render(all, as: .tsv)
        #expect(tsv.nodes.split(separator: "\n").count == names.count + 1)
        #expect(tsv.nodes.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == GraphExporter.nodeColumns.count })
    }

    static func hostileExporter() -> (GraphExporter, [String]) {
        let names = ["root/Base"] + HostileIDs.all.filter { !$0.contains("\u{0}") } + ["evil/nul-free\u{7}bell\u{FFFE}"]
        var data = GraphData()
        data.names = names
        data.isExternal = names.map { _ in false }
        data.authors = ["root", "a\"u,thor\n<b>", "\u{202E}rtl"]
        data.authorIndex = names.indices.map { Int32($0 % 3) }
        data.createdAt = names.indices.map { $0 == 1 ? NodeColumns.unknownDate : Int64(1_700_000_000 + $0) }
        data.downloads = names.indices.map { Int64($0) }
        data.downloadsAllTime = names.indices.map { Int64($0 * 10) }
        data.likes = names.indices.map { Int32($0) }
        data.edgeChildren = (1..<names.count).map(Int32.init)
        data.edgeParents = Array(repeating: 0, count: names.count - 1)
        data.edgeRelations = (1..<names.count).map { Relation.allCases[$0 % 5] }
        data.edgeProvenance = (1..<names.count).map { $0 % 2 == 0 ? .declared : .quantizedName }
        let registry = OrganizationRegistry(layers: [[Organization(namespace: "a\"u,thor\n<b>", country: "US", kind: .startup, source: "x\"<&>'")]])
        let queries = LineageQueries(loaded: LoadedGraph(data: data), catalog: FamilyCatalog(entries: []), linkReuploads: false)
        return (GraphExporter(queries: queries, registry: registry), names)
    }

    @Test("networkx reads the GraphML with the node and edge counts and the Hub ids as ids",
          .enabled(if: PythonTools.withNetworkx != nil))
    func networkx() throws {
        let python = try #require(PythonTools.withNetworkx)
        for (name, exporter) in [("fixture", try exporter()), ("hostile", Self.hostileExporter().0)] {
            let path = directory.file("\(name).graphml")
            let selection = try exporter.queries.exportSelection()
            try exporter.render(selection, as: .graphml).nodes.write(toFile: path, atomically: true, encoding: .utf8)
            let script = """
                import sys, networkx as nx
                g = nx.read_graphml(sys.argv[1])
                assert g.is_directed()
                print(g.number_of_nodes(), g.number_of_edges())
                n = g.nodes.get("org/Merge")
                if n: print(n["author_country"], n["downloads_30d"] + 1, g.edges["org/B", "org/Merge"]["relation"])
                """
            let (status, output) = try PythonTools.run(python, ["-c", script, path])
            #expect(status == 0, "\(output)")
            let lines = output.split(separator: "\n")
            #expect(lines.first == "\(exporter.queries.graph.nodeCount) \(exporter.queries.graph.edgeCount)")
            if name == "fixture" { #expect(lines.last == "US 8 merge") }
        }
    }

    @Test("output: missing folder, existing file without --force, stdout for two files are refused; nothing is left on failure")
    func destination() throws {
        #expect(throws: LineageError.self) { try ExportDestination(output: directory.file("no/such/x.graphml"), format: .graphml, force: false) }
        let existing = directory.write("x.graphml", "keep")
        #expect(throws: LineageError.self) { try ExportDestination(output: existing, format: .graphml, force: false) }
        #expect(throws: LineageError.self) { try ExportDestination(output: "-", format: .csv, force: false) }
        let csv = try ExportDestination(output: directory.file("out.csv"), format: .csv, force: false)
        #expect(csv.paths == [directory.file("out.nodes.csv"), directory.file("out.edges.csv")])
        struct Boom: Error {}
        let forced = try ExportDestination(output: existing, format: .graphml, force: true)
        #expect(throws: Boom.self) { try forced.write { out, _ in out.append("partial"); try out.flush(); throw Boom() } }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("partial") }.isEmpty)
        let queries = LineageQueries(loaded: LoadedGraph(data: GraphData()), catalog: FamilyCatalog(entries: []), linkReuploads: false)
        #expect(throws: LineageError.self) { try queries.exportSelection() }
    }

    @Test("ISO dates", arguments: [(Int64(0), "1970-01-01T00:00:00Z"), (1_720_656_000, "2024-07-11T00:00:00Z"),
                                    (951_825_600, "2000-02-29T12:00:00Z"), (-1, "1969-12-31T23:59:59Z")])
    func isoDates(_ seconds: Int64, _ text: String) {
        #expect(ISODate.text(seconds) == text)
        #expect(ISODate.text(NodeColumns.unknownDate) == nil)
    }
}
