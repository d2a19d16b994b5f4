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
                Herfindahl-Hirschman index over families and foreign dependence (unknown until the \
                organization registry lands). Definitions: docs/METRICS.md.

                Examples:
                  lineage lockin --org NousResearch --explain
                  lineage lockin --org TheBloke --family llama
                  lineage lockin --group unsloth,mlx-community --family qwen
                """)

        @Option(help: ArgumentHelp("The organization (Hub author) to score.", valueName: "org"))
        var org: String?

        @Option(help: ArgumentHelp("Organizations forming a group, comma-separated.", valueName: "orgs"))
        var group: String?

        @Option(help: ArgumentHelp("The family (id, label or alias).", valueName: "family"))
        var family: String?

        @Flag(help: "With --org: print every component of the score.")
        var explain = false

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if (org == nil) == (group == nil) { throw ValidationError("Give either --org ORG or --group ORG1,ORG2,…") }
            if explain && org == nil { throw ValidationError("--explain goes with --org") }
        }

        func run() throws {
            let (queries, _) = try options.openQueries()
            if let org {
                try options.print(try queries.switchingCost(org: org, family: family, explain: explain))
            } else if let group {
                let orgs = group.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                try options.print(try queries.lockIn(group: orgs, family: family))
            }
        }
    }
}
