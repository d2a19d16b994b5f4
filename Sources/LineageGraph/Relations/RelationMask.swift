/// A set of `Relation`s packed in one byte, used to filter edges in traversals.
///
/// Testing membership is a single AND, so the mask is checked on every edge of a hot loop.
public struct RelationMask: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The mask holding exactly `relation`.
    public init(_ relation: Relation) { self.rawValue = 1 << relation.rawValue }

    /// The mask holding every relation of `relations`.
    public init(_ relations: some Sequence<Relation>) {
        var raw: UInt8 = 0
        for relation in relations { raw |= 1 << relation.rawValue }
        self.rawValue = raw
    }

    public static let finetune = RelationMask(Relation.finetune)
    public static let adapter = RelationMask(Relation.adapter)
    public static let quantized = RelationMask(Relation.quantized)
    public static let merge = RelationMask(Relation.merge)
    public static let unknown = RelationMask(Relation.unknown)
    /// Every relation: no filtering.
    public static let all = RelationMask(Relation.allCases)

    /// Whether edges of `relation` pass the mask.
    @inline(__always)
    public func contains(_ relation: Relation) -> Bool { rawValue & (1 << relation.rawValue) != 0 }

    /// The relations in the mask, in raw-value order.
    public var relations: [Relation] { Relation.allCases.filter { contains($0) } }

    public var description: String { "[" + relations.map(\.name).joined(separator: ",") + "]" }
}
