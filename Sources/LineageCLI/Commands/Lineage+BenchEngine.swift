import ArgumentParser
import Foundation
import LineageBench
import LineageKit

extension Lineage {
    /// Hidden: times the graph engine on a store for `Benchmarks/engine.sh`.
    struct BenchEngine: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-engine",
            abstract: "Time graph load, descendants of the largest family and reach of every root (benchmark).",
            discussion: """
                Used by Benchmarks/engine.sh; not a test. Prints one figure per line and a RESULT line.

                Example:
                  lineage bench-engine --store Benchmarks/data/bench-2m.sqlite
                """,
            shouldDisplay: false)

        @OptionGroup var options: QueryOptions

        func run() throws {
            let session = options.session()
            let report = try EngineBenchmark.run(store: try session.openStore().store, catalog: try session.catalog())
            print(options.format == .table ? report.text : try JSONOutput.string(report, compact: true))
        }
    }
}
