import ArgumentParser
import Foundation
import LineageKit

extension TimelinePeriod: ExpressibleByArgument {}
extension TimelineMetric: ExpressibleByArgument {}

extension Lineage {
    struct TimelineCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "New derivatives per week, month, quarter or year, with charts and before/after an event.",
            discussion: """
                Series: each NAME (a family, namespace or model id), each country of --origin (the families \
                whose owner is from it) and each country of --author-country (derivatives by authors from it). \
                With no series named, one series of every model in the store.

                Examples:
                  lineage timeline qwen llama --by quarter --since 2023-01
                  lineage timeline --origin CN,US --by month --chart cn-us.svg
                  lineage timeline meta-llama/Meta-Llama-3-8B --by week --metric authors --format csv
                  lineage timeline --origin CN,US --event 2023-10-17 --window 6
                  lineage timeline --metric metadata --by quarter     # share of new models naming a parent

                Events (policy and release dates, with sources) come from the shipped table; --events FILE \
                adds rows of date,label,kind,source. Definitions: docs/METRICS.md, "Time".
                """)

        @Argument(help: ArgumentHelp("Families, namespaces or model ids: one series each.", valueName: "name"))
        var names: [String] = []

        @Option(help: ArgumentHelp("Bucket width: week, month, quarter or year.", valueName: "period"))
        var by: TimelinePeriod = .month

        @Option(help: ArgumentHelp("new, cumulative, authors, downloads or metadata.", valueName: "metric"))
        var metric: TimelineMetric = .new

        @Option(help: ArgumentHelp("Country codes: one series per country of family origin (CN,US,FR).", valueName: "list"))
        var origin: String?

        @Option(help: ArgumentHelp("Country codes: one series per country of the derivatives' authors.", valueName: "list"))
        var authorCountry: String?

        @Option(help: ArgumentHelp("First day counted: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("Last period counted, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
        var until: String?

        @Option(help: ArgumentHelp("Follow only these relations: finetune, adapter, quantized, merge, unknown (comma-separated).", valueName: "list"))
        var relation: String?

        @Option(help: ArgumentHelp("Compare the months before and after this date (YYYY-MM-DD).", valueName: "date"))
        var event: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Months on each side of --event.", valueName: "n"))
        var window = 6

        @Option(help: ArgumentHelp("Also draw the timeline to this file: .svg or .png.", valueName: "file"))
        var chart: String?

        @Option(help: ArgumentHelp("A CSV of more events (date,label,kind,source) for the chart.", valueName: "file"))
        var events: String?

        @OptionGroup var registry: RegistryFileOption

        @OptionGroup var options: QueryOptions

        func validate() throws {
            if let chart, !chart.lowercased().hasSuffix(".svg"), !chart.lowercased().hasSuffix(".png") {
                throw ValidationError("--chart takes a file ending in .svg or .png")
            }
            if event != nil, chart != nil { throw ValidationError("--chart draws a timeline; leave out --event to draw one") }
        }

        func run() throws {
            var request = TimelineRequest()
            request.targets = names
            request.origins = origin.map { $0.split(separator: ",").map(String.init) } ?? []
            request.authorCountries = authorCountry.map { $0.split(separator: ",").map(String.init) } ?? []
            request.period = by
            request.metric = metric
            request.since = since
            request.until = until
            request.relations = try relation.map(LineageQueries.relationMask(from:)) ?? .all
            _ = try LineageTimeline.Timeline.dayRange(since: since, until: until)
            let eventTable = try TimelineEvent.load(userFile: events)
            try Self.answer(request, options: options, registry: registry, event: event, window: window, events: eventTable, chart: chart)
        }

        /// Runs `request` and prints it (shared with `lineage ask`); writes the chart when asked.
        static func answer(
            _ request: TimelineRequest, options: QueryOptions, registry: RegistryFileOption, event: String? = nil, window: Int = 6,
            events: [TimelineEvent] = [], chart: String? = nil
        ) throws {
            let session = options.session(registry: registry)
            let (queries, store) = try session.openQueries()
            let timeline = LineageTimeline.Timeline(queries: queries, registry: try session.registry(), store: store)
            if let event {
                let date = try CivilDate.parseSpan(event).start
                let label = events.first { $0.date == date }?.label
                try options.print(try timeline.eventWindow(request, event: event, months: window, label: label))
                return
            }
            let report = try timeline.report(request)
            if let chart {
                let drawing = TimelineChart(report: report, events: events)
                let bytes = chart.lowercased().hasSuffix(".png") ? try drawing.png() : Array(drawing.svg().utf8)
                guard FileManager.default.createFile(atPath: chart, contents: Data(bytes)) else { throw LineageError("\(chart): cannot write the chart") }
                FileHandle.standardError.write(Data(("\(chart): \(drawing.shownEvents.count) event markers, "
                    + "\(report.series.count) series, \(report.buckets.count) \(report.period.rawValue)s\n").utf8))
            }
            try options.print(report)
        }
    }
}
