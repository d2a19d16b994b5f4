import ArgumentParser
import LineageKit

extension Lineage {
    struct LockIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lockin",
            abstract: "Measure how locked into a model family an organization, or a group of them, is.",
            discussion: """
                --org U: switching cost (0-100) of organization U on family F, or on every family its \
                models belong to, ranked. Six components (model share, download share, training \
                investment, dependent models, dependent downloads, adoption) are each normalized as \
                log(1+x)/log(1+max(x,threshold)) and weighted; --explain prints each one's raw value, \
                normalized score, weight and contribution.

                --group A,B,...: lock-in index of the group's derivative models (models with a parent): \
                share of models and of downloads in family F (default: their largest family), the \
                Herfindahl-Hirschman index over families and foreign dependence (share of (model, family) \
                pairs whose author and family owner are registered in different countries). \
                Definitions: docs/METRICS.md.

                --project NAME: the same for a project ingested from a CycloneDX AI-BOM (`lineage ingest \
                product.cdx.json`): the models it uses, directly or through BOM pedigree, by family and \
                by family origin, with foreign dependence relative to the project's supplier.

                Examples:
                  lineage lockin --org NousResearch --explain
                  lineage lockin --org TheBloke --family llama
                  lineage lockin --group unsloth,mlx-community --family qwen
                  lineage lockin --project SupportBot
                """)

        @Option(help: ArgumentHelp("The organization (Hub author) to score.", valueName: "org"))
        var org: String?

        @Option(help: ArgumentHelp("Organizations forming a group, comma-separated.", valueName: "orgs"))
        var group: String?

        @Option(help: ArgumentHelp("A project ingested from a CycloneDX BOM (its metadata.component name).", valueName: "name"))
        var project: String?

        @OptionGroup var registry: RegistryFileOption

        @Option(help: ArgumentHelp("The family (id, label or alias).", valueName: "family"))
        var family: String?

        @Flag(help: "With --org: print every component of the score.")
        var explain = false

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if [org, group, project].compactMap({ $0 }).count != 1 { throw ValidationError("Give one of --org ORG, --group ORG1,ORG2,… or --project NAME") }
            if explain && org == nil { throw ValidationError("--explain goes with --org") }
        }

        func run() throws {
            let session = options.session(registry: registry)
            let (queries, _) = try session.openQueries()
            if let project {
                let index = try session.downstreamIndex(queries)
                try options.print(ProjectLockInReport(project: try index.project(named: project), index: index))
            } else if let org {
                try options.print(try queries.switchingCost(org: org, family: family, explain: explain))
            } else if let group {
                let orgs = group.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let countries = try session.registry().countryAttribution(catalog: queries.catalog, authors: queries.loaded.data.authors)
                try options.print(try queries.lockIn(group: orgs, family: family, countries: countries))
            }
        }
    }
}
