/// Where windowed measures get their counts: how many models a `how many models …` question counts
/// among those created in a window of months.
///
/// The seam to the timeline: today `QuestionWindowCounter` answers from the store's current graph
/// (models still on the Hub, dated by `createdAt`); a source built on `lineage timeline`
/// (LineageTimeline, with removed models and weekly history) can replace it without touching claims.
public protocol ClaimGrowthSource: Sendable {
    /// How windowed counts are made, printed with every windowed measure.
    var method: String { get }
    /// The count the question gives over models created in `window`.
    func count(_ question: String, in window: ClaimWindow) throws -> Int
}
