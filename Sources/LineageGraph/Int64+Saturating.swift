extension Int64 {
    /// `self + other`, held at `Int64.max` (or `.min`) instead of trapping on overflow.
    ///
    /// Download and like counts come from input: a store written before counts were checked may hold
    /// `Int64.max`, and even checked counts (≤ 2^53) overflow once summed over a thousand models. Every sum
    /// of counts uses this, so a bad figure gives a saturated total, never a crash.
    @inlinable
    public func addingSaturating(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// Adds `other` in place, saturating (see `addingSaturating`).
    @inlinable
    public mutating func addSaturating(_ other: Int64) {
        self = addingSaturating(other)
    }

    /// The saturating sum of `values`.
    /// - Complexity: O(n).
    @inlinable
    public static func saturatingSum<S: Sequence>(_ values: S) -> Int64 where S.Element == Int64 {
        values.reduce(0) { $0.addingSaturating($1) }
    }
}
