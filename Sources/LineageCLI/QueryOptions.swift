import ArgumentParser
import Foundation
import LineageKit

extension OutputFormat: ExpressibleByArgument {}
extension DescendantsReport.Order: ExpressibleByArgument {}
extension ReachReport.Grouping: ExpressibleByArgument {}

/// Options shared by the query commands: the store, the user's families file and the output format.
struct QueryOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @Option(
        name: .customLong("families"),
        help: ArgumentHelp(
            "A CSV of extra families (header family_id,label,hf_org,access_class,tracking_scope,aliases).",
            discussion: "Its rows add to the shipped list; a row with a shipped family_id replaces that family.",
            valueName: "file"))
    var familiesFile: String?

    @Option(help: ArgumentHelp("Output format: table, json, csv or tsv.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(help: ArgumentHelp(
        "Ignore edges whose relation was inferred; follow only relations the inputs declared.",
        discussion: "Untyped base_model tags get a relation by the rules in docs/METRICS.md (`lineage stats` counts them)."))
    var declaredOnly = false

    @Flag(help: ArgumentHelp(
        "Keep models marked removed from the Hub in the graph.",
        discussion: "A deletions list or a later full snapshot marks models removed (docs/STORE.md, History); the graph of now leaves them out."))
    var includeRemoved = false

    /// The queries over the store these options name (the bundled default when none is configured).
    /// A store with no or few Hub models is noted on standard error unless `noteSmallStore` is false
    /// (`ask` puts the note in its answer instead).
    func openQueries(noteSmallStore: Bool = true) throws -> (queries: LineageQueries, store: String) {
        let opened = try LineageQueries.open(
            locator: StoreLocator(explicitPath: storeOptions.store), familiesFile: familiesFile, declaredOnly: declaredOnly,
            includeRemoved: includeRemoved)
        if noteSmallStore { noteStoreSize(opened.queries, store: opened.store) }
        return opened
    }

    /// Prints `report` in the chosen format.
    func print(_ report: some TabularReport) throws {
        Swift.print(try report.render(format, width: TextTable.terminalWidth(environment: ProcessInfo.processInfo.environment)))
    }
}

/// Prints on standard error the one line `StoreSizeNote` has for a store with no or few Hub models.
func noteStoreSize(_ queries: LineageQueries, store: String) {
    if let note = StoreSizeNote.text(for: queries.loaded.data, store: store) {
        FileHandle.standardError.write(Data((note + "\n").utf8))
    }
}

/// `--limit 0` means no limit.
func limitValue(_ limit: Int) -> Int? { limit == 0 ? nil : limit }
