import ArgumentParser
import LineageKit

extension Lineage {
    struct Families: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the model families: id, label, owner namespace, aliases, roots and members.",
            discussion: """
                The shipped list comes from ATOM (Apache-2.0); --families FILE.csv adds your own or \
                replaces a shipped one with the same family_id. Roots are the family owner's models \
                present in the store, members the roots plus all their descendants (--no-counts skips \
                loading a store).

                Examples:
                  lineage families
                  lineage families --families my-families.csv --store hub.sqlite
                  lineage families --no-counts --format csv
                """)

        @Flag(help: "List the catalog without loading a store.")
        var noCounts = false

        @OptionGroup var options: QueryOptions

        func run() throws {
            if noCounts {
                try options.print(try options.session().catalog().report)
            } else {
                let (queries, store) = try options.openQueries()
                try options.print(queries.familiesReport(store: store))
            }
        }
    }
}
