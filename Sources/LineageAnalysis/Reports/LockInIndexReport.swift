import LineageSupport
/// What `lineage lockin --group` prints: how dependent a group of organizations is on model families.
public struct LockInIndexReport: Sendable, Codable, Equatable, TabularReport {
    /// One family's part of the group's derivative models.
    public struct FamilyShare: Sendable, Codable, Equatable {
        public var family: String
        public var label: String
        /// The group's derivatives that are members of the family.
        public var models: Int
        /// models / derivative models (a cross-family merge counts for each of its families).
        public var modelShare: Double
        /// Downloads of those models / downloads of all the group's derivatives.
        public var downloadShare: Double
        /// models / (model, family) pairs: the share the HHI squares.
        public var pairShare: Double
    }

    /// The organizations of the group, as found in the data.
    public var group: [String]
    /// The family measured: `--family`, else the one with most of the group's derivatives; nil when none.
    public var family: String?
    /// The group's models that have at least one parent.
    public var derivativeModels: Int
    /// Derivatives in no known family.
    public var unattributedModels: Int
    /// Share of derivatives in `family`.
    public var modelShare: Double
    /// Share of the derivatives' downloads on models in `family`.
    public var downloadShare: Double
    /// Herfindahl–Hirschman index over families, 0...1 (1 = a single family).
    public var herfindahl: Double
    /// `herfindahl` × 10,000, the antitrust convention.
    public var hhi: Int
    /// Share of (model, family) pairs whose author and family owner are in different countries;
    /// nil while countries are unknown.
    public var foreignDependence: Double?
    /// Why `foreignDependence` is nil.
    public var foreignDependenceNote: String?
    /// Every family with some of the group's derivatives, most models first, then id.
    public var families: [FamilyShare]

    public static let foreignDependenceUnavailable = "unknown until the organization registry lands"
    /// Why foreign dependence is unknown although the registry was consulted.
    public static let foreignDependenceUnknownCountries = "unknown: no derivative has both an author and a family owner of known country (`lineage registry coverage`)"

    public var summaryLines: [String] {
        var lines = ["Lock-in of \(group.joined(separator: ", ")): \(Formatting.group(derivativeModels)) derivative models, \(Formatting.group(unattributedModels)) in no "
            + "known family"]
        if let family {
            lines.append("On \(family): model share \(Formatting.percent(modelShare)), download share \(Formatting.percent(downloadShare))")
        }
        lines.append("Concentration (HHI over families): \(Formatting.fixed(herfindahl, 4)) = \(Formatting.group(hhi)) / 10,000")
        lines.append("Foreign dependence: " + (foreignDependence.map(Formatting.percent) ?? foreignDependenceNote ?? Self.foreignDependenceUnavailable))
        return lines
    }

    public var columns: [String] { ["family", "models", "model share", "download share", "HHI share"] }

    public var rows: [[String]] {
        families.map {
            [$0.family, Formatting.group($0.models), Formatting.percent($0.modelShare), Formatting.percent($0.downloadShare), Formatting.percent($0.pairShare)]
        }
    }

    public var numericColumns: Set<Int> { [1, 2, 3, 4] }

    /// Shares as exact fractions.
    public var machineRows: [[String]] {
        families.map {
            [$0.family, String($0.models), Formatting.raw($0.modelShare), Formatting.raw($0.downloadShare), Formatting.raw($0.pairShare)]
        }
    }
}
