import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The sync defects of issue 12: a looping next link, no-op snapshots, retrying a name that does not
/// resolve, and unclear messages for HTML and cut-off bodies.
@Suite("Sync hardening")
struct SyncHardeningTests {
    let directory = TemporaryDirectory()

    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ value: Double) { lock.lock(); values.append(value); lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return values.count }
    }

    func policy(_ sleeps: Sleeps = Sleeps()) -> SyncPolicy {
        var policy = SyncPolicy()
        policy.sleep = { sleeps.add($0) }
        policy.jitter = { $0 }
        policy.baseDelay = 0.01
        policy.maxRetries = 3
        policy.requestTimeout = 10
        return policy
    }

    func options(_ base: String) throws -> HubSyncOptions {
        HubSyncOptions(endpoint: try HubEndpoint(base))
    }

    func store() throws -> LineageStore { try LineageStore.openOrCreate(path: directory.file("store.sqlite")) }

    /// A Hub whose page 1 names itself as the next page.
    static func loopingHub() -> SyncTestServer.Handler {
        let pages = ScriptedHub.threeModelPages()
        return { request, _ in
            let index = ScriptedHub.pageIndex(request)
            guard let host = request.headers["host"], index < 2 else { return .json("[]") }
            let next = "http://\(host)/api/models?sort=lastModified&cursor=page-1"
            return .json("[" + pages[index].joined(separator: ",") + "]", headers: [("Link", "<\(next)>; rel=\"next\"")])
        }
    }

    @Test func aLoopingNextLinkFailsTheRunInsteadOfLeavingItRunning() throws {
        let server = try SyncTestServer(handler: Self.loopingHub())
        defer { server.stop() }
        let store = try store()
        #expect {
            try HubSync(options: options(server.baseURL), policy: policy()).run(into: store)
        } throws: { error in
            let message = "\(error)"
            return message.contains("leads back to a page this run already read") && message.contains("cursor=page-1")
                && message.contains("marked failed") && !message.contains("expand")
        }
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 1])
        #expect(try store.statistics().models == 5) // both pages are kept
        let cursor = try #require(try store.syncCursors().first)
        #expect(cursor.run?.status == "failed")
        #expect(cursor.run?.nextURL == nil)
        #expect(cursor.run?.error?.contains("leads back") == true)
        #expect(cursor.watermark == nil)
        #expect(HubSyncStatusText.render([cursor], storePath: "s").contains("failed after 2 pages"))

        // The next sync starts a new run from the first page; it does not resume the loop.
        #expect(throws: SyncError.self) { try HubSync(options: options(server.baseURL), policy: policy()).run(into: store) }
        #expect(server.requests.map(ScriptedHub.pageIndex) == [0, 1, 0, 1])
        let runs = try store.syncCursors().first?.run
        #expect(runs?.id != cursor.run?.id)
        #expect(runs?.status == "failed")
    }

    @Test func aSyncWithNothingNewWritesNoSnapshot() throws {
        let hub = ScriptedHub(models: ScriptedHub.threeModelPages())
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        let endpoint = try HubEndpoint(server.baseURL)
        _ = try HubSync(options: options(server.baseURL), policy: policy()).run(into: store)
        let watermark = try store.syncCursors().first?.watermark
        for _ in 0..<2 {
            let result = try HubSync(options: options(server.baseURL), policy: policy()).run(into: store)
            let kind = try #require(result.kinds.first)
            #expect(kind.items == 0)
            #expect(kind.updatedModels == 0)
            #expect(kind.complete)
            #expect(!kind.snapshotKept)
            let text = HubSyncSummaryText.render(result, storePath: "s", endpoint: endpoint, limit: nil)
            #expect(text.contains("nothing changed, no snapshot written"))
            #expect(!text.contains("into snapshot"))
        }
        let stats = try store.statistics()
        #expect(stats.snapshots.count == 1)
        #expect(stats.snapshots.first?.records == 7)
        #expect(try store.syncCursors().first?.watermark == watermark)
        #expect(try store.syncCursors().first?.run == nil)
    }

    /// A transport that fails every request the same way.
    struct FailingTransport: HTTPTransport {
        let error: HTTPTransportError
        let calls = Calls()
        final class Calls: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func add() { lock.lock(); value += 1; lock.unlock() }
            var count: Int { lock.lock(); defer { lock.unlock() }; return value }
        }
        func get(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
            calls.add()
            throw error
        }
    }

    @Test func aHostNameThatDoesNotResolveIsFinal() throws {
        let transport = FailingTransport(error: HTTPTransportError("cannot resolve the host name \"hub.invalid\"", isFinal: true))
        let sleeps = Sleeps()
        #expect {
            try HubSync(options: options("https://hub.invalid"), policy: policy(sleeps), transport: transport).run(into: try store())
        } throws: { error in
            let message = "\(error)"
            return message.contains("cannot resolve the host name") && message.contains("not retried")
                && message.count < 300 && !message.contains("expand")
        }
        #expect(transport.calls.count == 1)
        #expect(sleeps.count == 0)
    }

    @Test func theRealTransportCallsAnUnresolvableNameFinal() throws {
        // `.invalid` never resolves (RFC 2606); without any network the lookup fails the same way.
        do {
            _ = try URLSessionTransport().get(HTTPRequest(url: URL(string: "http://lineage-test.invalid/api/models")!, headers: [:], timeout: 20))
            Issue.record("a .invalid host answered")
        } catch {
            #expect(error.isFinal, "\(error.message)")
            #expect(error.message.contains("cannot resolve the host name"), "\(error.message)")
        }
    }

    @Test func anHTMLPageIsNamedAsSuch() throws {
        let server = try SyncTestServer(handler: { _, _ in
            SyncTestServer.Response(status: 200, headers: [("Content-Type", "text/html")],
                                    body: Array("<html><head><title>Sign in</title></head><body>…</body></html>".utf8))
        })
        defer { server.stop() }
        #expect {
            try HubSync(options: options(server.baseURL), policy: policy()).run(into: try store())
        } throws: { error in
            let message = "\(error)"
            return message.contains("the server sent an HTML page, not JSON (title \"Sign in\")") && !message.contains("unexpected character")
        }
    }

    @Test func aBodyCutShortIsNamedAsSuch() throws {
        let body = "[" + ScriptedHub.threeModelPages()[0][0]
        let server = try SyncTestServer(handler: { _, _ in
            var response = SyncTestServer.Response.json(body)
            response.declaredLength = body.utf8.count + 5000
            return response
        })
        defer { server.stop() }
        #expect {
            try HubSync(options: options(server.baseURL), policy: policy()).run(into: try store())
        } throws: { error in
            let message = "\(error)"
            return !message.contains("network error -1") && message.contains("gave up after 4 attempts")
                && (message.contains("broke off") || message.contains("connection was lost") || message.contains("unexpected end of input"))
        }
    }
}
