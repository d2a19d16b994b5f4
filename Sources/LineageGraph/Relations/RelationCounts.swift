/// One counter per `Relation`, stored inline (no heap allocation), indexed by relation.
/// JSON: `{"adapter": …, "finetune": …, "merge": …, "quantized": …, "unknown": …}`.
public struct RelationCounts: Sendable, Equatable, Codable, CustomStringConvertible {
    public var finetune = 0
    public var adapter = 0
    public var quantized = 0
    public var merge = 0
    public var unknown = 0

    public init() {}

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

    /// Sum over all relations.
    public var total: Int { finetune + adapter + quantized + merge + unknown }

    public var description: String {
        Relation.allCases.map { "\($0.name)=\(self[$0])" }.joined(separator: " ")
    }
}
