import ArgumentParser
import Foundation
import LineageKit
import LineageSynth

extension Lineage {
    /// `lineage synth`: writes a synthetic Hub (hub-stats JSON lines) for benchmarks and tests.
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic Hub of N models as hub-stats JSON lines (for benchmarks).",
            discussion: """
                The models have the real Hub's structure, calibrated to the published figures for 1.86M \
                models (arXiv 2508.06811): ~0.31 lineage edges per model, of which 33% fine-tune, 42% \
                adapter, 18% quantized and 7% merge or untyped; 99% of quantized models are leaves; \
                heavy-tailed family sizes with the largest family (Llama) near 10% of all models; fine-tune \
                chains 10+ deep; merges of 2-4 parents across families; dangling parents; a few self-loops \
                and cycles; creation dates over 2022-2026 with growth; heavy-tailed downloads; authors \
                including the families' and the organization registry's namespaces.

                Same --models and --seed, same bytes. --report prints the measured calibration on \
                standard error.

                Examples:
                  lineage synth --models 2000000 -o hub-2m.jsonl
                  lineage synth --models 100000 --seed 7 --report -o hub.jsonl
                  lineage synth --models 20000 | sha256sum
                """)

        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Number of models to write.", valueName: "n"))
        var models: Int

        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seed of the generator.", valueName: "s"))
        var seed: UInt64 = 1

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Output file; - for standard output.", valueName: "file"))
        var output: String = "-"

        @Flag(help: "Print the measured calibration (edge mix, largest family, quantized leaves, depth) on standard error.")
        var report = false

        @Flag(help: "Print the calibration as JSON on standard error instead of text (implies --report).")
        var json = false

        @OptionGroup var reporting: QuietFlag

        func validate() throws {
            if models < 0 { throw ValidationError("--models must be 0 or more.") }
            if models > 50_000_000 { throw ValidationError("--models above 50,000,000 is not supported (the generator keeps every model in memory).") }
        }

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            let hub = SyntheticHub.generate(SyntheticHubConfiguration(models: models, seed: seed), catalog: try FamilyCatalog.load())
            let generated = clock.now
            let bytes = try SyntheticHubWriter(hub: hub).write(toFile: output)
            let written = clock.now
            if report || json {
                let calibration = SyntheticHubCalibration(hub: hub)
                if json {
                    FileHandle.standardError.write(Data((try JSONOutput.string(calibration) + "\n").utf8))
                } else {
                    FileHandle.standardError.write(Data((calibration.text + "\n").utf8))
                }
            }
            if !reporting.quiet {
                let g = (generated - start).components, w = (written - generated).components
                let seconds = { (c: (seconds: Int64, attoseconds: Int64)) in Double(c.seconds) + Double(c.attoseconds) / 1e18 }
                let where_ = output == "-" ? "standard output" : output
                let f = { (x: Double) in String(format: "%.2f", x) }
                FileHandle.standardError.write(Data((
                    "wrote \(models) models (\(String(format: "%.1f", Double(bytes) / 1_048_576)) MB) to \(where_) in "
                        + "\(f(seconds(g) + seconds(w))) s (generate \(f(seconds(g))) s, write \(f(seconds(w))) s)\n").utf8))
            }
        }
    }
}
