import Foundation
import LineageGraph
@testable import LineageHub
import LineageTestSupport
import Testing

/// A fuzz target per input parser: `FuzzMutator.iterations` mutations of a small seed corpus
/// (Fixtures/FuzzSeeds, from hub-stats-2026 and synthetic data; see scripts/build-fuzz-seeds.py).
///
/// Properties: no parser crashes or hangs; each either yields records or throws a `HubParseError`; every
/// record it yields has ids without control characters and counts within 0...2^53; every message is
/// free of control characters and short. `.ci/run` runs this with 100,000 inputs per parser.
@Suite("Fuzz: parsers")
struct ParserFuzzTests {
    static let seedDirectory = Fixture.directory.appendingPathComponent("FuzzSeeds")

    static func seed(_ name: String) -> [UInt8] {
        Array((try? Data(contentsOf: seedDirectory.appendingPathComponent(name))) ?? Data())
    }

    /// What one target saw, for the log line and the checks.
    struct Tally {
        var inputs = 0
        var accepted = 0
        var refused = 0
        var slowest: Double = 0
    }

    /// Runs `body` on every mutated input; `body` returns whether the input was accepted.
    static func fuzz(
        _ name: String, seeds: [[UInt8]], dictionary: [String], body: ([UInt8]) throws -> Bool
    ) rethrows -> Tally {
        #expect(!seeds.isEmpty && seeds.allSatisfy { !$0.isEmpty }, "seed corpus of \(name)")
        var tally = Tally()
        let tokens = FuzzMutator.tokens(dictionary)
        let start = Date()
        for iteration in 0..<FuzzMutator.iterations {
            var mutator = FuzzMutator(seed: FuzzMutator.seed, iteration: iteration, tokens: tokens)
            // Every tenth input is a seed as it is, so the corpus itself stays covered.
            let input = iteration % 10 == 0 ? seeds[iteration / 10 % seeds.count] : mutator.mutate(seeds)
            FuzzMutator.dump(input)
            let before = Date()
            if try body(input) { tally.accepted += 1 } else { tally.refused += 1 }
            tally.slowest = max(tally.slowest, Date().timeIntervalSince(before))
            tally.inputs += 1
        }
        let seconds = Date().timeIntervalSince(start)
        print("fuzz \(name): \(tally.inputs) inputs (seed \(FuzzMutator.seed)) in \(String(format: "%.1f", seconds)) s; "
              + "\(tally.accepted) accepted, \(tally.refused) refused; slowest \(String(format: "%.1f", tally.slowest * 1000)) ms")
        // Linear parsers on inputs of at most 64 KB: anything near a second is a hang in the making.
        #expect(tally.slowest < 5, "\(name): one input took \(tally.slowest) s")
        return tally
    }

    // MARK: - Properties

    // The checks record an issue only when a property fails: `#expect` on every input would cost more
    // than the parsing.

    static func check(_ error: HubParseError, _ input: [UInt8]) {
        let text = error.description
        if MessageText.firstControl(in: text) != nil || text.utf8.count > 600 || error.line < 0 {
            Issue.record("unsafe message (\(text.utf8.count) bytes) \(MessageText.quote(text, limit: 300)) for \(show(input))")
        }
    }

    static func check(_ record: ModelRecord, _ input: [UInt8]) {
        if record.id.isEmpty { Issue.record("empty id from \(show(input))") }
        if let problem = record.idProblem() { Issue.record("\(problem) from \(show(input))") }
        for count in [record.downloads, record.downloadsAllTime, record.likes, record.parameterCount] {
            if let count, !(0...JSONScanner.maxCount).contains(count) { Issue.record("count \(count) from \(show(input))") }
        }
    }

    static func check(_ report: HubFileParser.Report, _ input: [UInt8]) {
        for problem in report.problems { check(problem, input) }
        if report.problems.count > 5 { Issue.record("\(report.problems.count) problems kept") }
    }

    static func show(_ input: [UInt8]) -> String {
        MessageText.quote(String(decoding: input, as: UTF8.self), limit: 200)
    }

    /// Runs `parse`; a `HubParseError` is a refusal (checked), anything else an issue.
    static func refusing(_ input: [UInt8], _ parse: () throws -> Void) -> Bool {
        do {
            try parse()
            return true
        } catch let error as HubParseError {
            check(error, input)
            return false
        } catch {
            Issue.record("\(type(of: error)) instead of a HubParseError: \(error) for \(show(input))")
            return false
        }
    }

    // MARK: - hub-json

