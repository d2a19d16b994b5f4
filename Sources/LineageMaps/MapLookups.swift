import LineageCatalog
/// Facts a map needs about authors that the lineage graph does not hold: where an organization is
/// from and what kind of organization it is.
///
/// Both are closures over an author name (a Hub namespace such as `Qwen` or `meta-llama`), so a map
/// can be drawn with the organization registry (``init(registry:)``, what the CLI uses), with a test
/// table, or with nothing (every author of unknown country).
public struct MapLookups: Sendable {
    /// ISO 3166-1 alpha-2 code of an author's country, or nil when unknown.
    public var country: @Sendable (String) -> String?
    /// Kind of organization an author is (`company`, `startup`, `university`…), or nil when unknown.
    public var organizationKind: @Sendable (String) -> String?

    public init(
        country: @escaping @Sendable (String) -> String? = { _ in nil },
        organizationKind: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.country = country
        self.organizationKind = organizationKind
    }

    /// No country or kind for anyone.
    public static let none = MapLookups()

    /// Lookups from a fixed table `author → (country, kind)`, matched case-insensitively.
    public static func table(_ entries: [String: (country: String?, kind: String?)]) -> MapLookups {
        var lowered: [String: (country: String?, kind: String?)] = [:]
        for (name, value) in entries { lowered[name.lowercased()] = value }
        let table = lowered
        return MapLookups(
            country: { table[$0.lowercased()]?.country ?? nil },
            organizationKind: { table[$0.lowercased()]?.kind ?? nil })
    }

    /// Countries and kinds from Lineage's organization registry (bundled rows, rows added to the store,
    /// a user's `--registry` file), by Hub namespace.
    public init(registry: OrganizationRegistry) {
        self.init(country: { registry.country(of: $0) }, organizationKind: { registry.kind(of: $0)?.rawValue })
    }
}
