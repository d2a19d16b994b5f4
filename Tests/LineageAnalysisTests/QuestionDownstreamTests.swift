import LineageKit
import LineageTestSupport
import Testing

/// One question per downstream kind on `DownstreamFixture`, with answers read off its diagram by hand.
@Suite("Questions about organizations, papers, Spaces and projects")
struct QuestionDownstreamTests {
    let directory = TemporaryDirectory()

    func ask(_ question: String) throws -> [String] {
        let index = try DownstreamFixture.index(in: directory)
        let answerer = QuestionAnswerer(queries: index.queries, registry: index.registry, store: "fixture")
        return try answerer.answer(question, query: try QuestionParser().parse(question)).entities.map(\.entity).sorted()
    }

    @Test func organizations() throws {
        // acme (US) derives from Qwen; unilab is CN and solo unknown.
        #expect(try ask("which U.S. organizations derive from Qwen") == ["acme"])
        #expect(try ask("which French startups build on Llama") == ["eurostart"])
    }

    @Test func papers() throws {
        // 2501.00001 (acme/qwen-chat) and 2501.00002 (unilab/qwen-math); 2412.15115 is Qwen's own paper.
        #expect(try ask("which papers derive from Qwen") == ["2501.00001", "2501.00002"])
    }

    @Test func spaces() throws {
        // acme/chat-demo uses acme/qwen-chat; solo/mix uses solo/merge (a Qwen × Llama merge).
        #expect(try ask("which spaces derive from Qwen") == ["acme/chat-demo", "solo/mix"])
        #expect(try ask("which spaces use Llama") == ["eurostart/demo", "solo/mix"])
    }

    @Test func projects() throws {
        // SupportBot uses acme/qwen-chat (Qwen is Chinese-origin); EuroApp only a Llama fine-tune.
        #expect(try ask("which of my projects depend on Chinese-origin models") == ["SupportBot"])
    }
}
