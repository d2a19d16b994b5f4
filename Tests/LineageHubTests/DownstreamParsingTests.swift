@testable import LineageHub
import LineageTestSupport
import Testing

/// Space objects and CycloneDX BOMs: detection, parsing, and clear errors for bad input.
@Suite struct DownstreamParsingTests {
    // MARK: - Detection

    @Test func detectsSpacesBOMsAndModelsByTheirKeys() throws {
        #expect(InputFormat.detect(prefix: Array(#"{"bomFormat":"CycloneDX","specVersion":"1.6"}"#.utf8)) == .cycloneDX)
        #expect(InputFormat.detect(prefix: Array(#"  {"id":"a/b","sdk":"gradio","models":[]}"#.utf8)) == .spaceJSON)
        #expect(InputFormat.detect(prefix: Array(#"[{"id":"a/b","models":["x/y"]}]"#.utf8)) == .spaceJSON)
        #expect(InputFormat.detect(prefix: Array(#"{"id":"a/b","baseModels":{"relation":"finetune","models":[]}}"#.utf8)) == .hubJSON)
        #expect(InputFormat.detect(prefix: Array(#"{"id":"a/b","tags":[],"downloads":3}"#.utf8)) == .hubJSON)
        // A prefix cut inside the first object: the keys read so far decide.
        #expect(InputFormat.detect(prefix: Array(#"{"id":"a/b","sdk":"gradio","cardData":{"title":"trunc"#.utf8)) == .spaceJSON)
        for name in ["spaces.jsonl", "spaces-array.json"] {
            #expect(InputFormat.detect(prefix: try Array(String(contentsOfFile: Fixture.path(name), encoding: .utf8).utf8)) == .spaceJSON)
        }
        for name in ["product.cdx.json", "euroapp.cdx.json", "not-a-bom.json"] {
            #expect(InputFormat.detect(prefix: try Array(String(contentsOfFile: Fixture.path(name), encoding: .utf8).utf8)) == .cycloneDX)
        }
        #expect(InputFormat.detect(prefix: try Array(String(contentsOfFile: Fixture.path("hub-stats-excerpt.jsonl"), encoding: .utf8).utf8)) == .hubJSON)
    }

    // MARK: - Spaces

    @Test func parsesSpaceLines() throws {
        let (records, report) = try SpaceFileParser().parse(path: Fixture.path("spaces.jsonl"))
        #expect(report.records == 4)
        #expect(records.map(\.id) == ["acme/chat-demo", "eurostart/demo", "solo/mix", "unilab/viewer"])
        let demo = records[0]
        #expect(demo.author == "acme" && demo.likes == 12 && demo.sdk == "gradio")
        #expect(demo.models == ["acme/qwen-chat"])  // the same id twice, case-insensitively, counts once
        #expect(demo.createdAt == HubTimestamp.parse("2024-05-01T10:00:00Z"))
        #expect(records[2].author == "solo")        // no author: the id's namespace
        #expect(records[2].models == ["solo/merge"]) // `models` inside cardData is not the Space's
        #expect(records[2].line == 4)               // the blank line 3 is skipped, lines still count
        #expect(records[3].models == ["other/standalone", "unknown/not-in-store"])  // a Hub URL is reduced to its id
    }

    @Test func parsesSpaceArrays() throws {
        let (records, _) = try SpaceFileParser().parse(path: Fixture.path("spaces-array.json"))
        #expect(records.count == 2)
        #expect(records[1].id == "empty/space" && records[1].models.isEmpty && records[1].likes == nil)
        #expect(records[1].line == 4)  // the line its object starts on
    }

