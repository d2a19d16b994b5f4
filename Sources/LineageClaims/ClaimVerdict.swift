/// What the store says about a claim, or about one reading (check) of it.
public enum ClaimVerdict: String, Sendable, Codable, Equatable {
    case supported
    case notSupported = "not supported"
    /// The store cannot say: too old, too small a sample, no country for most authors…
    case notMeasurable = "not measurable"
}
