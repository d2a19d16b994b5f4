import ArgumentParser
import LineageKit

extension Lineage {
    struct Queries: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List saved questions (.query files) with their descriptions.",
            discussion: """
                A .query file holds `question:` (in the grammar of `lineage ask --help`) and optional \
                `description:`, `format:` and `limit:` lines; see queries/README.md.

                Lists the .query files of ./queries, then the saved queries shipped with Lineage (those \
                not shadowed by a file of the same name in ./queries); the `from` column says which. \
                `lineage ask NAME.query` finds a file the same way when NAME.query is not a path.

                Examples:
                  lineage queries
                  lineage ask us-projects-from-qwen.query
                  lineage queries --directory my-queries
                """)

        @Option(help: ArgumentHelp("List only the .query files of this folder.", valueName: "folder"))
        var directory: String?

        func run() throws {
            let found = try SavedQuery.catalog(directory: directory)
            if found.isEmpty {
                print("No .query files in \(directory ?? "./queries") and none bundled.")
                return
            }
            print(try SavedQueriesReport(found).render(.table))
        }
    }
}
