import Foundation
import LineageKit
import LineageTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A dated lineage small enough to count by hand:
///
///     Qwen/Qwen-Base (2023-08-03) ─ft→ a/ft1 (09-10) ─ft→ a/ft2 (09-25)
///         │                            └─quantized→ b/q1 (10-20)
///         └─adapter→ c/ad (2024-01-05)
///     meta-llama/Llama-2-7b (2023-07-18) ─ft→ d/l1 (08-01), d/l2 (11-02), d/l3 (12-01), e/old (2022-03-02)
///     f/orphan (2023-09-01), no parent
enum TimelineFixture {
    static let lines = [
        hubLine("Qwen/Qwen-Base", createdAt: "2023-08-03T10:00:00.000Z", downloads: 100),
        hubLine("a/ft1", createdAt: "2023-09-10T00:00:00.000Z", downloads: 10, relation: "finetune", parents: ["Qwen/Qwen-Base"]),
        hubLine("a/ft2", createdAt: "2023-09-25T23:59:59.000Z", downloads: 5, relation: "finetune", parents: ["a/ft1"]),
        hubLine("b/q1", createdAt: "2023-10-20T00:00:00.000Z", downloads: 7, relation: "quantized", parents: ["a/ft1"]),
        hubLine("c/ad", createdAt: "2024-01-05T00:00:00.000Z", downloads: 1, relation: "adapter", parents: ["Qwen/Qwen-Base"]),
        hubLine("meta-llama/Llama-2-7b", createdAt: "2023-07-18T00:00:00.000Z", downloads: 1000),
        hubLine("d/l1", createdAt: "2023-08-01T00:00:00.000Z", downloads: 3, relation: "finetune", parents: ["meta-llama/Llama-2-7b"]),
        hubLine("d/l2", createdAt: "2023-11-02T00:00:00.000Z", downloads: 4, relation: "finetune", parents: ["meta-llama/Llama-2-7b"]),
        hubLine("d/l3", createdAt: "2023-12-01T00:00:00.000Z", downloads: 2, relation: "finetune", parents: ["meta-llama/Llama-2-7b"]),
        hubLine("e/old", createdAt: "2022-03-02T00:00:00.000Z", downloads: 9, relation: "finetune", parents: ["meta-llama/Llama-2-7b"]),
        hubLine("f/orphan", createdAt: "2023-09-01T00:00:00.000Z", downloads: 0),
    ]

    static func timeline(in directory: TemporaryDirectory) throws -> Timeline {
        let file = directory.write("timeline.jsonl", lines.joined(separator: "\n") + "\n")
        let store = try LineageStore.openOrCreate(path: directory.file("timeline.sqlite"))
        _ = try Ingestor().ingest(paths: [file], into: store)
        let queries = LineageQueries(loaded: try LoadedGraph(store: store), catalog: try FamilyCatalog.load())
        return Timeline(queries: queries, registry: try OrganizationRegistry.load(), store: "fixture")
    }
}

@Suite("Timeline")
struct TimelineTests {
    let directory = TemporaryDirectory()

    func values(_ report: TimelineReport, _ series: Int = 0) -> [String: Int] {
        var out: [String: Int] = [:]
        for (b, v) in zip(report.buckets, report.series[series].values) where (v ?? 0) != 0 { out[b] = Int(v!) }
        return out
    }

    @Test("civil dates round-trip and buckets have consecutive ordinals")
    func calendar() throws {
        for days in [-800, -1, 0, 1, 59, 11_000, 19_000, 19_723, 20_000] {
            #expect(CivilDate(days: days).days == days)
        }
        #expect(CivilDate(days: 19_783).description == "2024-03-01")
        #expect(CivilDate(unixSeconds: -1).description == "1969-12-31")
        #expect(TimelinePeriod.week.label(ofOrdinal: TimelinePeriod.week.ordinal(of: CivilDate(year: 2023, month: 10, day: 19))) == "2023-10-16")
        #expect(TimelinePeriod.quarter.label(ofOrdinal: TimelinePeriod.quarter.ordinal(of: CivilDate(year: 2023, month: 10, day: 19))) == "2023-Q4")
        #expect(CivilDate(year: 2024, month: 3, day: 31).adding(months: -1).description == "2024-02-29")
        #expect(try CivilDate.parseSpan("2024-01").end.description == "2024-02-01")
        #expect(throws: LineageError.self) { try CivilDate.parseSpan("2023/10/17") }
        #expect(throws: LineageError.self) { try CivilDate.parseSpan("2023-02-30") }
    }

