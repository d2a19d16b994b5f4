import Foundation
import LineageGraph
@testable import LineageHub
import LineageTestSupport
import Testing

// MARK: - CSVReader

@Suite("CSV reader")
struct CSVReaderTests {
    /// All rows of `text` as (fields, line).
    private func rows(_ text: String) throws(CSVReader.SyntaxError) -> [([String], Int)] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var result: [([String], Int)] = []
        while let row = try reader.nextRow() { result.append((row.fields, row.line)) }
        return result
    }

    private func fields(_ text: String) throws -> [[String]] { try rows(text).map(\.0) }
    private func lines(_ text: String) throws -> [Int] { try rows(text).map(\.1) }

    @Test func quotedCommasAndEscapedQuotes() throws {
        #expect(try fields(#"a,"b,c","d ""quoted""",e"# + "\n") == [["a", "b,c", #"d "quoted""#, "e"]])
        #expect(try fields("\"\"\n") == [[""]])
        #expect(try fields("\"\"\"\"\n") == [["\""]])
        #expect(try fields(#"x,"",y"#) == [["x", "", "y"]])
    }

    @Test func emptyFieldsAndLastRowWithoutNewline() throws {
        #expect(try fields("a,,c,\n,\nlast") == [["a", "", "c", ""], ["", ""], ["last"]])
    }

    @Test func newlinesInsideQuotesKeepLineNumbers() throws {
        let text = "id,text\n1,\"line one\nline two\nline three\"\n2,after\n3,\"x\r\ny\"\n4,end\n"
        let result = try rows(text)
        #expect(result.map(\.0) == [["id", "text"], ["1", "line one\nline two\nline three"], ["2", "after"], ["3", "x\r\ny"], ["4", "end"]])
        #expect(result.map(\.1) == [1, 2, 5, 6, 8])
    }

    @Test func crlfAndLoneCR() throws {
        let result = try rows("a,b\r\n1,2\r\n\r\n3,4\r\n")
        #expect(result.map(\.0) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.map(\.1) == [1, 2, 4])
        #expect(try fields("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
    }

    @Test func byteOrderMark() throws {
        #expect(try fields("\u{FEFF}source,target\nx,y\n") == [["source", "target"], ["x", "y"]])
        #expect(try fields("\u{FEFF}\"quoted\",b\n") == [["quoted", "b"]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let result = try rows("\n\na\n\n\nb\n\n")
        #expect(result.map(\.0) == [["a"], ["b"]])
        #expect(result.map(\.1) == [3, 6])
        #expect(try rows("").isEmpty)
        #expect(try rows("\n\r\n\n").isEmpty)
    }

    @Test func unterminatedQuote() throws {
        var reader = CSVReader(bytes: Array("a,b\n1,2\n3,\"oops\n4,5\n6,7\n".utf8))
        _ = try reader.nextRow()
        _ = try reader.nextRow()
        do throws(CSVReader.SyntaxError) {
            _ = try reader.nextRow()
            Issue.record("expected an unterminated-quote error")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("unterminated quoted field"))
        }
    }

    @Test func utf8Fields() throws {
        #expect(try fields("naïve,\"日本語, text\",🤗\n") == [["naïve", "日本語, text", "🤗"]])
    }
}

// MARK: - PythonListLiteral

@Suite("Python list literal")
struct PythonListLiteralTests {
    @Test func quotesAndEscapes() throws {
        #expect(try PythonListLiteral.parseStrings(#"['transformers', "it's", 'arxiv:1810.04805']"#) == ["transformers", "it's", "arxiv:1810.04805"])
        #expect(try PythonListLiteral.parseStrings(#"['it\'s', "say \"hi\"", 'back\\slash']"#) == ["it's", #"say "hi""#, #"back\slash"#])
        #expect(try PythonListLiteral.parseStrings(#"['tab\there', 'nl\n', '\x41', '\u00e9', '\U0001F917']"#) == ["tab\there", "nl\n", "A", "é", "🤗"])
        #expect(try PythonListLiteral.parseStrings("['日本語', 'région']") == ["日本語", "région"])
        #expect(try PythonListLiteral.parseStrings("['a,b', 'c]d', '[e']") == ["a,b", "c]d", "[e"])
    }

