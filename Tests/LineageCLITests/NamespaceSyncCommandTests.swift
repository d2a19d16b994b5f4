import Foundation
import LineageTestSupport
import Testing

/// `lineage sync --namespaces` end to end: the built binary against a local Hub on 127.0.0.1.
@Suite("lineage sync --namespaces", .serialized)
struct NamespaceSyncCommandTests {
    let home = TemporaryDirectory()
    static let token = "hf_cliNStoken0123456789"

    func cli() -> CLIRunner {
        var runner = CLIRunner(home: home.path)
        for key in ["HF_ENDPOINT", "HF_TOKEN_PATH", "HF_HOME"] { runner.environment.removeValue(forKey: key) }
        runner.environment["XDG_CACHE_HOME"] = home.path + "/cache"
        runner.environment["HF_TOKEN"] = Self.token
        return runner
    }

    /// The model listing of `ScriptedHub.threeModelPages` (authors `org` and `base`), plus the two overview
    /// endpoints: `base` is a user, `org` an organization.
    static func handler(_ listing: ScriptedHub) -> SyncTestServer.Handler {
        let models = listing.handler
        return { request, index in
            switch request.path {
            case "/api/users/base/overview":
                return .json("{\"user\":\"base\",\"fullname\":\"Base Person\",\"type\":\"user\",\"numModels\":1}")
            case "/api/organizations/org/overview":
                return .json("{\"name\":\"org\",\"fullname\":\"Org Inc\",\"type\":\"org\",\"numUsers\":4}")
            case let path where path.hasSuffix("/overview"):
                return .json("{\"error\":\"not found\"}", status: 404)
            default:
                return models(request, index)
            }
        }
    }

    @Test func namespacesOfASyncedStoreAreAskedAndLandInTheRegistry() throws {
        let server = try SyncTestServer(handler: Self.handler(ScriptedHub(models: ScriptedHub.threeModelPages())))
        defer { server.stop() }
        let store = home.file("hub.sqlite")
        let models = try cli().run(["sync", "--endpoint", server.baseURL, "--store", store, "--quiet"])
        try #require(models.status == 0, "\(models.stderr)")

        let sync = try cli().run(["sync", "--namespaces", "--endpoint", server.baseURL, "--store", store])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("namespaces: 2 asked (1 users, 1 organizations, 0 not found); done"), "\(sync.stdout)")
        #expect(!sync.stdout.contains(Self.token) && !sync.stderr.contains(Self.token))
        let paths = server.requests.map(\.path).filter { $0.hasSuffix("/overview") }
        // Most downloaded author first: base (1,000 downloads), then org.
        #expect(paths == ["/api/users/base/overview", "/api/users/org/overview", "/api/organizations/org/overview"])

        let shown = try cli().run(["registry", "show", "org", "--store", store])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Kind       organization") && shown.stdout.contains("kind:hub-api"), "\(shown.stdout)")
        let coverage = try cli().run(["registry", "coverage", "--store", store, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
        // org/ publishes all five derivatives; the Hub says it is an organization of unknown kind.
        #expect(json["derivativeModels"] as? Int == 5)
        #expect(json["kindKnownModels"] as? Int == 5 && json["specificKindModels"] as? Int == 0)
        #expect(json["organizationModels"] as? Int == 5 && json["organizationCountryKnownModels"] as? Int == 0)

        // Answered namespaces are not asked again.
        let again = try cli().run(["sync", "--namespaces", "--endpoint", server.baseURL, "--store", store])
        #expect(again.stdout.contains("0 asked") && again.stdout.contains("2 answered before"), "\(again.stdout)")
    }

    @Test func badUseIsRefusedBeforeAnyRequest() throws {
        let misuse = try cli().run(["sync", "TheBloke"])
        #expect(misuse.status != 0 && misuse.stderr.contains("--namespaces"), "\(misuse.stderr)")
        let mixed = try cli().run(["sync", "--namespaces", "--models"])
        #expect(mixed.status != 0 && mixed.stderr.contains("separate sync"), "\(mixed.stderr)")
        let bad = try cli().run(["sync", "--namespaces", "../etc"])
        #expect(bad.status != 0 && bad.stderr.contains("not a Hub namespace"), "\(bad.stderr)")
    }
}
