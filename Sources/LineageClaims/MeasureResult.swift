import Foundation
import LineageSupport

/// One measure's value on a store, with its definition and how far to trust it.
public struct MeasureResult: Sendable, Codable, Equatable {
    public var name: String
    /// The measure as written in the claims file (a question in `lineage ask` words, `metric …`, `window …`, `share …`).
    public var measure: String
    /// `question`, `window`, `metric` or `share`.
    public var kind: String
    public var definition: String
    /// The value (a count, a total, or a share in 0…1); nil when it could not be computed.
    public var value: Double?
    /// For a `what share of` question: the share of their downloads (`NAME.downloads` in checks).
    public var downloadShare: Double?
    public var isShare: Bool
    /// For a share of entities: how many of how many, and the 95% Wilson interval.
    public var count: Int?
    public var denominator: Int?
    public var interval: WilsonInterval?
    /// Why the store cannot measure this (too old, too small a sample, no country for most authors); nil when it can.
    public var notMeasurable: String?
    /// Read-with-care notes: small samples, biased samples.
    public var warnings: [String]
    /// The coverage line of the answer or metric (share with known country or kind).
    public var coverage: String?

    /// The value as printed: `12,345`, `41.2%`, or `-`.
    public var display: String {
        guard let value else { return "-" }
        if isShare { return Formatting.percent(value) }
        if value.rounded() == value, abs(value) < 9e15 { return Formatting.group(Int64(value)) }
        return String(format: "%.3f", value)
    }
}
