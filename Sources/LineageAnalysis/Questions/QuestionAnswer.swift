import LineageSupport
/// The answer to a question: rows of downstream entities (or a count, share, ranking…) plus coverage.
///
/// JSON shape (stable; fields are only added): `question`, `query` (the compiled `LineageQuery`),
/// `target`, `store`, `entities` (`AnswerRow`), `total`, `value` (count or share, when asked),
/// `notes`, `coverage`.
public struct QuestionAnswer: Sendable, Codable, Equatable {
    public var question: String
    public var query: LineageQuery
    /// What the target resolved to, e.g. `family qwen (Qwen), 27 root models`.
    public var target: String
    public var store: String
    /// Entities matching before `top`/`--limit` cut the list.
    public var total: Int
    public var entities: [AnswerRow]
    /// For `how many`: the count; for `what share of`: the share of entities in 0…1.
    public var value: Double?
    /// For `what share of`: the share of their downloads in 0…1.
    public var downloadShare: Double?
    /// Lines of context printed above the table (depth summaries, rankings' definitions…).
    public var notes: [String]
    public var coverage: Coverage?

    /// How much of what the answer covers has a known country and kind: how far to trust a country filter.
    public struct Coverage: Sendable, Codable, Equatable {
        /// Entities considered before country/kind filters.
        public var entities: Int
        /// …of which have a known country and kind in the registry (papers and Spaces take their author's).
        public var attributed: Int
        /// Downloads of all considered entities' derived models, and of the attributed ones.
        public var downloads: Int64
        public var attributedDownloads: Int64

        public init(entities: Int, attributed: Int, downloads: Int64, attributedDownloads: Int64) {
            self.entities = entities
            self.attributed = attributed
            self.downloads = downloads
            self.attributedDownloads = attributedDownloads
        }

        public var entityShare: Double { entities > 0 ? Double(attributed) / Double(entities) : 0 }
        public var downloadShare: Double { downloads > 0 ? Double(attributedDownloads) / Double(downloads) : 0 }

        public var line: String {
            if entities == 0 { return "Coverage: no entities to attribute." }
            return "Coverage: \(Formatting.group(Int64(attributed))) of \(Formatting.group(Int64(entities))) entities (\(Self.percent(entityShare))) have a known country "
                + "and kind, covering \(Self.percent(downloadShare)) of their downloads."
        }

        static func percent(_ share: Double) -> String {
            String(format: "%.1f%%", share * 100)
        }
    }
}

/// One downstream entity in an answer.
public struct AnswerRow: Sendable, Codable, Equatable {
    /// The entity: an organization's namespace, a Space or project id, a paper's arXiv id, or a model id.
    public var entity: String
    /// organization kind (startup, big-tech…), or `space`, `paper`, `project`, `model`; `organization` when unknown.
    public var kind: String
    /// ISO 3166-1 alpha-2, nil when unknown.
    public var country: String?
    /// Where the country came from (registry source), nil when unknown.
    public var countrySource: String?
    /// How many of its models (or used models) derive from the target.
    public var models: Int
    /// One shortest lineage path from the target to the entity's nearest model, target first.
    public var path: [String]
    /// Generations below the target of its nearest model.
    public var depth: Int
    /// Downloads (30-day) summed over its deriving models.
    public var downloads: Int64
    /// Switching cost 0–100 of an organization on the target family (see docs/METRICS.md), when computed.
    public var switchingCost: Double?
    /// A link for people: the Hub page, or the arXiv abstract for a paper.
    public var url: String?
}
