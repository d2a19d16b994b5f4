import ArgumentParser
import Foundation
import LineageKit

extension Lineage {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarize the store: models, edges by relation, roots, external parents, cycles, papers, snapshots.",
            discussion: """
                Cycles are strongly connected components of the lineage (A lists B as parent and B lists A, or \
                longer loops); self-loops are dropped at ingest and counted. With no store configured it \
                describes the bundled default snapshot.

                Examples:
                  lineage stats
                  lineage stats --store hub.sqlite --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let (store, description) = try storeOptions.session.openStore()
            let report = try StatsReport(store: store, description: description)
            if let note = StoreSizeNote.text(models: report.models, store: description) {
                FileHandle.standardError.write(Data((note + "\n").utf8))
            }
            switch format {
            case .text: print(report.text())
            case .json: print(try report.json())
            }
        }
    }
}
