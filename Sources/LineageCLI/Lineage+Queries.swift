import ArgumentParser
import LineageKit

extension Lineage {
    struct Queries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List saved questions (.query files) with their descriptions.",
            discussion: """
                A .query file holds `question:` (in the grammar of `lineage ask --help`) and optional \
                `description:`, `format:` and `limit:` lines; see queries/README.md.

                Examples:
                  lineage queries
                  lineage ask queries/us-projects-from-qwen.query
                """)

        @Option(help: ArgumentHelp("The folder of .query files.", valueName: "folder"))
        var directory = "queries"

        func run() throws {
            let saved = try SavedQuery.all(in: directory)
            if saved.isEmpty {
                print("No .query files in \(directory).")
                return
            }
            let rows = [["file", "description", "question"]] + saved.map { [$0.path, $0.description, $0.question] }
            print(TextTable.render(rows).joined(separator: "\n"))
        }
    }
}
