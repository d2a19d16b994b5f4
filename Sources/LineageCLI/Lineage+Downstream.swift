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

        @Option(help: ArgumentHelp("Only owners from these countries (ISO codes, comma-separated).", valueName: "codes"))
        var country: String?

        @Option(help: ArgumentHelp("Only owners of these kinds, comma-separated.", valueName: "kinds"))
        var kind: String?

        @Flag(help: "Count the families' own namespaces as downstream organizations too.")
        var includeOwners = false

        @Flag(help: "Also list papers that model-card templates cite whatever the model (left out by default; see README).")
        var allPapers = false

        @Option(help: ArgumentHelp("entity (one row each) or country (country reach).", valueName: "grouping"))
        var by: String = "entity"

        @Option(parsing: .unconditional, help: ArgumentHelp("Rows to print (0: all).", valueName: "n"))
        var limit = 50

        @Option(name: .customLong("registry"), help: ArgumentHelp("A registry CSV layered on top (its rows win).", valueName: "file"))
        var registryFile: String?

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if families.isEmpty == (origin == nil) { throw ValidationError("Name families, or give --origin CODE (not both)") }
            if by != "entity" && by != "country" { throw ValidationError("--by is entity or country") }
            if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        }

        func run() throws {
            let (queries, _) = try options.openQueries()
            let registry = try OrganizationRegistry.load(locator: StoreLocator(explicitPath: options.storeOptions.store), userFile: registryFile)
            var index = DownstreamIndex(queries: queries, registry: registry)
            if allPapers { index.excludedPapers = [] }
            var filter = DownstreamFilter(includeFamilyOwners: includeOwners)
            if let type {
                for word in type.split(separator: ",").map(String.init) {
                    guard let t = DownstreamType(word: word) else { throw ValidationError("unknown type '\(word)': use organization, space, paper, project") }
                    filter.types.insert(t)
                }
            }
            filter.countries = try country.map(RegistryCommandSupport.countries)
            filter.kinds = try kind.map(RegistryCommandSupport.kinds)
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
            if limit > 0, report.entities.count > limit, options.format != .json {
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
