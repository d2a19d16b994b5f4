import Foundation
import LineageRender
import LineageSupport

/// A lineage map ready to draw: its DOT text, the layout it is meant for, and what was selected.
public struct LineageMap: Sendable {
    /// The DOT source; the same input always gives the same bytes.
    public let dot: String
    /// The concrete layout (`auto` already resolved).
    public let layout: MapLayout
    /// The map's title line.
    public let title: String
    /// The nodes, edges and placeholders drawn.
    public let selection: MapSelection

    public init(dot: String, layout: MapLayout, title: String, selection: MapSelection) {
        self.dot = dot
        self.layout = layout
        self.title = title
        self.selection = selection
    }

    /// The map as `format`: the DOT text itself for `.dot`, else laid out and rendered in process by
    /// Graphviz (``GraphvizRenderer/shared``).
    /// - Throws: `LineageError` with Graphviz's own message, or naming the package that brings a
    ///   missing output format or layout plugin.
    public func render(_ format: MapFormat, renderer: GraphvizRenderer = .shared) throws(LineageError) -> [UInt8] {
        guard let graphvizFormat = format.graphviz else { return Array(dot.utf8) }
        // Without the final line break: Graphviz 2.42's lexer carries a newline read after the closing
        // brace into its (process-global) line counter, so later syntax errors would name wrong lines.
        var text = dot
        while text.last?.isNewline == true { text.removeLast() }
        do {
            return try renderer.render(text, format: graphvizFormat, engine: layout.engine)
        } catch {
            throw LineageError(error.message.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }
}

extension LineageMap {
    /// The line `lineage render` prints on standard error after writing the map to `file` as `format`.
    public func writtenLine(file: String, format: MapFormat) -> String {
        let cut = selection.collapsed.reduce(0) { $0 + $1.count }
        return "Wrote \(file) (\(format.rawValue), \(layout.rawValue) layout): \(selection.nodes.count) nodes, \(selection.edges.count) edges"
            + (cut > 0 ? ", \(cut) more folded" : "")
    }
}
