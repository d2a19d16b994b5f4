import ArgumentParser
import Foundation
import LineageKit

extension Lineage {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML report on a target or a question: figures, map, organizations.",
            discussion: """
                TARGET is a family, a namespace, a model id or an imported project; a QUESTION in \
                `lineage ask` words (it contains spaces) or a .query file reports that answer. The \
                report holds the headline figures, the lineage map (inline SVG, with tooltips and Hub \
                links), the top organizations with country, kind and where each country comes from, and \
                the coverage line that says how far to trust them. Its figures are those `lineage ask` \
                prints for the same store.

                The file needs nothing else to open: no script, no network, no external style or font. \
                It reads on a phone and prints cleanly. The same store and arguments give the same bytes.

                Examples:
                  lineage report qwen -o qwen.html
                  lineage report "which U.S. startups derive from DeepSeek" -o deepseek-us.html
                  lineage report queries/cross-family-merges.query -o merges.html
                """)

        @Argument(help: ArgumentHelp("A family, namespace, model id or project; a question in quotes; or a .query file.", valueName: "target|question|query-file"))
        var target: String

        @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The HTML file to write; - for standard output.", valueName: "file"))
        var output: String

        @Option(parsing: .unconditional, help: ArgumentHelp("Most models drawn on the map (default 80).", valueName: "n"))
        var maxNodes = 80

        @Option(parsing: .unconditional, help: ArgumentHelp("Most organizations (or answer rows) listed (default 25).", valueName: "n"))
        var top = 25

        @OptionGroup var options: QueryOptions

        @OptionGroup var registry: RegistryFileOption

        func validate() throws {
            if maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more") }
            if top < 1 { throw ValidationError("--top must be 1 or more") }
            if output.isEmpty { throw ValidationError("-o needs a file name, or - for standard output") }
        }

        func run() throws {
            let session = options.session(registry: registry)
            let (queries, store) = try session.openQueries()
            defer { withExtendedLifetime(queries) {} }
            var builder = ReportBuilder(queries: queries, registry: try session.registry(), store: store)
            builder.maxNodes = maxNodes
            builder.top = top
            let html = HTMLReport.render(try builder.content(for: target))
            if output == "-" {
                FileHandle.standardOutput.write(Data(html.utf8))
                return
            }
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw LineageError("cannot write \(output): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data("Wrote \(output) (\(Formatting.group(html.utf8.count)) bytes, self-contained HTML)\n".utf8))
        }
    }
}
