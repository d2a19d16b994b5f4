import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Golden DOT files for maps of the small hand-built fixture (see `QueryFixture`), plus the style rules.
///
/// Goldens live in `Tests/LineageTestSupport/Goldens/Maps/`; `LINEAGE_RECORD_GOLDENS=1` rewrites them after an
/// intended change (and fails the run), then review the diff.
@Suite("Map DOT")
struct MapDOTTests {
    let directory = TemporaryDirectory()

    static let lookups = MapLookups.table([
        "Qwen": ("CN", "company"), "org": ("US", "startup"), "lab": ("FR", "university"), "meta-llama": ("US", "company"),
    ])

    /// Compares `dot` with the golden file `Maps/name.dot` (see `Golden`).
    static func check(_ dot: String, golden name: String) throws {
        let problem = Golden.mismatch(dot, name: "Maps/\(name).dot")
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test("golden: the Qwen family of the fixture, every node, countries from a table", arguments: [MapLayout.dot, .twopi, .sfdp])
    func familyGolden(layout: MapLayout) throws {
        let q = try QueryFixture.queries(in: directory)
        let map = try q.map(of: "qwen", request: MapRequest(layout: layout), lookups: Self.lookups, snapshot: "fixture")
        #expect(map.layout == layout)
        try Self.check(map.dot, golden: "fixture-qwen-\(layout.rawValue)")
    }

    @Test("golden: a merge model with its ancestors from two families")
    func mergeGolden() throws {
        let q = try QueryFixture.queries(in: directory)
        let map = try q.map(of: "org/Merge", request: MapRequest(), lookups: Self.lookups, snapshot: "fixture")
        #expect(map.selection.nodes.contains { $0.role == .ancestor })
        try Self.check(map.dot, golden: "fixture-merge")
    }

    @Test("golden: a cut map with +N placeholders and a country filter")
    func cutGolden() throws {
        let q = try QueryFixture.queries(in: directory)
        let cut = try q.map(of: "qwen", request: MapRequest(maxNodes: 4), lookups: Self.lookups, snapshot: "fixture")
        #expect(cut.selection.nodes.count == 4)
        #expect(cut.dot.contains("more\\n("))
        try Self.check(cut.dot, golden: "fixture-qwen-cut")
        let us = try q.map(of: "qwen", request: MapRequest(countries: try MapRequest.countries(from: "US")), lookups: Self.lookups, snapshot: "fixture")
        #expect(us.title == "Qwen family: descendants by US authors")
        #expect(!us.selection.nodes.contains { $0.role == .descendant && q.loaded.name($0.node).hasPrefix("lab/") })
        try Self.check(us.dot, golden: "fixture-qwen-us")
    }

    @Test("the same data gives the same DOT, byte for byte, across builds of the query")
    func deterministic() throws {
        let a = try QueryFixture.queries(in: directory).map(of: "qwen", request: MapRequest(), lookups: Self.lookups, snapshot: "s").dot
        let other = TemporaryDirectory()
        let b = try QueryFixture.queries(in: other).map(of: "qwen", request: MapRequest(), lookups: Self.lookups, snapshot: "s").dot
        #expect(a == b)
    }

    @Test("auto layout: dot for small maps, sfdp above the threshold")
    func autoLayout() {
        #expect(MapLayout.auto.resolved(nodeCount: 10) == .dot)
        #expect(MapLayout.auto.resolved(nodeCount: MapLayout.autoThreshold) == .dot)
        #expect(MapLayout.auto.resolved(nodeCount: MapLayout.autoThreshold + 1) == .sfdp)
        #expect(MapLayout.twopi.resolved(nodeCount: 10_000) == .twopi)
    }

    @Test("formats follow the file extension")
    func formats() {
        #expect(MapFormat(path: "a/b.SVG") == .svg)
        #expect(MapFormat(path: "x.gv") == .dot)
        #expect(MapFormat(path: "x.dot") == .dot)
        #expect(MapFormat(path: "x.png") == .png)
        #expect(MapFormat(path: "x.pdf") == .pdf)
        #expect(MapFormat(path: "-") == nil)
        #expect(MapFormat(path: "x.jpeg") == nil)
        #expect(MapFormat(path: "dir.svg/file") == nil)
    }

    @Test("style: relations, kinds, compact numbers, countries")
    func style() {
        #expect(MapStyle.edge(for: .finetune)["style"] == "solid")
        #expect(MapStyle.edge(for: .adapter)["style"] == "dashed")
        #expect(MapStyle.edge(for: .quantized)["style"] == "dotted")
        #expect(MapStyle.edge(for: .merge)["style"] == "bold")
        #expect(MapStyle.edge(for: .unknown)["color"] == "#aaaaaa")
        #expect(Set(NodeKind.allCases.map { MapStyle.shape(for: $0)["shape"]! }).count == 5)  // model/external share box
        #expect(MapStyle.compact(0) == "0")
        #expect(MapStyle.compact(999) == "999")
        #expect(MapStyle.compact(1_000) == "1K")
        #expect(MapStyle.compact(1_500) == "1.5K")
        #expect(MapStyle.compact(12_345) == "12K")
        #expect(MapStyle.compact(999_999) == "1M")
        #expect(MapStyle.compact(1_234_567) == "1.2M")
        #expect(MapStyle.compact(25_000_000_000) == "25B")
        #expect(MapStyle.fill(forCountry: "us") == MapStyle.fill(forCountry: "US"))
        #expect(MapStyle.fill(forCountry: nil) == MapStyle.unknownCountryFill)
        #expect(MapStyle.fill(forCountry: "ZZ") == MapStyle.fill(forCountry: "ZZ"))
        #expect(MapStyle.fill(forCountry: "ZZ").count == 7)
        #expect(MapStyle.shortName("Qwen/Qwen2.5-7B-Instruct") == "Qwen2.5-7B-Instruct")
        #expect(MapStyle.shortName("a/" + String(repeating: "x", count: 50)).count == MapStyle.shortNameLength)
        #expect(MapStyle.hubURL("org/a b\"<&>") == "https://huggingface.co/org/a%20b%22%3C%26%3E")
    }

    @Test("country words for --country")
    func countries() throws {
        #expect(try MapRequest.countries(from: "US").codes == ["US"])
        #expect(try MapRequest.countries(from: "u.s.,China").codes == ["CN", "US"])
        #expect(try MapRequest.countries(from: "EU").codes.contains("FR"))
        #expect(throws: LineageError.self) { try MapRequest.countries(from: "Atlantis") }
    }

    @Test("questions and query files become maps with their filters; other questions give clear errors")
    func questions() throws {
        let q = try QueryFixture.queries(in: directory)
        let question = try #require(try MapQuestion.detect("which models derive from Qwen via finetune"))
        let map = try q.map(question: question, request: MapRequest(), lookups: Self.lookups, snapshot: "fixture")
        #expect(map.title == "Qwen family: via finetune")
        #expect(map.selection.edges.allSatisfy { $0.relation == .finetune })
        #expect(try MapQuestion.detect("qwen") == nil)
        #expect(try MapQuestion.detect("Qwen/Qwen2.5-7B") == nil)
        let file = directory.write("us.query", "# U.S. work on Qwen\ndescription: U.S. models on Qwen\nquestion: which U.S. models derive from Qwen\n")
        let fromFile = try #require(try MapQuestion.detect(file))
        #expect(fromFile.country?.codes == ["US"])
        let usMap = try q.map(question: fromFile, request: MapRequest(), lookups: Self.lookups, snapshot: "fixture")
        #expect(usMap.title == "Qwen family: descendants by US authors")
        // Flags override the question.
        let overridden = try q.map(question: fromFile, request: MapRequest(), overrides: { var r = $0; r.countries = nil; r.maxDepth = 1; return r },
                                   lookups: Self.lookups, snapshot: "fixture")
        #expect(overridden.title == "Qwen family: within 1 generation")
        // Organization kinds from the lookups: only startups' models (org/…) are selected.
        let startups = try q.map(question: try QuestionParser().parse("which startups derive from Qwen"), request: MapRequest(), lookups: Self.lookups, snapshot: "fixture")
        #expect(startups.title == "Qwen family: by startups")
        #expect(startups.selection.nodes.filter { $0.role == .descendant }.allSatisfy { q.loaded.name($0.node).hasPrefix("org/") })
        #expect(startups.selection.candidateCount == 4)  // org/A, org/B, org/A-GGUF, org/Merge
        #expect(throws: LineageError.self) { try q.map(question: try QuestionParser().parse("rank families by reach"), request: MapRequest(), lookups: .none, snapshot: "") }
        #expect(throws: LineageError.self) { try MapQuestion.detect("which flurbs derive from Qwen") }
        #expect(throws: LineageError.self) { try MapQuestion.detect(directory.file("missing.query")) }
    }

    @Test("cross-family merges: merges whose parents come from different families")
    func crossFamilyMerges() throws {
        let q = try QueryFixture.queries(in: directory)
        let merges = q.crossFamilyMerges().map(q.loaded.name)
        #expect(merges == ["org/Merge"])  // parents org/B (Qwen) and meta-llama/Llama (Llama)
        let map = try q.map(question: try QuestionParser().parse("which merges cross families"), request: MapRequest(), lookups: Self.lookups, snapshot: "fixture")
        #expect(map.selection.nodes.contains { q.loaded.name($0.node) == "meta-llama/Llama" })
    }
}
