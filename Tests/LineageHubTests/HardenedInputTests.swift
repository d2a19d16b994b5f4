import Foundation
import LineageGraph
import Testing
@testable import LineageHub

/// Input that once crashed, merged two ids, echoed megabytes or drove the terminal: each is refused with
/// `file:line` and a short, escaped message (issue 12, "Defects").
@Suite("Hardened input")
struct HardenedInputTests {
    /// Whether a message is safe for a terminal: no control character, and short.
    static func isSafe(_ message: String, maxLength: Int = 400) -> Bool {
        MessageText.firstControl(in: message) == nil && message.utf8.count <= maxLength
    }

    // MARK: - Control characters in ids

    @Test(arguments: [
        #"{"id": "a/b\u0000c"}"#,
        #"{"modelId": "a/b\u001b[2J"}"#,
        #"{"id": "a/b", "baseModels": {"relation": "finetune", "models": [{"id": "p/q\u0000r"}]}}"#,
        #"{"id": "a/b", "tags": ["base_model:finetune:p/q\u0007"]}"#,
        #"{"id": "a/b", "cardData": {"base_model": "p/\u0085q"}}"#,
        #"{"id": "a/b", "tags": ["arxiv:2401.0\u001b0001"]}"#,
    ])
    func controlCharactersInModelIdsAreRefused(_ line: String) {
        let error = parseErrorOf { _ = try parseText(line) }
        #expect(error?.line == 1)
        #expect(error?.message.contains("holds a control character") == true, "\(String(describing: error))")
        #expect(error.map { Self.isSafe($0.description) } == true)
    }

    @Test func controlCharactersInCSVIdsAreRefused() {
        let edge = parseErrorOf { _ = try parseText("source,target,edge\n\"a/b\u{1}\",c/d,finetuned\n", name: "e.csv", format: .edgeCSV) }
        #expect(edge?.line == 2)
        #expect(edge?.message.contains(#"source "a/b\u{1}" holds a control character (U+0001)"#) == true, "\(String(describing: edge))")
        let node = parseErrorOf { _ = try parseText("id,type\n\"x/y\u{0}\",base\n", name: "n.csv", format: .nodeCSV) }
        #expect(node?.message.contains("holds a control character") == true)
        let list = parseErrorOf {
            _ = try parseText("modelId,tags\nm/n,\"['base_model:p/\u{1B}q']\"\n", name: "l.csv", format: .listModelsCSV)
        }
        #expect(list?.line == 2)
        #expect(list?.message.contains("parent id") == true)
    }

