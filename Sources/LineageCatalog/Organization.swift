/// One organization of the registry: who owns a Hub namespace, from which country, and how we know.
public struct Organization: Sendable, Codable, Equatable {
    /// The Hub namespace (case as in the registry; looked up case-insensitively).
    public var namespace: String
    /// The organization's name, e.g. `Alibaba Cloud (Qwen team)`.
    public var name: String?
    /// ISO 3166-1 alpha-2 code, upper case; nil when unknown.
    public var country: String?
    public var kind: OrganizationKind?
    /// Where the country and kind came from: `atom`, `epoch`, `curated`, `user`… (several joined by `+`).
    public var source: String
    /// A short note a reader can check (a URL, the upstream row, the curator's reason).
    public var evidence: String?
    /// Which layer of the registry holds the row: `bundled`, `store` (added with `lineage registry
    /// add|import`) or the path of a `--registry` file.
    public var layer: String

    public init(
        namespace: String, name: String? = nil, country: String? = nil, kind: OrganizationKind? = nil,
        source: String, evidence: String? = nil, layer: String = "bundled"
    ) {
        self.namespace = namespace
        self.name = name
        self.country = country
        self.kind = kind
        self.source = source
        self.evidence = evidence
        self.layer = layer
    }

    /// Whether both country and kind are known: the row counts toward coverage.
    public var isAttributed: Bool { country != nil && kind != nil }
}
