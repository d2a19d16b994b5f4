import ArgumentParser
import Foundation
import LineageKit

extension Lineage {
    struct Bom: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a CycloneDX 1.6 AI-BOM of a model or an imported project, with its whole lineage as pedigree.",
            discussion: """
                The BOM's component is the model (or the project, with the models it uses as components). \
                Each model's pedigree.ancestors lists its whole lineage up to the roots, each ancestor a \
                machine-learning-model with purl pkg:huggingface/ORG/NAME and lineage: properties: depth, \
                the child below it with the relation and its provenance (declared or inferred:<rule>), its \
                parents, its author's kind and country with their source, and its families with their \
                origin. A lineage cycle is listed once, its members named in lineage:cycle.

                `lineage ingest` reads the BOM back as a project.

                Examples:
                  lineage bom Steelskull/L3.3-Nevoria-R1-70b -o nevoria.cdx.json
                  lineage bom SupportBot > supportbot.cdx.json
                """)

        @Argument(help: ArgumentHelp("A model id, or an imported project's name.", valueName: "model|project"))
        var model: String

        @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write; - (the default) for standard output.", valueName: "file"))
        var output = "-"

        @Flag(help: "Replace the file if it exists.")
        var force = false

        @OptionGroup var sessionOptions: SessionOptions

        @OptionGroup var registry: RegistryFileOption

        func run() throws {
            let destination = try ExportDestination(output: output, format: .jsonl, force: force)
            let session = sessionOptions.session(registry: registry)
            let (queries, store) = try session.openQueries()
            let exporter = GraphExporter(queries: queries, registry: try session.registry())
            let data = store == BundledDefault.description ? store : "store " + URL(fileURLWithPath: store).lastPathComponent
            let bom = try BOMBuilder(exporter: exporter).bom(for: model, data: data)
            let json = try bom.json()
            try destination.write { out, _ in
                out.append(json)
                try out.flush()
            }
            if !destination.paths.isEmpty {
                let ancestors = (bom.metadata.component.pedigree?.ancestors.count ?? 0) + (bom.components ?? []).reduce(0) { $0 + ($1.pedigree?.ancestors.count ?? 0) }
                FileHandle.standardError.write(Data("Wrote \(output): CycloneDX 1.6, \(ancestors) pedigree ancestors\n".utf8))
            }
        }
    }
}