    @Test("new derivatives per month, with since and until")
    func monthly() throws {
        let timeline = try TimelineFixture.timeline(in: directory)
        var request = TimelineRequest()
        request.targets = ["qwen", "llama"]
        request.since = "2023-09"
        request.until = "2024-01"
        let report = try timeline.report(request)
        #expect(report.buckets == ["2023-09", "2023-10", "2023-11", "2023-12", "2024-01"])
        #expect(values(report, 0) == ["2023-09": 2, "2023-10": 1, "2024-01": 1])
        #expect(values(report, 1) == ["2023-11": 1, "2023-12": 1])
        #expect(report.series[0].total == 4)
        let csv = try report.render(.csv)
        #expect(csv.hasPrefix("period,Qwen,Llama\n2023-09,2,0\n"))
    }

    @Test("quarters, relation filters, authors, cumulative members and the placeholder date")
    func metrics() throws {
        let timeline = try TimelineFixture.timeline(in: directory)
        var request = TimelineRequest()
        request.targets = ["qwen"]
        request.period = .quarter
        #expect(values(try timeline.report(request)) == ["2023-Q3": 2, "2023-Q4": 1, "2024-Q1": 1])
        request.relations = RelationMask(.finetune)
        #expect(values(try timeline.report(request)) == ["2023-Q3": 2])
        request = TimelineRequest()
        request.targets = ["llama"]
        request.metric = .authors
        let authors = try timeline.report(request)
        #expect(values(authors) == ["2022-03": 1, "2023-08": 1])
        #expect(authors.notes.contains { $0.contains("2022-03-02") })
        request.targets = ["qwen"]
        request.metric = .cumulative
        #expect(values(try timeline.report(request)) == ["2023-08": 1, "2023-09": 3, "2023-10": 4, "2023-11": 4, "2023-12": 4, "2024-01": 5])
        request.metric = .downloads
        #expect(values(try timeline.report(request)) == ["2023-09": 15, "2023-10": 7, "2024-01": 1])
    }

    @Test("metadata share over every model, and origins")
    func metadataAndOrigin() throws {
        let timeline = try TimelineFixture.timeline(in: directory)
        var request = TimelineRequest()
        request.metric = .metadata
        request.since = "2023-09"
        request.until = "2023-09"
        let share = try timeline.report(request)
        #expect(share.series[0].name == "all models")
        #expect(share.series[0].values == [2.0 / 3.0])
        request = TimelineRequest()
        request.origins = ["CN", "us"]
        let origins = try timeline.report(request)
        #expect(origins.series.map(\.name) == ["CN", "US"])
        #expect(origins.series[0].total == 4 && origins.series[1].total == 4)
    }

    @Test("before and after an event, with the ratio of growth ratios")
    func eventWindow() throws {
        let timeline = try TimelineFixture.timeline(in: directory)
        var request = TimelineRequest()
        request.origins = ["CN", "US"]
        let report = try timeline.eventWindow(request, event: "2023-10-17", months: 3)
        #expect(report.beforeFrom == "2023-07-17" && report.afterTo == "2024-01-17")
        #expect(report.series.map { [$0.before, $0.after] } == [[2, 2], [1, 2]])
        #expect(report.series[0].growth == 1 && report.series[1].growth == 2)
        #expect(report.comparison?.ratio == 0.5)
        #expect(abs((report.comparison?.logDifference ?? 0) + log(2)) < 1e-12)
        #expect(report.caveats.contains { $0.hasPrefix("CN: its first seed is dated 2023-08-03") })
        #expect(report.caveats.contains { $0.contains("newest model is dated 2024-01-05") })
        #expect(report.metadataShare["2023-09"] == 2.0 / 3.0)
    }

