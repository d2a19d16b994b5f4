import CGraphviz
import Foundation
import Testing

@testable import LineageRender

/// Strings from data that try to break out of a quoted DOT ID or label.
private let hostileStrings: [String] = [
    "a\"b",
    "x\\\" ]; evil=1 [",
    "x\\\\\" ]; evil=1 [",
    "trailing backslash \\",
    "<script>&",
    "<b>bold</b> &lt;not&gt; &nbsp; &#60; &#x1F600;",
    "line one\nline two",
    "crlf\r\nline",
    "a] [evil=1]; b -> c; subgraph { d",
    "}; digraph g2 { e",
    "\\N \\G \\E \\l \\r",
    "nul\0byte and\ttab and \u{1B}[31m",
    "non\u{FFFF}character",
    "-- -> /* */ // #",
    "node",
    String(repeating: "模型🦙é\u{0301}ß", count: 400),  // 2,000 characters, 4-byte UTF-8 included
]

/// What a plain-text label of `string` should display: DOTWriter's documented normalisation.
private func displayed(_ string: String) -> [String] {
    var s = string.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    s = String(String.UnicodeScalarView(s.unicodeScalars.map { scalar -> Unicode.Scalar in
        if scalar == "\u{FFFF}" || scalar == "\u{FFFE}" { return "\u{FFFD}" }
        if scalar != "\n" && (scalar.value < 0x20 || scalar.value == 0x7F) { return " " }
        return scalar
    }))
    return s.components(separatedBy: "\n")
}

/// Graphviz's SVG writer turns the second of two adjacent spaces into U+00A0 (`&#160;`).
private func undoNonBreakingSpaces(_ lines: [String]) -> [String] {
    lines.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
}

/// The graph as cgraph parses it: node names, edge count, and every declared node/edge/graph attribute.
private struct Parsed {
    var nodes: [String] = []
    var edges = 0
    var attributeNames: Set<String> = []
    var labels: [String] = []
}

private func withMutableCString<T>(_ string: String, _ body: (UnsafeMutablePointer<CChar>) -> T) -> T {
    var bytes = Array(string.utf8CString)
    return bytes.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}

private func parseWithCgraph(_ dot: String) -> Parsed? {
    Graphviz.withLock {
        guard let graph = agmemread(dot) else { return nil }
        defer { agclose(graph) }
        var parsed = Parsed()
        parsed.edges = Int(agnedges(graph))
        var node = agfstnode(graph)
        while let n = node {
            parsed.nodes.append(String(cString: agnameof(n)))
            if let label = withMutableCString("label", { agget(n, $0) }) {
                parsed.labels.append(String(cString: label))
            }
            node = agnxtnode(graph, n)
        }
        for kind in [AGRAPH, AGNODE, AGEDGE] {
            var symbol = agnxtattr(graph, Int32(kind), nil)
            while let s = symbol {
                parsed.attributeNames.insert(String(cString: s.pointee.name))
                symbol = agnxtattr(graph, Int32(kind), s)
            }
        }
        return parsed
    }
}

