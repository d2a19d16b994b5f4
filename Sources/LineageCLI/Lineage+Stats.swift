import ArgumentParser
import Foundation
import LineageKit

extension Lineage {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarize the store: models, edges by relation, roots, external parents, cycles, papers, snapshots.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let (store, description) = try StoreLocator(explicitPath: storeOptions.store).openForReading()
            let report = try StatsReport(store: store, description: description)
            switch format {
            case .text: print(report.text())
            case .json: print(try report.json())
            }
        }
    }
}
