/// Relations encode as their names (`"finetune"`), the spelling used in JSON output and the store.
extension Relation: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let relation = Relation(hubName: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown relation \"\(name)\"")
        }
        self = relation
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