    @Test func controlCharactersInSpacesAndBOMsAreRefused() throws {
        let space = parseErrorOf { _ = try SpaceFileParser().parse(bytes: Array(#"{"id": "s/t\u0000x", "sdk": "gradio"}"#.utf8), path: "s.jsonl") }
        #expect(space?.message.contains("Space id") == true)
        let used = parseErrorOf { _ = try SpaceFileParser().parse(bytes: Array(#"{"id": "s/t", "models": ["a/b\u0000"]}"#.utf8), path: "s.jsonl") }
        #expect(used?.message.contains("\"models\"") == true)
        let bom = #"""
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "metadata": {"component": {"name": "P"}},
         "components": [{"type": "machine-learning-model", "purl": "pkg:huggingface/a/b%00c@1"}]}
        """#
        let purl = parseErrorOf { _ = try CycloneDXParser.parse(bytes: Array(bom.utf8), path: "p.cdx.json") }
        #expect(purl?.line == 2)
        #expect(purl?.message.contains("decodes to a control character (U+0000)") == true, "\(String(describing: purl))")
        #expect(throws: CycloneDXParser.PurlError.self) { try CycloneDXParser.hubID(fromPurl: "pkg:huggingface/a/%1B[2J") }
        let named = bom.replacingOccurrences(of: #""name": "P""#, with: #""name": "P\u001b]0;x""#)
        let name = parseErrorOf { _ = try CycloneDXParser.parse(bytes: Array(named.utf8), path: "p.cdx.json") }
        #expect(name?.message.contains("$.metadata.component.name") == true)
    }

    // MARK: - Echoes and terminal control

    /// A 31 MB Space id that is not owner/name was echoed whole to standard error.
    @Test func aHugeSpaceIdIsQuotedShort() {
        let id = String(repeating: "z", count: 5_000_000)
        let error = parseErrorOf { _ = try SpaceFileParser().parse(bytes: Array(("{\"id\": \"" + id + "\"}").utf8), path: "s.jsonl") }
        #expect(error?.message.contains("too long for a Hub id") == true)
        #expect(error?.message.contains("(5,000,000 bytes)") == true)
        #expect(error.map { Self.isSafe($0.description, maxLength: 200) } == true)
        let flat = String(repeating: "w", count: 900)
        let notOwned = parseErrorOf { _ = try SpaceFileParser().parse(bytes: Array(("{\"id\": \"" + flat + "\"}").utf8), path: "s.jsonl") }
        #expect(notOwned?.message.contains("is not owner/name") == true)
        #expect(notOwned?.message.contains("(900 bytes)") == true)
        #expect(notOwned.map { Self.isSafe($0.description, maxLength: 200) } == true)
        let model = parseErrorOf { _ = try parseText("{\"id\": \"a/" + id + "\"}") }
        #expect(model?.message.contains("too long for a Hub id") == true)
    }

    @Test func csvErrorsEscapeWhatTheyQuote() {
        let text = "modelId,tags,downloads\na/b,[],\"\u{1B}[2J\u{1B}]0;owned\u{7}\nnext\"\n"
        let error = parseErrorOf { _ = try parseText(text, name: "l.csv", format: .listModelsCSV) }
        #expect(error?.message.contains(#"found "\u{1B}[2J\u{1B}]0;owned\u{7}\nnext""#) == true, "\(String(describing: error))")
        #expect(error.map { Self.isSafe($0.description) } == true)
        let relation = parseErrorOf { _ = try parseText("source,target,edge\na/b,c/d,\"x\u{1B}[31m\"\n", name: "e.csv", format: .edgeCSV) }
        #expect(relation.map { Self.isSafe($0.description) } == true)
        let huge = parseErrorOf { _ = try parseText("modelId,tags,likes\na/b,[],99999999999999999999\n", name: "l.csv", format: .listModelsCSV) }
        #expect(huge?.message == #""likes" must be a count from 0 to 2^53, found "99999999999999999999""#)
    }

    // MARK: - Unclear messages

    @Test func htmlInsteadOfJSONIsNamed() {
        let html = Array("<!DOCTYPE html>\n<html><head><title>502 Bad\n Gateway</title></head><body>…</body></html>".utf8)
        #expect(HubAPIPage.nonJSONProblem(html) == #"the server sent an HTML page, not JSON (title "502 Bad Gateway"); is the endpoint a Hugging Face Hub API?"#)
        let error = parseErrorOf { _ = try HubAPIPage.models(html, source: "https://hub.example/api/models") }
        #expect(error?.message.contains("HTML page, not JSON") == true)
        #expect(HubAPIPage.nonJSONProblem(Array("[]".utf8)) == nil)
    }

    @Test func otherSBOMsAreNamedAsUnsupported() {
        let spdx = #"{"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT", "name": "x"}"#
        #expect(InputFormat.unsupportedDocument(prefix: Array(spdx.utf8))?.contains("SPDX") == true)
        #expect(InputFormat.unsupportedDocument(prefix: Array("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n".utf8))?.contains("tag-value") == true)
        let xml = #"<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5">"#
        #expect(InputFormat.unsupportedDocument(prefix: Array(xml.utf8))?.contains("CycloneDX XML") == true)
        #expect(InputFormat.unsupportedDocument(prefix: Array(#"{"id": "a/b"}"#.utf8)) == nil)
        #expect(InputFormat.unsupportedDocument(prefix: Array("source,target,edge\n".utf8)) == nil)
    }
}
