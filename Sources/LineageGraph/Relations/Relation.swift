/// How a child model was made from a parent, as the Hub records it.
///
/// Raw values are stable: they are stored in the SQLite store and in binary caches. A relation is
/// described once, in `table`; adding one means a case here and its row there (and a store migration
/// widening the `lineage_edge.relation` CHECK, which a test compares with the table).
public enum Relation: UInt8, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case finetune = 0, adapter = 1, quantized = 2, merge = 3
    /// The source names a parent but not how the child was made.
    case unknown = 4

    /// One row per relation, in raw-value order (at most 8: `RelationMask` is a byte).
    public static let table: [RelationTraits] = [
        RelationTraits(
            .finetune, name: "finetune", hubNames: ["finetuned", "fine-tune", "fine-tuned", "fine_tune"],
            switchingWeight: 1.0, mapWeight: 1.0, dotAttributes: [("style", "solid"), ("color", "#444444")], legend: "solid"),
        // Adapters are as costly as fine-tunes to switching cost and cannot move to another base at all.
        RelationTraits(
            .adapter, name: "adapter", hubNames: ["adapters", "lora", "peft"], switchingWeight: 1.0, mapWeight: 0.8,
            bindsToBase: true, dotAttributes: [("style", "dashed"), ("color", "#444444")], legend: "dashed"),
        RelationTraits(
            .quantized, name: "quantized", hubNames: ["quantization", "quantize", "quant"], switchingWeight: 0.2, mapWeight: 0.25,
            isQuantization: true, dotAttributes: [("style", "dotted"), ("color", "#444444")], legend: "dotted"),
        RelationTraits(
            .merge, name: "merge", hubNames: ["merged", "merges"], switchingWeight: 0.7, mapWeight: 0.6,
            dotAttributes: [("style", "bold"), ("penwidth", "2"), ("color", "#444444")], legend: "bold"),
        RelationTraits(
            .unknown, name: "unknown", hubNames: [""], switchingWeight: 0.5, mapWeight: 0.5,
            dotAttributes: [("style", "solid"), ("color", "#aaaaaa")], legend: "grey"),
    ]

    /// This relation's row of `table`.
    @inline(__always)
    public var traits: RelationTraits { Self.table[Int(rawValue)] }

    /// The spelling used in the store, in JSON output and on the command line.
    public var name: String { traits.name }

    public var description: String { name }

    /// Every spelling of `table` (names and Hub spellings) → its relation.
    private static let byHubName: [String: Relation] = {
        var out: [String: Relation] = [:]
        for row in table { for word in [row.name] + row.hubNames { out[word] = row.relation } }
        return out
    }()

    /// Parses the Hub's spellings and their variants (`finetuned`, `merged`, `quantization`, `lora`…),
    /// case-insensitively; nil when the word names no relation.
    public init?(hubName: some StringProtocol) {
        guard let relation = Self.byHubName[hubName.lowercased()] else { return nil }
        self = relation
    }

    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.rawValue < rhs.rawValue }
}
