import Foundation
import Testing
@testable import LineageHub

/// The weekly change-list parser under the seeded mutations of `ParserFuzzTests` (same properties:
/// no crash or hang, valid records, short messages without control characters).
@Suite("Fuzz: weekly-csv")
struct WeeklyCSVFuzzTests {
    @Test func weeklyCSV() throws {
        let seeds = [ParserFuzzTests.seed("weekly.csv")]
        let words = ParserFuzzTests.csvWords + ["Model ID,Type,Base Model\n", "finetune", "merge", "adapter", "quantized", "\", \"", ", "]
        let tally = ParserFuzzTests.fuzz("weekly-csv", seeds: seeds, dictionary: words) { input in
            let parser = HubFileParser(skipInvalid: input.count % 2 == 0)
            var report = HubFileParser.Report()
            var records: [ModelRecord] = []
            let accepted = ParserFuzzTests.refusing(input) {
                records = try CSVFormats.parseWeekly(input, path: "fuzz.csv", parser: parser, report: &report)
            }
            for record in records {
                ParserFuzzTests.check(record, input)
                for parent in record.parents ?? [] where HubID.problem(parent.id, field: "parent") != nil {
                    Issue.record("bad parent \(parent.id) from \(ParserFuzzTests.show(input))")
                }
            }
            ParserFuzzTests.check(report, input)
            return accepted && report.skipped == 0
        }
        #expect(tally.accepted > 0 && tally.refused > 0)
    }

    @Test func detectionNeverCrashes() throws {
        let seeds = [ParserFuzzTests.seed("weekly.csv")]
        _ = ParserFuzzTests.fuzz("weekly-csv detection", seeds: seeds, dictionary: ParserFuzzTests.csvWords) { input in
            let format = InputFormat.detect(prefix: input)
            return format == .weeklyCSV
        }
    }
}
