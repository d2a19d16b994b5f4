import Foundation
import LineageHub
import LineageKit
import LineageStore
import LineageTestSupport
import Testing

/// Removed models, weekly change lists and `lineage diff`, on small fixtures.
@Suite("History: removed models and diff")
struct HistoryTests {
    let directory = TemporaryDirectory()
    static let header = "Model ID,Type,Base Model\n"

    /// Writes `text` at `relative` (folders created) inside the test directory.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        let path = directory.file(relative)
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func store() throws -> LineageStore { try LineageStore.openOrCreate(path: directory.file("store.sqlite")) }

    func day(_ text: String) -> Int64 { HubTimestamp.parse(text)! }

    /// Three weeks of 2030: additions and deletions, given out of order.
    func weeks() -> [String] {
        [
            write("msc-2030-weekly/deleted/deleted_model_0115.csv", Self.header + "u/tune-b,finetune,Qwen/Qwen2.5-7B\nold/gone,,\n"),
            write("msc-2030-weekly/added/added_model_0101.csv", Self.header + """
                Qwen/Qwen2.5-7B,,
                u/tune-a,finetune,Qwen/Qwen2.5-7B
                u/tune-b,finetune,Qwen/Qwen2.5-7B

                """),
            write("msc-2030-weekly/added/added_model_0108.csv", Self.header + """
                v/quant-GGUF,quantized,u/tune-a
                v/merge,merge,"u/tune-a, meta-llama/Llama-3.1-8B"

                """),
            write("msc-2030-weekly/deleted/deleted_model_0108.csv", Self.header + "u/tune-a,finetune,Qwen/Qwen2.5-7B\n"),
            write("msc-2030-weekly/added/added_model_0115.csv", Self.header + "u/tune-a,finetune,Qwen/Qwen2.5-7B\nw/new,adapter,v/merge\n"),
        ]
    }

    func diff(_ store: LineageStore, _ from: String, _ to: String, listing: HistoryDiff.Listing? = nil) throws -> DiffReport {
        let diff = HistoryDiff(store: store, storeDescription: "test", registry: try OrganizationRegistry.load()) {
            LineageQueries(loaded: LoadedGraph(data: try store.graphData(includeRemoved: true)), catalog: try FamilyCatalog.load())
        }
        return try diff.report(from: from, to: to, limit: nil, listing: listing)
    }

