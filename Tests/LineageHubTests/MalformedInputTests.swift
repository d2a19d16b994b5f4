import Foundation
import LineageGraph
@testable import LineageHub
import LineageTestSupport
import Testing

@Suite("Hub JSON: malformed input")
struct MalformedInputTests {
    /// Writes `text`, parses it and returns the error, checking that it names the file.
    private func error(of text: String, name: String = "bad.jsonl", skipInvalid: Bool = false) throws -> HubParseError {
        let path = try Scratch.write(text, name: name)
        defer { Scratch.remove(path) }
        let error = try #require(parseErrorOf { _ = try parseFile(path, skipInvalid: skipInvalid) })
        #expect(error.path == path)
        return error
    }

    private func error(ofBytes bytes: [UInt8], name: String = "bad.jsonl") throws -> HubParseError {
        let path = try Scratch.write(bytes, name: name)
        defer { Scratch.remove(path) }
        let error = try #require(parseErrorOf { _ = try parseFile(path) })
        #expect(error.path == path)
        return error
    }

    private let good = #"{"id": "org/good", "downloads": 1}"#

    @Test func missingID() throws {
        let e = try error(of: "\(good)\n{\"author\": \"x\", \"downloads\": 1}\n\(good)\n")
        #expect(e.line == 2)
        #expect(e.message.contains(#"missing "id""#))
        #expect(e.description == "\(e.path):2: \(e.message)")
    }

    @Test func emptyOrNullID() throws {
        #expect(try error(of: #"{"id": ""}"#).message.contains("missing"))
        #expect(try error(of: #"{"id": "   "}"#).message.contains("missing"))
        #expect(try error(of: #"{"id": null, "modelId": null}"#).message.contains("missing"))
        #expect(try error(of: #"{"id": 42}"#).message.contains(#""id" must be a string, found a number"#))
    }

    @Test func downloadsAsAString() throws {
        let e = try error(of: "\(good)\n\(good)\n{\"id\": \"org/x\", \"downloads\": \"1,234\"}\n")
        #expect(e.line == 3)
        #expect(e.message == #""downloads" must be a number, found a string"#)
    }

    @Test func wrongTypesName() throws {
        #expect(try error(of: #"{"id": "a/b", "likes": true}"#).message == #""likes" must be a number, found a boolean"#)
        #expect(try error(of: #"{"id": "a/b", "tags": "transformers"}"#).message.contains(#""tags" must be a list of strings"#))
        #expect(try error(of: #"{"id": "a/b", "tags": [1]}"#).message.contains(#""tags" must be a list of strings"#))
        #expect(try error(of: #"{"id": "a/b", "createdAt": "yesterday"}"#).message.contains(#""createdAt" is not a timestamp: "yesterday""#))
        #expect(try error(of: #"{"id": "a/b", "createdAt": ["2024-01-01"]}"#).message.contains(#""createdAt" must be"#))
        #expect(try error(of: #"{"id": "a/b", "baseModels": "org/base"}"#).message.contains(#""baseModels" must be null or an object"#))
        #expect(try error(of: #"{"id": "a/b", "baseModels": {"models": [1]}}"#).message.contains("baseModels.models"))
        #expect(try error(of: #"{"id": "a/b", "downloads": -}"#).message == #""downloads" must be a number, found "-""#)
        #expect(try error(of: #"{"id": "a/b", "downloads": 1e309}"#).message.contains(#""downloads" is out of range: "1e309""#))
    }

    @Test func truncatedLastLine() throws {
        let e = try error(of: "\(good)\n\(good)\n{\"id\": \"org/x\", \"downloads\": 3")
        #expect(e.line == 3)
        #expect(e.message.contains("unexpected end of input"))
        let inString = try error(of: "\(good)\n{\"id\": \"org/x\", \"tags\": [\"transformers\", \"arx")
        #expect(inString.line == 2)
        #expect(inString.message.contains("unterminated string"))
    }

    @Test func garbageLine() throws {
        let e = try error(of: "\(good)\n\(good)\n\(good)\n<!DOCTYPE html><html>rate limited</html>\n\(good)\n")
        #expect(e.line == 4)
        #expect(e.message.contains("unexpected character '<'"))
        let notAnObject = try error(of: "\(good)\n[1, 2, 3]\n")
        #expect(notAnObject.line == 2)
        #expect(notAnObject.message.contains("must be a JSON object, found an array"))
        let trailing = try error(of: "\(good)} \n")
        #expect(trailing.line == 1)
        #expect(trailing.message.contains("unexpected text after the object"))
        let twoObjects = try error(of: "\(good) \(good)\n")
        #expect(twoObjects.message.contains("unexpected text after the object"))
    }

