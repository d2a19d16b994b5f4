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
            let (store, _) = try StoreLocator(explicitPath: options.storeOptions.store).openForReading()
            let report = try EngineBenchmark.run(store: store, catalog: try FamilyCatalog.load(userFile: options.familiesFile))
            switch options.format {
            case .json, .csv, .tsv: print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
            case .table: print(report.text)
            }
        }
    }
}
