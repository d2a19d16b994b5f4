import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// `lineage claims` on the ten-model fixture of `QueryFixture` (every model created 2024-01-01), with
/// the registry of the question tests (Qwen CN, meta-llama US, org a U.S. startup, lab a Chinese university).
@Suite("Claims")
struct ClaimsTests {
    let directory = TemporaryDirectory()

    static let registry = OrganizationRegistry(layers: [[
        Organization(namespace: "org", country: "US", kind: .startup, source: "test"),
        Organization(namespace: "lab", country: "CN", kind: .academic, source: "test"),
        Organization(namespace: "meta-llama", country: "US", kind: .bigTech, source: "test"),
        Organization(namespace: "Qwen", country: "CN", kind: .bigTech, source: "test"),
    ]])

    func evaluator(wholeHubMinimum: Int = 1) throws -> ClaimEvaluator {
        let answerer = QuestionAnswerer(
            queries: try QueryFixture.queries(in: directory), registry: Self.registry, store: "fixture")
        var evaluator = ClaimEvaluator(answerer: answerer)
        evaluator.wholeHubMinimum = wholeHubMinimum
        return evaluator
    }

    static let claims = """
        # a comment
        claim: 1
        text: Qwen has many derivatives
        source: https://example.org/a
        date: 2024-01
        measure: all = how many models derive from Qwen
        measure: children = how many models derive from Qwen at depth <= 1
        definition: direct children
        measure: us = what share of U.S. organizations derive from Qwen
        measure: tagged = metric tagged qwen
        measure: recent = window 2024-01: how many models derive from Qwen
        measure: new = metric new-derivatives 2024-01
        measure: part = share recent of new
        check: all >= 7 and children > 100
        check: all > 100
        """

    @Test func questionMeasuresEqualWhatAskAnswers() throws {
        let file = try ClaimsFile.parse(Self.claims, path: "c.txt")
        let evaluator = try evaluator()
        let result = evaluator.evaluate(file.claims[0])
        for measure in file.claims[0].measures {
            guard case .question(let question) = measure.source else { continue }
            let answer = try evaluator.answerer.answer(question, query: try QuestionParser().parse(question))
            let value = try #require(result.measures.first { $0.name == measure.name }?.value)
            #expect(value == answer.value ?? Double(answer.total), "\(measure.name)")
        }
        let values = Dictionary(uniqueKeysWithValues: result.measures.map { ($0.name, $0.value) })
        // By hand from the fixture's diagram: 7 descendants outside Qwen; org/A and lab/Adapter are direct children.
        #expect(values["all"] == 7)
        #expect(values["children"] == 2)
        #expect(values["tagged"] == 2)
        #expect(values["recent"] == 7)
        // Every model with a parent: Qwen-Base-Instruct, org/A, org/B, org/A-GGUF, lab/Adapter, org/Merge, cyc/Q, cyc/P.
        #expect(values["new"] == 8)
        let part = try #require(result.measures.first { $0.name == "part" })
        #expect(part.value == 7.0 / 8.0)
        #expect(part.interval == WilsonInterval(successes: 7, trials: 8))
        // The fixture's models are all from 2024-01-01: the window 2024-01 is not over on this store.
        #expect(part.notMeasurable?.contains("before the window in 2024-01 ends") == true)
        // One reading fails (children 2 > 100 is false), the other too: not supported.
        #expect(result.checks.map(\.verdict) == [.notSupported, .notSupported])
        #expect(result.verdict == .notSupported)
        #expect(result.asOf == "2024-01-01")
        #expect(result.coverage.first?.hasPrefix("Coverage: ") == true)
    }

    @Test func aStoreTooSmallOrTooOldCannotMeasure() throws {
        let file = try ClaimsFile.parse(Self.claims.replacingOccurrences(of: "date: 2024-01", with: "date: 2026-02"), path: "c.txt")
        let old = try evaluator().evaluate(file.claims[0])
        #expect(old.verdict == .notMeasurable)
        #expect(old.why.contains("too old: the store's newest model was created on 2024-01-01"))
        let small = try evaluator(wholeHubMinimum: 100_000).evaluate(try ClaimsFile.parse(Self.claims, path: "c.txt").claims[0])
        #expect(small.verdict == .notMeasurable)
        #expect(small.why.contains("too small a sample: the store holds 10 models"))
        // The values are still shown.
        #expect(small.measures.first { $0.name == "all" }?.value == 7)
    }

