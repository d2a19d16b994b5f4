import Foundation
import LineageGraph
import LineageRender
import LineageStore
import LineageSupport

/// Turns a ``MapSelection`` into DOT: styled nodes and edges, "+N more" placeholders, a country legend
/// and a title.
///
/// Everything taken from the data (ids, authors, countries) reaches DOT only as a quoted string through
/// `DOTWriter`, and nodes get generated ids (`n0`, `n1`, placeholders `m0`…, legend `c0`…), so no model id
/// can clash with, inject into, or reorder the output. Labels are single-line, length-limited copies
/// of the data (``MapStyle/shortName(_:)``); tooltips carry the full id and metrics; SVG nodes link to
/// the model's Hub page.
///
/// Output is deterministic: nodes in selection order, attributes in a fixed order, no hashing.
public struct LineageMapBuilder: Sendable {
    public let graph: LineageGraph
    /// Hub id per node.
    public let names: [String]
    /// The author table `graph.columns.authorIds` index.
    public let authors: [String]
    public let lookups: MapLookups

    /// Longest tooltip, in characters.
    package static let tooltipLength = 600
    /// Most countries listed in the legend; the rest are summed on one line.
    package static let legendEntries = 14

    public init(graph: LineageGraph, names: [String], authors: [String], lookups: MapLookups = .none) {
        precondition(names.count == graph.nodeCount, "LineageMapBuilder: one name per node")
        self.graph = graph
        self.names = names
        self.authors = authors
        self.lookups = lookups
    }

    public init(loaded: LoadedGraph, lookups: MapLookups = .none) {
        self.init(graph: loaded.graph, names: loaded.data.names, authors: loaded.data.authors, lookups: lookups)
    }

    // MARK: - Per-node facts

    /// The author of `node`: its author column, else the namespace of its id (external parents).
    public func author(of node: Int32) -> String? {
        if let a = graph.columns?.authorIds[Int(node)], a >= 0, Int(a) < authors.count { return authors[Int(a)] }
        let name = names[Int(node)]
        guard let slash = name.firstIndex(of: "/"), slash != name.startIndex else { return nil }
        return String(name[..<slash])
    }

    /// The author's country code (uppercased), or nil.
    public func country(of node: Int32) -> String? {
        guard let author = author(of: node), let code = lookups.country(author), !code.isEmpty else { return nil }
        return code.uppercased()
    }

    package func kind(of node: Int32) -> NodeKind { graph.columns?.kinds[Int(node)] ?? .model }
    package func downloads(of node: Int32) -> Int64 { graph.columns?.downloads[Int(node)] ?? 0 }

    // MARK: - DOT

