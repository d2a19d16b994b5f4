import Foundation
import LineageTestSupport
import Testing

/// A history ingest (weekly additions and a deletions list) killed with SIGKILL mid-way leaves the store,
/// its removed marks and its dated events exactly as they were.
@Suite("Interrupted history ingest")
struct InterruptedHistoryIngestTests {
    let home = TemporaryDirectory()
    static let header = "Model ID,Type,Base Model\n"

    @Test func killDuringAWeeklyIngestLeavesHistoryIntact() throws {
        let cli = CLIRunner(home: home.path)
        let store = home.file("store.sqlite")
        try FileManager.default.createDirectory(atPath: home.file("w-2030"), withIntermediateDirectories: true)
        let week1 = home.write("w-2030/added_model_0101.csv", Self.header + "a/base,,\nb/child,finetune,a/base\nc/other,,\n")
        let seed = try cli.run(["ingest", week1, "--store", store])
        try #require(seed.status == 0, "\(seed.stderr)")
        let state = {
            [try cli.run(["stats", "--store", store, "--format", "json"]).stdout,
             try cli.run(["diff", "--from", "2029-01-01", "--to", "2031-01-01", "--store", store, "--format", "json", "--limit", "0"]).stdout,
             try cli.run(["descendants", "a/base", "--store", store, "--format", "csv"]).stdout]
        }
        let before = try state()

        // A deletions list that would remove a/base, then a week large enough to be killed inside.
        let deletions = home.write("w-2030/deleted_model_0108.csv", Self.header + "a/base,,\n")
        var big = Self.header
        big.reserveCapacity(400_000 * 40)
        for i in 0..<400_000 { big += "n\(i % 97)/model-\(i),finetune,b/child\n" }
        let week2 = home.write("w-2030/added_model_0115.csv", big)
        let started = try cli.start(["ingest", deletions, week2, "--store", store, "--quiet"])
        let process = started.0
        let journal = store + "-journal"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: journal), process.isRunning, Date() < deadline { usleep(2_000) }
        try #require(process.isRunning, "the ingest finished before it could be interrupted; make the input larger")
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        let result = try cli.finish(started)
        #expect(result.killedBySignal)
        #expect(try state() == before)
    }
}
