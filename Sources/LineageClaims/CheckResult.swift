/// One reading of a claim (a `check:` line) evaluated on a store.
public struct CheckResult: Sendable, Codable, Equatable {
    public var check: String
    public var verdict: ClaimVerdict
    /// The sides of its comparisons with the store's values put in (`14,599 >= 200000`).
    public var evaluated: String
    /// Why it is not measurable, when it is not.
    public var reasons: [String]
}