    @Test("bad input: until before since, an unreadable event date, an event without source")
    func badInput() throws {
        let timeline = try TimelineFixture.timeline(in: directory)
        var request = TimelineRequest()
        request.since = "2024-02"
        request.until = "2024-01"
        #expect(throws: LineageError.self) { try timeline.report(request) }
        #expect(throws: LineageError.self) { try timeline.eventWindow(TimelineRequest(), event: "17.10.2023", months: 6) }
        let bad = "date,label,kind,source\n2023-10-17,BIS update,policy,https://bis.gov\n2024-01-01,No source,policy,\n"
        do {
            _ = try TimelineEvent.parse(Array(bad.utf8), name: "mine.csv")
            Issue.record("an event without a source was accepted")
        } catch {
            #expect(error.message.hasPrefix("mine.csv:3: "))
        }
        #expect(throws: LineageError.self) { try TimelineEvent.parse(Array("date,label,kind,source\n2023-13,X,policy,src\n".utf8), name: "m.csv") }
    }

    @Test("the shipped events parse, each with a source")
    func shippedEvents() throws {
        let events = try TimelineEvent.load()
        #expect(events.count >= 14)
        #expect(events.allSatisfy { !$0.source.isEmpty })
        #expect(events.contains { $0.dateText == "2023-10-17" && $0.kind == "policy" })
    }

    @Test("timeline questions")
    func questions() throws {
        let a = try #require(try TimelineQuestion.parse("how many models derived from Qwen per month since 2023-01"))
        #expect(a.targets == ["Qwen"] && a.period == .month && a.since == "2023-01" && a.until == nil)
        let b = try #require(try TimelineQuestion.parse("how many models derived from Qwen per month between 2023-10 and 2024-06?"))
        #expect(b.since == "2023-10" && b.until == "2024-06")
        let c = try #require(try TimelineQuestion.parse("how many models derived from Qwen per month until 2024-01"))
        #expect(c.until == "2024-01" && c.since == nil)
        let d = try #require(try TimelineQuestion.parse("compare Qwen and Llama per quarter"))
        #expect(d.targets == ["Qwen", "Llama"] && d.period == .quarter)
        let e = try #require(try TimelineQuestion.parse("compare Chinese-origin families and US-origin families per month"))
        #expect(e.origins == ["CN", "US"])
        let f = try #require(try TimelineQuestion.parse("how many models fine-tuned from Llama per year"))
        #expect(f.relations == RelationMask(.finetune))
        #expect(try TimelineQuestion.parse("how many models derive from Qwen since 2023-01") == nil)
        #expect(try TimelineQuestion.parse("which U.S. projects derive from Qwen") == nil)
        #expect(throws: LineageError.self) { try TimelineQuestion.parse("compare Qwen and Llama per fortnight") }
        #expect(throws: LineageError.self) { try TimelineQuestion.parse("compare Qwen and Llama between 2024-06 and 2023-10") }
    }
}

@Suite("Timeline chart")
struct TimelineChartTests {

    /// A small report built by hand, with a hostile series name and event label.
    static func chart() throws -> TimelineChart {
        let report = TimelineReport(
            store: "fixture <test>", metric: .new, period: .month, buckets: ["2023-09", "2023-10", "2023-11", "2023-12"],
            from: "2023-09-01", through: "2023-12-31",
            series: [
                .init(name: "Qwen & co", detail: "", values: [2, 1, 0, 4], total: 7, undatedDerivatives: 0, placeholderDerivatives: 0, firstSeed: nil),
                .init(name: "Llama", detail: "", values: [0, 3, 1, 1], total: 5, undatedDerivatives: 0, placeholderDerivatives: 0, firstSeed: nil),
            ],
            notes: [])
        let events = try TimelineEvent.parse(Array("""
            date,label,kind,source
            2023-10-17,BIS "update" <rule>,policy,https://bis.gov
            2023-11,A release,release,https://example.org
            2024-05-01,Outside the span,policy,https://example.org
            """.utf8), name: "events.csv")
        return TimelineChart(report: report, events: events)
    }

    @Test("the SVG matches its golden file, parses as XML and labels every marker in the span")
    func svg() throws {
        let chart = try Self.chart()
        let svg = chart.svg()
        let problem = Golden.mismatch(svg, name: "Timeline/chart.svg")
        #expect(problem == nil, "\(problem ?? "")")
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("BIS &quot;update&quot; &lt;rule&gt; (2023-10-17)"))
        #expect(svg.contains("A release (2023-11)"))
        #expect(!svg.contains("Outside the span"))
        #expect(svg.contains("Qwen &amp; co"))
        #expect(chart.shownEvents.count == 2)
    }

    @Test("the PNG is drawn through Graphviz")
    func png() throws {
        let bytes = try Self.chart().png()
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(bytes.count > 10_000)
    }
}
