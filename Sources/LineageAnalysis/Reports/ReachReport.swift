import LineageCatalog
import LineageGraph
import LineageSupport
/// What `lineage reach` prints: how far each family, root model or organization's lineage spreads.
public struct ReachReport: Sendable, Codable, Equatable, TabularReport {
    /// What one row is about.
    public enum Grouping: String, Sendable, Codable, CaseIterable {
        /// A family of the catalog: seeds are its roots.
        case family
        /// A root model (no parents, at least one child): the seed is the model.
        case root
        /// An author: seeds are its root models.
        case org
    }

    /// One family, root or organization.
    public struct Entry: Sendable, Codable, Equatable {
        /// Family id, model id or author.
        public var key: String
        /// Family label (families only).
        public var label: String?
        /// Seed models.
        public var seeds: Int
        /// Seeds plus descendants.
        public var members: Int
        /// Descendants, seeds excluded.
        public var descendants: Int
        public var direct: Int
        public var indirect: Int
        public var byRelation: RelationBreakdown
        /// Download-weighted reach: sums over descendants.
        public var downloads: Int64
        public var downloadsAllTime: Int64
        /// Distinct authors of descendants.
        public var distinctAuthors: Int
        /// Deepest shortest-path depth below the seeds.
        public var maxDepth: Int
        /// Deepest generation (longest path) below the seeds.
        public var maxGeneration: Int
        /// The family's kind (`llm`, `diffusion`…); nil unless ranked by family.
        public var kind: FamilyKind? = nil
    }

    public var by: Grouping
    /// Entries before `--top` was applied.
    public var total: Int
    /// `--top`, nil when all are listed.
    public var top: Int?
    /// Ranked by members descending, then key; by family, language-model families (`llm`,
    /// `multimodal`) come first, then the others, each part ranked the same way.
    public var entries: [Entry]

    public var summaryLines: [String] {
        let noun = by == .family ? "families" : by == .root ? "root models" : "organizations with root models"
        var line = "Reach of \(Formatting.group(total)) \(noun)"
        if entries.count < total { line += " (top \(entries.count) by members)" }
        if by == .family { line += "; language-model families first, then diffusion, speech, vision and encoder families" }
        return [line]
    }

    public var columns: [String] {
        let relations: [String] = Relation.allCases.map(\.name)
        return [by == .family ? "family" : by == .root ? "root" : "org"] + (by == .family ? ["kind"] : [])
            + ["seeds", "members", "direct", "indirect"] + relations + ["downloads", "all-time", "authors", "max gen"]
    }

    public var rows: [[String]] {
        entries.map { e in
            let counts: [Int] = [e.seeds, e.members, e.direct, e.indirect] + Relation.allCases.map { e.byRelation[$0] }
            return [by == .family ? e.key + (e.label.map { $0 == e.key ? "" : " (\($0))" } ?? "") : e.key]
                + (by == .family ? [e.kind?.rawValue ?? ""] : [])
                + counts.map { Formatting.group($0) }
                + [Formatting.group(e.downloads), Formatting.group(e.downloadsAllTime), Formatting.group(e.distinctAuthors), String(e.maxGeneration)]
        }
    }

    public var numericColumns: Set<Int> { Set((by == .family ? 2 : 1)..<columns.count) }
}
