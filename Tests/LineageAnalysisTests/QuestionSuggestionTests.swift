import LineageKit
import Testing

/// Every word a question cannot use is quoted (escaped, short) with the closest known term, or the nearest
/// expected ones when none is close (issue 12: only a quarter of these errors offered a term).
@Suite("Question errors offer a term")
struct QuestionSuggestionTests {
    func error(_ question: String) -> QuestionError? {
        do {
            _ = try QuestionParser().parse(question)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMisspeltCountryIsSuggested() {
        let e = error("which Chinse startups derive from Qwen")
        #expect(e?.word == "Chinse")
        #expect(e?.suggestion == "chinese")
    }

    @Test func theBrokenSecondWordOfAVerbIsTheOneQuoted() {
        let e = error("which U.S. projects derive frm Qwen")
        #expect(e?.message == #"I don't understand "frm" after "derive"."#)
        #expect(e?.suggestion == "from")
    }

    @Test func aWordBeginningATermFindsIt() {
        #expect(error("which U.S. universit derive from Qwen")?.suggestion == "universities")
    }

    @Test func aWordFarFromEveryTermListsTheNearestExpectedOnes() {
        let e = error("which U.S. projects derive from Qwen banana")
        #expect(e?.suggestion == nil)
        #expect(e?.message.hasPrefix(#"I don't understand "banana" after the target "Qwen". Expected ""#) == true, "\(String(describing: e?.message))")
    }

    @Test func controlCharactersAndHugeWordsAreQuotedSafely() {
        let e = error("which \u{1B}]0;owned\u{07}\u{1B}[2J projects derive from Qwen")
        #expect(e?.message.contains(#""\u{1B}]0;owned\u{7}\u{1B}[2J""#) == true, "\(String(describing: e?.message))")
        let huge = error("which " + String(repeating: "q", count: 100_000) + " derive from Qwen")
        #expect((huge?.message.utf8.count ?? .max) < 400)
        #expect(huge?.message.contains("(100,000 bytes)") == true)
    }
}
