import Foundation
import LineageTestSupport
import Testing

/// Imported projects (AI-BOMs) as first-class entities: targets of `ask`, `ancestors` and `render`,
/// attributed through registered suppliers, counted against other projects (issue 12, "Projects are
/// second-class").
@Suite("Projects as targets and suppliers by name")
struct ProjectCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    /// A BOM of `name`, supplied by `supplier`, using Qwen2.5-7B-Instruct (a Qwen model of the bundled snapshot).
    func bom(_ name: String, supplier: String) -> String {
        home.write("\(name).cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"application","name":"\(name)",
             "supplier":{"name":"\(supplier)"}}},
             "components":[{"type":"machine-learning-model","purl":"pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@main"}]}
            """)
    }

    @Test func aProjectIsATargetOfAncestorsAskAndRender() throws {
        #expect(try cli.run(["ingest", RegistryCommandTests.exampleBOM]).status == 0)

        let ancestors = try cli.run(["ancestors", "supportbot", "--format", "json"])
        #expect(ancestors.status == 0, "\(ancestors.stderr)")
        let report = try json(ancestors.stdout)
        #expect(report["model"] as? String == "SupportBot")
        #expect(report["usedModels"] as? [String] == ["acme/support-ranker", "meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct"].sorted())
        let rows = try #require(report["ancestors"] as? [[String: Any]])
        let qwen = try #require(rows.first { $0["id"] as? String == "Qwen/Qwen2.5-7B-Instruct" })
        #expect(qwen["depth"] as? Int == 1 && qwen["relation"] as? String == "uses")
        #expect(qwen["path"] as? [String] == ["Qwen/Qwen2.5-7B-Instruct", "SupportBot"])
        // Qwen2.5-7B-Instruct is a fine-tune of Qwen2.5-7B: one hop further up.
        let base = try #require(rows.first { $0["id"] as? String == "Qwen/Qwen2.5-7B" })
        #expect(base["depth"] as? Int == 2 && base["path"] as? [String] == ["Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B-Instruct", "SupportBot"])
        #expect(ancestors.stdout.contains("\"isRoot\" : true"))

        let ask = try cli.run(["ask", "what does SupportBot descend from"])
        #expect(ask.status == 0, "\(ask.stderr)")
        #expect(ask.stdout.contains("project SupportBot") && ask.stdout.contains("Qwen/Qwen2.5-7B"))

        let derived = try cli.run(["ask", "which models derive from SupportBot", "--format", "json"])
        #expect(derived.status == 0, "\(derived.stderr)")
        #expect((try json(derived.stdout)["target"] as? String)?.hasPrefix("project SupportBot, the 3 models it uses") == true)
        // The project does not derive from itself.
        let projects = try cli.run(["ask", "which projects derive from SupportBot", "--format", "json"])
        #expect(projects.status == 0, "\(projects.stderr)")
        let listed = try #require(try json(projects.stdout)["entities"] as? [[String: Any]])
        #expect(!listed.contains { $0["entity"] as? String == "SupportBot" })

        let map = try cli.run(["render", "SupportBot", "-o", "-", "--format", "dot"])
        #expect(map.status == 0, "\(map.stderr)")
        #expect(map.stdout.contains("project SupportBot") && map.stdout.contains("Qwen2.5-7B-Instruct"))
    }

    @Test func aRegisteredSupplierGivesTheProjectItsCountry() throws {
        #expect(try cli.run(["ingest", bom("AcmeApp", supplier: "acme-ai")]).status == 0)
        let before = try json(try cli.run(["ask", "which of my projects derive from Qwen", "--format", "json"]).stdout)
        let unknown = try #require((before["entities"] as? [[String: Any]])?.first { $0["entity"] as? String == "AcmeApp" })
        #expect(unknown["country"] == nil)

        #expect(try cli.run(["registry", "add", "acme-ai", "--country", "US", "--kind", "startup"]).status == 0)
        let after = try json(try cli.run(["ask", "which U.S. projects derive from Qwen", "--format", "json"]).stdout)
        let known = try #require((after["entities"] as? [[String: Any]])?.first { $0["entity"] as? String == "AcmeApp" })
        #expect(known["country"] as? String == "US" && known["countrySource"] as? String == "user")
        let downstream = try cli.run(["downstream", "qwen", "--type", "project", "--country", "US"])
        #expect(downstream.stdout.contains("AcmeApp"))
    }

    @Test func aSupplierIsRegisteredByItsCompanyName() throws {
        #expect(try cli.run(["ingest", bom("AcmeApp", supplier: "Acme AI Inc.")]).status == 0)
        let refused = try cli.run(["registry", "add", "Nobody Else Inc.", "--country", "US", "--kind", "startup"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("use `lineage registry add --supplier \"Nobody Else Inc.\" …`"))
        #expect(refused.stderr.contains("suppliers of this store's projects: Acme AI Inc."))

        let added = try cli.run(["registry", "add", "--supplier", "Acme AI Inc.", "--country", "US", "--kind", "startup"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("supplier Acme AI Inc. → country US, kind startup"))
        let lockin = try cli.run(["lockin", "--project", "AcmeApp"])
        #expect(lockin.stdout.contains("Owner: Acme AI Inc. (US"), "\(lockin.stdout)")
        let answer = try json(try cli.run(["ask", "which U.S. projects derive from Qwen", "--format", "json"]).stdout)
        #expect((answer["entities"] as? [[String: Any]])?.contains { $0["entity"] as? String == "AcmeApp" } == true)

        // The same name typed where a namespace goes is accepted, since a project names it as supplier.
        let typed = try cli.run(["registry", "add", "acme ai inc.", "--country", "CA", "--kind", "startup"])
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(try cli.run(["registry", "show", "Acme AI Inc."]).stdout.contains("Country    CA"))
    }

    @Test func theShareOfMyProjectsCountsImportedProjectsOnly() throws {
        #expect(try cli.run(["ingest", RegistryCommandTests.exampleBOM]).status == 0)
        let llamaOnly = home.write("llama-only.cdx.json", """
            {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"application","name":"LlamaOnly",
             "supplier":{"name":"unsloth"}}},
             "components":[{"type":"machine-learning-model","purl":"pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct@main"}]}
            """)
        #expect(try cli.run(["ingest", llamaOnly]).status == 0)
        let question = "what share of my projects depend on Chinese-origin models"
        let answer = try json(try cli.run(["ask", question, "--format", "json"]).stdout)
        // SupportBot uses a Qwen model, LlamaOnly does not: 1 of the 2 imported projects.
        #expect(answer["value"] as? Double == 0.5)
        #expect((answer["notes"] as? [String])?.contains("Of 2 imported projects that derive from any model, 1 derive from the target.") == true)
        let table = try cli.run(["ask", question])
        #expect(table.stdout.contains("Answer: 50.0% of them"), "\(table.stdout)")
    }
}
