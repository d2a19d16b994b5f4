import LineageGraph

/// Counts per relation in a stable, Codable shape (`{"adapter":…,"finetune":…,…}` in JSON).
public struct RelationBreakdown: Sendable, Codable, Equatable {
    public var finetune = 0
    public var adapter = 0
    public var quantized = 0
    public var merge = 0
    public var unknown = 0

    public init() {}

    public init(_ counts: RelationCounts) {
        finetune = counts.finetune
        adapter = counts.adapter
        quantized = counts.quantized
        merge = counts.merge
        unknown = counts.unknown
    }

    public subscript(relation: Relation) -> Int {
        get {
            switch relation {
            case .finetune: finetune
            case .adapter: adapter
            case .quantized: quantized
            case .merge: merge
            case .unknown: unknown
            }
        }
        set {
            switch relation {
            case .finetune: finetune = newValue
            case .adapter: adapter = newValue
            case .quantized: quantized = newValue
            case .merge: merge = newValue
            case .unknown: unknown = newValue
            }
        }
    }

    /// `finetune 3, adapter 1` — non-zero relations only, in `Relation` order; `none` when all are 0.
    public var summary: String {
        let parts = Relation.allCases.filter { self[$0] > 0 }.map { "\($0.name) \(Formatting.group(self[$0]))" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
