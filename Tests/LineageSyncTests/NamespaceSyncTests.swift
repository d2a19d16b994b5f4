import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `HubNamespaceSync` (`lineage sync --namespaces`) against a local Hub on 127.0.0.1 (real sockets, real
/// `URLSessionTransport`), and how the registry takes its answers.
@Suite("Namespace sync against a local Hub")
struct NamespaceSyncTests {
    let directory = TemporaryDirectory()
    static let token = "hf_nsTOKEN0123456789secret"

    /// A Hub that knows some users and organizations, answering the two overview endpoints the way
    /// huggingface_hub's `get_user_overview` / `get_organization_overview` read them, with queued faults.
    final class AccountsHub: @unchecked Sendable {
        private let lock = NSLock()
        var users: [String: String] = [:]
        var organizations: [String: String] = [:]
        /// Raw bodies for a path, served with status 200 instead of the account's overview.
        var bodies: [String: String] = [:]
        private var faults: [String: [SyncTestServer.Response]] = [:]

        func fail(_ path: String, with responses: [SyncTestServer.Response]) {
            lock.lock(); faults[path, default: []] += responses; lock.unlock()
        }

        var handler: SyncTestServer.Handler { { [self] request, _ in answer(request) } }

        private func answer(_ request: SyncTestServer.Request) -> SyncTestServer.Response {
            lock.lock()
            defer { lock.unlock() }
            let path = request.path
            if var queued = faults[path], !queued.isEmpty {
                let response = queued.removeFirst()
                faults[path] = queued
                return response
            }
            if let body = bodies[path] { return .json(body) }
            let parts = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
            guard parts.count == 4, parts[0] == "api", parts[3] == "overview" else { return .json("{\"error\":\"Not Found\"}", status: 404) }
            let name = parts[2]
            func json(_ object: [String: Any]) -> SyncTestServer.Response {
                .json(String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            }
            switch parts[1] {
            case "users":
                guard let fullname = users[name] else { return .json("{\"error\":\"User not found\"}", status: 404) }
                return json(["_id": "u1", "user": name, "fullname": fullname, "avatarUrl": "/avatars/x.svg", "isPro": false,
                             "numModels": 12, "numFollowers": 3, "type": "user", "orgs": [["name": "some-org", "fullname": "Some Org"]]])
            case "organizations":
                guard let fullname = organizations[name] else { return .json("{\"error\":\"Organization not found\"}", status: 404) }
                return json(["_id": "o1", "name": name, "fullname": fullname, "avatarUrl": "/avatars/y.svg", "isVerified": true,
                             "numUsers": 40, "numModels": 300, "type": "org", "plan": "team"])
            default:
                return .json("{\"error\":\"Not Found\"}", status: 404)
            }
        }
    }

    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ value: Double) { lock.lock(); values.append(value); lock.unlock() }
        var total: Double { lock.lock(); defer { lock.unlock() }; return values.reduce(0, +) }
    }

    func sync(_ server: SyncTestServer, sleeps: Sleeps = Sleeps()) throws -> HubNamespaceSync {
        var policy = SyncPolicy()
        policy.sleep = { sleeps.add($0) }
        policy.jitter = { $0 }
        policy.baseDelay = 0.5
        policy.maxRetries = 3
        policy.requestTimeout = 10
        return HubNamespaceSync(endpoint: try HubEndpoint(server.baseURL), token: try HubToken(Self.token, source: "HF_TOKEN"), policy: policy)
    }

    func store() throws -> LineageStore { try LineageStore.openOrCreate(path: directory.file("store.sqlite")) }

    func rows(_ store: LineageStore) throws -> [String: OrganizationRow] {
        Dictionary(uniqueKeysWithValues: try store.organizations().map { ($0.namespace, $0) })
    }

    // MARK: - Asking

    @Test func usersOrganizationsAndUnknownAccountsBecomeHubAPIRows() throws {
        let hub = AccountsHub()
        hub.users = ["alice": "Alice Example"]
        hub.organizations = ["acme-labs": "Acme Labs"]
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        var progress: [HubSyncProgress] = []
        let result = try sync(server).run(namespaces: ["alice", "acme-labs", "ghost", "ALICE", "../etc", "evil\u{1B}[2J"], into: store) { progress.append($0) }

        #expect(result.asked == 3)
        #expect(result.users == 1 && result.organizations == 1 && result.notFound == 1)
        #expect(result.stored == 3)
        #expect(result.invalid == ["../etc", "evil\u{1B}[2J"])
        #expect(result.text.contains("2 not namespaces, skipped (../etc, evil\\u{1b}[2J)") && !result.text.contains("\u{1B}"), "\(result.text)")
        #expect(progress.last?.noun == "namespaces" && progress.last?.items == 3)

        let stored = try rows(store)
        #expect(stored["alice"]?.kind == "individual" && stored["alice"]?.name == "Alice Example")
        #expect(stored["acme-labs"]?.kind == "organization" && stored["acme-labs"]?.name == "Acme Labs")
        #expect(stored["ghost"]?.kind == nil)
        for row in stored.values {
            #expect(row.source == "hub-api")
            #expect(row.country == nil) // the Hub is never a source of countries
            #expect(row.evidence?.contains("Hub API") == true)
        }
        #expect(stored["acme-labs"]?.evidence?.contains("/api/organizations/acme-labs/overview") == true)

        // A user needs one request; an organization and an unknown account need both, users first.
        #expect(server.requests.map(\.path) == [
            "/api/users/alice/overview",
            "/api/users/acme-labs/overview", "/api/organizations/acme-labs/overview",
            "/api/users/ghost/overview", "/api/organizations/ghost/overview",
        ])
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.token)" })
    }

    @Test func anOverviewThatSaysOrgIsAnOrganization() throws {
        let hub = AccountsHub()
        hub.bodies["/api/users/both/overview"] = "{\"name\":\"both\",\"fullname\":\"Both\",\"type\":\"org\"}"
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        let result = try sync(server).run(namespaces: ["both"], into: store)
        #expect(result.organizations == 1)
        #expect(try rows(store)["both"]?.kind == "organization")
    }

    @Test func rateLimitsAndServerErrorsAreWaitedOut() throws {
        let hub = AccountsHub()
        hub.users = ["alice": "Alice"]
        hub.fail("/api/users/alice/overview", with: [
            .json("{\"error\":\"rate limited\"}", status: 429, headers: [("RateLimit", "\"api\";r=0;t=4")]),
            .json("{\"error\":\"unavailable\"}", status: 503),
        ])
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let sleeps = Sleeps()
        var waits: [String] = []
        let result = try sync(server, sleeps: sleeps).run(namespaces: ["alice"], into: try store()) { if let wait = $0.wait { waits.append(wait.reason) } }
        #expect(result.users == 1)
        #expect(sleeps.total == 5.5) // t=4 plus one second of margin, then the first backoff (0.5 s)
        #expect(waits.first?.contains("rate limited (429)") == true)
        #expect(server.requests.count == 3)
    }

    @Test func aRunContinuesWhereTheLastStoppedAndNeverReplacesTheUsersRows() throws {
        let hub = AccountsHub()
        hub.users = ["a": "A", "b": "B", "mine": "Mine"]
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        try store.upsertOrganizations([OrganizationRow(namespace: "mine", country: "FR", kind: "startup", source: "user", evidence: "my notes")], at: 1)

        var limited = try sync(server)
        limited.limit = 1
        let first = try limited.run(namespaces: ["mine", "a", "b"], into: store)
        #expect(first.asked == 1 && first.left == 1 && first.keptUserRows == 1)
        let second = try sync(server).run(namespaces: ["mine", "a", "b"], into: store)
        #expect(second.asked == 1 && second.answeredBefore == 1)
        #expect(server.requests.map(\.path) == ["/api/users/a/overview", "/api/users/b/overview"])
        let stored = try rows(store)
        #expect(stored["mine"]?.kind == "startup" && stored["mine"]?.source == "user" && stored["mine"]?.country == "FR")
        #expect(stored["a"]?.kind == "individual" && stored["b"]?.kind == "individual")

        var refresh = try sync(server)
        refresh.refresh = true
        let third = try refresh.run(namespaces: ["mine", "a", "b"], into: store)
        #expect(third.asked == 2 && third.keptUserRows == 1)
    }

    @Test func anAnswerThatIsNotAnOverviewStopsWithItsURLAndKeepsWhatWasStored() throws {
        let hub = AccountsHub()
        hub.users = ["alice": "Alice"]
        hub.bodies["/api/users/broken/overview"] = "[1, 2, 3]"
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        var small = try sync(server)
        small.batchSize = 1
        #expect {
            _ = try small.run(namespaces: ["alice", "broken"], into: store)
        } throws: { error in
            let message = "\(error)"
            return message.contains("/api/users/broken/overview") && message.contains("not a JSON overview")
                && message.contains("1 answers are stored") && !message.contains(Self.token)
        }
        #expect(try rows(store).keys.sorted() == ["alice"])
    }

    @Test func aStoresNamespacesAreItsAuthorsMostDownloadedFirst() throws {
        let listing = ScriptedHub(models: ScriptedHub.threeModelPages())
        let server = try SyncTestServer(handler: listing.handler)
        defer { server.stop() }
        let store = try store()
        var options = HubSyncOptions(endpoint: try HubEndpoint(server.baseURL))
        options.kinds = [.models]
        _ = try HubSync(options: options).run(into: store)
        // base/Root has 1,000 downloads, the six org/ models 10 each; outside/Parent is only named as a parent.
        #expect(try HubNamespaceSync.namespaces(of: store) == ["base", "org"])
    }

    // MARK: - The registry takes the answers beneath its own rows

    @Test func answersFillTheRegistryButNeverOverrideIt() throws {
        let hub = AccountsHub()
        hub.users = ["alice": "Alice", "Qwen": "Not really"]
        hub.organizations = ["TheBloke": "Pretend Org", "agentica-org": "Agentica"]
        let server = try SyncTestServer(handler: hub.handler)
        defer { server.stop() }
        let store = try store()
        _ = try sync(server).run(namespaces: ["alice", "Qwen", "TheBloke", "agentica-org", "ghost"], into: store)
        let registry = try OrganizationRegistry.load(store: store)

        // Unknown to the bundled registry: the Hub's answer, in its own layer.
        let alice = try #require(registry.organization("alice"))
        #expect(alice.kind == .individual && alice.source == "kind:hub-api" && alice.layer == "hub-api" && alice.country == nil)
        // Bundled with a country and no kind: the kind is filled, the country and its source stay.
        let agentica = try #require(registry.organization("agentica-org"))
        #expect(agentica.kind == .organization && agentica.country == "US")
        #expect(agentica.source == "country:atom; kind:hub-api")
        // Curated rows keep their kind; a contradiction is a conflict, an agreement is not.
        #expect(registry.kind(of: "TheBloke") == .individual)
        #expect(registry.kind(of: "Qwen") == .bigTech)
        let hubConflicts = registry.conflicts.filter { $0.otherSource == "hub-api" }
        #expect(hubConflicts.map(\.namespace).sorted() == ["Qwen", "TheBloke"])
        #expect(hubConflicts.allSatisfy { $0.field == "kind" })
        // The Hub not knowing an account adds nothing.
        #expect(registry.organization("ghost") == nil)
        // A row the user adds still wins over everything.
        try store.upsertOrganizations([OrganizationRow(namespace: "alice", country: "DE", kind: "startup", source: "user")], at: 2)
        #expect(try OrganizationRegistry.load(store: store).organization("alice")?.kind == .startup)
    }
}
