import Foundation
import LineageSupport

/// What `lineage ask` was given, compiled: the question's words or a saved query file, with output settings.
public struct AskRequest: Sendable {
    public var question: String
    public var query: LineageQuery
    /// The saved query's format, when it sets one (the command line's `--format` applies otherwise).
    public var format: OutputFormat?
    public var limit: Int?
    /// The saved query's description, when run from a file.
    public var description: String?
    /// Where the saved query was found when not at the path given (`./queries`, `bundled`).
    public var savedQueryOrigin: String?

    /// Compiles the words of a question, or reads the saved query they name (one argument ending in
    /// `.query`: a path, else a file of that name in `./queries`, else a bundled one).
    public static func make(words: [String], format: OutputFormat, limit: Int?) throws -> AskRequest {
        if words.count == 1, words[0].hasSuffix(".query") {
            let (saved, origin) = try SavedQuery.load(named: words[0])
            var request = AskRequest(question: saved.question, query: try QuestionParser().parse(saved.question))
            request.format = format == .table ? saved.format : format
            request.limit = limit ?? saved.limit
            request.description = saved.description
            request.savedQueryOrigin = origin
            return request
        }
        let text = words.joined(separator: " ")
        return AskRequest(question: text, query: try QuestionParser().parse(text), format: nil, limit: limit)
    }

    public init(question: String, query: LineageQuery, format: OutputFormat? = nil, limit: Int? = nil) {
        self.question = question
        self.query = query
        self.format = format
        self.limit = limit
    }

    /// How the question was understood: the compiled query as indented JSON.
    public func explanation() throws -> String {
        "Understood as:\n" + (try JSONOutput.string(query)) + "\n"
    }
}
