import LineageCatalog
import LineageSupport
/// What `lineage registry conflicts` prints: every disagreement between sources and layers.
public struct RegistryConflictsReport: Sendable, Codable, Equatable, TabularReport {
    public var conflicts: [RegistryConflict]

    public init(conflicts: [RegistryConflict]) { self.conflicts = conflicts }

    public var summaryLines: [String] {
        ["\(Formatting.group(conflicts.count)) conflicts between registry sources; the registry uses the chosen value"]
    }

    public var columns: [String] { ["namespace", "field", "chosen", "chosen source", "other", "other source", "note"] }

    public var rows: [[String]] {
        conflicts.map { [$0.namespace, $0.field, $0.chosen.isEmpty ? "?" : $0.chosen, $0.chosenSource, $0.other.isEmpty ? "?" : $0.other, $0.otherSource, $0.note] }
    }

    public var numericColumns: Set<Int> { [] }
}
