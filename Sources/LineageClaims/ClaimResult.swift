/// A claim checked against a store: every measure, every reading, and the verdict.
public struct ClaimResult: Sendable, Codable, Equatable {
    public var number: Int
    public var claim: String
    public var source: String
    public var date: ClaimMonth
    public var notes: [String]
    /// The store and the date of its data (its newest model's creation day).
    public var store: String
    public var asOf: String?
    /// Coverage of the store's derivative models by the registry, then each measure's own coverage line.
    public var coverage: [String]
    public var measures: [MeasureResult]
    public var checks: [CheckResult]
    /// Supported when one reading holds; not supported when every measurable reading fails; else not measurable.
    public var verdict: ClaimVerdict
    /// One line: which readings hold, or why the store cannot say.
    public var why: String
}
