/// Tunable weights and thresholds of the switching-cost score; `default` documents the defaults.
public struct SwitchingCostConfig: Sendable, Equatable {
    /// How much a derivation step of each relation ties a model to its base; defaults are
    /// `RelationTraits.switchingWeight` of `Relation.table`.
    public struct RelationWeights: Sendable, Equatable {
        /// Lane `rawValue` weighs that relation.
        private var lanes = SIMD8<Double>()

        public init() {
            for row in Relation.table { lanes[Int(row.relation.rawValue)] = row.switchingWeight }
        }

        public subscript(relation: Relation) -> Double {
            get { lanes[Int(relation.rawValue)] }
            set { lanes[Int(relation.rawValue)] = newValue }
        }
    }

    /// Weight of a component in the total, and the raw value at which its score saturates at 1.
    public struct ComponentParameters: Sendable, Equatable {
        public var weight: Double
        public var threshold: Double

        public init(weight: Double, threshold: Double) {
            precondition(weight >= 0 && threshold > 0, "SwitchingCostConfig: weight must be ≥ 0 and threshold > 0")
            self.weight = weight
            self.threshold = threshold
        }
    }

    public var relationWeights = RelationWeights()
    /// Rank adoption and dependents by all-time instead of recent (30-day) downloads.
    public var useAllTimeDownloads = false
    private var parameters: [SwitchingCost.ComponentKind: ComponentParameters] = Self.defaultParameters

    public init() {}

    /// Defaults: shares saturate at 1 (all of the author's models in the family); investment at
    /// 500 weighted generations; dependents at 5,000 models; download counts at 100 million.
    public static let defaultParameters: [SwitchingCost.ComponentKind: ComponentParameters] = [
        .modelShare: .init(weight: 1, threshold: 1),
        .downloadShare: .init(weight: 1, threshold: 1),
        .trainingInvestment: .init(weight: 2, threshold: 500),
        .dependentModels: .init(weight: 1, threshold: 5_000),
        .dependentDownloads: .init(weight: 1, threshold: 100_000_000),
        .adoption: .init(weight: 1, threshold: 100_000_000),
    ]

    public static let `default` = SwitchingCostConfig()

    /// Weight and threshold of component `kind`.
    public subscript(kind: SwitchingCost.ComponentKind) -> ComponentParameters {
        get { parameters[kind] ?? Self.defaultParameters[kind]! }
        set { parameters[kind] = newValue }
    }
}
