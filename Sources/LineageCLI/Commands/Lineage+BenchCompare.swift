import ArgumentParser
import Foundation
import LineageBench
import LineageKit

extension Lineage {
    /// Hidden: Lineage's side of `Benchmarks/run.sh` (graph load, descendants by author, reach of all roots).
    struct BenchCompare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-compare",
            abstract: "Time graph load, descendants of the largest family by author, and reach of every root (benchmark).",
            discussion: """
                Used by Benchmarks/run.sh; not a test. Prints one figure per line and a RESULT line (or JSON). \
                --export DIR also writes the graph as nodes.csv, edges.csv and roots.csv (the family's roots) \
                for the peer scripts, after the timings.

                Examples:
                  lineage bench-compare --store Benchmarks/data/run-100000.sqlite
                  lineage bench-compare --store hub.sqlite --family qwen --repeats 9 --export /tmp/peers --json
                """,
            shouldDisplay: false)

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: ArgumentHelp("Family to query (default: the one with most members).", valueName: "id"))
        var family: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Runs of the descendants query; best and median are reported.", valueName: "n"))
        var repeats = 5

        @Option(help: ArgumentHelp("Also write nodes.csv, edges.csv and roots.csv to this folder.", valueName: "dir"))
        var export: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func validate() throws {
            if repeats < 1 { throw ValidationError("--repeats must be 1 or more.") }
        }

        func run() throws {
            let session = storeOptions.session
            let report = try ComparisonBenchmark.run(
                store: try session.openStore().store, catalog: try session.catalog(), family: family, repeats: repeats, exportDirectory: export)
            print(json ? try JSONOutput.string(report, compact: true) : report.text)
        }
    }
}
