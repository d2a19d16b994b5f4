import LineageCatalog
/// One organization, Space, paper or project downstream of some model families, with its attribution.
public struct DownstreamEntity: Sendable, Codable, Equatable {
    public var type: DownstreamType
    /// Namespace, Space id, arXiv id or project name.
    public var id: String
    /// Organization name; project version appended for projects (`name 2.1`); nil otherwise.
    public var name: String?
    /// `https://huggingface.co/NS`, `…/spaces/ID`, `https://arxiv.org/abs/ID`; nil for projects.
    public var url: String?
    /// The namespace answerable for it: the organization itself, the Space's owner, the project's
    /// supplier; for a paper, the authors of its linked models when they agree.
    public var owner: String?
    /// Owner's country (ISO 3166-1 alpha-2) per the registry; nil when unknown.
    public var country: String?
    public var kind: OrganizationKind?
    /// Where the registry's country came from (`atom`, `epoch`, `curated`, `user`…); nil when unknown.
    public var countrySource: String?
    /// Ids of the asked families it derives from.
    public var families: [String]
    /// Member models involved: authored (organization), used (Space, project) or linked (paper).
    public var models: Int
    /// 30-day downloads of those models.
    public var downloads: Int64
    /// Likes (Spaces).
    public var likes: Int64?
    /// Up to three of those models, as examples a reader can check.
    public var examples: [String]

    public init(
        type: DownstreamType, id: String, name: String? = nil, url: String? = nil, owner: String? = nil, country: String? = nil,
        kind: OrganizationKind? = nil, countrySource: String? = nil, families: [String] = [], models: Int = 0, downloads: Int64 = 0,
        likes: Int64? = nil, examples: [String] = []
    ) {
        self.type = type
        self.id = id
        self.name = name
        self.url = url
        self.owner = owner
        self.country = country
        self.kind = kind
        self.countrySource = countrySource
        self.families = families
        self.models = models
        self.downloads = downloads
        self.likes = likes
        self.examples = examples
    }
}