    /// `null` is checked letter by letter: `nope` is not a null.
    @Test func invalidLiterals() throws {
        #expect(try error(of: #"{"id": "a/b", "author": nope, "likes": 1}"#).message.contains("invalid literal"))
        #expect(try error(of: #"{"id": "a/b", "likes": nul}"#).line == 1)
        #expect(try error(of: #"{"id": "a/b", "x": tru}"#).message.contains("invalid literal"))
    }

    @Test func jsonArrayTruncatedMidway() throws {
        let text = """
        [
          {"id": "org/one", "downloads": 1},
          {"id": "org/two", "downloads": 2},
          {"id": "org/three", "tags": ["a", "b"
        """
        let e = try error(of: text, name: "page.json")
        #expect(e.line == 4)
        #expect(e.message.contains("unexpected end of input"))
        // Structural damage cannot be skipped, even with skipInvalid.
        let skipping = try error(of: text, name: "page.json", skipInvalid: true)
        #expect(skipping.line == 4)
        // Truncated between records.
        let between = try error(of: "[\n {\"id\": \"org/one\"},\n", name: "page.json")
        #expect(between.line == 3)
        let missingBracket = try error(of: "[\n {\"id\": \"org/one\"}\n", name: "page.json")
        #expect(missingBracket.message.contains("expected ']'"))
        let afterArray = try error(of: "[{\"id\": \"org/one\"}]\n[]\n", name: "page.json")
        #expect(afterArray.line == 2)
        #expect(afterArray.message.contains("unexpected text after the array"))
    }

    @Test func badRecordInsideAnArray() throws {
        let text = """
        [
          {"id": "org/one"},
          {"id": "org/two",
           "downloads": "many"},
          42,
          {"id": "org/four"}
        ]
        """
        let e = try error(of: text, name: "page.json")
        #expect(e.line == 4)
        #expect(e.message.contains(#""downloads" must be a number"#))
        let outcome = try parseText(text, name: "page.json", skipInvalid: true)
        #expect(outcome.records.map(\.id) == ["org/one", "org/four"])
        #expect(outcome.records.map(\.line) == [2, 6])
        #expect(outcome.report.skipped == 2)
        #expect(outcome.report.problems.map(\.line) == [4, 5])
    }

    @Test func emptyAndWhitespaceOnlyFiles() throws {
        for text in ["", " ", "\n\n\n", " \t\r\n  \r\n", "\u{FEFF}", "\u{FEFF}\n \n"] {
            let e = try error(of: text)
            #expect(e.line == 0, "\(text.debugDescription)")
            #expect(e.message == "the file is empty", "\(text.debugDescription)")
        }
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try #require(parseErrorOf { _ = try parseFile("/nonexistent/lineage/models.jsonl") })
        #expect(missing.line == 0)
        #expect(missing.path == "/nonexistent/lineage/models.jsonl")
        #expect(missing.message.contains("cannot open"))
        // A whole-file problem has no line number in its description.
        #expect(missing.description == "/nonexistent/lineage/models.jsonl: \(missing.message)")
        let directory = try #require(parseErrorOf { _ = try parseFile(Fixture.directory.path) })
        #expect(directory.message.contains("directory"))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let lines = try parseText("\u{FEFF}\(good)\n{\"id\": \"org/second\"}\n")
        #expect(lines.records.map(\.id) == ["org/good", "org/second"])
        let array = try parseText("\u{FEFF}[\(good), {\"id\": \"org/second\"}]", name: "page.json")
        #expect(array.records.map(\.id) == ["org/good", "org/second"])
        let blankThenBOMFree = try parseText("\n\n\(good)\n")
        #expect(blankThenBOMFree.records.map(\.line) == [3])
    }

    @Test func crlfLineEndingsAndBlankLines() throws {
        let outcome = try parseText("\(good)\r\n\r\n{\"id\": \"org/third\", \"tags\": [\"license:mit\"]}\r\n   \r\n{\"id\": \"org/fifth\"}")
        #expect(outcome.records.map(\.id) == ["org/good", "org/third", "org/fifth"])
        #expect(outcome.records.map(\.line) == [1, 3, 5])
        #expect(outcome.records[1].license == "mit")
        let e = try error(of: "\(good)\r\n\r\n{\"id\": 1}\r\n")
        #expect(e.line == 3)
    }