    /// The DOT text of `selection`.
    ///
    /// - Parameters:
    ///   - title: first title line, e.g. `Qwen family: descendants by US authors`.
    ///   - snapshot: which data the map comes from, e.g. the store's description.
    ///   - layout: the concrete layout (graph attributes differ between layered and force layouts).
    /// - Complexity: O(k + e + total label length) for k nodes and e edges drawn.
    public func dot(for selection: MapSelection, title: String, snapshot: String, layout: MapLayout) -> String {
        var w = DOTWriter(.digraph, name: "lineage")
        let summary = Self.summary(selection)
        var graphAttributes: DOTAttributes = [
            "label": [title, summary, snapshot, MapStyle.relationLegend].map(MapStyle.singleLine).joined(separator: "\n"),
            "labelloc": "t", "labeljust": "l", "fontname": "Helvetica,Arial,sans-serif", "fontsize": "14",
            "bgcolor": "white", "pad": "0.3",
        ]
        switch layout {
        case .dot, .auto:
            graphAttributes["rankdir"] = "LR"
            graphAttributes["nodesep"] = "0.12"
            graphAttributes["ranksep"] = "0.6"
        case .twopi:
            graphAttributes["overlap"] = "false"
            graphAttributes["ranksep"] = "1.6"
            if let first = selection.nodes.firstIndex(where: { $0.role == .seed }) { graphAttributes["root"] = "n\(first)" }
        case .sfdp:
            graphAttributes["overlap"] = "prism"
            graphAttributes["overlap_scaling"] = "-4"
            graphAttributes["outputorder"] = "edgesfirst"
        }
        w.graphAttributes(graphAttributes)
        w.nodeDefaults(["fontname": "Helvetica,Arial,sans-serif", "fontsize": "10", "penwidth": "0.8", "margin": "0.06,0.03"])
        w.edgeDefaults(["arrowsize": "0.6", "penwidth": "0.9"])

        // Nodes.
        var countryCounts: [String: Int] = [:]
        var place: [Int32: Int] = [:]
        for (i, item) in selection.nodes.enumerated() {
            place[item.node] = i
            let country = self.country(of: item.node)
            countryCounts[country ?? "", default: 0] += 1
            w.node("n\(i)", nodeAttributes(item, country: country))
        }

        // Edges.
        for edge in selection.edges {
            guard let from = place[edge.parent], let to = place[edge.child] else { continue }
            var attributes = MapStyle.edge(for: edge.relation)
            attributes["tooltip"] = MapStyle.truncated(
                MapStyle.singleLine("\(names[Int(edge.parent)]) → \(names[Int(edge.child)]) (\(edge.relation.name))"), to: Self.tooltipLength)
            w.edge("n\(from)", "n\(to)", attributes)
        }

        // Placeholders for what was cut.
        for (j, group) in selection.collapsed.enumerated() {
            let parentName = group.parent.map { names[Int($0)] }
            let what = parentName == nil ? "seed\(group.count == 1 ? "" : "s")" : "more"
            var attributes: DOTAttributes = [
                "label": "+\(Formatting.group(group.count)) \(what)\n(\(MapStyle.compact(group.downloads)) downloads)",
                "shape": "box", "style": "rounded,dashed", "color": "#999999", "fontcolor": "#555555",
            ]
            attributes["tooltip"] = MapStyle.truncated(MapStyle.singleLine(
                parentName.map { "\(Formatting.group(group.count)) more descendant\(group.count == 1 ? "" : "s") of \($0) not drawn (\(Formatting.group(group.downloads)) "
                    + "recent downloads)" }
                    ?? "\(Formatting.group(group.count)) more seed model\(group.count == 1 ? "" : "s") not drawn (\(Formatting.group(group.downloads)) recent downloads)"),
                to: Self.tooltipLength)
            w.node("m\(j)", attributes)
            if let parent = group.parent, let from = place[parent] {
                w.edge("n\(from)", "m\(j)", ["style": "dashed", "color": "#bbbbbb", "arrowhead": "none"])
            }
        }

        writeLegend(&w, countryCounts, chained: layout != .dot && layout != .auto)
        return w.text
    }

    /// One line counting what is drawn.
    package static func summary(_ s: MapSelection) -> String {
        let drawn = s.nodes.count
        let cut = s.collapsed.reduce(0) { $0 + $1.count }
        var text = "\(Formatting.group(drawn)) node\(drawn == 1 ? "" : "s") drawn"
        let descendants = s.universeCount - s.seedCount
        text += " · \(Formatting.group(s.seedCount)) seed\(s.seedCount == 1 ? "" : "s")"
        if s.candidateCount == descendants {
            text += " · \(Formatting.group(descendants)) descendant\(descendants == 1 ? "" : "s")"
        } else {
            text += " · \(Formatting.group(s.candidateCount)) of \(Formatting.group(descendants)) descendants pass the filters"
        }
        if s.ancestorCount > 0 { text += " · \(Formatting.group(s.ancestorCount)) ancestor\(s.ancestorCount == 1 ? "" : "s")" }
        if cut > 0 { text += " · \(Formatting.group(cut)) collapsed into +N nodes" }
        return text
    }

