/// One counter per `Relation`, stored inline (no heap allocation), indexed by relation.
/// JSON: `{"adapter": …, "finetune": …, "merge": …, "quantized": …, "unknown": …}` (keys from `Relation.table`).
public struct RelationCounts: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Lane `rawValue` counts that relation; `RelationMask` keeps relations to 8.
    private var lanes = SIMD8<Int>()

    public init() {}

    public subscript(relation: Relation) -> Int {
        get { lanes[Int(relation.rawValue)] }
        set { lanes[Int(relation.rawValue)] = newValue }
    }

    /// Sum over all relations.
    public var total: Int { lanes.wrappedSum() }

    public var description: String {
        Relation.allCases.map { "\($0.name)=\(self[$0])" }.joined(separator: " ")
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for relation in Relation.allCases { self[relation] = try container.decode(Int.self, forKey: Key(stringValue: relation.name)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for relation in Relation.allCases { try container.encode(self[relation], forKey: Key(stringValue: relation.name)) }
    }
}
