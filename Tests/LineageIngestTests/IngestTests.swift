import Foundation
import LineageKit
import LineageTestSupport
import Testing

@Suite("Ingest into a store")
struct IngestTests {
    let directory = TemporaryDirectory()

    func freshStore() throws -> LineageStore {
        try LineageStore.openOrCreate(path: directory.file("store.sqlite"))
    }

    @Test func ingestsModelsEdgesExternalParentsAndPapers() throws {
        let file = directory.write("a.jsonl", [
            hubLine("base/Root", downloads: 100, tags: ["arxiv:2401.00001", "license:apache-2.0"]),
            hubLine("org/Child", downloads: 10, relation: "finetune", parents: ["base/Root"]),
            hubLine("org/Merge", relation: "merge", parents: ["org/Child", "other/Outside"]),
        ].joined(separator: "\n") + "\n")
        let store = try freshStore()
        let result = try Ingestor().ingest(paths: [file], into: store)
        #expect(result.records == 3)
        let summary = try #require(result.inputs.first?.summary)
        #expect(summary.newModels == 3)
        #expect(summary.edges == 3)
        #expect(summary.newExternalParents == 1)
        #expect(try edgeList(store) == [
            "org/Child<-base/Root:finetune", "org/Merge<-org/Child:merge", "org/Merge<-other/Outside:merge",
        ])
        let stats = try store.statistics()
        #expect(stats.models == 3)
        #expect(stats.externalParents == 1)
        #expect(stats.papers == 1)
        #expect(stats.edgesByRelation == ["finetune": 1, "merge": 2])
    }

    @Test func reingestingTheSameFileIsANoOp() throws {
        let file = directory.write("a.jsonl", hubLine("a/A") + "\n" + hubLine("b/B", relation: "finetune", parents: ["a/A"]) + "\n")
        let store = try freshStore()
        _ = try Ingestor().ingest(paths: [file], into: store)
        let before = try store.statistics()
        let again = try Ingestor().ingest(paths: [file], into: store)
        #expect(again.inputs.first?.alreadyIngestedAs == 1)
        #expect(again.inputs.first?.summary == nil)
        let after = try store.statistics()
        #expect(after == before)
        #expect(after.snapshots.count == 1)
        // The hash computed while parsing is the file's SHA-256.
        #expect(after.snapshots.first?.sha256 == (try FileDigest.sha256(path: file).hex))
        // The same bytes under another name are recognised too.
        let copy = directory.write("copy.jsonl", try String(contentsOfFile: file, encoding: .utf8))
        #expect(try Ingestor().ingest(paths: [copy], into: store).inputs.first?.alreadyIngestedAs == 1)
    }

    @Test func newerRecordReplacesOlderAndSnapshotsStayQueryable() throws {
        let store = try freshStore()
        let old = directory.write("old.jsonl", [
            hubLine("a/Base"), hubLine("a/Other"),
            hubLine("u/Model", lastModified: "2024-01-01T00:00:00", downloads: 5, relation: "finetune", parents: ["a/Base"]),
        ].joined(separator: "\n"))
        let new = directory.write("new.jsonl",
            hubLine("u/MODEL", lastModified: "2024-06-01T00:00:00", downloads: 50, relation: "adapter", parents: ["a/Other"]))
        _ = try Ingestor().ingest(paths: [old], into: store)
        let second = try Ingestor().ingest(paths: [new], into: store)
        #expect(second.inputs.first?.summary?.replaced == 1)
        // The id keeps one row (matched case-insensitively); the newer record's edges are current.
        #expect(try edgeList(store) == ["u/MODEL<-a/Other:adapter"])
        let stats = try store.statistics()
        #expect(stats.models == 3)
        #expect(stats.snapshots.map(\.edges) == [1, 1])

        // An older record arriving later does not win.
        let stale = directory.write("stale.jsonl",
            hubLine("u/Model", lastModified: "2023-01-01T00:00:00", relation: "quantized", parents: ["a/Base"]))
        let third = try Ingestor().ingest(paths: [stale], into: store)
        #expect(third.inputs.first?.summary?.keptNewer == 1)
        #expect(try edgeList(store) == ["u/MODEL<-a/Other:adapter"])
    }

    @Test func selfLoopsAreDroppedAndCounted() throws {
        let file = directory.write("loops.jsonl", [
            hubLine("a/Self", relation: "finetune", parents: ["a/self", "b/Base"]),
        ].joined(separator: "\n"))
        let store = try freshStore()
        let result = try Ingestor().ingest(paths: [file], into: store)
        #expect(result.inputs.first?.summary?.selfLoops == 1)
        #expect(try edgeList(store) == ["a/Self<-b/Base:finetune"])
        #expect(try store.statistics().selfLoopsDropped == 1)
    }

    @Test func externalParentBecomesAModelWhenItsRecordArrives() throws {
        let store = try freshStore()
        _ = try Ingestor().ingest(paths: [directory.write("1.jsonl", hubLine("c/Child", relation: "finetune", parents: ["p/Parent"]))], into: store)
        #expect(try store.statistics().externalParents == 1)
        _ = try Ingestor().ingest(paths: [directory.write("2.jsonl", hubLine("p/parent"))], into: store)
        let stats = try store.statistics()
        #expect(stats.externalParents == 0)
        #expect(stats.models == 2)
        // The record's own spelling of the id wins over how a child named it.
        #expect(try edgeList(store) == ["c/Child<-p/parent:finetune"])
    }

    @Test func malformedLineFailsWithFileAndLineAndWritesNothing() throws {
        let store = try freshStore()
        _ = try Ingestor().ingest(paths: [directory.write("good.jsonl", hubLine("a/A"))], into: store)
        let before = try store.statistics()
        let bad = directory.write("bad.jsonl", hubLine("b/B") + "\n" + #"{"id": "c/C", "downloads": "many"}"# + "\n" + hubLine("d/D"))
        #expect {
            try Ingestor().ingest(paths: [bad], into: store)
        } throws: { error in
            "\(error)" == "\(bad):2: \"downloads\" must be a number, found a string"
        }
        #expect(try store.statistics() == before)
    }

    @Test func skipInvalidIngestsTheRestAndReportsWhere() throws {
        let store = try freshStore()
        let bad = directory.write("bad.jsonl", [hubLine("b/B"), #"{"author": "x"}"#, "{not json", hubLine("d/D")].joined(separator: "\n"))
        let result = try Ingestor(options: IngestOptions(skipInvalid: true)).ingest(paths: [bad], into: store)
        let input = try #require(result.inputs.first)
        #expect(input.skipped == 2)
        #expect(input.problems.map(\.line) == [2, 3])
        #expect(input.summary?.records == 2)
        #expect(try store.statistics().snapshots.first?.skipped == 2)
    }

    @Test func edgeListIsJoinedWithItsNodeList() throws {
        let edges = directory.write("edges.csv", """
            source,target,edge
            base/Root,org/Tune,finetuned
            org/Tune,q/Tune-GGUF,quantized
            base/Root,m/Merge,merged
            org/Tune,m/Merge,merged

            """)
        let nodes = directory.write("nodes.csv", """
            id,type,owner,architecture
            base/Root,base,base,llama
            org/Tune,finetuned,org,llama
            lone/Model,base,lone,qwen2

            """)
        let store = try freshStore()
        let result = try Ingestor().ingest(paths: [edges, nodes], into: store)
        #expect(result.inputs.count == 1)
        #expect(result.inputs.first?.label == "nodes.csv + edges.csv")
        #expect(try edgeList(store) == [
            "m/Merge<-base/Root:merge", "m/Merge<-org/Tune:merge", "org/Tune<-base/Root:finetune", "q/Tune-GGUF<-org/Tune:quantized",
        ])
        let stats = try store.statistics()
        // base/Root and lone/Model are rows through the node list; the three targets through the edge list.
        #expect(stats.models == 5)
        #expect(stats.externalParents == 0)
    }

    @Test func unknownFormatAndMissingFileGiveClearErrors() throws {
        let store = try freshStore()
        let odd = directory.write("odd.txt", "hello,world\n1,2\n")
        #expect(throws: IngestError.self) { try Ingestor().ingest(paths: [odd], into: store) }
        #expect {
            try Ingestor().ingest(paths: [directory.file("missing.jsonl")], into: store)
        } throws: { "\($0)".contains("no such file") }
    }

    /// The README says empty files are handled: they are skipped with a note, and that is no error.
    @Test func emptyFilesAreSkippedWithANote() throws {
        let store = try freshStore()
        let empty = directory.write("empty.jsonl", "")
        let blank = directory.write("blank.csv", "\u{FEFF}\n  \r\n")
        let good = directory.write("good.jsonl", #"{"id": "a/b"}"# + "\n")
        let result = try Ingestor().ingest(paths: [empty, good, blank], into: store)
        #expect(result.emptyFiles == [empty, blank])
        #expect(result.records == 1)
        let text = IngestSummaryText.render(result, storePath: "s.sqlite")
        #expect(text.contains("empty.jsonl: empty; nothing to ingest"))
        let onlyEmpty = try Ingestor().ingest(paths: [empty], into: store)
        #expect(IngestSummaryText.render(onlyEmpty, storePath: "s.sqlite").contains("Nothing new"))
        #expect(try store.statistics().snapshots.count == 1)
    }
}
