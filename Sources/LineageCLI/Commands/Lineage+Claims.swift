import ArgumentParser
import Foundation
import LineageKit

extension ClaimsFormat: ExpressibleByArgument {}

extension Lineage {
    /// `lineage claims [FILE…] [--claim N] [--format table|json|markdown]`.
    struct Claims: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check public claims about the open-model ecosystem against the store, with their definitions.",
            discussion: """
                Reads a claims file (by default ./queries/claims.txt, else the one shipped with Lineage; see
                queries/README.md) and prints, for each claim, every measure's value and definition, the store
                and the date of its data, coverage, and a verdict: supported, not supported, or not measurable
                on this store and why.
                  lineage claims
                  lineage claims --claim 1 --store crawl.sqlite
                  lineage claims my-claims.txt --format markdown > report.md
                """)

        @Argument(help: ArgumentHelp("Claims files (default: ./queries/claims.txt, else the shipped one).", valueName: "file"))
        var files: [String] = []

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: ArgumentHelp("Only claim N.", valueName: "n"))
        var claim: Int?

        @Option(help: ArgumentHelp("Output format: table, json or markdown.", valueName: "format"))
        var format: ClaimsFormat = .table

        @Option(help: ArgumentHelp("A CSV of your own organizations layered over the bundled registry (yours wins).", valueName: "file"))
        var registry: String?

        func run() throws {
            let paths = files.isEmpty ? [try ClaimsFile.defaultPath()] : files
            let claimsFiles = try paths.map { path throws(LineageError) in try ClaimsFile.load(path: path) }
            let session = LineageSession(locator: storeOptions.locator, registryFile: registry)
            let (queries, store) = try session.queries()
            var answerer = QuestionAnswerer(queries: queries, registry: try session.registry(), store: store)
            answerer.storeNote = StoreSizeNote.text(for: queries.loaded.data, store: store)
            let evaluator = ClaimEvaluator(answerer: answerer)
            let width = TextTable.terminalWidth(environment: ProcessInfo.processInfo.environment)
            let reports = try claimsFiles.map { file throws(LineageError) in try ClaimsReport(file: file, evaluator: evaluator, only: claim) }
            if format == .json, reports.count > 1 {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(reports), as: UTF8.self))
            } else {
                print(try reports.map { try $0.render(format, width: width) }.joined(separator: "\n\n"))
            }
        }
    }
}
