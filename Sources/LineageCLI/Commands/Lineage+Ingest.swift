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
                  weekly-csv       a week's added models: Model ID,Type,Base Model, dated by its name or --as-of
                  weekly-deletions-csv  the same columns for deleted models (a file or folder named deleted…)

                Any of them may be gzip-compressed (known by its first bytes, not its name; concatenated \
                members too): it is decompressed as it is read, never unpacked to disk. A truncated or \
                corrupt gzip file is refused with its name and the byte offset of the damage.

                The whole ingest is one transaction: a malformed record stops it with file:line and nothing \
                written (unless --skip-invalid), and an interrupted ingest leaves the store as it was. \
                Ingesting the same content again does nothing.

                A store created by ingesting only Spaces or AI-BOMs starts from the bundled default snapshot \
                (4,167 real Hub models), so that questions about it still cover the Hub; the summary says \
                so. --no-default-data starts such a store empty instead.

                History: weekly files are dated by their names (added_model_0319.csv under msc-2025-weekly/ \
                is 2025-03-19) or --as-of, and replayed in date order; a deletions list marks its models \
                removed at its date, never deleting them. --full-snapshot SCOPE (hub, or author:NS) says the \
                inputs list every model of the scope, so described models of the scope they lack, seen on \
                an earlier date, are marked removed; without it no input removes anything.

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

        @Option(help: ArgumentHelp("The day the inputs describe (default: a weekly file's name, else now).", valueName: "YYYY-MM-DD"))
        var asOf: String?

        @Option(help: ArgumentHelp("The inputs list every model of this scope: hub, or author:NAMESPACE.", valueName: "scope"))
        var fullSnapshot: String?

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to ingest.") }
            if let asOf, FileNameDate.parse(asOf) == nil { throw ValidationError("--as-of \(asOf): expected a date YYYY-MM-DD") }
            if let fullSnapshot, SnapshotScope(fullSnapshot) == nil {
                throw ValidationError("--full-snapshot \(fullSnapshot): expected hub or author:NAMESPACE")
            }
        }

        func run() throws {
            let path = storeOptions.locator.writePath
            let target = try WritableStore.openOrCreate(path: path)
            let progress = reporting.quiet ? nil : ProgressLine.forStandardError(minimumBytes: 4 << 20)
            let options = IngestOptions(
                format: format, skipInvalid: skipInvalid, startFromBundledDefault: !noDefaultData,
                asOf: asOf.flatMap(FileNameDate.parse), fullSnapshot: fullSnapshot.flatMap(SnapshotScope.init))
            let result = try target.write { store in
                defer { progress?.finish() }
                return try Ingestor(options: options).ingest(paths: files, into: store, progress: progress.map { line in { line.update($0) } })
            }
            if !reporting.quiet { print(IngestSummaryText.render(result, storePath: path)) }
        }
    }
}
