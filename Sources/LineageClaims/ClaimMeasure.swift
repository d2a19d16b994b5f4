/// One measure of a claim: a name, where its value comes from, and its definition.
public struct ClaimMeasure: Sendable, Equatable {
    /// Where the value comes from.
    public enum Source: Sendable, Equatable {
        /// A `lineage ask` question; its value is what `lineage ask` answers (`how many`: the count; `what
        /// share of`: the share of entities, `NAME.downloads` their share of downloads; `which`: the rows
        /// matching; `how deep`: the deepest generation).
        case question(String)
        /// A `how many models …` question counted over the models created in the window: the answer with
        /// `since FROM` less the answer with `since TO` (see `ClaimGrowthSource`).
        case window(ClaimWindow, question: String)
        /// A metric Lineage computes itself.
        case metric(ClaimMetric)
        /// One count measure over another, with a 95% Wilson interval.
        case share(part: String, whole: String)
    }

    public var name: String
    public var source: Source
    /// The claims file's definition line, else the metric's own.
    public var definition: String?
    /// Line of the `measure:` in the claims file.
    public var line: Int
    /// The measure as written after `NAME =`.
    public var text: String
}
