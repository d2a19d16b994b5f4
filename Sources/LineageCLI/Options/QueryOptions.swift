import ArgumentParser
import Foundation
import LineageKit

extension OutputFormat: ExpressibleByArgument {}
extension DescendantsReport.Order: ExpressibleByArgument {}
extension ReachReport.Grouping: ExpressibleByArgument {}

/// Options shared by the query commands: the session (store, families, declared-only) and the output format.
struct QueryOptions: ParsableArguments {
    @OptionGroup var sessionOptions: SessionOptions

    @Option(help: ArgumentHelp("Output format: table, json, csv or tsv.", valueName: "format"))
    var format: OutputFormat = .table

    /// The session these options name (see `SessionOptions.session(registry:)`).
    func session(registry: RegistryFileOption? = nil) -> LineageSession {
        sessionOptions.session(registry: registry)
    }

    /// The queries over the store these options name (the bundled default when none is configured).
    /// A store with no or few Hub models is noted on standard error unless `noteSmallStore` is false
    /// (`ask` puts the note in its answer instead).
    func openQueries(noteSmallStore: Bool = true) throws -> (queries: LineageQueries, store: String) {
        try session().openQueries(noteSmallStore: noteSmallStore)
    }

    /// Prints `report` in the chosen format.
    func print(_ report: some RenderableReport) throws {
        try report.print(format)
    }
}
