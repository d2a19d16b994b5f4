import LineageCatalog
import LineageSupport
/// What `lineage families` prints: the family catalog, with counts from a store.
public struct FamiliesReport: Sendable, Codable, Equatable, TabularReport {
    /// One family.
    public struct Row: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        /// Owner namespace first, then alias namespaces.
        public var namespaces: [String]
        public var aliases: [String]
        public var accessClass: String
        public var trackingScope: String
        /// `bundled` or the user file's path.
        public var source: String
        /// `llm`, `diffusion`, `speech`…
        public var kind: FamilyKind = .llm
        /// Root models present in the store (nil without counts).
        public var roots: Int?
        /// Roots plus descendants (nil without counts).
        public var members: Int?
    }

    /// The store counted, nil without counts.
    public var store: String?
    /// In catalog order.
    public var families: [Row]

    public var summaryLines: [String] {
        ["\(families.count) families" + (store.map { "; roots and members in \($0)" } ?? "")]
    }

    public var columns: [String] {
        ["id", "label", "kind", "owner namespaces", "aliases"] + (store == nil ? [] : ["roots", "members"])
    }

    public var rows: [[String]] {
        families.map { f in
            [f.id, f.label, f.kind.rawValue, f.namespaces.joined(separator: ";"), f.aliases.joined(separator: ";")]
                + (store == nil ? [] : [Formatting.group(f.roots ?? 0), Formatting.group(f.members ?? 0)])
        }
    }

    public var numericColumns: Set<Int> { [5, 6] }
}
