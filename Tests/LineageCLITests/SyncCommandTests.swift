import Foundation
import LineageTestSupport
import Testing

/// `lineage sync` end to end: the built binary against a local Hub on 127.0.0.1.
@Suite("lineage sync", .serialized)
struct SyncCommandTests {
    let home = TemporaryDirectory()
    static let token = "hf_cliTOKENabcdef0123456789"

    func cli(token: String? = SyncCommandTests.token) -> CLIRunner {
        var runner = CLIRunner(home: home.path)
        runner.environment.removeValue(forKey: "HF_ENDPOINT")
        runner.environment.removeValue(forKey: "HF_TOKEN_PATH")
        runner.environment.removeValue(forKey: "HF_HOME")
        runner.environment["XDG_CACHE_HOME"] = home.path + "/cache"
        runner.environment["HF_TOKEN"] = token
        return runner
    }

    /// Model counts and edge counts from `lineage stats --format json`.
    func stats(_ store: String) throws -> [String: Any] {
        let result = try cli().run(["stats", "--store", store, "--format", "json"])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    @Test func syncFillsAStoreThatTheQueryCommandsAnswerFrom() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 1, with: [.json("{}", status: 429, headers: [("RateLimit", "\"api\";r=0;t=1")])])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = home.file("hub.sqlite")
        let sync = try cli().run(["sync", "--endpoint", server.baseURL, "--store", store])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("models: 3 pages, 7 models"), "\(sync.stdout)")
        #expect(sync.stdout.contains("up to date"))
        // Not a terminal: the wait is logged as one line on standard error.
        #expect(sync.stderr.contains("waiting 2 s: rate limited (429)"), "\(sync.stderr)")
        for output in [sync.stdout, sync.stderr] { #expect(!output.contains(Self.token)) }
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })
        #expect(server.requests.count == 4)

        let figures = try stats(store)
        #expect(figures["models"] as? Int == 7)
        #expect(figures["externalParents"] as? Int == 1)
        #expect(figures["edges"] as? Int == 6)
        #expect((figures["snapshots"] as? [Any])?.count == 1)
        let descendants = try cli().run(["descendants", "base/Root", "--store", store, "--limit", "0"])
        #expect(descendants.status == 0, "\(descendants.stderr)")
        for model in ["org/Tune-A", "org/Tune-B", "org/Adapter", "org/Quant", "org/Merge"] {
            #expect(descendants.stdout.contains(model), "\(model) missing from:\n\(descendants.stdout)")
        }

        // The store never holds the token.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        #expect(bytes.range(of: Data(Self.token.utf8)) == nil)

        // Nothing changed since: one request, nothing new.
        let again = try cli().run(["sync", "--endpoint", server.baseURL, "--store", store])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requests.count == 5)
        #expect(try stats(store)["models"] as? Int == 7)
        let status = try cli().run(["sync", "--status", "--store", store])
        #expect(status.stdout.contains("current to 2026-03-07T12:00:00Z"), "\(status.stdout)")
    }

    @Test func tokenFileAndHFEndpointAreHonoured() throws {
        let hub = ScriptedHub(models: [[ScriptedHub.model("a/A", modified: "2026-01-01T00:00:00.000Z")]])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let tokenFile = home.write("token", "  hf_fromFILE987654321 \n")
        var runner = cli(token: nil)
        runner.environment["HF_ENDPOINT"] = server.baseURL
        let result = try runner.run(["sync", "--token-file", tokenFile, "--store", home.file("s.sqlite"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(server.requests.first?.headers["authorization"] == "Bearer hf_fromFILE987654321")

        let missing = try runner.run(["sync", "--token-file", home.file("nope"), "--store", home.file("s.sqlite")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read the token file"))
    }

    @Test func aBadPageIsReportedWithItsURLAndTheTokenNever() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 1, with: [.json("[{\"id\": \"x/Y\", \"lastModified\": \"2026-03-05T")])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = home.file("bad.sqlite")
        let result = try cli().run(["sync", "--endpoint", server.baseURL, "--store", store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("page \(server.baseURL)/api/models?"), "\(result.stderr)")
        #expect(result.stderr.contains("cursor=page-1"))
        #expect(!result.stderr.contains(Self.token) && !result.stdout.contains(Self.token))
        #expect(try stats(store)["models"] as? Int == 3)
    }

    @Test func killedMidSyncResumesWhereItStoppedWithoutDuplicates() throws {
        // Page 2 never answers the first time: the sync is killed while waiting for it.
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 2, with: [SyncTestServer.Response(status: 200, hang: true)])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = home.file("resume.sqlite")
        let started = try cli().start(["sync", "--endpoint", server.baseURL, "--store", store])
        let deadline = Date().addingTimeInterval(30)
        while server.requests.count < 3, Date() < deadline { usleep(10_000) }
        try #require(server.requests.count == 3, "the sync never asked for page 2")
        kill(started.0.processIdentifier, SIGKILL)
        let killed = try cli().finish(started)
        #expect(killed.killedBySignal)
        #expect(try stats(store)["models"] as? Int == 5)

        let resumed = try cli().run(["sync", "--endpoint", server.baseURL, "--store", store])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resuming run #1 after its page 2"), "\(resumed.stdout)")
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 1, 2, 2])
        let figures = try stats(store)
        #expect(figures["models"] as? Int == 7)
        #expect(figures["edges"] as? Int == 6)
        let snapshots = try #require(figures["snapshots"] as? [[String: Any]])
        #expect(snapshots.count == 1)
        #expect(snapshots.first?["records"] as? Int == 7)
    }

    @Test func helpDocumentsTokensRateLimitsAndExamples() throws {
        let help = try cli().run(["sync", "--help"])
        #expect(help.status == 0)
        for text in ["HF_TOKEN", "--token-file", "HF_ENDPOINT", "429", "RateLimit", "--since", "--limit", "Examples:", "--restart"] {
            #expect(help.stdout.contains(text), "\(text) missing from sync --help")
        }
        let invalid = try cli().run(["sync", "--since", "yesterday"])
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("--since"))
    }
}
