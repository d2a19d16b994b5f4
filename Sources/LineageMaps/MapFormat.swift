import LineageRender

/// The file a map is written as (`lineage render --format`).
public enum MapFormat: String, Sendable, CaseIterable, Codable {
    /// The DOT source itself, without layout: deterministic, byte for byte.
    case dot
    case svg
    case png
    case pdf

    /// The format a file name's extension names (`.dot`/`.gv`, `.svg`, `.png`, `.pdf`, any case);
    /// nil for other extensions and for `-` (standard output).
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "dot", "gv": self = .dot
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        default: return nil
        }
    }

    /// The Graphviz output format; nil for `dot`, which is written without Graphviz.
    public var graphviz: GraphvizFormat? {
        switch self {
        case .dot: nil
        case .svg: .svg
        case .png: .png
        case .pdf: .pdf
        }
    }
}
