import ArgumentParser
import Foundation
import LineageKit

extension Lineage {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question about model lineage, or run a saved query file.",
            discussion: QuestionGrammar.summary + """


                A saved query is a file ending in .query (see `lineage queries` and queries/README.md):
                  lineage ask queries/us-projects-from-qwen.query

                Every answer that lists organizations ends with a coverage line: how many of them have a known
                country and kind in the organization registry, and what share of downloads that covers.
                """)

        @Argument(help: ArgumentHelp("The question in words, or a path to a .query file.", valueName: "question"))
        var question: [String]

        @OptionGroup var options: QueryOptions

        @OptionGroup var downstream: DownstreamOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("Rows to print (0: all). `top N` in the question wins.", valueName: "n"))
        var limit: Int?

        @Flag(help: "Print how the question was understood (the compiled query) before answering.")
        var explainQuery = false

        func validate() throws {
            if question.isEmpty { throw ValidationError("Ask a question, e.g. lineage ask \"which U.S. projects derive from Qwen\".") }
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more.") }
        }

        func run() throws {
            // Timeline questions (`… per month`, `compare A and B …`) are answered by LineageTimeline.
            if !(question.count == 1 && question[0].hasSuffix(".query")),
               let timeline = try TimelineQuestion.parse(question.joined(separator: " ")) {
                try TimelineCommand.answer(timeline, options: options, registry: downstream.registry)
                return
            }
            let request = try AskRequest.make(words: question, format: options.format, limit: limit.map { $0 == 0 ? Int.max : $0 })
            let session = options.session(registry: downstream.registry)
            let (queries, store) = try session.openQueries(noteSmallStore: false)
            let answerer = try session.answerer(queries, store: store, allPapers: downstream.allPapers)
            if let origin = request.savedQueryOrigin, let file = question.first {
                let from = origin == "bundled" ? "the saved queries bundled with Lineage" : origin
                FileHandle.standardError.write(Data("\(file): running the saved query from \(from)\n".utf8))
            }
            if explainQuery { print(try request.explanation()) }
            let answer = try answerer.answer(request.question, query: request.query, limit: request.limit)
            try answer.print(request.format ?? options.format)
        }
    }
}
