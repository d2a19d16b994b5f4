import ArgumentParser
import Foundation
import LineageKit

extension MapFormat: ExpressibleByArgument {}
extension MapLayout: ExpressibleByArgument {}

extension Lineage {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a lineage map (DOT, SVG, PNG or PDF) of a model, a family or a question's answer.",
            discussion: """
                TARGET is a model id (drawn with its ancestors), a family (qwen, Llama, DeepSeek; see \
                `lineage families`), a Hub namespace or an imported project (the models its AI-BOM \
                uses, with their ancestors). A QUESTION in `lineage ask` words (it contains \
                spaces) is drawn as its target with its filters; a file ending in .query holds one.

                The map keeps the --max-nodes most important models by weighted reach and downloads, \
                always with the path from the root to each of them, and folds the rest into one \
                "+N more (M downloads)" node per parent. Fill shows the author's country (legend in \
                the map), shape the kind, line style the relation: finetune solid, adapter dashed, \
                quantized dotted, merge bold, unknown grey. SVG nodes have tooltips and link to the Hub.

                Graphviz runs in process (no `dot` program needed). The format follows the file \
                extension (.dot/.gv, .svg, .png, .pdf) unless --format is given; `-o -` writes to \
                standard output (SVG unless --format). --format dot writes the DOT source, which is \
                the same byte for byte for the same data.

                Examples:
                  lineage render deepseek-ai/DeepSeek-R1 -o r1.svg
                  lineage render qwen --country US -o qwen-us.svg
                  lineage render "which U.S. models derive from Qwen" -o qwen-us.png
                  lineage render llama --max-nodes 2000 --layout sfdp -o llama.pdf
                  lineage render mistral --depth 2 --relation finetune,adapter --format dot -o - | less
                """)

        @Argument(help: ArgumentHelp("A model id, family or namespace; a question in quotes; or a .query file.", valueName: "target|question|query-file"))
        var target: String

        @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("dot, svg, png or pdf (default: from the file extension).", valueName: "format"))
        var format: MapFormat?

        @Option(help: ArgumentHelp("dot (hierarchical), twopi (radial), sfdp (force) or auto (dot up to 400 nodes, then sfdp).", valueName: "layout"))
        var layout: MapLayout = .auto

        @Option(parsing: .unconditional, help: ArgumentHelp("Most models drawn (default \(MapRequest.defaultMaxNodes)); the rest fold into +N nodes.", valueName: "n"))
        var maxNodes: Int?

        @Option(parsing: .unconditional, help: ArgumentHelp("Draw descendants down to this many hops below the target.", valueName: "n"))
        var depth: Int?

        @Option(help: ArgumentHelp("Only descendants by authors from these countries (US, CN, EU, France…; comma-separated); their ancestors are drawn too.", valueName: "list"))
        var country: String?

        @OptionGroup var relation: RelationOption

        @OptionGroup var sessionOptions: SessionOptions

        @OptionGroup var registry: RegistryFileOption

        @Flag(help: ArgumentHelp("Print selection, DOT and Graphviz times on standard error.", visibility: .hidden))
        var timings = false

        @Option(name: .customLong("repeat"), parsing: .unconditional, help: ArgumentHelp("Render this many more times and report time and memory growth (benchmark, leak "
            + "check).", visibility: .hidden))
        var repeatCount: Int?

        func validate() throws {
            if let maxNodes, maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more") }
            if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
            if output.isEmpty { throw ValidationError("-o needs a file name, or - for standard output") }
            if format == nil, output != "-", MapFormat(path: output) == nil {
                throw ValidationError("cannot tell the format from '\(output)'; name a .dot, .svg, .png or .pdf file or pass --format")
            }
        }

        func run() throws {
            let format = self.format ?? MapFormat(path: output) ?? .svg
            let relations = try relation.mask()
            let countries = try country.map(MapRequest.countries(from:))
            let question = try MapQuestion.detect(target)

            let clock = ContinuousClock()
            var start = clock.now
            var session = sessionOptions.session(registry: registry)
            session.declaredOnly = session.declaredOnly || question?.declaredOnly == true
            let (queries, store) = try session.openQueries()
            let loadTime = clock.now - start
            // Keep the graph alive to the end: freeing a million names as soon as the map is built costs
            // more than the selection itself, and the process is about to exit anyway.
            defer { withExtendedLifetime(queries) {} }
            let lookups = MapLookups(registry: try session.registry())
            let snapshot = store == BundledDefault.description ? store : "store " + URL(fileURLWithPath: store).lastPathComponent

            // Flags given on the command line win over a question's filters.
            let overrides = { (request: MapRequest) -> MapRequest in
                var r = request
                if let maxNodes { r.maxNodes = maxNodes }
                if let depth { r.maxDepth = depth }
                if let relations { r.relations = relations }
                if let countries { r.countries = countries }
                r.layout = layout
                return r
            }
            start = clock.now
            let map: LineageMap
            if let question {
                map = try queries.map(question: question, request: MapRequest(), overrides: overrides, lookups: lookups, snapshot: snapshot)
            } else {
                map = try queries.map(of: target, request: overrides(MapRequest()), lookups: lookups, snapshot: snapshot)
            }
            let selectTime = clock.now - start
            start = clock.now
            let bytes = try map.render(format)
            let renderTime = clock.now - start
            if let repeatCount, repeatCount > 0 {
                let repeated = try MapRenderRepeat.run(map, format: format, count: repeatCount, expected: bytes)
                FileHandle.standardError.write(Data((repeated.text + "\n").utf8))
            }

            if output == "-" {
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw LineageError("cannot write \(output): \(error.localizedDescription)")
                }
                FileHandle.standardError.write(Data((map.writtenLine(file: output, format: format) + "\n").utf8))
            }
            if timings {
                let ms = MapRenderRepeat.milliseconds
                FileHandle.standardError.write(Data(
                    ("timings: load \(ms(loadTime)), select+dot \(ms(selectTime)), graphviz \(ms(renderTime)), "
                        + "nodes \(map.selection.nodes.count), universe \(map.selection.universeCount)\n").utf8))
            }
        }
    }
}