    @Test func emptyListsAndSpacing() throws {
        #expect(try PythonListLiteral.parseStrings("[]") == [])
        #expect(try PythonListLiteral.parseStrings("  [ ]  ") == [])
        #expect(try PythonListLiteral.parseStrings("") == [])
        #expect(try PythonListLiteral.parseStrings("   ") == [])
        #expect(try PythonListLiteral.parseStrings("[ 'a' ,\n 'b' ]") == ["a", "b"])
        #expect(try PythonListLiteral.parseStrings("['a',]") == ["a"])
        #expect(try PythonListLiteral.parseStrings("['']") == [""])
    }

    @Test(arguments: [
        ("['a'", "unterminated tags list"),
        ("['a' 'b']", "expected ',' or ']'"),
        ("[a, b]", "expected a quoted string"),
        ("[1, 2]", "expected a quoted string"),
        ("'a', 'b'", "must be a Python list"),
        ("transformers", "must be a Python list"),
        ("['a'] extra", "unexpected text after the tags list"),
        ("['abc", "unterminated string"),
        ("['a\", 'b']", "expected ',' or ']'"),
        (#"['\x4']"#, #"invalid \x escape"#),
        (#"['\uD800']"#, #"invalid \u escape"#),
        ("[,]", "expected a quoted string"),
        ("[", "expected a quoted string"),
    ])
    func malformed(text: String, message: String) {
        do throws(PythonListLiteral.SyntaxError) {
            let parsed = try PythonListLiteral.parseStrings(text)
            Issue.record("\(text.debugDescription) parsed as \(parsed)")
        } catch {
            #expect(error.message.contains(message), "\(text.debugDescription): \(error.message)")
        }
    }
}

// MARK: - Edge list

@Suite("CSV formats")
struct CSVFormatTests {
    private func error(_ text: String, name: String = "input.csv", format: InputFormat) throws -> HubParseError {
        let path = try Scratch.write(text, name: name)
        defer { Scratch.remove(path) }
        let error = try #require(parseErrorOf { _ = try parseFile(path, format: format) })
        #expect(error.path == path)
        return error
    }

    @Test func edgeListFixture() throws {
        let outcome = try parseFile(Fixture.path("edges.csv"), format: .edgeCSV, batchSize: 3)
        let records = outcome.records
        #expect(records.map(\.id) == [
            "Qwen/Qwen2.5-7B-Instruct", "Junhoee/Qwen-Megumin", "zelk12/Rv0.4DMv1t0.25-gemma-2-9B",
            "ell44ot/gemma-2b-def", "opencompass/CompassJudger-1-7B-Instruct", "jaspionjader/ek-6",
            "cckm/tinymistral_950m", "Intel/Qwen3-Coder-480B-A35B-Instruct-int4-mixed-AutoRound",
        ])
        #expect(records.map(\.line) == [2, 3, 4, 5, 7, 8, 11, 12])
        #expect(records.map(\.author) == ["Qwen", "Junhoee", "zelk12", "ell44ot", "opencompass", "jaspionjader", "cckm", "Intel"])
        #expect(records[0].parents == [P("Qwen/Qwen2.5-7B", .finetune)])
        #expect(records[1].parents == [P("Qwen/Qwen2.5-7B-Instruct", .adapter)])
        #expect(records[2].parents == [P("recoilme/recoilme-gemma-2-9B-v0.4", .merge), P("sam-paech/Darkest-muse-v1", .merge)])
        #expect(records[3].parents == [P("google/gemma-2-2b-it", .quantized)])
        // Several parents in file order; a repeat in another case (and a target in another case) merges.
        #expect(records[5].parents == [P("jaspionjader/ek-5", .merge), P("jaspionjader/ek-1", .merge), P("jaspionjader/ek-3", .merge)])
        // Self-loops are kept as the file states them.
        #expect(records[6].parents == [P("cckm/tinymistral_950m", .finetune)])
        // A quoted Hub URL is reduced to its id.
        #expect(records[7].parents == [P("Qwen/Qwen3-Coder-480B-A35B-Instruct", .quantized)])
        // Edge lists carry no dates, counts or papers.
        #expect(records.allSatisfy { $0.createdAt == nil && $0.downloads == nil && $0.papers.isEmpty && $0.license == nil })
        #expect(outcome.batches == [3, 3, 2])
        #expect(outcome.report.records == 8)
        #expect(outcome.report.skipped == 0)
        let size = try FileManager.default.attributesOfItem(atPath: Fixture.path("edges.csv"))[.size] as? NSNumber
        #expect(outcome.report.bytes == size?.int64Value)
    }

