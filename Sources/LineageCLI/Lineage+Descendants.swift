import ArgumentParser
import LineageKit

extension Lineage {
    struct Descendants: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every model derived from a model, a family or a Hub namespace.",
            discussion: """
                NAME is a model id (Qwen/Qwen2.5-7B), a family id, label or alias (qwen, Llama, mixtral; \
                see `lineage families`) or a Hub namespace (TheBloke). A family starts from its roots, the \
                models its owner published; a namespace from all the models under it.

                Each descendant is listed once: depth is the number of hops from the nearest seed along \
                a shortest path, relation is how it was made from its parent on that path, and the path \
                itself is shown. The header counts all descendants (direct = one hop, indirect = more) \
                and splits them by relation, whatever --limit.

                Examples:
                  lineage descendants Qwen/Qwen2.5-7B-Instruct
                  lineage descendants qwen --relation finetune,adapter --max-depth 2 --limit 20
                  lineage descendants mistral --sort downloads --format csv --limit 0 > mistral.csv
                """)

        @Argument(help: ArgumentHelp("A model id, family or namespace.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("Follow only these relations: finetune, adapter, quantized, merge, unknown (comma-separated).", valueName: "list"))
        var relation: String?

        @Option(help: ArgumentHelp("Stop this many hops below the seeds.", valueName: "n"))
        var maxDepth: Int?

        @Option(help: ArgumentHelp("Rows to print (0: all). Totals always cover every descendant.", valueName: "n"))
        var limit = 50

        @Option(help: ArgumentHelp("Row order: depth (then downloads), downloads or id; ties by id.", valueName: "order"))
        var sort: DescendantsReport.Order = .depth

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
            if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must be 0 or more") }
        }

        func run() throws {
            let mask = try relation.map(LineageQueries.relationMask(from:)) ?? .all
            let (queries, _) = try options.openQueries()
            try options.print(try queries.descendants(of: name, relations: mask, maxDepth: maxDepth, limit: limitValue(limit), order: sort))
        }
    }
}
