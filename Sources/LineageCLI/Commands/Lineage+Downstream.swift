import ArgumentParser
import LineageKit

extension Lineage {
    /// `lineage downstream FAMILY…`: organizations, Spaces, papers and projects that derive from families.
    struct Downstream: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the organizations, Spaces, papers and projects downstream of model families.",
            discussion: """
                Organizations are the authors of derivative models (a parent or more) in the families; \
                Spaces and projects (ingested AI-BOMs) are those using any member model; papers are the \
                arXiv ids linked to any member. Countries and kinds come from the organization registry \
                (`lineage registry`); every answer states the registry's coverage, since an owner of \
                unknown country never matches a --country filter. Family owners are left out unless \
                --include-owners.

                Examples:
                  lineage downstream qwen
                  lineage downstream --origin CN --country US --kind startup
                  lineage downstream llama --type space,paper --format json
                  lineage downstream --origin CN --type project
                  lineage downstream deepseek --by country
                """)

        @Argument(help: ArgumentHelp("Families (id, label or alias).", valueName: "family"))
        var families: [String] = []

        @Option(help: ArgumentHelp("Instead of naming families: every family whose owner is from this country (ISO code).", valueName: "code"))
        var origin: String?

        @Option(help: ArgumentHelp("Entity types: organization, space, paper, project (comma-separated; default all).", valueName: "types"))
        var type: String?

        @OptionGroup var owners: OwnerFilterOptions

        @Flag(help: "Count the families' own namespaces as downstream organizations too.")
        var includeOwners = false

        @Option(help: ArgumentHelp("entity (one row each) or country (country reach).", valueName: "grouping"))
        var by: String = "entity"

        @OptionGroup var limit: LimitOption

        @OptionGroup var downstream: DownstreamOptions

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if families.isEmpty == (origin == nil) { throw ValidationError("Name families, or give --origin CODE (not both)") }
            if by != "entity" && by != "country" { throw ValidationError("--by is entity or country") }
        }

        func run() throws {
            let session = options.session(registry: downstream.registry)
            let (queries, _) = try session.openQueries()
            let index = try session.downstreamIndex(queries, allPapers: downstream.allPapers)
            var filter = DownstreamFilter(includeFamilyOwners: includeOwners)
            if let type {
                for word in type.split(separator: ",").map(String.init) {
                    guard let t = DownstreamType(word: word) else { throw ValidationError("unknown type '\(word)': use organization, space, paper, project") }
                    filter.types.insert(t)
                }
            }
            filter.countries = try owners.countries()
            filter.kinds = try owners.kinds()
            var report: DownstreamReport
            if let origin {
                let countries = try CountryVocabulary.bundled.countries(list: origin)
                guard !index.families(fromCountries: countries).isEmpty else {
                    throw LineageError("no family's owner is from \(CountryCode.label(countries.label)) in the registry; `lineage families` lists the families")
                }
                report = index.downstream(ofFamiliesFrom: countries, filter: filter)
            } else {
                report = index.downstream(ofFamilies: try families.map { try queries.familyIndex($0) }, filter: filter)
            }
            if by == "country" {
                try options.print(CountryReachReport(report))
                return
            }
            if let limit = limit.rows(), report.entities.count > limit, options.format != .json {
                let total = report.entities.count
                report.entities = Array(report.entities.prefix(limit))
                try options.print(report)
                print("(\(limit) of \(total) rows; --limit 0 prints all)")
                return
            }
            try options.print(report)
        }
    }
}
