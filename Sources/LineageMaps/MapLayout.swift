import LineageRender

/// The Graphviz layout a map is drawn with (`lineage render --layout`).
public enum MapLayout: String, Sendable, CaseIterable, Codable {
    /// Hierarchical: generations left to right.
    case dot
    /// Radial: the seed in the middle, generations on rings.
    case twopi
    /// Force-directed (multiscale); for large maps.
    case sfdp
    /// `dot` up to ``autoThreshold`` nodes, `sfdp` above.
    case auto

    /// Largest map `auto` still draws hierarchically; hierarchical layouts of wide trees get slow and
    /// unreadable beyond this.
    public static let autoThreshold = 400

    /// The concrete layout for a map of `nodeCount` nodes (placeholders included).
    public func resolved(nodeCount: Int) -> MapLayout {
        guard self == .auto else { return self }
        return nodeCount <= Self.autoThreshold ? .dot : .sfdp
    }

    /// The Graphviz engine; `auto` must be resolved first (it maps to `dot`).
    public var engine: LayoutEngine {
        switch self {
        case .dot, .auto: .dot
        case .twopi: .twopi
        case .sfdp: .sfdp
        }
    }
}
