import LineageGraph
import LineageSupport

/// Counts per relation in reports: the engine's `RelationCounts` (`{"adapter":…,"finetune":…,…}` in JSON).
public typealias RelationBreakdown = RelationCounts

extension RelationCounts {
    /// `finetune 3, adapter 1` — non-zero relations only, in `Relation` order; `none` when all are 0.
    public var summary: String {
        let parts = Relation.allCases.filter { self[$0] > 0 }.map { "\($0.name) \(Formatting.group(self[$0]))" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
