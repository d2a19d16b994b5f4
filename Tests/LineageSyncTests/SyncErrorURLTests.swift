import Foundation
import LineageKit
import Testing

/// A failed sync says which URL failed, as a field and in its one line.
@Suite("Sync errors name the URL")
struct SyncErrorURLTests {
    /// Answers every request with `status` and remembers the URLs asked for.
    final class FixedAnswer: HTTPTransport, @unchecked Sendable {
        let status: Int
        let body: String
        private let lock = NSLock()
        private var urls: [URL] = []

        init(status: Int, body: String = "") {
            self.status = status
            self.body = body
        }

        var requested: [URL] { lock.withLock { urls } }

        func get(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
            lock.withLock { urls.append(request.url) }
            return HTTPResponse(status: status, body: Array(body.utf8))
        }
    }

    func run(_ transport: FixedAnswer) throws -> SyncError? {
        var policy = SyncPolicy()
        policy.sleep = { _ in }
        policy.maxRetries = 1
        let store = try LineageStore.inMemory()
        let options = HubSyncOptions(endpoint: try HubEndpoint("http://127.0.0.1:9"))
        do {
            _ = try HubSync(options: options, policy: policy, transport: transport).run(into: store)
            return nil
        } catch let error as SyncError {
            return error
        }
    }

    @Test func aRefusedPageNamesItsURLAndStatus() throws {
        let transport = FixedAnswer(status: 404)
        let error = try #require(try run(transport))
        let asked = try #require(transport.requested.first)
        #expect(error.url == asked)
        #expect(error.status == 404)
        #expect(error.url?.path == "/api/models")
        #expect(error.description.hasPrefix("models sync stopped: GET http://127.0.0.1:9/api/models?…: HTTP 404 not found"))
    }

    @Test func aPageThatIsNotJSONNamesItsURL() throws {
        let transport = FixedAnswer(status: 200, body: "[{\"id\": ")
        let error = try #require(try run(transport))
        #expect(error.url == transport.requested.first)
        #expect(error.description.hasPrefix("models sync stopped: page http://127.0.0.1:9/api/models?…"))
    }

    @Test func aServerThatKeepsFailingNamesTheURLAfterTheRetries() throws {
        let transport = FixedAnswer(status: 503)
        let error = try #require(try run(transport))
        #expect(transport.requested.count == 2)
        #expect(error.url == transport.requested.first)
        #expect(error.status == 503)
        #expect(error.description.contains("GET http://127.0.0.1:9/api/models?…: HTTP 503 (gave up after 2 attempts)"))
    }
}
