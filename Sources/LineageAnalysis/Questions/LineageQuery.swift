import LineageCatalog
import LineageGraph

/// A question compiled to a value: what `lineage ask` words and `lineage descendants` flags both produce.
///
/// The JSON form (`--explain-query --format json`) is stable: fields are only ever added.
public struct LineageQuery: Sendable, Equatable, Codable {
    /// What is asked.
    public enum Intent: String, Sendable, Codable, CaseIterable {
        /// `which|what [COUNTRY] SUBJECT VERB TARGET`: list the entities.
        case list
        /// `how many [COUNTRY] SUBJECT VERB TARGET`: count them.
        case count
        /// `what share of [COUNTRY] SUBJECT VERB TARGET`: their share of all such entities.
        case share
        /// `how deep do TARGET [RELATION] chains go`: generations below the target's roots.
        case depth
        /// `who is most locked into TARGET`: organizations ranked by switching cost.
        case lockIn
        /// `what does MODEL descend from`: the model's ancestry.
        case ancestry
        /// `rank families by reach|downloads`.
        case rankFamilies
        /// `which merges cross families`: merge models whose parents come from different families.
        case crossFamilyMerges
    }

    /// The downstream entities a question is about.
    public enum Subject: String, Sendable, Codable, CaseIterable {
        /// Every downstream entity that is not a model: organizations, Spaces, papers and imported projects.
        case projects
        case organizations
        case startups
        case companies
        case universities
        case papers
        case spaces
        case models
        /// Projects imported from the user's own AI-BOMs (`my projects`).
        case myProjects = "my-projects"
    }

    /// What the target names; resolved against the graph when the query runs.
    ///
    /// JSON: `{"name": "Qwen"}` or `{"familiesOfOrigin": {"codes": ["CN"], "label": "CN"}}`.
    public enum Target: Sendable, Equatable, Codable {
        /// A family, a namespace or a model id, as typed.
        case name(String)
        /// Every family whose owner is from one of these countries (`Chinese-origin families`).
        case familiesOfOrigin(CountrySet)

        private enum CodingKeys: String, CodingKey {
            case name, familiesOfOrigin
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let name = try container.decodeIfPresent(String.self, forKey: .name) {
                self = .name(name)
            } else {
                self = .familiesOfOrigin(try container.decode(CountrySet.self, forKey: .familiesOfOrigin))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .name(let name): try container.encode(name, forKey: .name)
            case .familiesOfOrigin(let countries): try container.encode(countries, forKey: .familiesOfOrigin)
            }
        }
    }

    /// What `rank families by …` orders by.
    public enum Ranking: String, Sendable, Codable {
        case reach
        case downloads
    }

    public var intent: Intent
    public var subject: Subject?
    /// Only entities whose country is in this set.
    public var country: CountrySet?
    public var target: Target?
    /// Lineage relations followed; nil means every relation.
    public var relations: [Relation]?
    public var maxDepth: Int?
    /// Only models created at or after this time (Unix seconds), from `since YYYY-MM`.
    public var since: Int64?
    /// The `since` month as typed, for explanations.
    public var sinceText: String?
    /// Only entities with more than this many downloads.
    public var minDownloads: Int64?
    public var top: Int?
    public var ranking: Ranking?
    /// Follow only edges whose relation the inputs declared (`via declared …`); nil means every edge.
    public var declaredOnly: Bool?

    public init(intent: Intent, subject: Subject? = nil, country: CountrySet? = nil, target: Target? = nil) {
        self.intent = intent
        self.subject = subject
        self.country = country
        self.target = target
    }
}
