import Foundation
import LineageGraph
import Testing
@testable import LineageHub

@Suite("Weekly change lists (weekly-csv)")
struct WeeklyCSVTests {
    static let header = "Model ID,Type,Base Model\n"

    @Test func readsRowsTypesAndMergeParents() throws {
        let text = Self.header + """
            acme/base,,
            acme/chat,finetune,acme/base
            x/chat-GGUF,quantized,acme/chat
            lab/m,merge,"acme/chat, other/math, lab/code"
            u/lora,adapter,acme/base
            u/plain-ft,,acme/base
            """
        let records = try parseText(text, name: "added_model_0319.csv", format: .weeklyCSV).records
        #expect(records.map(\.id) == ["acme/base", "acme/chat", "x/chat-GGUF", "lab/m", "u/lora", "u/plain-ft"])
        #expect(records[0].parents == [])
        #expect(records[1].parents == [ParentLink(id: "acme/base", relation: .finetune)])
        #expect(records[2].parents?.first?.relation == .quantized)
        #expect(records[3].parents?.map(\.id) == ["acme/chat", "other/math", "lab/code"])
        #expect(records[3].parents?.allSatisfy { $0.relation == .merge && $0.provenance == .declared } == true)
        #expect(records[4].parents?.first?.relation == .adapter)
        // An untyped row with a parent is typed by the inference rules, and says so.
        #expect(records[5].parents?.first?.relation == .finetune)
        #expect(records[5].parents?.first?.provenance.isInferred == true)
        #expect(records[3].author == "lab")
        #expect(records[3].line == 5)
    }

    @Test func detectionAndDeletionsByName() throws {
        let prefix = Array((Self.header + "a/b,,\n").utf8)
        #expect(InputFormat.detect(prefix: prefix) == .weeklyCSV)
        #expect(InputFormat.weeklyCSV.refined(forPath: "/d/msc-2025-weekly/deleted/deleted_model_0319.csv") == .weeklyDeletionsCSV)
        #expect(InputFormat.weeklyCSV.refined(forPath: "/d/deleted/week.csv") == .weeklyDeletionsCSV)
        #expect(InputFormat.weeklyCSV.refined(forPath: "/d/msc-2025-weekly/added/added_model_0319.csv") == .weeklyCSV)
        #expect(InputFormat.hubJSON.refined(forPath: "/deleted/x.jsonl") == .hubJSON)
        // The other CSV headers keep their formats.
        #expect(InputFormat.detect(prefix: Array("source,target,edge\n".utf8)) == .edgeCSV)
        #expect(InputFormat.detect(prefix: Array("id,type,owner,architecture\n".utf8)) == .nodeCSV)
    }

    @Test func datesFromFileNames() {
        let day = { (text: String) in HubTimestamp.parse(text)! }
        #expect(FileNameDate.day(ofPath: "/x/msc-2025-weekly/added/added_model_0319.csv") == day("2025-03-19"))
        #expect(FileNameDate.day(ofPath: "deleted_2024-12-31.csv") == day("2024-12-31"))
        #expect(FileNameDate.day(ofPath: "/data/week-20250702.csv.gz") == day("2025-07-02"))
        #expect(FileNameDate.day(ofPath: "/tmp/added_model_0319.csv") == nil)  // no year anywhere
        #expect(FileNameDate.day(ofPath: "/x/2025/added_model_1399.csv") == nil)  // no month 13
        #expect(FileNameDate.day(ofPath: "/x/weekly/added.csv") == nil)
        #expect(FileNameDate.format(day("2025-03-19")) == "2025-03-19")
        #expect(FileNameDate.format(day("1999-12-31")) == "1999-12-31")
        #expect(FileNameDate.format(day("2024-02-29") + 86_399) == "2024-02-29")
    }

    @Test func malformedRowsNameFileAndLine() throws {
        func error(_ body: String) throws -> HubParseError {
            let path = try Scratch.write(Self.header + body, name: "added_model_0402.csv")
            defer { Scratch.remove(path) }
            let error = try #require(parseErrorOf { _ = try parseFile(path, format: .weeklyCSV) })
            #expect(error.path == path)
            return error
        }
        var e = try error("a/b,,\na/c,distilled,a/b\n")
        #expect(e.line == 3 && e.message.contains("unknown Type"))
        e = try error("a/b,,\n,finetune,a/b\n")
        #expect(e.line == 3 && e.message.contains("empty Model ID"))
        e = try error("a/b,merge,\n")
        #expect(e.line == 2 && e.message.contains("without a Base Model"))
        e = try error("a/b,finetune,a/c,extra\n")
        #expect(e.line == 2 && e.message.contains("expected 3 fields"))
        e = try error("a/b\u{1B}x,,\n")
        #expect(e.line == 2 && e.message.contains("control character"))
        e = try error("a/b,merge,\"a/c, x/\u{7}\"\n")
        #expect(e.line == 2)
        let missing = try #require(parseErrorOf { _ = try parseText("Model ID,Type\na/b,\n", format: .weeklyCSV) })
        #expect(missing.line == 1 && missing.message.contains("base model"))
        // With --skip-invalid the bad row is skipped and counted.
        let outcome = try parseText(Self.header + "a/b,,\na/c,distilled,a/b\na/d,,\n", format: .weeklyCSV, skipInvalid: true)
        #expect(outcome.records.map(\.id) == ["a/b", "a/d"] && outcome.report.skipped == 1)
    }
}
