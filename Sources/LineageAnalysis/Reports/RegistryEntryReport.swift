import LineageCatalog
import LineageSupport

/// What `lineage registry show NAMESPACE` prints: the effective row, the lower layers' rows it overrides
/// and the conflicts about the namespace.
public struct RegistryEntryReport: Sendable, Encodable, TextReport {
    public var organization: Organization
    public var overridden: [Organization]
    public var conflicts: [RegistryConflict]

    /// The entry for `namespace` in `registry`.
    /// - Throws: `LineageError` with close namespaces, and how to add it, when the registry has no row for it.
    public init(namespace: String, registry: OrganizationRegistry) throws {
        guard let o = registry.organization(namespace) else {
            let close = registry.suggestions(for: namespace)
            throw LineageError("'\(namespace)' is not in the registry" + (close.isEmpty ? "" : "; did you mean: \(close.joined(separator: ", "))?")
                + "; add it with `lineage registry add \(namespace) --country CC --kind KIND --evidence …`")
        }
        organization = o
        overridden = registry.overriddenRows(of: namespace)
        conflicts = registry.conflicts(of: namespace)
    }

    public var text: String {
        let o = organization
        var lines = [
            "Namespace  \(o.namespace)",
            "Name       \(o.name ?? "unknown")",
            "Country    \(o.country.map(CountryCode.label) ?? "unknown")",
            "Kind       \(o.kind?.rawValue ?? "unknown")",
            "Source     \(o.source)",
            "Evidence   \(o.evidence ?? "none")",
            "Layer      \(o.layer)",
        ]
        for lower in overridden {
            lines.append("Overrides  \(lower.layer): country \(lower.country ?? "unknown"), kind \(lower.kind?.rawValue ?? "unknown") (\(lower.source))")
        }
        for conflict in conflicts { lines.append("Conflict   \(conflict.text)") }
        return lines.joined(separator: "\n")
    }
}
