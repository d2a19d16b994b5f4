import ArgumentParser
import Foundation
import LineageKit

extension ExportFormat: ExpressibleByArgument {}

extension Lineage {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the lineage graph, or part of it, as GraphML, CSV/TSV node and edge lists or JSON Lines.",
            discussion: """
                With no TARGET, the whole store. TARGET is a family (from its roots), a Hub namespace, a \
                model or an imported project, with everything derived from it (--with-ancestors adds what \
                it derives from); a QUESTION in `lineage ask` words (it contains spaces) or a .query file \
                exports the models its lineage map would show, with no node limit.

                Nodes are Hub ids with kind, author, the author's kind and country with their source, \
                families and their origin, created_at (ISO 8601), downloads_30d, downloads_all_time, likes \
                and removed_at; edges go from parent (source) to child (target) with relation and \
                provenance (declared or inferred:<rule>). Numbers are raw. CSV and TSV write two files: \
                -o out/llama.csv gives out/llama.nodes.csv and out/llama.edges.csv. Rows are streamed; \
                files appear only when the export is complete.

                Examples:
                  lineage export -o hub.graphml
                  lineage export llama -o llama.graphml
                  lineage export qwen --format csv -o qwen        # qwen.nodes.csv, qwen.edges.csv
                  lineage export "which U.S. models derive from Qwen" -o qwen-us.jsonl
                  lineage export deepseek-ai/DeepSeek-R1 --with-ancestors --format jsonl -o - | head
                """)

        @Argument(help: ArgumentHelp("A family, namespace, model or project; a question in quotes; a .query file. None: the whole store.", valueName: "target|question"))
        var target: String?

        @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write (for csv/tsv, the stem of the two files); - for standard "
            + "output.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("graphml, csv, tsv or jsonl (default: from the file extension).", valueName: "format"))
        var format: ExportFormat?

        @Flag(help: "Replace files that exist.")
        var force = false

        @Option(help: ArgumentHelp("Follow and write only these relations: finetune, adapter, quantized, merge, unknown (comma-separated).", valueName: "list"))
        var relation: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Stop this many hops below the target.", valueName: "n"))
        var maxDepth: Int?

        @Flag(help: "Also write the target's ancestors.")
        var withAncestors = false

        @OptionGroup var sessionOptions: SessionOptions

        @OptionGroup var registry: RegistryFileOption

        func validate() throws {
            if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must be 0 or more") }
            if format == nil, output != "-", ExportFormat(path: output) == nil {
                throw ValidationError("cannot tell the format from '\(output)'; name a .graphml, .csv, .tsv or .jsonl file or pass --format")
            }
        }

        func run() throws {
            let format = self.format ?? ExportFormat(path: output) ?? .graphml
            let destination = try ExportDestination(output: output, format: format, force: force)
            let relations = try relation.map(LineageQueries.relationMask(from:)) ?? .all
            let question = try target.flatMap(MapQuestion.detect)
            var session = sessionOptions.session(registry: registry)
            if question?.declaredOnly == true { session.declaredOnly = true }
            let (queries, store) = try session.openQueries()
            defer { withExtendedLifetime(queries) {} }
            let registry = try session.registry()
            let selection: ExportSelection
            if let question, let target {
                selection = try queries.exportSelection(question: question, text: target, registry: registry)
            } else if let target {
                selection = try queries.exportSelection(of: target, relations: relations, maxDepth: maxDepth, withAncestors: withAncestors)
            } else {
                selection = try queries.exportSelection()
            }
            let exporter = GraphExporter(queries: queries, registry: registry)
            let counts = try destination.write { nodes, edges in try exporter.write(selection, as: format, nodes: &nodes, edges: &edges) }
            if !destination.paths.isEmpty {
                let line = "Wrote \(destination.paths.joined(separator: " and ")) (\(format.rawValue)): \(counts.nodes) nodes, \(counts.edges) edges, "
                    + "\(counts.bytes) bytes; \(selection.description)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
    }
}
