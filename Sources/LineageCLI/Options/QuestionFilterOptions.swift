import ArgumentParser
import LineageKit

/// The filters of a downstream question given as flags (`descendants --kind … --country …`): with any of
/// them, the command asks what `lineage ask` would ask in words.
struct QuestionFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "List downstream entities of this kind instead of models: projects, organizations, startups, companies, universities, papers, spaces, models.",
        valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Only entities from this country: US, China, EU, any ISO 3166 code or country adjective.", valueName: "country"))
    var country: String?

    @Option(help: ArgumentHelp("Only models created since this month (YYYY-MM).", valueName: "month"))
    var since: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Only entities with more than this many downloads.", valueName: "n"))
    var minDownloads: Int64?

    /// Whether any filter is given.
    var isSet: Bool { kind != nil || country != nil || since != nil || minDownloads != nil }

    /// Copies the filters into `flags`.
    func apply(to flags: inout QueryFlags) {
        flags.kind = kind
        flags.country = country
        flags.since = since
        flags.minDownloads = minDownloads
    }
}
