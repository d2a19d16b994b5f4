/// Attributes of a DOT graph, node or edge, kept in the order they were given (so output is deterministic).
///
/// Setting a name that is already present replaces its value in place.
public struct DOTAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    public struct Attribute: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    public private(set) var attributes: [Attribute] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// Attributes from an unordered dictionary, sorted by name so the output does not depend on hashing.
    public init(_ dictionary: [String: String]) {
        for name in dictionary.keys.sorted() { self[name] = dictionary[name] }
    }

    public subscript(name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            let index = attributes.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let i?, let v?): attributes[i] = Attribute(name: name, value: v)
            case (let i?, nil): attributes.remove(at: i)
            case (nil, let v?): attributes.append(Attribute(name: name, value: v))
            case (nil, nil): break
            }
        }
    }

    public var isEmpty: Bool { attributes.isEmpty }
    public func makeIterator() -> IndexingIterator<[Attribute]> { attributes.makeIterator() }
}

/// Builds DOT text for Graphviz.
///
/// Every ID, attribute name and attribute value is written as a double-quoted DOT string through
/// ``quote(_:)``, so text from data can never end a statement, add attributes, or become an HTML-like
/// label. The same calls always produce the same bytes.
///
/// ```swift
/// var w = DOTWriter(.digraph, name: "lineage")
/// w.nodeDefaults(["shape": "box"])
/// w.node("meta-llama/Llama-3-8B", ["label": "Llama 3 8B"])
/// w.edge("meta-llama/Llama-3-8B", "someone/finetune", ["label": "finetune"])
/// let dot = w.text
/// ```
public struct DOTWriter: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case digraph, graph
    }

    public let kind: Kind
    private var body: String = ""
    private var depth = 1

    /// - Parameters:
    ///   - name: the graph's ID. Always written: Graphviz names an anonymous graph `%N` from a
    ///     process-wide counter, and that name appears in SVG `<title>`s, so output would differ
    ///     from one render to the next.
    ///   - strict: a `strict` graph merges parallel edges.
    public init(_ kind: Kind = .digraph, name: String = "G", strict: Bool = false) {
        self.kind = kind
        var header = strict ? "strict " : ""
        header += kind == .digraph ? "digraph " : "graph "
        body = header + Self.quote(name) + " {\n"
    }

    /// The finished DOT text (the writer can keep being used afterwards).
    public var text: String { body + "}\n" }

    /// `graph [...]`: attributes of the graph (or of the current subgraph).
    public mutating func graphAttributes(_ attributes: DOTAttributes) {
        statement("graph", attributes, always: false)
    }

    /// `node [...]`: defaults for nodes declared after this point in the current (sub)graph.
    public mutating func nodeDefaults(_ attributes: DOTAttributes) {
        statement("node", attributes, always: false)
    }

    /// `edge [...]`: defaults for edges declared after this point in the current (sub)graph.
    public mutating func edgeDefaults(_ attributes: DOTAttributes) {
        statement("edge", attributes, always: false)
    }

    /// Declares the node `id`, with attributes.
    public mutating func node(_ id: String, _ attributes: DOTAttributes = [:]) {
        statement(Self.quote(id), attributes, always: true)
    }

    /// Adds an edge `from -> to` (`from -- to` in an undirected graph).
    public mutating func edge(_ from: String, _ to: String, _ attributes: DOTAttributes = [:]) {
        let op = kind == .digraph ? " -> " : " -- "
        statement(Self.quote(from) + op + Self.quote(to), attributes, always: true)
    }

    /// Adds `subgraph "name" { ... }` whose statements `build` writes; name it `cluster…` to draw a box.
    public mutating func subgraph(
        _ name: String? = nil, _ attributes: DOTAttributes = [:], _ build: (inout DOTWriter) -> Void
    ) {
        indent()
        body += "subgraph"
        if let name { body += " " + Self.quote(name) }
        body += " {\n"
        depth += 1
        graphAttributes(attributes)
        build(&self)
        depth -= 1
        indent()
        body += "}\n"
    }

    /// Adds a DOT comment line (`// …`); newlines in `text` are replaced by spaces.
    public mutating func comment(_ text: String) {
        indent()
        body += "// "
        for scalar in text.unicodeScalars {
            body.unicodeScalars.append(Self.isControl(scalar) ? " " : scalar)
        }
        body += "\n"
    }

    private mutating func indent() {
        body += String(repeating: "  ", count: depth)
    }

    private mutating func statement(_ head: String, _ attributes: DOTAttributes, always: Bool) {
        if attributes.isEmpty && !always { return }
        indent()
        body += head
        if !attributes.isEmpty {
            body += " ["
            var first = true
            for attribute in attributes {
                if !first { body += ", " }
                first = false
                body += Self.quote(attribute.name)
                body += "="
                body += Self.quote(attribute.value)
            }
            body += "]"
        }
        body += ";\n"
    }

    /// Longest run of UTF-8 bytes written inside one pair of quotes. Graphviz 2.42's lexer rejects a
    /// quoted string with a run of more than ~16,380 bytes ("longer than 16384?"), so longer text is
    /// written as DOT string concatenation: `"…" + "…"`.
    static let maxQuotedChunk = 4096

    /// `string` as a double-quoted DOT string (or a `+` concatenation of them, for long text) that
    /// means exactly one ID or attribute value.
    ///
    /// - `"` becomes `\"` and `\` becomes `\\`, so the string cannot end early and Graphviz's label
    ///   escapes (`\N`, `\G`, `\l`…) in the data are shown literally.
    /// - Line breaks (`\n`, `\r\n`, `\r`) become DOT's `\n`; other control characters (including NUL,
    ///   which would cut the C string) become a space; U+FFFE/U+FFFF (not allowed in XML, so they would
    ///   break SVG) become U+FFFD.
    /// - `&` becomes `&amp;`: Graphviz decodes HTML entities in labels (`&nbsp;`, `&#60;`…), so this keeps
    ///   the data's text literal. Labels still display `&`; in `dot`/`plain` output IDs appear with `&amp;`.
    /// - Text longer than ``maxQuotedChunk`` bytes is split into `"…" + "…"` between characters.
    ///
    /// Nothing is emitted as an HTML-like label (`<…>`): quoted strings never are.
    public static func quote(_ string: String) -> String {
        // Fast path: short printable ASCII with nothing to escape.
        if string.utf8.count <= maxQuotedChunk,
            string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x26 })
        {
            return "\"" + string + "\""
        }
        var out = "\""
        out.unicodeScalars.reserveCapacity(string.utf8.count + 2)
        var chunkBytes = 0
        var previousWasCR = false
        var unit = ""
        for scalar in string.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            unit.removeAll(keepingCapacity: true)
            switch scalar {
            case "\"": unit = "\\\""
            case "\\": unit = "\\\\"
            case "&": unit = "&amp;"
            case "\r": unit = "\\n"
            case "\n": if !previousWasCR { unit = "\\n" }
            case "\u{FFFE}", "\u{FFFF}": unit.unicodeScalars.append("\u{FFFD}")
            default: unit.unicodeScalars.append(isControl(scalar) ? " " : scalar)
            }
            let size = unit.utf8.count
            if chunkBytes + size > maxQuotedChunk {
                out += "\" + \""
                chunkBytes = 0
            }
            out += unit
            chunkBytes += size
        }
        out += "\""
        return out
    }

    /// C0 controls and DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