    @Test func malformedSpacesStopWithFileAndLine() throws {
        let path = try Scratch.write("{\"id\":\"a/b\",\"models\":[]}\n{\"sdk\":\"gradio\",\"models\":[]}\n", name: "spaces.jsonl")
        #expect(throws: HubParseError(path: path, line: 2, message: "the Space object has no \"id\"")) {
            _ = try SpaceFileParser().parse(path: path)
        }
        let notList = try Scratch.write("{\"id\":\"a/b\",\"models\":\"x/y\"}\n", name: "spaces.jsonl")
        #expect(throws: HubParseError.self) { _ = try SpaceFileParser().parse(path: notList) }
        let (records, report) = try SpaceFileParser(skipInvalid: true).parse(path: path)
        #expect(records.count == 1 && report.skipped == 1 && report.problems.first?.line == 2)
    }

    // MARK: - CycloneDX

    @Test func readsModelsAndPedigreeFromABOM() throws {
        let project = try CycloneDXParser.parse(path: Fixture.path("product.cdx.json"))
        #expect(project.name == "SupportBot" && !project.nameFromFile)
        #expect(project.version == "2.1" && project.supplier == "acme" && project.specVersion == "1.6")
        #expect(project.timestamp == HubTimestamp.parse("2025-03-01T12:00:00Z"))
        #expect(project.uses.map(\.model) == ["acme/qwen-chat", "acme/support-llm", "meta-llama/Llama-3.1-8B"])
        #expect(project.uses[0].revision == "4f2a9c1" && project.uses[0].via == nil)
        #expect(project.uses[0].jsonPath == "$.components[0]" && project.uses[0].line == 16)
        #expect(project.uses[1].revision == "0.3")   // group + name, with the component's version
        #expect(project.uses[2].via == "acme/support-llm" && project.uses[2].revision == "main")
        #expect(project.uses[2].jsonPath == "$.components[1].pedigree.ancestors[0]")
        #expect(project.unidentified.map(\.name) == ["gpt-4o"])
        #expect(project.unidentified[0].jsonPath == "$.components[2]")
    }

    @Test func readsNestedComponentsAndHubURLs() throws {
        let project = try CycloneDXParser.parse(path: Fixture.path("euroapp.cdx.json"))
        #expect(project.name == "EuroApp" && project.supplier == "eurostart" && project.specVersion == "1.5")
        #expect(project.uses.map(\.model) == ["eurostart/llama-tune"])
        #expect(project.uses[0].jsonPath == "$.components[0].components[0]")
    }

    @Test func purls() throws {
        #expect(try CycloneDXParser.hubID(fromPurl: "pkg:huggingface/Qwen/Qwen2.5-7B@a1b2")?.id == "Qwen/Qwen2.5-7B")
        #expect(try CycloneDXParser.hubID(fromPurl: "pkg:huggingface/bert-base-uncased@86b5e09")?.id == "bert-base-uncased")
        #expect(try CycloneDXParser.hubID(fromPurl: "pkg:huggingface/org/na%2Dme?download_url=x#sub")?.id == "org/na-me")
        #expect(try CycloneDXParser.hubID(fromPurl: "pkg:pypi/torch@2.0") == nil)
        #expect(throws: CycloneDXParser.PurlError.self) { _ = try CycloneDXParser.hubID(fromPurl: "pkg:huggingface/@abc") }
    }

    @Test func badBOMsFailWithFileLineAndJSONPath() throws {
        func error(_ text: String, name: String = "bom.cdx.json") throws -> String {
            let path = try Scratch.write(text, name: name)
            do {
                _ = try CycloneDXParser.parse(path: path)
                return "no error"
            } catch let error as HubParseError {
                return error.description.replacingOccurrences(of: path, with: "FILE")
            }
        }
        #expect(try error(String(contentsOfFile: Fixture.path("not-a-bom.json"), encoding: .utf8))
            == #"FILE:2: $.bomFormat: expected "CycloneDX", found "SPDX""#)
        #expect(try error(#"{"bomFormat":"CycloneDX","specVersion":"1.4","components":[]}"#)
            .hasPrefix("FILE:1: $.specVersion: CycloneDX \"1.4\" is not supported"))
        #expect(try error(#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x"}]}"#)
            .hasPrefix("FILE:1: $.components: no component of type machine-learning-model names a Hugging Face model"))
        #expect(try error("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\n\"components\":[\n{\"type\":\"machine-learning-model\",\"purl\":\"pkg:huggingface/\"}]}")
            .hasPrefix("FILE:3: $.components[0].purl: purl \"pkg:huggingface/\" does not name a Hugging Face model"))
        #expect(try error("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":{}}") == "FILE:1: $.components: must be an array, found an object")
        #expect(try error("[1,2]") == "FILE:1: $: a CycloneDX BOM is a JSON object, found an array")
        #expect(try error("{\"bomFormat\":\"CycloneDX\",\n\"specVersion\":\"1.6\",\n\"components\":[") .hasPrefix("FILE:3: "))
        #expect(try error("") == "FILE: the file is empty")
        // No metadata.component: the project is named after the file.
        let path = try Scratch.write(#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"machine-learning-model","name":"Qwen/Qwen2.5-7B"}]}"#, name: "my-app.cdx.json")
        let project = try CycloneDXParser.parse(path: path)
        #expect(project.name == "my-app" && project.nameFromFile && project.uses.map(\.model) == ["Qwen/Qwen2.5-7B"])
    }
}
