/// A position in a question's words, with phrase look-ahead.
package struct Cursor {
    package let tokens: [QuestionParser.Token]
    private(set) var index = 0

    package init(tokens: [QuestionParser.Token]) { self.tokens = tokens }

    package var peek: QuestionParser.Token? { index < tokens.count ? tokens[index] : nil }

    package func peek(_ count: Int) -> ArraySlice<QuestionParser.Token>? {
        index + count <= tokens.count ? tokens[index..<(index + count)] : nil
    }

    package mutating func advance(_ count: Int = 1) { index = min(index + count, tokens.count) }

    /// Consumes the words if they come next (case-insensitively); otherwise leaves the cursor where it was.
    package mutating func accept(_ words: String...) -> Bool { accept(words) }

    package mutating func accept(_ words: [String]) -> Bool {
        guard let next = peek(words.count), zip(next, words).allSatisfy({ $0.lower == $1 }) else { return false }
        index += words.count
        return true
    }
}
