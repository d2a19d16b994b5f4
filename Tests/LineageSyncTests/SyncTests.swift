import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `HubSync` against a local HTTP server (real `URLSessionTransport`, real sockets on 127.0.0.1).
@Suite("Live sync against a local Hub")
struct SyncTests {
    let directory = TemporaryDirectory()
    static let token = "hf_testTOKEN0123456789secret"

    /// Records the waits the sync asked for instead of sleeping.
    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ value: Double) { lock.lock(); values.append(value); lock.unlock() }
        var total: Double { lock.lock(); defer { lock.unlock() }; return values.reduce(0, +) }
    }

    func policy(_ sleeps: Sleeps = Sleeps()) -> SyncPolicy {
        var policy = SyncPolicy()
        policy.sleep = { sleeps.add($0) }
        policy.jitter = { $0 }
        policy.baseDelay = 0.5
        policy.maxRetries = 3
        policy.requestTimeout = 10
        return policy
    }

    func options(_ server: SyncTestServer, kinds: [HubSyncOptions.Kind] = [.models]) throws -> HubSyncOptions {
        var options = HubSyncOptions(endpoint: try HubEndpoint(server.baseURL))
        options.kinds = kinds
        options.token = try HubToken(Self.token, source: "HF_TOKEN")
        return options
    }

    func store() throws -> LineageStore { try LineageStore.openOrCreate(path: directory.file("store.sqlite")) }

    static let allEdges = [
        "org/Adapter<-base/Root:adapter", "org/Merge<-org/Tune-A:merge", "org/Merge<-outside/Parent:merge",
        "org/Quant<-org/Tune-A:quantized", "org/Tune-A<-base/Root:finetune", "org/Tune-B<-base/Root:finetune",
    ]

    // MARK: - Pagination, auth, store contents

    @Test func followsLinkPaginationIntoOneSnapshotAndSendsTheToken() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        var progress: [HubSyncProgress] = []
        let result = try HubSync(options: options(server), policy: policy()).run(into: store) { progress.append($0) }

        let kind = try #require(result.kinds.first)
        #expect(kind.pages == 3)
        #expect(kind.items == 7)
        #expect(kind.newModels == 7) // external parents that later got their record count as new
        #expect(kind.complete)
        #expect(kind.watermark == HubTimestamp.parse("2026-03-07T12:00:00Z"))
        #expect(progress.last?.pages == 3)

        #expect(try edgeList(store) == Self.allEdges)
        let stats = try store.statistics()
        #expect(stats.models == 7)
        #expect(stats.externalParents == 1)
        #expect(stats.papers == 1)
        // One snapshot for the whole sync, counting every page.
        #expect(stats.snapshots.count == 1)
        #expect(stats.snapshots.first?.records == 7)
        #expect(stats.snapshots.first?.format == "hub-api")

        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests.map(ScriptedHub.pageIndex) == [0, 1, 2])
        for request in requests {
            #expect(request.headers["authorization"] == "Bearer \(Self.token)")
            #expect(request.query("sort") == "lastModified")
            #expect(request.query("direction") == "-1")
        }
        let expand = URLComponents(string: "http://x" + requests[0].target)!.queryItems!.filter { $0.name == "expand[]" }.map { $0.value! }
        #expect(expand.contains("cardData") && expand.contains("tags") && expand.contains("lastModified"))
        #expect(!requests[0].target.contains(Self.token))
    }

    @Test func cardDataBaseModelListGivesOneEdgePerParent() throws {
        let hub = ScriptedHub(models: [[
            ScriptedHub.model("m/Merged", modified: "2026-01-02T00:00:00.000Z", cardBaseModels: ["a/One", "b/Two", "https://huggingface.co/c/Three"]),
        ]])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        _ = try HubSync(options: options(server), policy: policy()).run(into: store)
        #expect(try edgeList(store) == ["m/Merged<-a/One:merge", "m/Merged<-b/Two:merge", "m/Merged<-c/Three:merge"])
    }

    // MARK: - Politeness

    @Test func waitsOutA429AsLongAsTheRateLimitHeaderSays() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 1, with: [.json("{\"error\":\"rate limited\"}", status: 429, headers: [
            ("RateLimit", "\"api\";r=0;t=7"), ("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300"),
        ])])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let sleeps = Sleeps()
        var waits: [HubSyncProgress.Wait] = []
        let result = try HubSync(options: options(server), policy: policy(sleeps)).run(into: try store()) { progress in
            if let wait = progress.wait { waits.append(wait) }
        }
        #expect(result.kinds.first?.items == 7)
        #expect(sleeps.total == 8) // t=7, plus one second of margin
        #expect(waits.first?.remaining == 8)
        #expect(waits.first?.reason.contains("rate limited") == true)
        #expect(waits.map(\.remaining).contains(1)) // the countdown reaches the last second
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 1, 1, 2])
    }

    @Test func retriesA500WithBackoffThenSucceeds() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 0, with: [.json("oops", status: 500), .json("busy", status: 503)])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let sleeps = Sleeps()
        let result = try HubSync(options: options(server), policy: policy(sleeps)).run(into: try store())
        #expect(result.kinds.first?.items == 7)
        #expect(sleeps.total == 0.5 + 1.0) // base 0.5 s, doubled
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 0, 0, 1, 2])
    }

    @Test func givesUpAfterABoundedNumberOfRetries() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 1, with: Array(repeating: .json("down", status: 502), count: 10))
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        #expect {
            try HubSync(options: options(server), policy: policy()).run(into: store)
        } throws: { error in
            let message = "\(error)"
            return message.contains("HTTP 502") && message.contains("gave up after 4 attempts")
                && message.contains("cursor=page-1") && !message.contains(Self.token)
        }
        #expect(server.requests.count == 1 + 4)
        #expect(try store.statistics().models == 3) // page 0 stays stored
    }

    @Test func connectionFailuresAreRetriedThenReported() throws {
        // A port nothing listens on: bind one, note it, close it.
        let probe = try SyncTestServer(handler: { _, _ in .json("[]") })
        let deadURL = probe.baseURL
        probe.stop()
        var options = HubSyncOptions(endpoint: try HubEndpoint(deadURL))
        options.token = try HubToken(Self.token, source: "HF_TOKEN")
        let sleeps = Sleeps()
        #expect {
            try HubSync(options: options, policy: policy(sleeps)).run(into: try store())
        } throws: { error in
            "\(error)".contains("gave up after 4 attempts") && "\(error)".contains("127.0.0.1")
        }
        #expect(sleeps.total == 0.5 + 1 + 2)
    }

    // MARK: - Bad pages, interruption, resume

    @Test func aTruncatedPageStopsTheSyncWithItsURLAndTheNextSyncResumesThere() throws {
        let pages = ScriptedHub.threeModelPages()
        let hub = ScriptedHub(models: pages)
        // Cut off after the first object, as a dropped connection with a wrong length would leave it.
        hub.fail(page: 1, with: [.json("[" + pages[1][0] + ",\n")])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        #expect {
            try HubSync(options: options(server), policy: policy()).run(into: store)
        } throws: { error in
            let message = "\(error)"
            return message.contains("sync stopped: page http://127.0.0.1:\(server.port)/api/models?")
                && message.contains("cursor=page-1") && message.contains("unexpected end of input")
                && message.contains("nothing of this page was stored")
        }
        // The first page is stored, nothing of the second.
        #expect(try store.statistics().models == 3)
        let cursor = try #require(try store.syncCursors().first)
        #expect(cursor.watermark == nil)
        #expect(cursor.run?.pages == 1)
        #expect(cursor.run?.nextURL?.contains("cursor=page-1") == true)

        let result = try HubSync(options: options(server), policy: policy()).run(into: store)
        let kind = try #require(result.kinds.first)
        #expect(kind.resumedAtPage == 1)
        #expect(kind.pages == 2)
        #expect(kind.complete)
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 1, 1, 2])
        #expect(try edgeList(store) == Self.allEdges)
        let stats = try store.statistics()
        #expect(stats.models == 7)
        #expect(stats.snapshots.count == 1)
        #expect(stats.snapshots.first?.records == 7) // no page counted twice
    }

    @Test func anInterruptedSyncResumesWithoutDuplicates() throws {
        // Page 2 fails hard (404) the first time: as if the process died after committing page 1.
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        hub.fail(page: 2, with: [.json("{\"error\":\"gone\"}", status: 404)])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        #expect(throws: SyncError.self) { try HubSync(options: options(server), policy: policy()).run(into: store) }
        #expect(try store.statistics().models == 5) // the two committed pages
        let result = try HubSync(options: options(server), policy: policy()).run(into: store)
        #expect(result.kinds.first?.resumedAtPage == 2)
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 1, 2, 2])
        let stats = try store.statistics()
        #expect(stats.models == 7)
        #expect(stats.snapshots.count == 1)
        #expect(stats.snapshots.first?.records == 7)
        #expect(try edgeList(store) == Self.allEdges)
        #expect(try store.syncCursors().first?.run == nil)
    }

    @Test func limitStopsMidListingAndTheNextSyncContinuesWithoutRepeats() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        var limited = try options(server)
        limited.limit = 4
        let first = try HubSync(options: limited, policy: policy()).run(into: store)
        #expect(first.kinds.first?.items == 4)
        #expect(first.kinds.first?.complete == false)
        // The first URL asks for pages no larger than the limit.
        #expect(server.requests.first?.query("limit") == "4")
        let second = try HubSync(options: limited, policy: policy()).run(into: store)
        #expect(second.kinds.first?.items == 3)
        #expect(second.kinds.first?.complete == true)
        let stats = try store.statistics()
        #expect(stats.models == 7)
        #expect(stats.snapshots.first?.records == 7)
    }

    // MARK: - Incremental

    @Test func theNextSyncReadsOnlyWhatChangedSinceTheLastOne() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        _ = try HubSync(options: options(server), policy: policy()).run(into: store)

        // Two models changed since; the listing is newest first, so the first page ends the run.
        var pages = ScriptedHub.threeModelPages()
        pages[0].insert(ScriptedHub.model("org/New", modified: "2026-03-09T00:00:00.000Z", parents: ["org/Merge"]), at: 0)
        pages[0].insert(ScriptedHub.model("org/Tune-B", modified: "2026-03-08T00:00:00.000Z", parents: ["org/Tune-A"]), at: 1)
        hub.setPages("models", pages)
        let before = server.requests.count
        let result = try HubSync(options: options(server), policy: policy()).run(into: store)
        let kind = try #require(result.kinds.first)
        #expect(kind.stopAt == HubTimestamp.parse("2026-03-07T12:00:00Z"))
        #expect(kind.items == 2) // the two changes; the boundary model (same second as the last sync) is stored already
        #expect(kind.complete)
        #expect(kind.watermark == HubTimestamp.parse("2026-03-09T00:00:00Z"))
        #expect(server.requests.count == before + 1)
        let edges = try edgeList(store)
        #expect(edges.contains("org/New<-org/Merge:finetune"))
        #expect(edges.contains("org/Tune-B<-org/Tune-A:finetune"))
        #expect(!edges.contains("org/Tune-B<-base/Root:finetune"))
        #expect(try store.statistics().snapshots.count == 2)
    }

    @Test func sinceOverridesTheLastSync() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        var options = try options(server)
        options.since = HubTimestamp.parse("2026-03-05")
        let result = try HubSync(options: options, policy: policy()).run(into: try store())
        #expect(result.kinds.first?.items == 4)
        #expect(server.requests.count == 2)
    }

    // MARK: - Spaces

    @Test func spacesAreStoredWithTheModelsTheyUse() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages(), spaces: [
            [ScriptedHub.space("demo/Chat", modified: "2026-03-08T00:00:00.000Z", models: ["org/Tune-A", "base/Root"])],
            [ScriptedHub.space("demo/Other", modified: "2026-03-02T00:00:00.000Z", models: ["not/Synced"])],
        ])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        let result = try HubSync(options: options(server, kinds: [.models, .spaces]), policy: policy()).run(into: store)
        #expect(result.kinds.map(\.kind) == [.models, .spaces])
        let spaces = try #require(result.kinds.last)
        #expect(spaces.items == 2)
        #expect(spaces.pages == 2)
        #expect(spaces.uses == 3)
        let spaceRequests = server.requests.filter { $0.path == "/api/spaces" }
        #expect(spaceRequests.count == 2)
        let expand = URLComponents(string: "http://x" + spaceRequests[0].target)!.queryItems!.filter { $0.name == "expand[]" }.map { $0.value! }
        #expect(expand.contains("models"))
        #expect(spaceRequests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })

        let data = try store.graphData()
        let names = data.downstream.nodes.map(\.name).sorted()
        #expect(names == ["demo/Chat", "demo/Other"])
        var uses: [String] = []
        for (node, model) in zip(data.downstream.useNodes, data.downstream.useModels) {
            uses.append("\(data.downstream.nodes[Int(node)].name)->\(data.names[Int(model)])")
        }
        #expect(uses.sorted() == ["demo/Chat->base/Root", "demo/Chat->org/Tune-A", "demo/Other->not/Synced"])
        #expect(try store.syncCursors().map(\.kind).sorted() == ["models", "spaces"])
    }

    // MARK: - Token

    @Test func aRefusedTokenIsReportedWithoutTheToken() throws {
        let server = try SyncTestServer(handler: { _, _ in .json("{\"error\":\"Invalid credentials in Authorization header\"}", status: 401) })
        defer { server.stop() }
        #expect {
            try HubSync(options: options(server), policy: policy()).run(into: try store())
        } throws: { error in
            let message = "\(error)"
            return message.contains("HTTP 401") && message.contains("refused the token from HF_TOKEN") && !message.contains(Self.token)
        }
        let token = try HubToken(Self.token, source: "HF_TOKEN")
        #expect(!"\(token)".contains(Self.token))
        #expect(!String(reflecting: token).contains(Self.token))
        #expect(!"\(Mirror(reflecting: token).children.map { "\($0.value)" })".contains(Self.token))
        #expect(token.redact("x \(Self.token) y") == "x <token> y")
    }

    @Test func theTokenGoesOnlyToTheEndpointsOrigin() throws {
        // A next link to another origin (a second local server) must not carry the token.
        let other = try SyncTestServer(handler: { _, _ in .json("[]") })
        defer { other.stop() }
        let server = try SyncTestServer(handler: { request, _ in
            .json("[" + ScriptedHub.model("a/A", modified: "2026-01-01T00:00:00.000Z") + "]",
                  headers: [("Link", "<\(other.baseURL)/api/models?cursor=x>; rel=\"next\"")])
        })
        defer { server.stop() }
        _ = try HubSync(options: options(server), policy: policy()).run(into: try store())
        #expect(server.requests.first?.headers["authorization"] != nil)
        #expect(other.requests.count == 1)
        #expect(other.requests.first?.headers["authorization"] == nil)
    }
}
