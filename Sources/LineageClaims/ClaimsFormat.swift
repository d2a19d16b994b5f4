/// How `lineage claims` prints.
public enum ClaimsFormat: String, Sendable, CaseIterable {
    /// For the terminal: one block per claim.
    case table
    /// Everything, with sorted keys.
    case json
    /// A report to paste: one section per claim.
    case markdown
}
