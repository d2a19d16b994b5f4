import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage ask` answers on the ten-model fixture of `QueryFixture`, with answers worked out by hand:
///
///     Qwen/Qwen-Base ─ft→ Qwen/Qwen-Base-Instruct ─ft→ org/A ─ft→ org/B ─merge→ org/Merge ←merge─ meta-llama/Llama
///         └─adapter→ lab/Adapter            ├─quantized→ org/A-GGUF
///                                           └─ft→ cyc/Q ⇄ cyc/P
///
/// Registry: org = U.S. startup, lab = Chinese university, meta-llama = U.S. big tech, Qwen = Chinese
/// big tech, cyc = unknown. Qwen's roots are its two models; BFS depths below them: org/A 1, lab/Adapter 1,
/// org/B 2, org/A-GGUF 2, cyc/Q 2, org/Merge 3, cyc/P 3.
@Suite("Answers to questions")
struct QuestionAnswererTests {
    let directory = TemporaryDirectory()

    static let registry = OrganizationRegistry(layers: [[
        Organization(namespace: "org", country: "US", kind: .startup, source: "test"),
        Organization(namespace: "lab", country: "CN", kind: .academic, source: "test"),
        Organization(namespace: "meta-llama", country: "US", kind: .bigTech, source: "test"),
        Organization(namespace: "Qwen", country: "CN", kind: .bigTech, source: "test"),
    ]])

    func ask(_ question: String) throws -> QuestionAnswer {
        let answerer = QuestionAnswerer(queries: try QueryFixture.queries(in: directory), registry: Self.registry, store: "fixture")
        return try answerer.answer(question, query: try QuestionParser().parse(question))
    }

    @Test func usProjectsFromQwen() throws {
        let answer = try ask("which U.S. projects derive from Qwen")
        #expect(answer.entities.map(\.entity) == ["org"])
        let org = try #require(answer.entities.first)
        #expect(org.kind == "startup")
        #expect(org.country == "US")
        #expect(org.models == 4)  // org/A, org/B, org/A-GGUF, org/Merge
        #expect(org.downloads == 167)  // 100 + 10 + 50 + 7
        #expect(org.depth == 1)
        #expect(org.path == ["Qwen/Qwen-Base-Instruct", "org/A"])
        #expect((0...100).contains(org.switchingCost ?? -1))
        // Coverage: org, lab and cyc derive from Qwen; cyc is unknown. Downloads 167 + 5 of 175.
        #expect(answer.coverage == QuestionAnswer.Coverage(entities: 3, attributed: 2, downloads: 175, attributedDownloads: 172))
    }

    @Test func countsCountriesAndKinds() throws {
        #expect(try ask("how many startups derive from Qwen").value == 1)
        #expect(try ask("which CN organizations derive from Qwen").entities.map(\.entity) == ["lab"])
        #expect(try ask("which universities build on Qwen").entities.map(\.entity) == ["lab"])
        // Both have one model at depth 1; org has more downloads (100 vs 5).
        #expect(try ask("which organizations derive from Qwen at depth <= 1").entities.map(\.entity) == ["org", "lab"])
        #expect(try ask("which organizations derive from Qwen with more than 100 downloads").entities.map(\.entity) == ["org"])
        let models = try ask("which models derive from Qwen top 2")
        #expect(models.total == 7)
        #expect(models.entities.count == 2)
    }

    @Test func emptyAnswersSaySo() throws {
        let answer = try ask("which models quantize Qwen")
        #expect(answer.entities.isEmpty)
        #expect(try answer.render(.table).contains("No matching entities."))
    }

    @Test func shareOfUSModelsOnChineseFamilies() throws {
        // U.S. derivative models: org/A, org/B, org/A-GGUF, org/Merge — all derive from Qwen (a CN family).
        let answer = try ask("what share of US models derive from Chinese-origin families")
        #expect(answer.value == 1.0)
        #expect(answer.downloadShare == 1.0)
    }

    @Test func depthOfFineTuneChains() throws {
        let answer = try ask("how deep do Qwen fine-tune chains go")
        #expect(answer.value == 3)
        #expect(answer.entities.map(\.entity).prefix(3) == ["cyc/P", "cyc/Q", "org/B"])
        let chain = try #require(answer.entities.first { $0.entity == "org/B" })
        #expect(chain.path == ["Qwen/Qwen-Base", "Qwen/Qwen-Base-Instruct", "org/A", "org/B"])
        // Inside the cycle the chain steps across it: P's parent Q shares its generation.
        #expect(answer.entities.first?.path == ["Qwen/Qwen-Base", "Qwen/Qwen-Base-Instruct", "org/A", "cyc/Q", "cyc/P"])
    }

    @Test func ancestryLockInRankingAndCrossFamilyMerges() throws {
        let ancestry = try ask("what does org/Merge descend from")
        #expect(Set(ancestry.entities.map(\.entity)) == ["org/B", "meta-llama/Llama", "org/A", "Qwen/Qwen-Base-Instruct", "Qwen/Qwen-Base"])

        let lockIn = try ask("who is most locked into Qwen")
        #expect(Set(lockIn.entities.map(\.entity)) == ["org", "lab", "cyc"])
        let costs = lockIn.entities.map { $0.switchingCost ?? -1 }
        #expect(costs == costs.sorted(by: >))

        let merges = try ask("which merges cross families")
        #expect(merges.entities.map(\.entity) == ["org/Merge"])
        #expect(merges.entities.first?.path == ["Llama", "Qwen"])

        let ranking = try ask("rank families by reach")
        #expect(ranking.entities.first?.entity == "Qwen")
    }

    @Test func unknownTargetsListCloseMatches() throws {
        #expect { try ask("which projects derive from Qwenn") } throws: { "\($0)".contains("Qwen") }
    }

    @Test func jsonShapeIsStable() throws {
        let json = try ask("which U.S. projects derive from Qwen").render(.json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(Set(object.keys) == ["question", "query", "target", "store", "total", "entities", "notes", "coverage"])
        let row = (object["entities"] as! [[String: Any]])[0]
        #expect(Set(row.keys) == ["entity", "kind", "country", "countrySource", "models", "path", "depth", "downloads", "switchingCost", "url"])
        let query = object["query"] as! [String: Any]
        #expect(query["intent"] as? String == "list")
        #expect(query["subject"] as? String == "projects")
    }

    @Test func savedQueriesParseAndReportBadLines() throws {
        let saved = try SavedQuery.parse("# c\ndescription: d\nquestion: which papers derive from DeepSeek\nformat: json\nlimit: 5\n", path: "x.query")
        #expect(saved.question == "which papers derive from DeepSeek")
        #expect(saved.format == .json && saved.limit == 5)
        #expect { try SavedQuery.parse("question: q\ncolour: red\n", path: "x.query") } throws: { "\($0)".contains("x.query:2: unknown key") }
        #expect { try SavedQuery.parse("description: only\n", path: "x.query") } throws: { "\($0)".contains("no `question:`") }
        // Every shipped query parses and compiles.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("queries").path
        let all = try SavedQuery.all(in: folder)
        #expect(all.count >= 8)
        for query in all { _ = try QuestionParser().parse(query.question) }
    }
}

/// Golden JSON: the whole answer to the mission question on the fixture, byte for byte.
/// Its numbers were checked by hand against the fixture's diagram (see `QuestionAnswererTests`); regenerate
/// with `LINEAGE_RECORD_GOLDENS=1 swift test --filter GoldenAnswer` only after checking a change by hand.
@Suite("Golden answers")
struct GoldenAnswerTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [
        ("which U.S. projects derive from Qwen", "ask-us-projects-from-qwen.json"),
        ("how deep do Qwen fine-tune chains go", "ask-how-deep-qwen-finetune.json"),
    ])
    func answerMatchesGolden(_ question: String, _ file: String) throws {
        let answerer = QuestionAnswerer(
            queries: try QueryFixture.queries(in: directory), registry: QuestionAnswererTests.registry, store: "fixture")
        let json = try answerer.answer(question, query: try QuestionParser().parse(question)).render(.json) + "\n"
        let problem = Golden.mismatch(json, name: "Answers/\(file)")
        #expect(problem == nil, "\(problem ?? "")")
    }
}