    static let jsonWords = [
        "\"id\":", "\"modelId\":", "\"downloads\":", "\"likes\":", "\"downloadsAllTime\":", "\"tags\":", "\"baseModels\":",
        "\"cardData\":", "\"safetensors\":{\"total\":", "\"createdAt\":", "\"lastModified\":", "\"relation\":\"merge\"",
        "\"models\":[{\"id\":\"a/b\"}]", "\"base_model\":", "\"base_model_relation\":", "base_model:finetune:",
        "arxiv:", "license:", "\"2024-01-01T00:00:00Z\"", "1700000000000", "\"sdk\":", "\"bomFormat\":",
    ]

    @Test func hubJSONLines() throws {
        // One record a seed (mutations splice them into several lines).
        let seeds = String(decoding: Self.seed("hub.jsonl"), as: UTF8.self).split(separator: "\n").map { Array($0.utf8) }
        let tally = Self.fuzz("hub-json lines", seeds: seeds, dictionary: Self.jsonWords) { input in
            let parser = HubFileParser(skipInvalid: input.count % 2 == 0)
            var report = HubFileParser.Report()
            var batch: [ModelRecord] = []
            let accepted = Self.refusing(input) {
                var lineNumber = 0
                for line in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    lineNumber += 1
                    var bytes = Array(line)
                    if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                    try bytes.withUnsafeBufferPointer {
                        try parser.parseJSONLine($0, lineNumber: lineNumber, path: "fuzz.jsonl", report: &report, batch: &batch)
                    }
                }
            }
            for record in batch { Self.check(record, input) }
            Self.check(report, input)
            return accepted && report.skipped == 0
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    @Test func hubJSONArraysAndAPIPages() throws {
        let seeds = [Self.seed("hub-page.json")]
        let tally = Self.fuzz("hub-json arrays and API pages", seeds: seeds, dictionary: Self.jsonWords) { input in
            // Odd inputs go to the sync's page parser, even ones to ingest's array reader (which may skip records).
            if input.count % 2 == 1 {
                var records: [ModelRecord] = []
                let page = Self.refusing(input) { records = try HubAPIPage.models(input, source: "https://hub.example/api/models?cursor=x") }
                for record in records { Self.check(record, input) }
                return page
            }
            let parser = HubFileParser(skipInvalid: true, batchSize: 2)
            var report = HubFileParser.Report()
            var batch: [ModelRecord] = []
            var consumed: [ModelRecord] = []
            let array = Self.refusing(input) {
                try input.withUnsafeBufferPointer {
                    try parser.parseJSONArray($0, path: "fuzz.json", report: &report, batch: &batch) { consumed += $0 }
                }
            }
            for record in consumed + batch { Self.check(record, input) }
            Self.check(report, input)
            return array && report.skipped == 0
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    // MARK: - CSV formats

    static let csvWords = [",", "\"", "\"\"", "\n", "\r\n", ",,", "source,target,edge\n", "id,type,owner,architecture\n",
                           "finetuned", "merged", "quantized", "adapter", "['a', 'b']", "[", "]", "'", "\\'", "base_model:",
                           "2024-09-25 12:32:50+00:00", "1e20", "-5"]

    @Test(arguments: [InputFormat.edgeCSV, .nodeCSV, .listModelsCSV])
    func csvFormats(_ format: InputFormat) throws {
        let seed = switch format {
        case .edgeCSV: Self.seed("edges.csv")
        case .nodeCSV: Self.seed("nodes.csv")
        default: Self.seed("list-models.csv")
        }
        let tally = Self.fuzz(format.rawValue, seeds: [seed], dictionary: Self.csvWords) { input in
            let parser = HubFileParser(skipInvalid: input.count % 2 == 0)
            var report = HubFileParser.Report()
            var records: [ModelRecord] = []
            let accepted = Self.refusing(input) {
                switch format {
                case .edgeCSV: records = try CSVFormats.parseEdgeList(input, path: "fuzz.csv", parser: parser, report: &report).records
                case .nodeCSV: records = try CSVFormats.parseNodeList(input, path: "fuzz.csv", parser: parser, report: &report)
                default: records = try CSVFormats.parseListModels(input, path: "fuzz.csv", parser: parser, report: &report)
                }
            }
            for record in records { Self.check(record, input) }
            Self.check(report, input)
            return accepted && report.skipped == 0
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    // MARK: - space-json

    @Test func spaceJSON() throws {
        let seeds = [Self.seed("spaces.jsonl"), Self.seed("spaces-array.json")]
        let tally = Self.fuzz("space-json", seeds: seeds, dictionary: Self.jsonWords + ["\"spaceId\":", "\"models\":", "\"sdk\":\"gradio\""]) { input in
            var records: [SpaceRecord] = []
            var report = HubFileParser.Report()
            let accepted = Self.refusing(input) {
                (records, report) = try SpaceFileParser(skipInvalid: input.count % 2 == 0).parse(bytes: input, path: "fuzz.jsonl")
            }
            for space in records {
                if HubID.problem(space.id, field: "Space id") != nil || !space.id.contains("/")
                    || space.models.contains(where: { HubID.problem($0, field: "model") != nil })
                    || space.likes.map({ !(0...JSONScanner.maxCount).contains($0) }) == true {
                    Issue.record("bad Space \(MessageText.quote(space.id)) from \(Self.show(input))")
                }
            }
            Self.check(report, input)
            return accepted && report.skipped == 0
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    // MARK: - CycloneDX

    @Test func cycloneDX() throws {
        let words = Self.jsonWords + ["\"purl\":", "pkg:huggingface/", "\"machine-learning-model\"", "\"components\":[",
                                      "\"pedigree\":{\"ancestors\":[", "\"specVersion\":\"1.5\"", "\"group\":", "\"name\":", "%00", "%2F"]
        let tally = Self.fuzz("cyclonedx", seeds: [Self.seed("bom.cdx.json")], dictionary: words) { input in
            var project: ProjectRecord?
            let accepted = Self.refusing(input) { project = try CycloneDXParser.parse(bytes: input, path: "fuzz.cdx.json") }
            if let project, project.uses.isEmpty || HubID.problem(project.name, field: "name") != nil
                || project.uses.contains(where: { HubID.problem($0.model, field: "model") != nil }) {
                Issue.record("bad project \(MessageText.quote(project.name)) from \(Self.show(input))")
            }
            return accepted
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    // MARK: - Format detection and HTTP headers

    @Test func formatDetection() throws {
        let seeds = ["hub.jsonl", "hub-page.json", "edges.csv", "nodes.csv", "list-models.csv", "spaces.jsonl", "bom.cdx.json"].map(Self.seed)
        _ = Self.fuzz("format detection", seeds: seeds, dictionary: Self.jsonWords + ["\"spdxVersion\":", "SPDXVersion: ", "<?xml "]) { input in
            let format = InputFormat.detect(prefix: input)
            let unsupported = InputFormat.unsupportedDocument(prefix: input)
            if let unsupported, MessageText.firstControl(in: unsupported) != nil { Issue.record("\(unsupported)") }
            return format != nil
        }
    }

    static let linkSeeds = [
        #"<https://huggingface.co/api/models?sort=lastModified&direction=-1&limit=1000&cursor=eyJfaWQiOnsiJGd0IjoiNjYifX0>; rel="next""#,
        #"</api/models?cursor=abc>; rel="next", <https://x.example/first>; rel="first"; title="First page""#,
        ##"<https://a.example/>; rel="prev next"; anchor="#x", <https://b.example/>; rel=next; type="text/html""##,
    ].map { Array($0.utf8) }

    @Test func linkHeader() throws {
        let words = ["<", ">", ";", ",", "rel=", "\"next\"", "next", "=", "\"", "\\\"", " ", "title*=UTF-8''x"]
        let tally = Self.fuzz("Link header", seeds: Self.linkSeeds, dictionary: words) { input in
            let header = String(decoding: input, as: UTF8.self)
            let links = LinkHeader.links(header)
            let next = LinkHeader.nextTarget(header)
            if links.contains(where: \.target.isEmpty) || next.map({ next in !links.contains { $0.target == next } }) == true {
                Issue.record("bad links from \(Self.show(input))")
            }
            return next != nil
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    static let rateLimitSeeds = [
        #""api";r=0;t=55"#, #""fixed window";"api";q=500;w=300"#, #""api";r=10;t=5, "pages";r=0;t=120"#, #"limit=100, remaining=0, reset=30"#,
    ].map { Array($0.utf8) }

    @Test func rateLimitHeader() throws {
        let words = ["\"", ";", ",", "r=", "t=", "q=", "w=", "=", "-1", "99999999999999999999", "reset=", "remaining=", " "]
        let tally = Self.fuzz("RateLimit header", seeds: Self.rateLimitSeeds, dictionary: words) { input in
            let header = String(decoding: input, as: UTF8.self)
            _ = RateLimitHeader.parse(header)
            let wait = RateLimitHeader.waitSeconds(rateLimit: header, retryAfter: header)
            if let wait, wait < 0 { Issue.record("negative wait from \(Self.show(input))") }
            return wait != nil
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }
}
