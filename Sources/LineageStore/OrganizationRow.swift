/// One row of the store's `organization` table: an organization a user added to the registry.
///
/// Values are kept as given; `LineageKit.OrganizationRegistry` validates them before they are written.
public struct OrganizationRow: Sendable, Equatable {
    /// Hub namespace (unique, case-insensitive).
    public var namespace: String
    public var name: String?
    /// ISO 3166-1 alpha-2, upper case; nil when unknown.
    public var country: String?
    public var kind: String?
    public var source: String?
    public var evidence: String?

    public init(namespace: String, name: String? = nil, country: String? = nil, kind: String? = nil, source: String? = nil, evidence: String? = nil) {
        self.namespace = namespace
        self.name = name
        self.country = country
        self.kind = kind
        self.source = source
        self.evidence = evidence
    }
}