    @Test func downloadSharesOfAllModelsByOriginAndByAuthor() throws {
        let text = """
            claim: 4
            text: t
            source: s
            date: 2024-01
            measure: cn = metric download-share family-origin CN
            measure: us = metric download-share family-origin US
            measure: none = metric download-share family-origin unattributed
            measure: cn_author = metric download-share author-country CN
            measure: none_author = metric download-share author-country unattributed
            check: cn ≈ 45% ± 1%
            """
        let result = try evaluator().evaluate(try ClaimsFile.parse(text, path: "c.txt").claims[0])
        let values = Dictionary(uniqueKeysWithValues: result.measures.map { ($0.name, $0.value ?? -1) })
        // 3,675 downloads in all. Qwen's family (CN) holds every model but meta-llama/Llama (2,000, US);
        // org/Merge (7) is in both and is split: CN 1,671.5, US 2,003.5.
        #expect(abs(values["cn"]! - 1671.5 / 3675) < 1e-12)
        #expect(abs(values["us"]! - 2003.5 / 3675) < 1e-12)
        #expect(values["none"] == 0)
        // Authors: Qwen (1,500) and lab (5) are CN; org (167) and meta-llama (2,000) US; cyc (3) unknown.
        #expect(abs(values["cn_author"]! - 1505.0 / 3675) < 1e-12)
        #expect(abs(values["none_author"]! - 3.0 / 3675) < 1e-12)
        #expect(result.verdict == .supported)
    }

    @Test func malformedFilesAreRefusedWithFileAndLine() throws {
        let head = "claim: 1\ntext: t\nsource: s\ndate: 2024-01\n"
        let cases: [(String, String)] = [
            (head + "colour: red\n", "bad.txt:5: unknown key"),
            (head + "measure: a = how many modles derive from Qwen\n", "bad.txt:5: the question"),
            (head + "measure: a = how many models derive from Qwen\ncheck: b > 1\n", "bad.txt:6: unknown measure"),
            (head + "measure: a = how many models derive from Qwen\ncheck: a >\n", "bad.txt:6:"),
            (head + "measure: a = how many models derive from Qwen\ncheck: a + 1\n", "bad.txt:6: a check must compare"),
            (head + "measure: a = metric nonsense\n", "bad.txt:5: unknown metric"),
            (head + "measure: a = window 2024-13: how many models derive from Qwen\n", "bad.txt:5:"),
            (head + "measure: a = window 2024-01: which startups derive from Qwen\n", "bad.txt:5: a window counts models"),
            ("claim: 1\ntext: t\nsource: s\ndate: soon\n", "bad.txt:4: date must be a month"),
            (head + "measure: a = how many models derive from Qwen\n", "bad.txt:1: claim 1 has no `check:`"),
            ("text: t\n", "bad.txt:1: \"text\" before the first `claim:` line"),
            (head + "measure: a = how many models derive from Qwen\ncheck: a > 1\nclaim: 1\n", "bad.txt:7: claim 1 is given twice"),
        ]
        for (text, expected) in cases {
            #expect(throws: LineageError.self, "\(expected)") { try ClaimsFile.parse(text, path: "bad.txt") }
            do {
                _ = try ClaimsFile.parse(text, path: "bad.txt")
            } catch {
                #expect(error.message.hasPrefix(expected), "\(error.message)")
            }
        }
    }

    @Test func theShippedClaimsParseAndHaveSourcesAndReadings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try ClaimsFile.load(path: root.appendingPathComponent("queries/claims.txt").path)
        #expect(file.claims.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        for claim in file.claims {
            #expect(claim.source.contains("https://"), "claim \(claim.number)")
            #expect(!claim.checks.isEmpty)
        }
        // Claim 1 shows its four definitions side by side.
        #expect(file.claims[0].checks.count >= 4)
        #expect(file.claims.allSatisfy { $0.checks.count >= 2 })
    }

    @Test func expressionsReadNumbersUnitsAndThreeValuedLogic() throws {
        #expect(try ClaimExpression.parse("a >= 200,000") == .compare(.atLeast, .measure("a"), .number(200_000, isShare: false), tolerance: nil))
        #expect(try ClaimExpression.parse("a ≥ 700M") == .compare(.atLeast, .measure("a"), .number(700_000_000, isShare: false), tolerance: nil))
        #expect(try ClaimExpression.parse("s ≈ 41% ± 2%") == .compare(.about, .measure("s"), .number(0.41, isShare: true), tolerance: 0.02))
        #expect(try ClaimExpression.parse("a > b + c").measures == ["a", "b", "c"])
        #expect(throws: LineageError.self) { try ClaimExpression.parse("a > (b") }
        let interval = WilsonInterval(successes: 8, trials: 10)
        #expect(abs(interval.lower - 0.4902) < 1e-4 && abs(interval.upper - 0.9433) < 1e-4)
    }
}