    @Test(arguments: [
        ("finetuned", Relation.finetune), ("finetune", .finetune), ("FINETUNED", .finetune), ("fine-tuned", .finetune),
        ("quantized", .quantized), ("quantization", .quantized), ("merged", .merge), ("merge", .merge),
        ("adapter", .adapter), ("lora", .adapter), ("", .unknown), ("unknown", .unknown),
    ])
    func edgeRelationSpellings(word: String, relation: Relation) throws {
        let outcome = try parseText("source,target,edge\norg/parent,org/child,\(word)\n", name: "edges.csv", format: .edgeCSV)
        // An edge without a type is typed by inference (one parent, a plain name: finetune).
        let expected = relation == .unknown ? P("org/parent", .finetune, .defaultFinetune) : P("org/parent", relation)
        #expect(outcome.records.first?.parents == [expected])
    }

    @Test func unknownRelationWord() throws {
        let text = "source,target,edge\na/p,a/c,finetuned\nb/p,b/c,distilled\nc/p,c/c,merged\n"
        let e = try error(text, format: .edgeCSV)
        #expect(e.line == 3)
        #expect(e.message.contains(#"unknown relation "distilled""#))
        let skipped = try parseText(text, name: "edges.csv", format: .edgeCSV, skipInvalid: true)
        #expect(skipped.records.map(\.id) == ["a/c", "c/c"])
        #expect(skipped.report.skipped == 1)
        #expect(skipped.report.problems.map(\.line) == [3])
    }

    @Test func edgeListShapeProblems() throws {
        let wrongCount = try error("source,target,edge\na/p,a/c,finetuned\nb/p,b/c\n", format: .edgeCSV)
        #expect(wrongCount.line == 3)
        #expect(wrongCount.message == "expected 3 fields, found 2")
        let emptySource = try error("source,target,edge\n  ,a/c,finetuned\n", format: .edgeCSV)
        #expect(emptySource.line == 2)
        #expect(emptySource.message.contains("empty source or target"))
        let missingTarget = try error("source,child,edge\na/p,a/c,finetuned\n", format: .edgeCSV)
        #expect(missingTarget.line == 1)
        #expect(missingTarget.message == #"missing column "target" in the header"#)
        let unterminated = try error("source,target,edge\na/p,\"a/c,finetuned\nb/p,b/c,merged\n", format: .edgeCSV)
        #expect(unterminated.line == 2)
        #expect(unterminated.message.contains("unterminated"))
        let empty = try error("", format: .edgeCSV)
        #expect(empty.line == 0)
        #expect(empty.message == "the file is empty")
        #expect(try error("\r\n\n", format: .edgeCSV).message == "the file is empty")
    }

