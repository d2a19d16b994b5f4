import Foundation
import Testing
@testable import LineageGraph

/// `Relation.table` is the one description of relations; what derives from it keeps its old values.
@Suite("Relation table")
struct RelationTableTests {
    @Test("one row per relation, in raw-value order, fitting a RelationMask byte")
    func rows() {
        #expect(Relation.table.map(\.relation) == Relation.allCases)
        #expect(Relation.allCases.count <= 8)
        #expect(Relation.allCases.map(\.name) == ["finetune", "adapter", "quantized", "merge", "unknown"])
        #expect(Relation.allCases.filter { $0.traits.bindsToBase } == [.adapter])
        #expect(Relation.allCases.filter { $0.traits.isQuantization } == [.quantized])
    }

    @Test("every spelling parses back, case-insensitively; other words do not")
    func spellings() {
        for row in Relation.table {
            for word in [row.name, row.name.uppercased()] + row.hubNames { #expect(Relation(hubName: word) == row.relation, "\(word)") }
        }
        #expect(Relation(hubName: "LoRA") == .adapter && Relation(hubName: "Fine-Tuned") == .finetune && Relation(hubName: "") == .unknown)
        #expect(Relation(hubName: "distilled") == nil)
    }

    @Test("switching-cost defaults and counts come from the table")
    func derived() throws {
        let weights = SwitchingCostConfig.RelationWeights()
        #expect(Relation.allCases.map { weights[$0] } == [1.0, 1.0, 0.2, 0.7, 0.5])
        var counts = RelationCounts()
        counts[.merge] = 3
        counts[.unknown] = 2
        #expect(counts.total == 5 && counts.description == "finetune=0 adapter=0 quantized=0 merge=3 unknown=2")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(counts), as: UTF8.self)
        #expect(json == #"{"adapter":0,"finetune":0,"merge":3,"quantized":0,"unknown":2}"#)
        #expect(try JSONDecoder().decode(RelationCounts.self, from: Data(json.utf8)) == counts)
    }
}
