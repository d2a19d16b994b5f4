import Foundation
import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageSupport

/// What a map should show besides its target: how many nodes, how deep, which relations, whose models.
///
/// Flags of `lineage render` and the filters of a question both fill it; see
/// `LineageQueries.map(of:request:lookups:snapshot:)`.
public struct MapRequest: Sendable, Equatable {
    /// Default of `--max-nodes`.
    public static let defaultMaxNodes = 150

    /// Most models drawn (the "+N more" placeholders are extra).
    public var maxNodes: Int
    /// Deepest descendant drawn, in hops below the target; nil for no limit.
    public var maxDepth: Int?
    /// Relations followed.
    public var relations: RelationMask
    /// Only descendants whose author comes from one of these countries (their ancestors are drawn too).
    public var countries: CountrySet?
    /// Only descendants created at or after this time (Unix seconds).
    public var since: Int64?
    /// Only descendants with more than this many recent downloads.
    public var minDownloads: Int64?
    /// Only descendants whose author's organization kind (`MapLookups.organizationKind`) is one of these.
    public var organizationKinds: Set<String>?
    /// How the question named those kinds (`startups`), for the title.
    public var organizationLabel: String?
    public var layout: MapLayout

    public init(
        maxNodes: Int = MapRequest.defaultMaxNodes, maxDepth: Int? = nil, relations: RelationMask = .all,
        countries: CountrySet? = nil, since: Int64? = nil, minDownloads: Int64? = nil, layout: MapLayout = .auto
    ) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.relations = relations
        self.countries = countries
        self.since = since
        self.minDownloads = minDownloads
        self.layout = layout
    }

    /// Parses `--country`: comma-separated words of `CountryVocabulary` (`US`, `U.S.`, `china`, `EU`,
    /// any ISO 3166-1 alpha-2 code), as every `--country` flag and question reads them.
    /// - Throws: `LineageError` naming the word it does not know.
    public static func countries(from list: String) throws(LineageError) -> CountrySet {
        try CountryVocabulary.bundled.countries(list: list)
    }
}
