import Testing
@testable import LineageGraph

@Suite("Message text and saturating counts")
struct MessageTextTests {
    @Test func quoteEscapesControlsAndCutsLongInput() {
        #expect(MessageText.quote("Qwen") == "\"Qwen\"")
        #expect(MessageText.quote("a\u{1B}]0;title\u{07}b\nc") == #""a\u{1B}]0;title\u{7}b\nc""#)
        let long = String(repeating: "x", count: 31_457_280)
        let quoted = MessageText.quote(long)
        #expect(quoted == "\"" + String(repeating: "x", count: 80) + "…\" (31,457,280 bytes)")
        // Exactly the limit is not cut.
        #expect(MessageText.quote(String(repeating: "y", count: 80)) == "\"" + String(repeating: "y", count: 80) + "\"")
        #expect(MessageText.quote("ab\u{202E}cd") == #""ab\u{202E}cd""#)
    }

    @Test func escapeControlsCanKeepLineBreaks() {
        #expect(MessageText.escapeControls("a\nb\u{9B}c", keepingNewlines: true) == "a\nb\\u{9B}c")
        #expect(MessageText.escapeControls("plain é text") == "plain é text")
        #expect(MessageText.firstControl(in: "org/model") == nil)
        #expect(MessageText.firstControl(in: "org/mödel\u{0}") == "\u{0}")
        #expect(MessageText.firstControl(in: "a/b\u{85}") == "\u{85}")
        #expect(MessageText.codePoint("\u{1B}") == "U+001B")
    }

    @Test func saturatingSums() {
        #expect(Int64.max.addingSaturating(1) == .max)
        #expect(Int64.min.addingSaturating(-1) == .min)
        #expect(Int64(40).addingSaturating(2) == 42)
        #expect(Int64.saturatingSum([.max, .max, 5]) == .max)
        var total: Int64 = .max - 1
        total.addSaturating(.max)
        #expect(total == .max)
    }

    /// Counts of Int64.max (from a store written before counts were checked) once trapped when summed.
    @Test func reachOfHugeDownloadsSaturates() {
        var c = NodeColumns(count: 3)
        c.downloads = [.max, .max, .max]
        c.downloadsAllTime = [.max, .max, .max]
        let g = LineageGraph(nodeCount: 3, children: [1, 2], parents: [0, 0], relations: [.finetune, .merge], columns: c)
        let m = g.reach(of: [0])
        #expect(m.downloads == .max)
        #expect(m.downloadsAllTime == .max)
    }
}
