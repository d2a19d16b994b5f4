import ArgumentParser
import LineageKit

extension Lineage {
    struct Reach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank families, root models or organizations by how far their lineage spreads.",
            discussion: """
                For each family (--by family), root model (--by root: no parent, at least one child) or \
                organization owning root models (--by org): seeds, members (seeds plus descendants), \
                direct and indirect descendants, descendants by relation, the downloads of all \
                descendants (recent and all-time: download-weighted reach), their distinct authors and \
                the deepest generation below the seeds. Ranked by members, then name. \
                Definitions: docs/METRICS.md.

                Examples:
                  lineage reach
                  lineage reach --by root --top 10
                  lineage reach --by org --top 0 --format csv > orgs.csv
                """)

        @Option(help: ArgumentHelp("Group by family, root or org.", valueName: "grouping"))
        var by: ReachReport.Grouping = .family

        @Option(parsing: .unconditional, help: ArgumentHelp("Rows to print (0: all).", valueName: "n"))
        var top = 20

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
        }

        func run() throws {
            let (queries, _) = try options.openQueries()
            try options.print(queries.reach(by: by, top: top == 0 ? nil : top))
        }
    }
}
