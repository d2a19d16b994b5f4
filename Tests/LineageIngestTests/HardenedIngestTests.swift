import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Regression tests for the crash and the merged ids of issue 12 ("Defects"), through the library.
@Suite("Hardened ingest and queries")
struct HardenedIngestTests {
    let directory = TemporaryDirectory()

    func freshStore() throws -> LineageStore {
        try LineageStore.openOrCreate(path: directory.file("store.sqlite"))
    }

    // MARK: - Two ids merged into one

    /// `a/b\u0000c` then `a/b` reported "0 new, 1 updated"; the other order failed with SQLite's
    /// `UNIQUE constraint failed: model.key`. Both orders now stop at the id with file:line.
    @Test(arguments: [false, true])
    func anIdWithANulIsRefusedInEitherOrder(reversed: Bool) throws {
        let store = try freshStore()
        let nul = directory.write("nul.jsonl", #"{"id":"a/b\u0000c"}"# + "\n")
        let plain = directory.write("plain.jsonl", #"{"id":"a/b"}"# + "\n")
        let order = reversed ? [plain, nul] : [nul, plain]
        _ = try? Ingestor().ingest(paths: [order[0]], into: store)
        if reversed {
            #expect(throws: HubParseError.self) { try Ingestor().ingest(paths: [nul], into: store) }
        } else {
            #expect {
                try Ingestor().ingest(paths: [nul], into: store)
            } throws: { "\($0)".hasSuffix(#"nul.jsonl:1: "id" "a/b\u{0}c" holds a control character (U+0000); Hub ids never do"#) }
            let result = try Ingestor().ingest(paths: [plain], into: store)
            #expect(result.inputs.first?.summary?.newModels == 1)
        }
        #expect(try store.statistics().models == (reversed ? 1 : 1))
    }

    /// A write that breaks a store constraint is described in words, naming the record, never with SQLite's text.
    @Test func aConstraintFailureNeverShowsSQLitesMessage() throws {
        let store = try freshStore()
        // Bypass the parsers (which refuse such ids) to reach the store's own UNIQUE constraint.
        func add(_ id: String, label: String) throws {
            try store.ingestTransaction { writer in
                try writer.beginSnapshot(label: label, format: "hub-json", contentHash: label, ingestedAt: 0, files: [])
                try writer.add([ModelRecord(id: id, line: 7)])
                _ = try writer.finishSnapshot(skipped: 0)
            }
        }
        try add("a/b", label: "one")
        do {
            try add("a/b\u{0}c", label: "two")
        } catch let error as StoreError {
            #expect(error.isConstraint)
            #expect(!error.description.contains("UNIQUE"))
            #expect(!error.description.contains("constraint failed"))
            #expect(error.description.contains(#"model "a/b\u{0}c" (input line 7)"#))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    // MARK: - The crash

    @Test func hugeCountsAreRefusedAtIngestWithTheField() throws {
        let store = try freshStore()
        let file = directory.write("big.jsonl", #"{"id":"a/b","downloads":1}"# + "\n" + #"{"id":"a/c","downloads":1e20}"# + "\n")
        #expect {
            try Ingestor().ingest(paths: [file], into: store)
        } throws: { "\($0)".hasSuffix(#"big.jsonl:2: "downloads" must be a count from 0 to 2^53, found "1e20""#) }
        let skipped = try Ingestor(options: IngestOptions(skipInvalid: true)).ingest(paths: [file], into: store)
        #expect(skipped.inputs.first?.skipped == 1)
        #expect(skipped.records == 1)
    }

    /// Stores written before counts were checked hold Int64.max; every sum over them once trapped
    /// ("arithmetic overflow", exit 132) in ask, downstream, registry coverage, lock-in and maps.
    @Test func sumsOverInt64MaxCountsSaturateInsteadOfTrapping() throws {
        let store = try DownstreamFixture.store(in: directory)
        var data = try store.graphData()
        data.downloads = Array(repeating: .max, count: data.nodeCount)
        data.downloadsAllTime = Array(repeating: .max, count: data.nodeCount)
        let catalog = FamilyCatalog(entries: [
            .init(id: "qwen", label: "Qwen", namespaces: ["Qwen"]),
            .init(id: "llama", label: "Llama", namespaces: ["meta-llama"]),
        ])
        let queries = LineageQueries(loaded: LoadedGraph(data: data), catalog: catalog)
        let registryFile = directory.write("registry.csv", DownstreamFixture.registryCSV)
        let index = DownstreamIndex(queries: queries, registry: try OrganizationRegistry.load(store: store, userFile: registryFile))

        let answerer = QuestionAnswerer(queries: queries, registry: index.registry, store: "fixture")
        for question in ["which projects derive from Qwen", "what share of organizations derive from Qwen",
                         "which organizations derive from Llama with more than 5 downloads"] {
            let answer = try answerer.answer(question, query: try QuestionParser().parse(question))
            #expect(answer.entities.allSatisfy { $0.downloads >= 0 }, "\(question)")
        }
        let coverage = index.coverage()
        #expect(coverage.downloads == .max)
        let downstream = index.downstream(ofFamilies: [0])
        _ = CountryReachReport(downstream)
        _ = ProjectLockInReport(project: try index.project(named: "SupportBot"), index: index)
        let descendants = try queries.descendants(of: "qwen", relations: .all, maxDepth: nil, limit: nil, order: .depth)
        #expect(descendants.downloads == .max)
        _ = queries.reach(by: .family)
        let selection = MapSelection(graph: queries.loaded.graph, seeds: [0], parameters: .init(maxNodes: 2))
        #expect(selection.nodes.allSatisfy { $0.reachDownloads >= 0 })
    }
}