    @Test func weeklyFilesBecomeDatedStepsInDateOrder() throws {
        let store = try store()
        let result = try Ingestor().ingest(paths: weeks(), into: store)
        #expect(result.inputs.map(\.label) == [
            "added_model_0101.csv", "added_model_0108.csv", "deleted_model_0108.csv", "added_model_0115.csv", "deleted_model_0115.csv",
        ])
        #expect(result.inputs.map { $0.asOf.map(FileNameDate.format) } == ["2030-01-01", "2030-01-08", "2030-01-08", "2030-01-15", "2030-01-15"])
        let days = try store.snapshotDays()
        #expect(days.map(\.changeList) == ["added", "added", "removed", "added", "removed"])
        // tune-a: deleted on 01-08, back on 01-15; tune-b and old/gone deleted on 01-15.
        #expect(result.removals.removed == 2)
        let now = try store.graphData()
        #expect(!now.names.contains("u/tune-b") && !now.names.contains("old/gone"))
        #expect(now.names.contains("u/tune-a"))
        let all = try store.graphData(includeRemoved: true)
        #expect(all.names.contains("u/tune-b") && all.names.contains("old/gone"))
        // A deleted model the store never described is kept from the list's row, removed.
        #expect(try edgeList(store).contains("v/merge<-u/tune-a:merge"))
    }

    @Test func diffCountsTheFilesInBetween() throws {
        let store = try store()
        _ = try Ingestor().ingest(paths: weeks(), into: store)
        let whole = try diff(store, "2029-12-31", "2030-01-15")
        #expect(whole.snapshots == 5)
        #expect(whole.added == 6)  // Qwen2.5-7B, tune-a (twice listed), tune-b, quant, merge, w/new
        #expect(whole.removed == 3)  // tune-a, tune-b, old/gone
        #expect(whole.addedAndRemoved == 2)
        // New edges: tune-a, tune-b, quant, merge ×2, w/new (tune-a's re-listing repeats an edge).
        #expect(whole.newEdges == 6)
        #expect(whole.newEdgesByRelation == ["finetune": 2, "quantized": 1, "merge": 2, "adapter": 1])
        let week2 = try diff(store, "2030-01-01", "added_model_0108.csv")
        #expect(week2.added == 2 && week2.removed == 1 && week2.newEdges == 3)
        let qwen = try #require(week2.groups.first { $0.by == "family" && $0.name == "Qwen" })
        #expect(qwen.added == 2 && qwen.removed == 1)
        let llama = try #require(week2.groups.first { $0.by == "family" && $0.name == "Llama" })
        #expect(llama.added == 1)  // the merge belongs to both
        #expect(week2.groups.contains { $0.by == "origin" && $0.name == "CN" && $0.added == 2 })
        #expect(week2.groups.contains { $0.by == "organization" && $0.name == "v" && $0.added == 2 && $0.newEdges == 3 })
        let removed = try diff(store, "2030-01-08", "2030-01-15", listing: .removed)
        #expect(removed.changes?.map(\.model).sorted() == ["old/gone", "u/tune-b"])
        #expect(removed.changes?.allSatisfy { $0.reason == "deleted-list" && $0.day == "2030-01-15" } == true)
        let empty = try diff(store, "2030-01-15", "2031-01-01")
        #expect(empty.added == 0 && empty.removed == 0 && empty.newEdges == 0)
        #expect(throws: LineageError.self) { try diff(store, "2030-01-15", "2030-01-01") }
        #expect(throws: LineageError.self) { try diff(store, "#99", "2030-01-01") }
        #expect(throws: LineageError.self) { try diff(store, "last week", "2030-01-01") }
    }

    @Test func removedParentStaysAsExternalParentOfPresentChildren() throws {
        let store = try store()
        _ = try Ingestor().ingest(paths: [
            write("h-2030/added_model_0101.csv", Self.header + "a/base,,\nb/child,finetune,a/base\nc/other,,\n"),
            write("h-2030/deleted_model_0108.csv", Self.header + "a/base,,\nc/other,,\n"),
        ], into: store)
        let now = try store.graphData()
        let base = try #require(now.names.firstIndex(of: "a/base"))
        #expect(now.isExternal[base])
        #expect(!now.names.contains("c/other"))
        #expect(try edgeList(store) == ["b/child<-a/base:finetune"])
        let all = try store.graphData(includeRemoved: true)
        #expect(!all.isExternal[try #require(all.names.firstIndex(of: "a/base"))])
    }

    @Test func fullSnapshotRemovesOnlyWithinItsScopeAndAfterEarlierSightings() throws {
        let store = try store()
        let first = write("first.jsonl", [hubLine("a/x"), hubLine("a/y"), hubLine("b/z")].joined(separator: "\n") + "\n")
        _ = try Ingestor(options: IngestOptions(asOf: day("2024-01-01"))).ingest(paths: [first], into: store)
        // A partial file lacking models removes nothing.
        let partial = write("partial.jsonl", hubLine("a/x") + "\n")
        let p = try Ingestor(options: IngestOptions(asOf: day("2024-01-15"))).ingest(paths: [partial], into: store)
        #expect(p.removals == IngestWriter.RemovalSummary())
        #expect(try !store.hasRemovedModels())
        // A full snapshot of namespace a: a/y is gone, b/z (another scope) is not.
        let full = write("full-a.jsonl", hubLine("a/x", lastModified: "2024-02-01T00:00:00") + "\n")
        let f = try Ingestor(options: IngestOptions(asOf: day("2024-02-01"), fullSnapshot: SnapshotScope("author:A"))).ingest(paths: [full], into: store)
        #expect(f.removals.removed == 1 && f.removals.absent == 1)
        #expect(try store.graphData().names.sorted() == ["a/x", "b/z"])
        // A full Hub snapshot dated before b/z's last sighting does not remove it.
        let early = write("early.jsonl", hubLine("a/x", lastModified: "2023-12-01T00:00:00") + "\n")
        let e = try Ingestor(options: IngestOptions(asOf: day("2023-12-01"), fullSnapshot: .hub)).ingest(paths: [early], into: store)
        #expect(e.removals.removed == 0)
        // a/y seen again later: back on the Hub, with a `reappeared` event.
        let back = write("back.jsonl", hubLine("a/y", lastModified: "2024-03-01T00:00:00") + "\n")
        let b = try Ingestor(options: IngestOptions(asOf: day("2024-03-01"))).ingest(paths: [back], into: store)
        #expect(b.removals.restored == 1)
        #expect(try store.graphData().names.sorted() == ["a/x", "a/y", "b/z"])
        let events = try store.modelEvents(after: day("2024-02-01"), through: day("2024-03-02"))
        #expect(events.map { "\($0.hubID):\($0.kind):\($0.reason)" } == ["a/y:added:reappeared"])
        // --full-snapshot refuses inputs that cannot be complete.
        #expect(throws: (any Error).self) {
            try Ingestor(options: IngestOptions(skipInvalid: true, fullSnapshot: .hub)).ingest(paths: [back], into: store)
        }
        #expect(throws: (any Error).self) {
            try Ingestor(options: IngestOptions(fullSnapshot: .hub)).ingest(paths: [write("w-2030/added_model_0101.csv", Self.header + "q/q,,\n")], into: store)
        }
    }

    @Test func aFailedHistoryIngestLeavesTheStoreAsItWas() throws {
        let store = try store()
        _ = try Ingestor().ingest(paths: [write("s-2030/added_model_0101.csv", Self.header + "a/base,,\nb/child,finetune,a/base\n")], into: store)
        let before = try store.statistics()
        let daysBefore = try store.snapshotDays()
        // A deletions list that removes a/base, then a malformed week: nothing of either is kept.
        let files = [
            write("s-2030/deleted_model_0108.csv", Self.header + "a/base,,\n"),
            write("s-2030/added_model_0115.csv", Self.header + "c/new,,\nd/bad,distilled,c/new\n"),
        ]
        let error = #expect(throws: HubParseError.self) { try Ingestor().ingest(paths: files, into: store) }
        #expect(error?.line == 3 && error?.path.hasSuffix("added_model_0115.csv") == true)
        #expect(try store.statistics() == before)
        #expect(try store.snapshotDays() == daysBefore)
        #expect(try !store.hasRemovedModels())
        #expect(try store.modelEvents(after: 0, through: Int64.max).count == 2)
    }

    @Test func aWeekFileWithoutADateIsRefusedBeforeAnythingIsWritten() throws {
        let store = try store()
        let undated = write("nodate/added_models.csv", Self.header + "a/b,,\n")
        #expect(throws: LineageError.self) { try Ingestor().ingest(paths: [undated], into: store) }
        #expect(try store.snapshotCount() == 0)
        // --as-of dates it.
        let result = try Ingestor(options: IngestOptions(asOf: day("2025-05-05"))).ingest(paths: [undated], into: store)
        #expect(result.inputs.first?.asOf == day("2025-05-05"))
    }
}
