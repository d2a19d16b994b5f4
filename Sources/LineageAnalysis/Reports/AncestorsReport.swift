import LineageSupport
/// What `lineage ancestors` prints: a model's whole lineage up to its roots.
public struct AncestorsReport: Sendable, Codable, Equatable, TabularReport {
    /// One ancestor.
    public struct Ancestor: Sendable, Codable, Equatable {
        public var id: String
        public var author: String?
        /// Hops up from the model along one shortest path.
        public var depth: Int
        /// Relation of the edge from this ancestor to the next model down that path.
        public var relation: String
        public var downloads: Int64
        /// Whether it has no parent (where the lineage starts).
        public var isRoot: Bool
        /// Whether it is named as a parent but not described by any input.
        public var isExternal: Bool
        /// The path from this ancestor down to the model, ancestor first.
        public var path: [String]
    }

    public var model: String
    /// Longest derivation chain from a root of the lineage down to the model (0 for a root).
    public var generation: Int
    /// Ancestors without parents, ascending by id.
    public var roots: [String]
    /// Other models on a lineage cycle with this one (empty when none), ascending.
    public var cycle: [String]
    /// Ancestors by depth, then id.
    public var ancestors: [Ancestor]
    /// Set when `model` is an imported project: the models it uses (at depth 1), ascending.
    public var usedModels: [String]?

    public var summaryLines: [String] {
        var lines = [
            (usedModels.map { "project \(model) (uses \(Formatting.group($0.count)) model\($0.count == 1 ? "" : "s"))" } ?? model)
                + ": \(Formatting.group(ancestors.count)) ancestor\(ancestors.count == 1 ? "" : "s"), generation \(generation), "
                + "\(roots.count) root\(roots.count == 1 ? "" : "s")" + (roots.isEmpty ? "" : ": " + roots.prefix(8).joined(separator: ", ") + (roots.count > 8 ? ", … "
                    + "(--format json lists all)" : "")),
        ]
        if !cycle.isEmpty {
            lines.append("On a lineage cycle with: \(cycle.joined(separator: ", ")) (each model is listed once)")
        }
        return lines
    }

    public var columns: [String] { ["ancestor", "author", "depth", "relation", "downloads", "root", "path"] }

    public var rows: [[String]] {
        ancestors.map {
            [
                $0.id, $0.author ?? "", String($0.depth), $0.relation, Formatting.group($0.downloads),
                $0.isRoot ? "yes" : "", $0.path.joined(separator: " → "),
            ]
        }
    }

    public var numericColumns: Set<Int> { [2, 4] }
}
