import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LineageKit
import LineageTestSupport
import Testing

/// Hostile data: ids, authors and countries with quotes, backslashes, markup, DOT syntax, line breaks and
/// long unicode must give valid DOT and well-formed SVG in which nothing from the data became structure.
@Suite("Map escaping")
struct MapEscapingTests {
    static let hostile = HostileIDs.all

    /// A root with one child per hostile id; authors and countries are hostile too.
    static func hostileMap(layout: MapLayout = .dot) -> (map: LineageMap, names: [String]) {
        let names = ["root/Base"] + hostile
        let n = names.count
        var columns = NodeColumns(count: n)
        columns.authorIds = (0..<n).map { Int32($0) }
        columns.downloads = (0..<n).map { Int64($0 * 1000) }
        let g = LineageGraph(
            nodeCount: n, children: (1..<n).map(Int32.init), parents: Array(repeating: 0, count: n - 1),
            relations: (1..<n).map { Relation.allCases[$0 % 5] }, columns: columns)
        let authors = ["root"] + ["a\"uthor", "b\\", "<i>", "x]\n[", "&lt;", "\u{202E}rtl", "o'k", "\"\"\"", "}{", "%s%n"]
        let lookups = MapLookups(country: { $0 == "root" ? "US" : "<\"&]\n" }, organizationKind: { _ in "kind \"<b>\" & ]" })
        let builder = LineageMapBuilder(graph: g, names: names, authors: authors, lookups: lookups)
        let selection = MapSelection(graph: g, seeds: [0], parameters: .init(maxNodes: 100))
        let dot = builder.dot(for: selection, title: "Title \"with\" <markup> & \\ backslash\nnewline", snapshot: "snap]\"", layout: layout)
        return (LineageMap(dot: dot, layout: layout, title: "t", selection: selection), names)
    }

    @Test("hostile ids give DOT that Graphviz parses into exactly the intended nodes and edges")
    func validDOT() throws {
        let (map, names) = Self.hostileMap()
        // Graphviz's own canonical DOT of our DOT: same node and edge count, no injected shape.
        // (Without the final newline, as `LineageMap.render` passes it: see there.)
        let plain = try GraphvizRenderer.shared.renderString(String(map.dot.dropLast()), format: .plain, engine: .dot)
        let lines = plain.split(separator: "\n")
        let nodes = lines.filter { $0.hasPrefix("node ") }
        let edges = lines.filter { $0.hasPrefix("edge ") }
        let legend = 2  // US and the hostile country; no author is of unknown country
        #expect(nodes.count == names.count + legend)
        #expect(edges.count == names.count - 1)
        #expect(!map.dot.contains("pwned\"]"))
        #expect(!plain.contains(" none "))
        // The only unquoted tokens are ours: every line's data sits inside one quoted string.
        for line in map.dot.split(separator: "\n") where line.contains("evil") {
            #expect(line.hasPrefix("  \"n"), "unexpected statement: \(line.prefix(80))")
        }
    }

    @Test("hostile ids give well-formed SVG whose text is the literal data", arguments: [MapLayout.dot, .twopi, .sfdp])
    func wellFormedSVG(layout: MapLayout) throws {
        let (map, _) = Self.hostileMap(layout: layout)
        let svg = try map.render(.svg)
        let xml = XMLCheck(svg)
        #expect(xml.error == nil, "SVG is not well-formed: \(xml.error ?? "")")
        // Nodes: n0…n10 and the legend; titles are our generated ids, never data.
        #expect(xml.elements["script"] == nil)
        #expect(xml.elements["b"] == nil && xml.elements["i"] == nil)
        let texts = xml.texts.joined(separator: " | ")
        #expect(texts.contains("\"quoted\" name"))
        #expect(texts.contains("back\\slash\\N\\G\\l"))
        #expect(texts.contains("<script>alert(1)</scr"))
        #expect(texts.contains("line break and more"))
        #expect(texts.contains("<<b>html</b>>"))
        // Links are percent-encoded Hub URLs, tooltips the literal id.
        #expect(xml.links.contains("https://huggingface.co/evil/%3Cscript%3Ealert%281%29%3C/script%3E%26amp%3B%26%2360%3B"))
        #expect(xml.tooltips.contains { $0.hasPrefix("evil/<script>alert(1)</script>&amp;&#60;\n") })
        #expect(xml.tooltips.contains { $0.contains("kind \"<b>\" & ]") })
    }

    @Test("long unicode names are cut on whole characters in labels, kept in tooltips up to a limit")
    func longUnicode() throws {
        let (map, names) = Self.hostileMap()
        let long = names.first { $0.contains("🧬") }!
        #expect(MapStyle.shortName(long).count == MapStyle.shortNameLength)
        #expect(MapStyle.shortName(long).hasSuffix("…"))
        #expect(map.dot.contains(MapStyle.shortName(long)))
        let svg = try map.render(.svg)
        #expect(XMLCheck(svg).error == nil)
    }

    @Test("PNG and PDF render the hostile map")
    func binaryFormats() throws {
        let (map, _) = Self.hostileMap()
        let renderer = GraphvizRenderer.shared
        if renderer.supports(.png) { #expect(try map.render(.png).starts(with: [0x89, 0x50, 0x4E, 0x47])) }
        if renderer.supports(.pdf) { #expect(try map.render(.pdf).starts(with: Array("%PDF".utf8))) }
        #expect(try map.render(.dot) == Array(map.dot.utf8))
    }
}

/// Parses bytes as XML without resolving entities or fetching anything; collects what tests look at.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var error: String?
    private(set) var elements: [String: Int] = [:]
    private(set) var texts: [String] = []
    private(set) var links: [String] = []
    private(set) var tooltips: [String] = []
    private var inText = false
    private var buffer = ""

    init(_ bytes: [UInt8]) {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        if !parser.parse(), error == nil { error = parser.parserError.map { "\($0)" } ?? "unknown XML error" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "text" { inText = true; buffer = "" }
        if let href = attributes["xlink:href"] { links.append(href) }
        if let title = attributes["xlink:title"] { tooltips.append(title) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { buffer += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(buffer); inText = false }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { if error == nil { error = "\(parseError)" } }
}