@Suite("DOTWriter")
struct DOTWriterTests {
    @Test("writes the expected DOT text")
    func golden() {
        var w = DOTWriter(.digraph, name: "lineage")
        w.graphAttributes(["rankdir": "LR"])
        w.nodeDefaults(["shape": "box", "fontname": "Helvetica"])
        w.node("org/base", ["label": "Base\nmodel"])
        w.edge("org/base", "me/tune", ["label": "finetune"])
        w.subgraph("cluster_x", ["label": "X"]) { s in
            s.node("me/tune")
        }
        w.comment("done\nhere")
        #expect(w.text == """
            digraph "lineage" {
              graph ["rankdir"="LR"];
              node ["shape"="box", "fontname"="Helvetica"];
              "org/base" ["label"="Base\\nmodel"];
              "org/base" -> "me/tune" ["label"="finetune"];
              subgraph "cluster_x" {
                graph ["label"="X"];
                "me/tune";
              }
              // done here
            }

            """)
        var u = DOTWriter(.graph, strict: true)
        u.edge("a", "b")
        #expect(u.text == "strict graph \"G\" {\n  \"a\" -- \"b\";\n}\n")
    }

    @Test("quoting", arguments: [
        ("plain", "\"plain\""),
        ("a\"b", "\"a\\\"b\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("end\\", "\"end\\\\\""),
        ("x\ny\r\nz\rw", "\"x\\ny\\nz\\nw\""),
        ("<&>", "\"<&amp;>\""),
        ("tab\there\0", "\"tab here \""),
        ("é🦙", "\"é🦙\""),
        ("", "\"\""),
        (String(repeating: "x", count: 4097), "\"" + String(repeating: "x", count: 4096) + "\" + \"x\""),
    ])
    func quoting(input: String, expected: String) {
        #expect(DOTWriter.quote(input) == expected)
    }

    @Test("long text is split into DOT string concatenation that Graphviz reassembles")
    func longStrings() throws {
        // Graphviz 2.42 rejects one quoted run longer than ~16,380 bytes; this is 100,000+ bytes.
        let long = String(repeating: "abc\\\"é模🦙 ", count: 6_000)
        let quoted = DOTWriter.quote(long)
        #expect(quoted.contains("\" + \""))
        for chunk in quoted.components(separatedBy: "\" + \"") {
            #expect(chunk.utf8.count <= DOTWriter.maxQuotedChunk + 1)
        }

        var w = DOTWriter()
        w.node(long, ["label": long])
        w.edge(long, "b")
        let parsed = try #require(parseWithCgraph(w.text))
        #expect(parsed.nodes.count == 2)
        #expect(parsed.edges == 1)
        let svg = try GraphvizRenderer.shared.render(w.text, format: .svg)
        let inspector = SVGInspector.inspect(svg)
        #expect(inspector.isWellFormed, "\(inspector.error ?? "")")
        #expect(undoNonBreakingSpaces(inspector.texts) == [long, "b"])
    }

    @Test("attributes keep order, replace in place, and sort when built from a dictionary")
    func attributes() {
        var a: DOTAttributes = ["b": "1", "a": "2"]
        a["b"] = "3"
        a["c"] = "4"
        a["a"] = nil
        #expect(a.map(\.name) == ["b", "c"])
        #expect(a["b"] == "3")
        let d = DOTAttributes(["z": "1", "m": "2", "a": "3"])
        #expect(d.map(\.name) == ["a", "m", "z"])
    }

    @Test("same input, same bytes")
    func deterministic() throws {
        func build() -> String {
            var w = DOTWriter()
            for i in 0..<200 {
                w.node("n\(i)", DOTAttributes(["label": "node \(i)", "tooltip": "t\(i)", "color": "red"]))
                if i > 0 { w.edge("n\(i - 1)", "n\(i)") }
            }
            return w.text
        }
        #expect(Array(build().utf8) == Array(build().utf8))
        // Rendered output is byte-identical too (the writer always names the graph).
        let first = try GraphvizRenderer.shared.render(build(), format: .svg)
        let second = try GraphvizRenderer.shared.render(build(), format: .svg)
        #expect(first == second)
    }

    @Test("hostile IDs and labels cannot inject statements or attributes", arguments: hostileStrings)
    func hostileStructure(hostile: String) throws {
        var w = DOTWriter(.digraph, name: hostile)
        w.node(hostile, ["label": hostile, "tooltip": hostile])
        w.edge(hostile, "safe", ["label": hostile])
        w.subgraph("cluster_" + hostile, ["label": hostile]) { s in s.node("inner") }
        let dot = w.text

        let parsed = try #require(parseWithCgraph(dot), "Graphviz could not parse:\n\(dot)")
        #expect(parsed.nodes.count == 3, "\(parsed.nodes)")
        #expect(parsed.edges == 1)
        #expect(parsed.attributeNames.isSubset(of: ["label", "tooltip"]), "\(parsed.attributeNames)")

        for format in [GraphvizFormat.svg, .plain, .dot] {
            _ = try GraphvizRenderer.shared.render(dot, format: format)
        }
        let svg = try GraphvizRenderer.shared.render(dot, format: .svg)
        let inspector = SVGInspector.inspect(svg)
        #expect(inspector.isWellFormed, "\(inspector.error ?? "")")
        #expect(!inspector.elementNames.contains("script"))
        #expect(!inspector.elementNames.contains("b"))
        #expect(!inspector.attributeNames.contains("evil"))
    }

    @Test("hostile labels display literally in SVG", arguments: hostileStrings)
    func hostileLabelText(hostile: String) throws {
        var w = DOTWriter()
        w.node("n", ["label": hostile])
        let svg = try GraphvizRenderer.shared.render(w.text, format: .svg)
        let inspector = SVGInspector.inspect(svg)
        #expect(inspector.isWellFormed, "\(inspector.error ?? "")")
        // Graphviz writes each line of a label as one <text>; blank lines have none.
        let expected = displayed(hostile).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(undoNonBreakingSpaces(inspector.texts) == expected)
    }

    @Test("a hostile node ID used as its own label displays literally")
    func hostileIDAsLabel() throws {
        for hostile in ["a\"b", "<script>&", "x] [evil=1", "&nbsp;"] {
            var w = DOTWriter()
            w.node(hostile)
            let inspector = SVGInspector.inspect(try GraphvizRenderer.shared.render(w.text))
            #expect(inspector.isWellFormed)
            #expect(inspector.texts == [hostile])
        }
    }
}
