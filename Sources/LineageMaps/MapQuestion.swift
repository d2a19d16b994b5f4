import Foundation
import LineageAnalysis
import LineageSupport

/// Tells a `lineage render` argument that is a question or a query file from a plain target, and
/// compiles it to a `LineageQuery`.
public enum MapQuestion {
    /// The query `argument` holds, or nil when it is a plain target (model id, family, namespace).
    ///
    /// - A path ending in `.query` is a saved question (`SavedQuery`: `question: …` and optional
    ///   `description`/`format`/`limit` lines; only the question matters to a map).
    /// - Anything containing whitespace is a question in `lineage ask` words.
    /// - Throws: `LineageError` when the file cannot be read or the question does not parse (one line,
    ///   quoting the word that was not understood).
    public static func detect(_ argument: String) throws(LineageError) -> LineageQuery? {
        if argument.lowercased().hasSuffix(".query") {
            let saved = try SavedQuery.load(named: argument).query
            do {
                return try QuestionParser().parse(saved.question)
            } catch {
                throw LineageError("\(argument): \(oneLine(error))")
            }
        }
        guard argument.contains(where: \.isWhitespace) else { return nil }
        return try parse(question: argument)
    }

    /// A question in `lineage ask` words.
    public static func parse(question: String) throws(LineageError) -> LineageQuery {
        do {
            return try QuestionParser().parse(question)
        } catch {
            throw LineageError("cannot read the question: \(oneLine(error)) (`lineage render --help`; a target with spaces is read as a question)")
        }
    }

    private static func oneLine(_ error: QuestionError) -> String {
        var text = error.message
        if let suggestion = error.suggestion { text += " Did you mean \"\(suggestion)\"?" }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
