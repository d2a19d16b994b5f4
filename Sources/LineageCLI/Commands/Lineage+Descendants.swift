import ArgumentParser
import LineageGraph
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
                  lineage descendants qwen --relation quantized --declared-only   # no inferred relations
                  lineage descendants mistral --sort downloads --format csv --limit 0 > mistral.csv

                With --kind, --country, --since or --min-downloads the command asks the same question as \
                `lineage ask` would, and prints downstream entities with coverage:
                  lineage descendants Qwen --kind projects --country US      # = ask "which US projects derive from Qwen"
                  lineage descendants DeepSeek --kind startups --since 2025-01 --explain-query
                """)

        @Argument(help: ArgumentHelp("A model id, family or namespace.", valueName: "name"))
        var name: String

        @OptionGroup var relations: RelationOption

        @Option(parsing: .unconditional, help: ArgumentHelp("Stop this many hops below the seeds.", valueName: "n"))
        var maxDepth: Int?

        @OptionGroup var limit: LimitOption

        @Option(help: ArgumentHelp("Row order: depth (then downloads), downloads or id; ties by id.", valueName: "order"))
        var sort: DescendantsReport.Order = .depth

        @OptionGroup var filters: QuestionFilterOptions

        @Flag(help: "Print the compiled query (the same value `lineage ask` builds from words).")
        var explainQuery = false

        @OptionGroup var downstream: DownstreamOptions

        @OptionGroup var options: QueryOptions

        /// Whether the flags ask a downstream question rather than list descendant models.
        var isQuestion: Bool { filters.isSet || explainQuery }

        func validate() throws {
            if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must be 0 or more") }
        }

        func run() throws {
            let mask = try relations.mask() ?? .all
            let session = options.session(registry: downstream.registry)
            let (queries, store) = try session.openQueries(noteSmallStore: !isQuestion)
            guard isQuestion else {
                try options.print(try queries.descendants(of: name, relations: mask, maxDepth: maxDepth, limit: limit.rows(), order: sort))
                return
            }
            var flags = QueryFlags(target: name)
            flags.relations = relations.relation.map { _ in Relation.allCases.filter { mask.contains($0) } }
            flags.maxDepth = maxDepth
            filters.apply(to: &flags)
            flags.declaredOnly = session.declaredOnly
            let query = try flags.compile()
            if explainQuery { print(try AskRequest(question: flags.text, query: query).explanation()) }
            let answerer = try session.answerer(queries, store: store, allPapers: downstream.allPapers)
            try options.print(try answerer.answer(flags.text, query: query, limit: limit.rows() ?? Int.max))
        }
    }
}