    @Test func megabyteLine() throws {
        // Escaped twice: once for the card's own JSON, once for the string that holds it.
        let filler = String(repeating: #"Lorem ipsum dolor sit amet, \\\"quoted\\\" \\u00e9 \\n "#, count: 1_048_576 / 40)
        let big = #"{"id": "org/big", "cardData": "{\"base_model\": \"org/base\", \"text\": \"\#(filler)\"}", "likes": 5}"#
        #expect(big.utf8.count > 1_000_000)
        let outcome = try parseText("\(good)\n\(big)\n{\"id\": \"org/after\"}\n")
        #expect(outcome.records.map(\.id) == ["org/good", "org/big", "org/after"])
        #expect(outcome.records[1].parents == [P("org/base", .finetune, .defaultFinetune)])
        #expect(outcome.records[1].likes == 5)
        #expect(outcome.records[2].line == 3)
    }

    /// A line longer than the 8 MiB read chunk, so lines straddle chunk boundaries.
    @Test func lineLongerThanTheReadChunk() throws {
        let filler = String(repeating: "x", count: InputFile.chunkSize + 1000)
        var text = ""
        for i in 1...3 { text += "{\"id\": \"org/before-\(i)\"}\n" }
        text += "{\"id\": \"org/huge\", \"cardData\": \"\(filler)\"}\n"
        for i in 1...3 { text += "{\"id\": \"org/after-\(i)\", \"likes\": \(i)}\n" }
        let outcome = try parseText(text)
        #expect(outcome.records.count == 7)
        #expect(outcome.records.map(\.line) == Array(1...7))
        #expect(outcome.records.last?.likes == 3)
        #expect(outcome.report.bytes == Int64(text.utf8.count))
    }

    @Test func hundredThousandOpenBrackets() throws {
        let brackets = String(repeating: "[", count: 100_000)
        // As a whole line.
        let line = try error(of: "\(good)\n\(brackets)\n\(good)\n")
        #expect(line.line == 2)
        // Inside an ignored field, where the skipper has to walk the nesting.
        let nested = try error(of: "\(good)\n{\"id\": \"org/x\", \"deep\": \(brackets)\n")
        #expect(nested.line == 2)
        #expect(nested.message.contains("unexpected end of input"))
        // Closed nesting is fine.
        let closed = try parseText("{\"id\": \"org/x\", \"deep\": \(brackets)\(String(repeating: "]", count: 100_000))}\n")
        #expect(closed.records.map(\.id) == ["org/x"])
        // As a JSON array file.
        let array = try error(of: brackets, name: "page.json")
        #expect(array.line == 1)
        let arraySkipping = try error(of: brackets, name: "page.json", skipInvalid: true)
        #expect(arraySkipping.line == 1)
        // As a cardData string: not a card, ignored.
        let card = try parseText("{\"id\": \"org/x\", \"cardData\": \"\(brackets)\"}\n")
        #expect(card.records.first?.parents == [])
        // As a cardData object: skipped without recursion, then an error for the missing close.
        let cardObject = try error(of: "{\"id\": \"org/x\", \"cardData\": {\"a\": \(brackets)}}\n")
        #expect(cardObject.line == 1)
    }

