import Foundation
import LineageTestSupport
import Testing

/// Every read command opens the store, the graph, the family catalog and the organization registry the
/// same way (`LineageSession`): a row added to the store's registry, or given in a `--registry` file,
/// gives a namespace the same country in `downstream`, `ask`, `descendants`, `render`, `lockin` and
/// `registry show`. YOYO-AI has ten Qwen derivatives in the bundled snapshot and no country in the
/// bundled registry, so only the added row can make it French or German.
@Suite("One session for every read command")
struct SessionConsistencyTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }
    static let namespace = "YOYO-AI"

    /// Runs every read command that filters or colours by country, with `extra` arguments, and expects
    /// each to place `namespace` in `country` (code, adjective for `ask`).
    func expectEveryCommand(country: String, adjective: String, extra: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ns = Self.namespace
        let downstream = try cli.run(["downstream", "qwen", "--country", country, "--format", "csv", "--limit", "0"] + extra)
        #expect(downstream.status == 0, "\(downstream.stderr)", sourceLocation: sourceLocation)
        #expect(downstream.stdout.contains("\(ns),"), "downstream: \(downstream.stdout.prefix(400))", sourceLocation: sourceLocation)

        let ask = try cli.run(["ask", "which \(adjective) startups derive from Qwen", "--format", "csv", "--limit", "0"] + extra)
        #expect(ask.status == 0, "\(ask.stderr)", sourceLocation: sourceLocation)
        #expect(ask.stdout.contains(ns), "ask: \(ask.stdout.prefix(400))", sourceLocation: sourceLocation)

        let descendants = try cli.run(["descendants", "qwen", "--kind", "startups", "--country", country, "--format", "csv", "--limit", "0"] + extra)
        #expect(descendants.status == 0, "\(descendants.stderr)", sourceLocation: sourceLocation)
        #expect(descendants.stdout.contains(ns), "descendants: \(descendants.stdout.prefix(400))", sourceLocation: sourceLocation)

        let render = try cli.run(["render", "qwen", "--country", country, "--format", "dot", "-o", "-"] + extra)
        #expect(render.status == 0, "\(render.stderr)", sourceLocation: sourceLocation)
        #expect(render.stdout.contains("\"\(ns)/"), "render: \(render.stdout.prefix(400))", sourceLocation: sourceLocation)

        let lockin = try cli.run(["lockin", "--group", ns, "--family", "qwen", "--format", "json"] + extra)
        #expect(lockin.status == 0, "\(lockin.stderr)", sourceLocation: sourceLocation)
        // Qwen's owner is Chinese: a group from any other registered country depends on it from abroad.
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(lockin.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        #expect((figures["foreignDependence"] as? Double ?? 0) > 0.5, "lockin: \(lockin.stdout.prefix(600))", sourceLocation: sourceLocation)

        let show = try cli.run(["registry", "show", ns] + extra)
        #expect(show.stdout.contains("Country    \(country)"), "registry show: \(show.stdout)", sourceLocation: sourceLocation)
    }

    @Test("a row added with `registry add` reaches every read command, on --store and on the default store")
    func storeRowReachesEveryCommand() throws {
        let store = home.file("s.sqlite")
        let added = try cli.run(["registry", "add", Self.namespace, "--country", "FR", "--kind", "startup", "--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        try expectEveryCommand(country: "FR", adjective: "French", extra: ["--store", store])

        let addedToDefault = try cli.run(["registry", "add", Self.namespace, "--country", "FR", "--kind", "startup"])
        #expect(addedToDefault.status == 0, "\(addedToDefault.stderr)")
        try expectEveryCommand(country: "FR", adjective: "French", extra: [])
    }

    @Test("a --registry file reaches every read command, over the store's rows")
    func registryFileReachesEveryCommand() throws {
        let store = home.file("s.sqlite")
        #expect(try cli.run(["registry", "add", Self.namespace, "--country", "FR", "--kind", "startup", "--store", store]).status == 0)
        let file = home.write("mine.csv", "namespace,country,kind,source\n\(Self.namespace),DE,startup,mine\n")
        try expectEveryCommand(country: "DE", adjective: "German", extra: ["--store", store, "--registry", file])
    }
}
