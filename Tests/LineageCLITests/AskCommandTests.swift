import Foundation
import LineageTestSupport
import Testing

/// `lineage ask` and `lineage queries`, run as a user would, on the bundled default snapshot.
@Suite("lineage ask")
struct AskCommandTests {
    let home = TemporaryDirectory()
    var cli: CLIRunner { CLIRunner(home: home.path) }
    static let queries = CLITests.repositoryRoot.appendingPathComponent("queries").path

    @Test func theMissionQuestionAnswersWithCoverage() throws {
        let result = try cli.run(["ask", "which U.S. projects derive from Qwen"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Which U.S. projects derive from Qwen — family qwen (Qwen)"))
        #expect(result.stdout.contains("Coverage: "))

        let json = try cli.run(["ask", "which U.S. projects derive from Qwen?", "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let entities = object["entities"] as! [[String: Any]]
        #expect(!entities.isEmpty)
        for entity in entities {
            #expect(entity["country"] as? String == "US")
            let path = entity["path"] as! [String]
            #expect(path.first?.hasPrefix("Qwen/") == true)
            #expect(path.count == (entity["depth"] as! Int) + 1)
        }
    }

    @Test func unknownWordsFailWithASuggestionAndTheGrammar() throws {
        let result = try cli.run(["ask", "which U.S. projcts derive from Qwen"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\"projcts\""))
        #expect(result.stderr.contains("Did you mean \"projects\"?"))
        #expect(result.stderr.contains("which|what [COUNTRY] SUBJECT VERB TARGET"))
    }

    @Test func explainQueryShowsHowTheWordsWereUnderstood() throws {
        let result = try cli.run(["ask", "how many papers derive from DeepSeek since 2024-01", "--explain-query"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"intent\" : \"count\""))
        #expect(result.stdout.contains("\"sinceText\" : \"2024-01\""))
        #expect(result.stdout.contains("Answer: "))
    }

    @Test func everyShippedQueryRuns() throws {
        let list = try cli.run(["queries", "--directory", Self.queries])
        #expect(list.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.queries).filter { $0.hasSuffix(".query") }.sorted()
        #expect(files.count >= 8)
        for file in files {
            #expect(list.stdout.contains(file))
            let result = try cli.run(["ask", Self.queries + "/" + file])
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(file)")
        }
    }

    @Test func emptyAnswersExitZeroAndSaySo() throws {
        let result = try cli.run(["ask", "which spaces quantize Qwen"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No matching entities."))
    }
}
