import LineageAnalysis

/// Windowed counts from `lineage ask`: the answer with `since FROM` less the answer with `since TO`.
///
/// It sees the store as it is: models deleted before the store's date are not counted in any window,
/// and a model's window is its `createdAt` (on the Hub, 2022-03-02 stands for every older repository).
public struct QuestionWindowCounter: ClaimGrowthSource {
    public let answerer: QuestionAnswerer

    public init(answerer: QuestionAnswerer) { self.answerer = answerer }

    public var method: String {
        "`lineage ask` with `since FROM` less the same with `since TO` (models on the store's graph, by createdAt)"
    }

    /// - Complexity: two answers of the question.
    public func count(_ question: String, in window: ClaimWindow) throws -> Int {
        try answer(question + " since \(window.from)") - answer(question + " since \(window.to)")
    }

    private func answer(_ question: String) throws -> Int {
        let answer = try answerer.answer(question, query: try QuestionParser().parse(question))
        return Int(answer.value ?? Double(answer.total))
    }
}
