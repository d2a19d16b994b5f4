/// Everything Lineage knows about one `Relation`: its spellings, its weights and how maps draw it.
///
/// The rows are `Relation.table`, the one place a relation is described; `RelationCounts`, the
/// switching-cost weights, map selection and styling, the store reader and reports derive from it.
public struct RelationTraits: Sendable {
    public let relation: Relation
    /// The spelling used in the store, in JSON output and on the command line.
    public let name: String
    /// Other spellings read from the Hub and from input files (`finetuned`, `lora`), lower case.
    public let hubNames: [String]
    /// How much a derivation step of this relation ties a model to its base (switching cost).
    public let switchingWeight: Double
    /// How much a descendant made this way adds to its ancestors' weighted reach on a map.
    public let mapWeight: Double
    /// A model made this way cannot move to another base at all (adapters).
    public let bindsToBase: Bool
    /// A repackaging of the parent's weights rather than new training (quantizations).
    public let isQuantization: Bool
    /// DOT edge attributes on maps, in output order.
    public let dotAttributes: [(name: String, value: String)]
    /// How the map legend describes the edge style: `dashed`.
    public let legend: String

    public init(
        _ relation: Relation, name: String, hubNames: [String] = [], switchingWeight: Double, mapWeight: Double,
        bindsToBase: Bool = false, isQuantization: Bool = false, dotAttributes: [(name: String, value: String)], legend: String
    ) {
        self.relation = relation
        self.name = name
        self.hubNames = hubNames
        self.switchingWeight = switchingWeight
        self.mapWeight = mapWeight
        self.bindsToBase = bindsToBase
        self.isQuantization = isQuantization
        self.dotAttributes = dotAttributes
        self.legend = legend
    }
}
