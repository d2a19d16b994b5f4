import LineageHub
import Testing

@Suite("Rename table")
struct RenameTableTests {
    static let header = "legacy_id,canonical_id,source\n"

    @Test func mapsLegacyKeysToCanonicalIDs() throws {
        let table = try RenameTable.parse(Array((Self.header + "gpt2,openai-community/gpt2,hf-legacy-migration\nBERT-base-uncased,google-bert/bert-base-uncased,\n").utf8), file: "r.csv")
        #expect(table.count == 2)
        #expect(table.entry(forKey: HubID.key("gpt2"))?.canonicalID == "openai-community/gpt2")
        // Keys are case-insensitive; an empty source says where the pair came from anyway.
        #expect(table.entry(forKey: HubID.key("bert-base-uncased"))?.source == "rename-table")
        #expect(table.entry(forKey: HubID.key("openai-community/gpt2")) == nil)
    }

    @Test(arguments: [
        (header + "gpt2,openai-community/gpt2,x\ngpt2,other/gpt2,x\n", "r.csv:3: legacy id 'gpt2' repeats line 2"),
        (header + "a,b/a,x\nb/a,a,x\n", "r.csv:2: canonical id 'b/a' is itself renamed on line 3: a chain or a cycle"),
        (header + "a,b/c,x\nb/c,d/e,x\n", "r.csv:2: canonical id 'b/c' is itself renamed on line 3"),
        (header + "a,a,x\n", "r.csv:2: 'a' is renamed to itself"),
        (header + "a,b/a\n", "r.csv:2: expected 3 fields"),
        ("legacy,canonical\n", "r.csv:1: header must be legacy_id,canonical_id,source"),
        ("", "r.csv:1: empty rename table"),
    ])
    func refusesCyclesDuplicatesAndBadRows(text: String, message: String) {
        do {
            _ = try RenameTable.parse(Array(text.utf8), file: "r.csv")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