    @Test func invalidEscapes() throws {
        let inID = try error(of: "\(good)\n{\"id\": \"org/a\\qb\"}\n")
        #expect(inID.line == 2)
        #expect(inID.message.contains(#"invalid escape \q"#))
        let inTag = try error(of: #"{"id": "org/a", "tags": ["base_model:\x41"]}"#)
        #expect(inTag.message.contains("invalid escape"))
        let badHex = try error(of: #"{"id": "org/\u12G4"}"#)
        #expect(badHex.message.contains("hex digit"))
        let shortHex = try error(of: #"{"id": "org/\u12"}"#)
        #expect(shortHex.message.contains("escape"))
        let raw = try error(of: "{\"id\": \"org/a\tb\"}")
        #expect(raw.message.contains("control character"))
        // A lone surrogate becomes U+FFFD rather than a crash.
        let surrogate = try parseOne(#"{"id": "org/a\ud800b"}"#)
        #expect(surrogate.id == "org/a\u{FFFD}b")
        // A surrogate pair is decoded.
        let pair = try parseOne(#"{"id": "org/\ud83e\udd17"}"#)
        #expect(pair.id == "org/🤗")
    }

    @Test func invalidUTF8DoesNotCrash() throws {
        var bytes = Array(#"{"id": "org/a"#.utf8) + [0xFF, 0xFE, 0xC3] + Array(#"", "tags": ["license:"#.utf8) + [0x80] + Array("\"]}\n".utf8)
        bytes += Array(#"{"id": "org/next", "cardData": ""#.utf8) + [0xED, 0xA0, 0x80] + Array("\"}\n".utf8)
        let outcome = try parseBytes(bytes)
        #expect(outcome.records.count == 2)
        #expect(outcome.records[0].id == "org/a\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(outcome.records[0].license == "\u{FFFD}")
        #expect(outcome.records[1].id == "org/next")
        #expect(outcome.records[1].parents == [])
    }

    // MARK: - skipInvalid

    @Test func skipInvalidSkipsAndCounts() throws {
        let text = """
        {"id": "org/one"}
        {"author": "x"}
        {"id": "org/three", "downloads": "12"}
        garbage
        {"id": "org/five", "likes": 5}

        {"id": "org/seven", "tags": ["arxiv:2401.00001"]}
        {"id": "org/eight", "likes":
        """
        let outcome = try parseText(text, skipInvalid: true)
        #expect(outcome.records.map(\.id) == ["org/one", "org/five", "org/seven"])
        #expect(outcome.records.map(\.line) == [1, 5, 7])
        #expect(outcome.report.records == 3)
        #expect(outcome.report.skipped == 4)
        #expect(outcome.report.problems.map(\.line) == [2, 3, 4, 8])
        #expect(outcome.report.problems.allSatisfy { !$0.message.isEmpty && $0.path.hasSuffix("input.jsonl") })
        // Without skipping, the first problem stops the parse.
        #expect(parseErrorOf { _ = try parseText(text) }?.line == 2)
    }

    @Test func skipInvalidKeepsOnlyTheFirstProblems() throws {
        var lines: [String] = []
        for i in 1...20 { lines.append(i.isMultiple(of: 2) ? "{\"id\": \"org/m\(i)\"}" : "{\"id\": \(i)}") }
        let path = try Scratch.write(lines.joined(separator: "\n"))
        defer { Scratch.remove(path) }
        var parser = HubFileParser(skipInvalid: true, batchSize: 3)
        parser.keptProblems = 2
        var delivered: [String] = []
        let report = try parser.parse(path: path, format: .hubJSON) { delivered += $0.map(\.id) }
        #expect(delivered == (1...10).map { "org/m\($0 * 2)" })
        #expect(report.records == 10)
        #expect(report.skipped == 10)
        #expect(report.problems.map(\.line) == [1, 3])
    }

    // MARK: - Batching

    @Test(arguments: [1, 2, 3, 7, 100])
    func batchesDeliverEverythingInOrder(batchSize: Int) throws {
        let text = (1...7).map { "{\"id\": \"org/m\($0)\", \"likes\": \($0)}" }.joined(separator: "\n")
        let lines = try parseText(text, batchSize: batchSize)
        #expect(lines.records.map(\.likes) == (1...7).map { Int64($0) })
        #expect(lines.batches.allSatisfy { $0 <= batchSize && $0 > 0 })
        #expect(lines.batches.reduce(0, +) == 7)
        #expect(lines.batches.dropLast().allSatisfy { $0 == batchSize })
        let array = try parseText("[" + text.replacingOccurrences(of: "\n", with: ",\n") + "]", name: "page.json", batchSize: batchSize)
        #expect(array.records.map(\.likes) == (1...7).map { Int64($0) })
        #expect(array.batches.reduce(0, +) == 7)
        #expect(array.batches.dropLast().allSatisfy { $0 == batchSize })
    }

    @Test func progressIsMonotonicAndEndsAtTheFileSize() throws {
        let text = (1...50).map { "{\"id\": \"org/m\($0)\", \"tags\": [\"region:us\"]}" }.joined(separator: "\n") + "\n"
        let outcome = try parseText(text, batchSize: 7)
        #expect(outcome.records.count == 50)
        #expect(!outcome.progress.isEmpty)
        #expect(outcome.progress == outcome.progress.sorted())
        #expect(outcome.progress.last == Int64(text.utf8.count))
        #expect(outcome.report.bytes == Int64(text.utf8.count))
    }

    /// A batch size below 1 must not hang (the CSV path used to loop forever on 0).
    @Test(.timeLimit(.minutes(1)))
    func zeroBatchSize() throws {
        let csv = try parseFile(Fixture.path("edges.csv"), format: .edgeCSV, batchSize: 0)
        #expect(csv.records.count == 8)
        #expect(csv.batches == Array(repeating: 1, count: 8))
        let json = try parseText("{\"id\": \"org/a\"}\n{\"id\": \"org/b\"}\n", batchSize: 0)
        #expect(json.records.map(\.id) == ["org/a", "org/b"])
    }

    @Test func consumerErrorsPropagate() throws {
        struct Stop: Error {}
        let path = try Scratch.write((1...5).map { "{\"id\": \"org/m\($0)\"}" }.joined(separator: "\n"))
        defer { Scratch.remove(path) }
        var calls = 0
        #expect(throws: Stop.self) {
            _ = try HubFileParser(batchSize: 2).parse(path: path, format: .hubJSON) { _ in
                calls += 1
                if calls == 2 { throw Stop() }
            }
        }
        #expect(calls == 2)
    }
}
