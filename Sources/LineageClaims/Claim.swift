/// A public claim, with what it says, where and when it was said, how Lineage measures it and the
/// comparisons (one per definition) it makes.
public struct Claim: Sendable, Equatable {
    /// Its number in the file (`claim: 1`), what `--claim N` selects.
    public var number: Int
    public var text: String
    /// Where the claim was made (a URL, with any words around it).
    public var source: String
    /// When it was made; what it is about, unless a measure names its own months.
    public var date: ClaimMonth
    /// Context printed with the claim: what Lineage cannot see, other figures of the same claim.
    public var notes: [String]
    public var measures: [ClaimMeasure]
    /// Each an alternative reading of the claim (one definition); the claim is supported when one holds.
    public var checks: [Check]
    /// Where the claim starts: `file:line`.
    public var file: String
    public var line: Int

    public struct Check: Sendable, Equatable {
        public var text: String
        public var expression: ClaimExpression
        public var line: Int
    }
}
