/// The Hub's own answer to "is this namespace a user or an organization?" as one more registry source.
///
/// `lineage sync --namespaces` stores each answer in the store's registry table with source `hub-api`
/// (kind `individual` for a user, `organization` for an organization, no kind when the Hub knows neither).
/// Those rows sit *below* the bundled registry: an answer names a namespace the registry does not know,
/// or fills the kind of a row that has none; it never changes a kind or a country a curated, ATOM, Epoch or
/// user row gives. An answer that contradicts a row's kind (a user where the row says an organization, or
/// the other way round) is reported by `lineage registry conflicts`.
extension OrganizationRegistry {
    /// The `source` of the rows `lineage sync --namespaces` stores.
    public static let hubAPISource = "hub-api"
    /// The layer name of those rows.
    public static let hubAPILayer = "hub-api"

    /// `rows` with the Hub's `answers` merged in beneath them, and the answers that contradict a row.
    /// - Complexity: O(rows + answers).
    package static func merging(hubAnswers answers: [Organization], into rows: [Organization]) -> (rows: [Organization], conflicts: [RegistryConflict]) {
        var merged = rows
        var position: [String: Int] = [:]
        for (i, row) in rows.enumerated() { position[row.namespace.lowercased()] = i }
        var conflicts: [RegistryConflict] = []
        for answer in answers {
            guard let said = answer.kind else { continue } // the Hub knows neither a user nor an organization
            let key = answer.namespace.lowercased()
            guard let i = position[key] else {
                var row = answer
                row.source = "kind:\(hubAPISource)"
                row.layer = hubAPILayer
                position[key] = merged.count
                merged.append(row)
                continue
            }
            let row = merged[i]
            if let kind = row.kind {
                if kind.isOrganization != said.isOrganization {
                    conflicts.append(RegistryConflict(
                        namespace: row.namespace, field: "kind", chosen: kind.rawValue, chosenSource: "\(row.layer): \(row.source)",
                        other: said.rawValue, otherSource: hubAPISource,
                        note: "the Hub API says the account is \(said.isOrganization ? "an organization" : "a user"); the registry row is kept"))
                }
                continue
            }
            var filled = row
            filled.kind = said
            filled.source = (row.source == "none" ? "" : row.source + "; ") + "kind:\(hubAPISource)"
            filled.evidence = [row.evidence, answer.evidence].compactMap { $0 }.joined(separator: "; ")
            merged[i] = filled
        }
        return (merged, conflicts)
    }
}
