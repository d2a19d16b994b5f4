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

        @Option(help: ArgumentHelp("Follow only these relations: finetune, adapter, quantized, merge, unknown (comma-separated).", valueName: "list"))
        var relation: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Stop this many hops below the seeds.", valueName: "n"))
        var maxDepth: Int?

        @Option(parsing: .unconditional, help: ArgumentHelp("Rows to print (0: all). Totals always cover every descendant.", valueName: "n"))
        var limit = 50

        @Option(help: ArgumentHelp("Row order: depth (then downloads), downloads or id; ties by id.", valueName: "order"))
        var sort: DescendantsReport.Order = .depth

        @Option(help: ArgumentHelp("List downstream entities of this kind instead of models: projects, organizations, startups, companies, universities, papers, spaces, models.", valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("Only entities from this country: US, China, EU, any ISO 3166 code or country adjective.", valueName: "country"))
        var country: String?

        @Option(help: ArgumentHelp("Only models created since this month (YYYY-MM).", valueName: "month"))
        var since: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Only entities with more than this many downloads.", valueName: "n"))
        var minDownloads: Int64?

        @Option(help: ArgumentHelp("A CSV of your own organizations layered over the bundled registry.", valueName: "file"))
        var registry: String?

        @Flag(help: "Print the compiled query (the same value `lineage ask` builds from words).")
        var explainQuery = false

        @Flag(help: "Also list papers that model-card templates cite whatever the model (left out by default; see README).")
        var allPapers = false

        @OptionGroup var options: QueryOptions

        /// Whether the flags ask a downstream question rather than list descendant models.
        var isQuestion: Bool { kind != nil || country != nil || since != nil || minDownloads != nil || explainQuery }

        func validate() throws {
            if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
            if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must be 0 or more") }
        }

        func run() throws {
            let mask = try relation.map(LineageQueries.relationMask(from:)) ?? .all
            let (queries, store) = try options.openQueries(noteSmallStore: !isQuestion)
            if isQuestion {
                var flags = QueryFlags(target: name)
                flags.relations = relation.map { _ in Relation.allCases.filter { mask.contains($0) } }
                flags.maxDepth = maxDepth
                flags.country = country
                flags.kind = kind
                flags.since = since
                flags.minDownloads = minDownloads
                flags.declaredOnly = options.declaredOnly
                let query = try flags.compile()
                if explainQuery { print(try AskRequest(question: flags.text, query: query).explanation()) }
                var answerer = QuestionAnswerer(
                    queries: queries,
                    registry: try OrganizationRegistry.load(locator: StoreLocator(explicitPath: options.storeOptions.store), userFile: registry),
                    store: store)
                answerer.storeNote = StoreSizeNote.text(for: queries.loaded.data, store: store)
                answerer.allPapers = allPapers
                try options.print(try answerer.answer(flags.text, query: query, limit: limitValue(limit) ?? Int.max))
                return
            }
            try options.print(try queries.descendants(of: name, relations: mask, maxDepth: maxDepth, limit: limitValue(limit), order: sort))
        }
    }
}
