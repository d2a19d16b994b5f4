import ArgumentParser
import LineageKit

extension HistoryDiff.Listing: ExpressibleByArgument {}

extension Lineage {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed between two dates: models added and removed, by family, origin and organization, and new lineage edges.",
            discussion: """
                A point is a day (YYYY-MM-DD: through the end of that day, UTC) or a snapshot (#ID, or its \
                label such as added_model_0402.csv: the day it describes). The window is after --from \
                through --to. A model is added in it when a snapshot dated in it lists it as added (a weekly \
                additions file), first describes it, or holds it again after a removal; removed when a \
                deletions list names it or a full snapshot of its scope lacks it (docs/STORE.md, History). \
                A new edge is one first recorded by a snapshot dated in the window.

                Examples:
                  lineage ingest msc-2025-weekly/added/*.csv msc-2025-weekly/deleted/*.csv --store weeks.sqlite
                  lineage diff --from 2025-03-19 --to 2025-04-02 --store weeks.sqlite
                  lineage diff --from added_model_0319.csv --to added_model_0702.csv --format json
                  lineage diff --from 2025-06-01 --to 2025-07-02 --list removed --limit 20
                """)

        @Option(help: ArgumentHelp("Start of the window (excluded): YYYY-MM-DD, #SNAPSHOT or a snapshot label.", valueName: "point"))
        var from: String

        @Option(help: ArgumentHelp("End of the window (included): YYYY-MM-DD, #SNAPSHOT or a snapshot label.", valueName: "point"))
        var to: String

        @Option(help: ArgumentHelp("List the models added or removed, or the new edges, instead of the groups.", valueName: "added|removed|edges"))
        var list: HistoryDiff.Listing?

        @Option(parsing: .unconditional, help: ArgumentHelp("Rows per family and organization section (or listed rows); 0 for all.", valueName: "n"))
        var limit = 10

        func validate() throws {
            if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        }

        @OptionGroup var registry: RegistryFileOption

        @OptionGroup var options: QueryOptions

        func run() throws {
            // A diff names removed models, so its graph keeps them.
            var session = options.session(registry: registry)
            session.includeRemoved = true
            let (store, description) = try session.openStore()
            let diff = HistoryDiff(store: store, storeDescription: description, registry: try session.registry()) {
                try session.queries().queries
            }
            try options.print(try diff.report(from: from, to: to, limit: limit == 0 ? nil : limit, listing: list))
        }
    }
}
