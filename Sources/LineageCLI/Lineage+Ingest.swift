import ArgumentParser
import Foundation
import LineageHub
import LineageKit
import LineageStore

extension InputFormat: ExpressibleByArgument {}

extension Lineage {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read Hub metadata files into the store, one snapshot per input.",
            discussion: """
                Formats are detected from content (override with --format):
                  hub-json         Hub model objects, JSON lines or a JSON array (/api/models?full=true, hub-stats dump)
                  edge-csv         typed edge list: source,target,edge (finetuned|adapter|quantized|merged)
                  node-csv         node list: id,type,owner,architecture (read together with an edge list)
                  list-models-csv  list_models rows with a Python-style tags list
                  space-json       Space objects (id, sdk, models), JSON lines or a JSON array
                  cyclonedx        a CycloneDX 1.5/1.6 JSON AI-BOM

                Any of them may be gzip-compressed (known by its first bytes, not its name; concatenated \
                members too): it is decompressed as it is read, never unpacked to disk. A truncated or \
                corrupt gzip file is refused with its name and the byte offset of the damage.

                The whole ingest is one transaction: a malformed record stops it with file:line and nothing \
                written (unless --skip-invalid), and an interrupted ingest leaves the store as it was. \
                Ingesting the same content again does nothing.

                A store created by ingesting only Spaces or AI-BOMs starts from the bundled default snapshot \
                (4,167 real Hub models), so that questions about it still cover the Hub; the summary says \
                so. --no-default-data starts such a store empty instead.

                Examples:
                  lineage ingest models.jsonl --store hub.sqlite
                  lineage ingest edges.csv models.csv --store deps.sqlite
                  lineage ingest product.cdx.json                  # your AI-BOM, over the bundled snapshot
                  lineage ingest models-1.jsonl.gz models-2.jsonl.gz --store crawl.sqlite
                """)

        @Argument(help: ArgumentHelp("Input files.", valueName: "file"))
        var files: [String]

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: ArgumentHelp("Read every file in this format instead of detecting it: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
        var format: InputFormat?

        @Flag(help: "Skip malformed records, report how many and where, and ingest the rest.")
        var skipInvalid = false

        @OptionGroup var reporting: QuietFlag

        @Flag(help: "Do not start a new store from the bundled default snapshot when the inputs describe no models.")
        var noDefaultData = false

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to ingest.") }
        }

        func run() throws {
            let path = storeOptions.locator.writePath
            let target = try WritableStore.openOrCreate(path: path)
            let progress = reporting.quiet ? nil : ProgressLine.forStandardError(minimumBytes: 4 << 20)
            let options = IngestOptions(format: format, skipInvalid: skipInvalid, startFromBundledDefault: !noDefaultData)
            let result = try target.write { store in
                defer { progress?.finish() }
                return try Ingestor(options: options).ingest(paths: files, into: store, progress: progress.map { line in { line.update($0) } })
            }
            if !reporting.quiet { print(IngestSummaryText.render(result, storePath: path)) }
        }
    }
}
