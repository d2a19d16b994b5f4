import Foundation
import LineageTestSupport
import Testing

/// Every `--country` flag and every question reads country words through the one country vocabulary
/// (`Sources/LineageCatalog/Resources/countries.csv`): a group (EU) is accepted wherever countries filter,
/// and so is a country's other name (`england` → GB); a registry row still takes an ISO code only.
@Suite("Country words, the same in every command")
struct CountryWordsCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    @Test("--country EU is a group in registry list, downstream, render and descendants")
    func europeanUnionEverywhere() throws {
        let list = try cli.run(["registry", "list", "--country", "EU"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("black-forest-labs") && list.stdout.contains("kyutai") && !list.stdout.contains("deepseek-ai"))
        let downstream = try cli.run(["downstream", "qwen", "--country", "EU"])
        #expect(downstream.status == 0, "\(downstream.stderr)")
        // Accepted: no Qwen descendant has an EU author in the bundled snapshot, so nothing is drawn.
        let render = try cli.run(["render", "qwen", "--country", "EU", "--format", "dot", "-o", "-"])
        #expect(render.stderr.contains("descendants by EU authors") && !render.stderr.contains("unknown country"), "\(render.stderr)")
        let descendants = try cli.run(["descendants", "qwen", "--country", "EU"])
        #expect(descendants.status == 0, "\(descendants.stderr)")
        let origin = try cli.run(["downstream", "--origin", "EU"])
        #expect(origin.status == 0, "\(origin.stderr)")
        #expect(origin.stdout.contains("families from EU (European Union)"), "\(origin.stdout)")
    }

    @Test("england names GB in registry list, downstream, render, descendants and questions")
    func englandEverywhere() throws {
        let list = try cli.run(["registry", "list", "--country", "england"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout == (try cli.run(["registry", "list", "--country", "GB"])).stdout)
        let downstream = try cli.run(["downstream", "qwen", "--country", "England"])
        #expect(downstream.status == 0, "\(downstream.stderr)")
        let render = try cli.run(["render", "qwen", "--country", "england", "--format", "dot", "-o", "-"])
        let gb = try cli.run(["render", "qwen", "--country", "GB", "--format", "dot", "-o", "-"])
        #expect(!render.stderr.contains("unknown country") && (render.stdout, render.stderr, render.status) == (gb.stdout, gb.stderr, gb.status), "\(render.stderr)")
        let descendants = try cli.run(["descendants", "qwen", "--country", "england"])
        #expect(descendants.status == 0, "\(descendants.stderr)")
        let ask = try cli.run(["ask", "which England projects derive from Qwen"])
        #expect(ask.status == 0, "\(ask.stderr)")
    }

    @Test("an unknown word is refused the same way by every --country flag")
    func unknownWordRefusedEverywhere() throws {
        for arguments in [
            ["registry", "list", "--country", "Atlantis"], ["downstream", "qwen", "--country", "Atlantis"],
            ["render", "qwen", "--country", "Atlantis", "-o", home.path + "/x.svg"], ["downstream", "--origin", "Atlantis"],
        ] {
            let r = try cli.run(arguments)
            #expect(r.status != 0 && r.stderr.contains("unknown country 'Atlantis'"), "\(arguments): \(r.stderr)")
        }
    }

    @Test("a registry row takes one country as an ISO code: EU and england are refused with a hint")
    func registryRowsTakeCodes() throws {
        let eu = try cli.run(["registry", "add", "acme", "--country", "EU", "--kind", "startup"])
        #expect(eu.status != 0 && eu.stderr.contains("unknown country code 'EU'") && eu.stderr.contains("group"), "\(eu.stderr)")
        let england = try cli.run(["registry", "add", "acme", "--country", "england", "--kind", "startup"])
        #expect(england.status != 0 && england.stderr.contains("did you mean GB?"), "\(england.stderr)")
    }
}