    @Test func edgeListHeaderVariants() throws {
        // Column order, case, spaces, a BOM, CRLF, quoting and the `relation` alias do not matter.
        let text = "\u{FEFF}\"Relation\" , Target ,SOURCE\r\nmerged,org/child,org/p1\r\n\r\nquantized,org/child,org/p2\r\n"
        let outcome = try parseText(text, name: "edges.csv", format: .edgeCSV)
        #expect(outcome.records.count == 1)
        #expect(outcome.records[0].parents == [P("org/p1", .merge), P("org/p2", .quantized)])
        #expect(outcome.records[0].line == 2)
        // Without a relation column every edge is inferred, from the child's name and parent count.
        let untyped = try parseText("source,target\norg/p,org/c\norg/p,org/c-GGUF\norg/p,org/m\norg/q,org/m\n", name: "edges.csv", format: .edgeCSV)
        #expect(untyped.records.map { $0.parents ?? [] } == [
            [P("org/p", .finetune, .defaultFinetune)], [P("org/p", .quantized, .quantizedName)],
            [P("org/p", .merge, .multipleParents), P("org/q", .merge, .multipleParents)],
        ])
        // A header alone: no records.
        #expect(try parseText("source,target,edge\n", name: "edges.csv", format: .edgeCSV).records.isEmpty)
    }

    // MARK: - Node list

    @Test func nodeListFixture() throws {
        let outcome = try parseFile(Fixture.path("nodes.csv"), format: .nodeCSV)
        let records = outcome.records
        #expect(records.map(\.id) == ["Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B-Instruct", "ell44ot/gemma-2b-def", "jaspionjader/ek-6", "gpt2", "Junhoee/Qwen-Megumin"])
        #expect(records.map(\.line) == [2, 3, 4, 5, 6, 7])
        // A node list says nothing about lineage.
        #expect(records.allSatisfy { $0.parents == nil })
        // The owner column, else the namespace.
        #expect(records.map(\.author) == ["Qwen", "Qwen", "ell44ot", "jaspionjader", "openai-community", "Junhoee"])
        #expect(records.map(\.architecture) == ["qwen2", "qwen2", "gemma2", "llama", "gpt2", nil])
        #expect(outcome.report.records == 6)
    }

    @Test func nodeListProblems() throws {
        let missing = try error("name,type\nx,base\n", format: .nodeCSV)
        #expect(missing.line == 1)
        #expect(missing.message == #"missing column "id" in the header"#)
        let emptyID = try error("id,type,owner,architecture\norg/a,base,org,llama\n,base,org,llama\n", format: .nodeCSV)
        #expect(emptyID.line == 3)
        #expect(emptyID.message == "empty id")
    }

    // MARK: - list_models CSV

    @Test func listModelsFixture() throws {
        let outcome = try parseFile(Fixture.path("list-models.csv"), format: .listModelsCSV)
        let records = outcome.records
        #expect(records.map(\.id) == ["Qwen/Qwen2.5-7B-Instruct", "ell44ot/gemma-2b-def", "jaspionjader/ek-6", "facebook/opt-13b", "gpt2"])
        #expect(records.map(\.line) == [2, 3, 4, 5, 6])
        #expect(records.map(\.author) == ["Qwen", "ell44ot", "jaspionjader", "facebook", nil])
        #expect(records.map(\.downloads) == [1_234_567, 4, 4, 12053, 9999])
        // `2024-09-25 12:32:50+00:00` and friends.
        #expect(records.map(\.lastModified) == [1_727_267_570, 1_732_776_359, 1_737_655_154, 1_674_580_232, 1_708_340_265])
        // list_models rows have no createdAt or likes.
        #expect(records.allSatisfy { $0.createdAt == nil && $0.likes == nil && $0.downloadsAllTime == nil })
        #expect(records.map(\.pipelineTag) == ["text-generation", nil, "text-generation", "text-generation", "text-generation"])
        #expect(records[0].parents == [P("Qwen/Qwen2.5-7B", .finetune)])
        #expect(records[0].papers == ["2309.00071", "2407.10671"])
        #expect(records[0].license == "apache-2.0")
        #expect(records[1].parents == [P("google/gemma-2-2b-it", .quantized)])
        #expect(records[1].license == "apache-2.0")
        #expect(records[2].parents == [P("jaspionjader/ek-1", .merge), P("jaspionjader/ek-3", .merge)])
        #expect(records[2].papers == ["2403.19522"])
        #expect(records[3].parents == [])
        #expect(records[3].papers == ["2205.01068", "2005.14165"])
        #expect(records[3].license == "other")
        #expect(records[4].parents == [])
        #expect(records[4].papers == [])
    }

    @Test func listModelsProblems() throws {
        let header = "modelId,author,downloads,lastModified,tags\n"
        let noTags = try error("modelId,author,downloads,lastModified\norg/a,org,1,2024-01-01 00:00:00+00:00\n", format: .listModelsCSV)
        #expect(noTags.line == 1)
        #expect(noTags.message == #"missing column "tags" in the header"#)
        let noID = try error("\n\nname,tags\nx,[]\n", format: .listModelsCSV)
        #expect(noID.line == 3)
        #expect(noID.message == #"missing column "modelid" in the header"#)
        let badTags = try error(header + "org/a,org,1,2024-01-01 00:00:00+00:00,\"['a', 'b'\"\n", format: .listModelsCSV)
        #expect(badTags.line == 2)
        #expect(badTags.message.contains("tags list"))
        let badDate = try error(header + "org/a,org,1,2024-01-01 00:00:00+00:00,[]\norg/b,org,1,last tuesday,[]\n", format: .listModelsCSV)
        #expect(badDate.line == 3)
        #expect(badDate.message.contains(#""lastmodified" is not a timestamp"#))
        let badCount = try error(header + "org/a,org,lots,2024-01-01,[]\n", format: .listModelsCSV)
        #expect(badCount.message.contains(#""downloads" must be a number"#))
    }

    @Test func listModelsWithIdAndCreatedAt() throws {
        let text = "id,createdAt,likes,downloads,tags\norg/a,2024-03-01T05:57:44.000Z,3,1.0,\"['base_model:adapter:org/base', 'region:us']\"\n"
        let outcome = try parseText(text, name: "models.csv", format: .listModelsCSV)
        let record = try #require(outcome.records.first)
        #expect(record.id == "org/a")
        #expect(record.createdAt == 1_709_272_664)
        #expect(record.likes == 3)
        #expect(record.downloads == 1)
        #expect(record.parents == [P("org/base", .adapter)])
    }

    // MARK: - InputFormat.detect

    @Test(arguments: [
        ("hub-stats-excerpt.jsonl", InputFormat.hubJSON),
        ("edges.csv", .edgeCSV),
        ("nodes.csv", .nodeCSV),
        ("list-models.csv", .listModelsCSV),
    ])
    func detectFixtures(name: String, format: InputFormat) throws {
        let bytes = try Data(contentsOf: Fixture.directory.appendingPathComponent(name)).prefix(4096)
        #expect(InputFormat.detect(prefix: bytes) == format)
    }

    @Test(arguments: [
        ("{\"id\": \"a/b\"}\n", InputFormat?.some(.hubJSON)),
        ("[{\"id\": \"a/b\"}]", .hubJSON),
        ("\u{FEFF}{\"id\": \"a/b\"}", .hubJSON),
        ("\u{FEFF}\n  \r\n\t[\n", .hubJSON),
        ("source,target,edge\r\na,b,merged\r\n", .edgeCSV),
        ("\u{FEFF}source,target,edge\n", .edgeCSV),
        ("\"source\",\"target\",\"edge\"\n", .edgeCSV),
        ("SOURCE, TARGET\n", .edgeCSV),
        ("\n\nsource,target,edge\n", .edgeCSV),
        ("id,type,owner,architecture\n", .nodeCSV),
        ("\u{FEFF}id,type\n", .nodeCSV),
        ("modelId,modelName,author,downloads,lastModified,tags,pipeline_tag,sha,private,inference\n", .listModelsCSV),
        ("id,tags\n", .listModelsCSV),
        ("\r\n\u{20}modelId,tags\r\n", .listModelsCSV),
        ("", nil),
        ("\u{FEFF}", nil),
        ("  \n\t\r\n", nil),
        ("name,value\n", nil),
        ("hello world", nil),
    ])
    func detect(text: String, format: InputFormat?) {
        #expect(InputFormat.detect(prefix: Array(text.utf8)) == format, "\(text.debugDescription)")
    }

    @Test func formatNamesRoundTrip() {
        for format in InputFormat.allCases {
            #expect(InputFormat(rawValue: format.description) == format)
            #expect(!format.summary.isEmpty)
        }
    }
}
