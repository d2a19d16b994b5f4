import Foundation
import LineageTestSupport
import Testing

/// An ingest killed with SIGKILL mid-way must leave the store exactly as it was before.
@Suite("Interrupted ingest")
struct InterruptedIngestTests {
    let home = TemporaryDirectory()

    /// Writes `copies` renamed copies of the bundled default's rows: big enough to be killed mid-way.
    func makeLargeInput(copies: Int) throws -> String {
        let rows = try String(contentsOfFile: CLITests.bundledDefault, encoding: .utf8).split(separator: "\n")
        var text = ""
        text.reserveCapacity(rows.count * copies * 600)
        for copy in 0..<copies {
            for row in rows {
                text += row.replacingOccurrences(of: "{\"id\":\"", with: "{\"id\":\"copy\(copy)-", options: [.anchored]) + "\n"
            }
        }
        return home.write("large.jsonl", text)
    }

    @Test func killDuringIngestLeavesThePreviousStoreIntact() throws {
        let cli = CLIRunner(home: home.path)
        let store = home.file("store.sqlite")
        let seed = try cli.run(["ingest", CLITests.bundledDefault, "--store", store])
        try #require(seed.status == 0, "\(seed.stderr)")
        let before = try cli.run(["stats", "--store", store, "--format", "json"]).stdout

        let large = try makeLargeInput(copies: 25)
        let started = try cli.start(["ingest", large, "--store", store, "--quiet"])
        let process = started.0
        // Wait until the ingest is inside its write transaction (SQLite's rollback journal exists).
        let journal = store + "-journal"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: journal), process.isRunning, Date() < deadline {
            usleep(2_000)
        }
        try #require(process.isRunning, "the ingest finished before it could be interrupted; make the input larger")
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        let result = try cli.finish(started)
        #expect(result.killedBySignal)

        let after = try cli.run(["stats", "--store", store, "--format", "json"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before)

        // The store stays writable: a later ingest lands on top of the rolled-back state.
        let small = home.write("small.jsonl", "{\"id\": \"after/Kill\", \"baseModels\": {\"relation\": \"finetune\", \"models\": [{\"id\": \"Qwen/Qwen2.5-7B\"}]}}\n")
        let next = try cli.run(["ingest", small, "--store", store])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("snapshot #2"))
    }
}
