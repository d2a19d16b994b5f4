import LineageSupport
/// What `lineage descendants` prints: every model derived from a model, family or namespace.
public struct DescendantsReport: Sendable, Codable, Equatable, TabularReport {
    /// How rows are ordered; every order ends with the model id, so output is deterministic.
    public enum Order: String, Sendable, Codable, CaseIterable {
        /// Depth ascending, then downloads descending, then id.
        case depth
        /// Downloads descending, then depth, then id.
        case downloads
        /// Model id ascending.
        case id
    }

    /// One descendant.
    public struct Descendant: Sendable, Codable, Equatable {
        public var id: String
        /// Hub author, nil when unknown (external parents).
        public var author: String?
        /// Hops from the nearest seed along one shortest path.
        public var depth: Int
        /// Relation of the last edge of that path (how this model was made from its parent).
        public var relation: String
        public var downloads: Int64
        public var downloadsAllTime: Int64
        /// One shortest path, seed first, this model last.
        public var path: [String]
    }

    /// The word as typed.
    public var query: String
    public var target: QueryTarget
    /// The seed models (depth 0), ascending by id.
    public var seeds: [String]
    /// Relations followed (all five unless `--relation`).
    public var relations: [String]
    /// `--max-depth`, nil when unlimited.
    public var maxDepth: Int?
    /// Descendants found, seeds excluded (all of them, whatever `limit`).
    public var total: Int
    /// Descendants one hop from a seed.
    public var direct: Int
    /// Descendants two or more hops from every seed.
    public var indirect: Int
    /// Descendants by relation of the edge that first reached them.
    public var byRelation: RelationBreakdown
    /// Deepest depth reached (0 when nothing was).
    public var deepest: Int
    /// Sums over all descendants.
    public var downloads: Int64
    public var downloadsAllTime: Int64
    public var distinctAuthors: Int
    public var order: Order
    /// `--limit`, nil when unlimited.
    public var limit: Int?
    /// The first `limit` descendants in `order`.
    public var descendants: [Descendant]

    public var summaryLines: [String] {
        var lines = [
            "\(target.text): \(Formatting.group(total)) descendants of \(Formatting.group(seeds.count)) seed model\(seeds.count == 1 ? "" : "s")"
                + " (\(Formatting.group(direct)) direct, \(Formatting.group(indirect)) indirect; max depth \(deepest))",
            "By relation: \(byRelation.summary)",
            "Downloads of descendants: \(Formatting.group(downloads)) recent, \(Formatting.group(downloadsAllTime)) all-time; \(Formatting.group(distinctAuthors)) distinct "
                + "authors",
        ]
        if relations.count < 5 || maxDepth != nil {
            lines.append("Following \(relations.joined(separator: ","))" + (maxDepth.map { " up to depth \($0)" } ?? ""))
        }
        if descendants.count < total { lines.append("Showing \(descendants.count) of \(Formatting.group(total)) (by \(order.rawValue); --limit to change)") }
        return lines
    }

    public var columns: [String] { ["descendant", "author", "depth", "relation", "downloads", "path"] }

    public var rows: [[String]] {
        descendants.map {
            [$0.id, $0.author ?? "", String($0.depth), $0.relation, Formatting.group($0.downloads), $0.path.joined(separator: " → ")]
        }
    }

    public var numericColumns: Set<Int> { [2, 4] }
}
