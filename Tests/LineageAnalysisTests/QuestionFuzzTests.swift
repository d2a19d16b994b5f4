import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// The question parser's fuzz target: `FuzzMutator.iterations` mutations (bytes and whole words) of the
/// shipped saved questions and the README's examples. Every question either compiles, and is then
/// answered on `QueryFixture` without a crash, or fails with a `QuestionError` whose message holds no
/// control character, stays short, and, for a word it does not understand, offers the closest known
/// term or the nearest expected ones.
@Suite("Fuzz: questions")
struct QuestionFuzzTests {
    let directory = TemporaryDirectory()

    static let queriesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("queries")

    /// The saved questions of queries/*.query plus the grammar's examples.
    static var seeds: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: queriesDirectory.path)) ?? []
        let saved = files.filter { $0.hasSuffix(".query") }.sorted().compactMap { name -> String? in
            let text = (try? String(contentsOf: queriesDirectory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").first { $0.hasPrefix("question:") }.map { String($0.dropFirst(9)).trimmingCharacters(in: .whitespaces) }
        }
        return saved + [
            "which U.S. projects derive from Qwen", "how many Chinese startups fine-tune Llama since 2024-06",
            "what share of U.S. organizations depend on Chinese-origin families", "what does org/B descend from",
            "which papers derive from DeepSeek at depth <= 2 via finetune or merge with more than 1,000 downloads top 5",
            "who is most locked into Qwen", "rank families by downloads", "how deep do Qwen merge chains go",
            "which universities quantize Qwen/Base within 3 generations",
        ]
    }

    static let words = [
        "which", "what", "how", "many", "deep", "share", "of", "who", "is", "most", "locked", "into", "rank", "families",
        "by", "reach", "downloads", "projects", "organizations", "startups", "companies", "universities", "papers",
        "spaces", "models", "my", "derive", "from", "depend", "on", "build", "use", "fine-tune", "quantize", "merge",
        "at", "depth", "<=", "<", "since", "2024-06", "via", "finetune", "adapter", "quantized", "with", "more", "than",
        "top", "within", "generations", "U.S.", "US", "China", "Chinese", "EU", "European", "Chinese-origin", "origin",
        "Qwen", "Llama", "DeepSeek", "org/A", "Qwen/Base", "cyc/Q", "1k", "1e309", "-5", "99999999999999999999",
        "?", ",", "\"", " ", "  ", "\t",
    ]

    @Test func questions() throws {
        let answerer = QuestionAnswerer(queries: try QueryFixture.queries(in: directory), registry: QuestionAnswererTests.registry, store: "fixture")
        let seeds = Self.seeds.map { Array($0.utf8) }
        #expect(seeds.count >= 15)
        var compiled = 0, answered = 0, unknownWords = 0, offered = 0, closeSuggestions = 0, slowest = 0.0, answerSeconds = 0.0
        let tokens = FuzzMutator.tokens(Self.words.map { " " + $0 + " " })
        let start = Date()
        for iteration in 0..<FuzzMutator.iterations {
            var mutator = FuzzMutator(seed: FuzzMutator.seed, iteration: iteration, tokens: tokens)
            let input: [UInt8]
            if iteration % 10 == 0 {
                input = seeds[iteration / 10 % seeds.count]
            } else if mutator.below(2) == 0 {
                input = Self.wordMutation(&mutator, seeds)
            } else {
                input = mutator.mutate(seeds, maxSize: 4_096)
            }
            FuzzMutator.dump(input)
            let question = String(decoding: input, as: UTF8.self)
            let before = Date()
            var parsed: LineageQuery?
            var refusal: QuestionError?
            do { parsed = try QuestionParser().parse(question) } catch { refusal = error }
            if let query = parsed {
                compiled += 1
                let answerStart = Date()
                defer { answerSeconds += Date().timeIntervalSince(answerStart) }
                do {
                    _ = try answerer.answer(question, query: query, limit: 20)
                    answered += 1
                } catch {
                    let message = "\(error)"
                    if MessageText.firstControl(in: message) != nil { Issue.record("\(MessageText.quote(message, limit: 300))") }
                }
            }
            if let error = refusal {
                let message = error.message
                if MessageText.firstControl(in: message) != nil || message.utf8.count > 600
                    || MessageText.firstControl(in: error.description.replacingOccurrences(of: "\n", with: " ")) != nil {
                    Issue.record("unsafe message (\(message.utf8.count) bytes) \(MessageText.quote(message, limit: 300))")
                }
                if message.hasPrefix("I don't understand") {
                    unknownWords += 1
                    if error.suggestion != nil { closeSuggestions += 1 }
                    if error.suggestion != nil || message.contains(" Expected \"") { offered += 1 }
                }
            }
            slowest = max(slowest, Date().timeIntervalSince(before))
        }
        print("fuzz questions: \(FuzzMutator.iterations) inputs (seed \(FuzzMutator.seed)) in "
              + "\(String(format: "%.1f", Date().timeIntervalSince(start))) s; \(compiled) compiled, \(answered) answered (\(String(format: "%.1f", answerSeconds)) s); "
              + "\(unknownWords) unknown-word errors, \(closeSuggestions) with a close suggestion, \(offered) offering a term; "
              + "slowest \(String(format: "%.1f", slowest * 1000)) ms")
        #expect(compiled > 0 && unknownWords > 0)
        #expect(offered == unknownWords, "every unknown-word error offers a term")
        #expect(slowest < 5)
    }

    /// A question with one word misspelt (one edit), dropped, doubled or replaced by a grammar word.
    static func wordMutation(_ mutator: inout FuzzMutator, _ seeds: [[UInt8]]) -> [UInt8] {
        var words = String(decoding: seeds[mutator.below(seeds.count)], as: UTF8.self).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        let i = mutator.below(words.count)
        switch mutator.below(5) {
        case 0: words.remove(at: i)
        case 1: words.insert(words[i], at: i)
        case 2: words[i] = Self.words[mutator.below(Self.words.count)]
        default:
            var letters = Array(words[i])
            let j = mutator.below(letters.count + 1)
            switch mutator.below(3) {
            case 0 where j < letters.count: letters.remove(at: j)
            case 1 where j + 1 < letters.count: letters.swapAt(j, j + 1)
            default: letters.insert(Character(Unicode.Scalar(UInt8(97 + mutator.below(26)))), at: j)
            }
            words[i] = String(letters)
        }
        return Array(words.joined(separator: " ").utf8)
    }
}