    private func nodeAttributes(_ item: MapSelection.Node, country: String?) -> DOTAttributes {
        let node = item.node
        let id = names[Int(node)]
        let kind = kind(of: node)
        var a = MapStyle.shape(for: kind)
        let downloads = downloads(of: node)
        var label = MapStyle.shortName(id)
        if kind == .external {
            label += "\n(external)"
        } else {
            label += "\n↓ " + MapStyle.compact(downloads)
        }
        a["label"] = label
        a["fillcolor"] = MapStyle.fill(forCountry: country)
        if item.role == .seed || item.role == .ancestor && graph.inDegree(node) == 0 { a["penwidth"] = "2" }
        if item.role == .path { a["fontcolor"] = "#666666" }
        a["tooltip"] = tooltip(item, country: country)
        a["URL"] = MapStyle.hubURL(id)
        a["target"] = "_blank"
        return a
    }

    /// Full id and metrics, one per line.
    private func tooltip(_ item: MapSelection.Node, country: String?) -> String {
        let node = item.node
        var lines = [MapStyle.singleLine(names[Int(node)])]
        var who = "author: " + MapStyle.singleLine(author(of: node) ?? "unknown")
        if let country { who += " (\(country))" }
        if let author = author(of: node), let kind = lookups.organizationKind(author) { who += ", " + MapStyle.singleLine(kind) }
        lines.append(who)
        let columns = graph.columns
        let kind = kind(of: node)
        if kind == .external {
            lines.append("external parent: named by its children, not described on the Hub")
        } else if let columns {
            lines.append("downloads: \(Formatting.group(columns.downloads[Int(node)])) (30 days), \(Formatting.group(columns.downloadsAllTime[Int(node)])) all-time")
            lines.append("likes: \(Formatting.group(Int64(columns.likes[Int(node)])))")
        }
        switch item.role {
        case .seed: lines.append("seed of this map")
        case .ancestor: lines.append("ancestor, \(item.depth) step\(item.depth == 1 ? "" : "s") up")
        case .descendant, .path:
            lines.append("depth \(item.depth) below the seed" + (item.role == .path ? " (drawn as the way to a selected descendant)" : ""))
        }
        if item.role != .ancestor, item.reach > 0 {
            lines.append("descendants: \(Formatting.group(item.reach)) (\(Formatting.group(item.reachDownloads)) downloads)")
        }
        return MapStyle.truncated(lines.joined(separator: "\n"), to: Self.tooltipLength)
    }

    /// A boxed legend: one filled node per country, most frequent first. In a layered (left-to-right)
    /// layout the entries stack in the first rank by themselves; force layouts need them `chained` by
    /// invisible edges to stay together.
    private func writeLegend(_ w: inout DOTWriter, _ counts: [String: Int], chained: Bool) {
        guard !counts.isEmpty else { return }
        let known = counts.filter { !$0.key.isEmpty }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var entries: [(label: String, fill: String, tooltip: String)] = known.prefix(Self.legendEntries).map {
            (MapStyle.singleLine($0.key) + " · \($0.value)", MapStyle.fill(forCountry: $0.key), "author country \(MapStyle.singleLine($0.key)): \($0.value) "
                + "node\($0.value == 1 ? "" : "s")")
        }
        let rest = known.dropFirst(Self.legendEntries).reduce(0) { $0 + $1.value }
        if rest > 0 { entries.append(("other · \(rest)", "#ffffff", "\(rest) nodes from other countries")) }
        if let unknown = counts[""] { entries.append(("unknown · \(unknown)", MapStyle.unknownCountryFill, "\(unknown) node\(unknown == 1 ? "" : "s") whose author's "
            + "country is not known")) }
        w.subgraph("cluster_legend", [
            "label": "author country", "fontsize": "10", "style": "rounded", "color": "#bbbbbb",
            "fontname": "Helvetica,Arial,sans-serif",
        ]) { w in
            for (i, entry) in entries.enumerated() {
                w.node("c\(i)", [
                    "label": entry.label, "shape": "box", "style": "filled", "fillcolor": entry.fill,
                    "fontsize": "9", "width": "0.9", "height": "0.25", "tooltip": entry.tooltip,
                ])
            }
            if chained { for i in entries.indices.dropFirst() { w.edge("c\(i - 1)", "c\(i)", ["style": "invis"]) } }
        }
    }
}
