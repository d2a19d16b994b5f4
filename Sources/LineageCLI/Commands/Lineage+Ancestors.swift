import ArgumentParser
import LineageKit

extension Lineage {
    struct Ancestors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a model's whole lineage up to its roots.",
            discussion: """
                Lists every model MODEL derives from, directly or not: its depth (hops up along a \
                shortest path), the relation of the edge below it on that path, whether it is a root \
                (has no parent) and the path from it down to MODEL. The header gives MODEL's generation \
                (the longest chain from a root). Lineage cycles in the Hub's metadata are reported, never \
                followed twice.

                An imported project's name (`lineage ingest product.cdx.json`) stands for the models it \
                uses: they are listed at depth 1, and their ancestors below them.

                Examples:
                  lineage ancestors TheBloke/Mistral-7B-Instruct-v0.2-GGUF
                  lineage ancestors some-org/merge-7b --format json
                  lineage ancestors SupportBot
                """)

        @Argument(help: ArgumentHelp("A model id, or an imported project's name.", valueName: "model"))
        var model: String

        @OptionGroup var options: QueryOptions

        func run() throws {
            let (queries, _) = try options.openQueries()
            try options.print(try queries.ancestors(of: model))
        }
    }
}
