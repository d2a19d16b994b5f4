import Foundation
import LineageTestSupport
import Testing

/// Output a new user would misread (issue 12): grouped numbers in CSV, a share's CSV without the share,
/// a ranking labelled by another measure, template papers, saved queries only found in the checkout.
@Suite("Output a new user can trust")
struct OutputTrapsTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    /// Parses simple CSV (no quoted commas in the columns read) into header-keyed rows.
    func records(_ text: String, separator: Character = ",") -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
    }

    @Test func machineFormatsCarryRawNumbersAndTheTableKeepsSeparators() throws {
        let question = "which U.S. projects derive from Qwen"
        let answer = try json(try cli.run(["ask", question, "--format", "json"]).stdout)
        let downloads = try #require(answer["entities"] as? [[String: Any]]).map { $0["downloads"] as? Int }
        #expect(downloads.contains { ($0 ?? 0) >= 1000 })
        for (format, separator) in [("csv", Character(",")), ("tsv", Character("\t"))] {
            let out = try cli.run(["ask", question, "--format", format])
            #expect(out.status == 0, "\(out.stderr)")
            let rows = records(out.stdout, separator: separator)
            #expect(rows.map { Int($0["downloads"] ?? "") } == downloads, "\(format): \(out.stdout.prefix(400))")
            #expect(rows.allSatisfy { Int($0["models"] ?? "") != nil })
        }
        #expect(try cli.run(["ask", question]).stdout.contains("154,903"))

        let descendants = try cli.run(["descendants", "qwen", "--sort", "downloads", "--limit", "3", "--format", "csv"])
        #expect(records(descendants.stdout).allSatisfy { Int($0["downloads"] ?? "") != nil }, "\(descendants.stdout)")
        let lockin = try cli.run(["lockin", "--group", "unsloth,mlx-community", "--family", "qwen", "--format", "csv"])
        let shares = records(lockin.stdout).compactMap { $0["model share"] }
        #expect(!shares.isEmpty && shares.allSatisfy { Double($0).map { (0...1).contains($0) } == true }, "\(lockin.stdout)")
    }

    @Test func theCSVOfAShareOrCountCarriesTheAnswer() throws {
        let question = "what share of US models derive from Chinese-origin families"
        let answer = try json(try cli.run(["ask", question, "--format", "json"]).stdout)
        let value = try #require(answer["value"] as? Double)
        let csv = try cli.run(["ask", question, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("answer,download share,entity,"), "\(csv.stdout.prefix(200))")
        let rows = records(csv.stdout)
        let downloadShare = try #require(answer["downloadShare"] as? Double)
        let close = { (cell: String?, expected: Double) in Double(cell ?? "").map { abs($0 - expected) < 1e-12 } == true }
        #expect(!rows.isEmpty && rows.allSatisfy { close($0["answer"], value) && close($0["download share"], downloadShare) }, "\(csv.stdout.prefix(300))")

        // An answer with no entity to list still has its row.
        let none = try cli.run(["ask", "how many spaces quantize Qwen", "--format", "csv"])
        #expect(none.status == 0)
        #expect(none.stdout.split(separator: "\n").map(String.init).dropFirst().first?.hasPrefix("0,") == true, "\(none.stdout)")
    }

    @Test func rankingByReachRanksByDescendantsAndShowsFamilyOrigins() throws {
        let answer = try json(try cli.run(["ask", "rank families by reach", "--format", "json", "--limit", "0"]).stdout)
        let rows = try #require(answer["entities"] as? [[String: Any]])
        #expect((answer["notes"] as? [String])?.first?.hasPrefix("Ranked by descendants") == true)
        let country = { (label: String) in rows.first { $0["entity"] as? String == label }?["country"] as? String }
        #expect(country("Qwen") == "CN" && country("Llama") == "US" && country("DeepSeek") == "CN")
        // The reference: `lineage reach --by family` gives every family's descendants and kind; language-model
        // families (llm, multimodal) come first, each part by descendants, ties by id.
        let reach = try json(try cli.run(["reach", "--by", "family", "--top", "0", "--format", "json"]).stdout)
        let entries = try #require(reach["entries"] as? [[String: Any]])
        let isLanguageModel = { (e: [String: Any]) in ["llm", "multimodal", nil].contains(e["kind"] as? String) }
        let ranked = { (part: [[String: Any]]) in
            part.sorted { a, b in
                let da = a["descendants"] as? Int ?? 0, db = b["descendants"] as? Int ?? 0
                return da != db ? da > db : (a["key"] as? String ?? "") < (b["key"] as? String ?? "")
            }
        }
        let expected = ranked(entries.filter(isLanguageModel)) + ranked(entries.filter { !isLanguageModel($0) })
        #expect(rows.compactMap { $0["models"] as? Int } == expected.compactMap { $0["descendants"] as? Int })
        #expect(rows.compactMap { $0["entity"] as? String } == expected.compactMap { ($0["label"] ?? $0["key"]) as? String })
    }

    @Test func templatePapersAreLeftOutUnlessAsked() throws {
        let question = "which papers derive from Llama"
        let answer = try json(try cli.run(["ask", question, "--format", "json", "--limit", "0"]).stdout)
        let ids = try #require(answer["entities"] as? [[String: Any]]).compactMap { $0["entity"] as? String }
        #expect(!ids.isEmpty && !ids.contains("1910.09700"))
        #expect((answer["notes"] as? [String])?.contains { $0.hasPrefix("Left out 1 paper that model-card templates cite") } == true)
        let all = try json(try cli.run(["ask", question, "--format", "json", "--limit", "0", "--all-papers"]).stdout)
        let allIDs = try #require(all["entities"] as? [[String: Any]]).compactMap { $0["entity"] as? String }
        #expect(Set(allIDs) == Set(ids + ["1910.09700"]))

        let downstream = try cli.run(["downstream", "llama", "--type", "paper", "--limit", "0"])
        #expect(!downstream.stdout.contains("1910.09700 ") && downstream.stdout.contains("Left out 1 paper"))
        #expect(try cli.run(["downstream", "llama", "--type", "paper", "--limit", "0", "--all-papers"]).stdout.contains("1910.09700"))
    }

    @Test func savedQueriesWorkOutsideTheCheckout() throws {
        var elsewhere = cli
        elsewhere.currentDirectory = home.path
        let list = try elsewhere.run(["queries"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("us-projects-from-qwen.query") && list.stdout.contains("bundled"))
        let ran = try elsewhere.run(["ask", "us-projects-from-qwen.query"])
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(ran.stdout.hasPrefix("Which U.S. projects derive from Qwen"))
        #expect(try elsewhere.run(["ask", "queries/us-projects-from-qwen.query"]).stderr.contains("running the saved query from the saved queries bundled with Lineage"))
        #expect(try elsewhere.run(["render", "us-projects-from-qwen.query", "-o", "-", "--format", "dot"]).status == 0)

        // ./queries comes first and shadows a bundled file of the same name.
        try FileManager.default.createDirectory(atPath: home.file("queries"), withIntermediateDirectories: true)
        home.write("queries/us-projects-from-qwen.query", "description: mine\nquestion: which U.S. startups derive from Qwen\n")
        let mine = try elsewhere.run(["queries"])
        let line = mine.stdout.split(separator: "\n").first { $0.contains("us-projects-from-qwen.query") }.map(String.init) ?? ""
        #expect(line.contains("./queries") && line.contains("mine"), "\(mine.stdout)")
        #expect(try elsewhere.run(["ask", "us-projects-from-qwen.query"]).stdout.hasPrefix("Which U.S. startups"))
        #expect(try elsewhere.run(["ask", "nope.query"]).stderr.contains("no such saved query"))
    }

    @Test func theBundledQueriesAreTheCheckoutsQueries() throws {
        let root = CLITests.repositoryRoot
        let source = root.appendingPathComponent("queries").path
        let shipped = root.appendingPathComponent("Sources/LineageAnalysis/Resources/queries").path
        let names = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".query") }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: shipped).sorted() == names,
                "copy them: cp queries/*.query Sources/LineageAnalysis/Resources/queries/")
        for name in names {
            #expect(FileManager.default.contents(atPath: source + "/" + name) == FileManager.default.contents(atPath: shipped + "/" + name),
                    "\(name) differs from its shipped copy: cp queries/*.query Sources/LineageAnalysis/Resources/queries/")
        }
    }
}
