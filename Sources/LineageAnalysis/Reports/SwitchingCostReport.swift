import LineageGraph
import LineageSupport

/// What `lineage lockin --org` prints: how costly it would be for an organization to leave each family.
public struct SwitchingCostReport: Sendable, Codable, Equatable, TabularReport {
    /// One component of the score, as `--explain` shows it.
    public struct Component: Sendable, Codable, Equatable {
        public var name: String
        public var raw: Double
        public var threshold: Double
        /// log(1+raw) / log(1+max(raw, threshold)), in 0...1.
        public var normalized: Double
        public var weight: Double
        /// Points of the 0–100 score: 100 · weight · normalized / Σ weights.
        public var contribution: Double

        init(_ c: SwitchingCost.Component) {
            name = c.kind.rawValue
            raw = c.raw
            threshold = c.threshold
            normalized = c.score
            weight = c.weight
            contribution = c.contribution
        }
    }

    /// The organization's cost of leaving one family.
    public struct FamilyCost: Sendable, Codable, Equatable {
        public var family: String
        public var label: String
        /// 0–100.
        public var score: Double
        /// The organization's models, in any family.
        public var orgModels: Int
        /// The organization's models that are members of the family.
        public var familyModels: Int
        /// Of those, the ones with an adapter edge into the family (they cannot move base at all).
        public var adapterModels: Int
        public var components: [Component]
    }

    public var org: String
    /// Whether the table lists every component (`--explain`); JSON always carries them.
    public var explain: Bool
    /// Families ranked by score descending, then id.
    public var families: [FamilyCost]

    public var summaryLines: [String] {
        guard let first = families.first else { return ["\(org): none of its models is in a known family"] }
        var lines = ["Switching cost of \(org) (0–100; \(Formatting.group(first.orgModels)) models)"]
        if families.count > 1 { lines.append("\(families.count) families, ranked by score") }
        return lines
    }

    public var columns: [String] {
        explain
            ? ["family", "score", "component", "raw", "threshold", "normalized", "weight", "contribution"]
            : ["family", "score", "family models", "adapters", "model share", "download share"]
    }

    public var rows: [[String]] {
        if explain {
            return families.flatMap { f in
                [[f.family, Formatting.fixed(f.score, 1), "total", "", "", "", Formatting.fixed(f.components.reduce(0) { $0 + $1.weight }, 0), Formatting.fixed(f.score, 2)]]
                    + f.components.map { c in
                        ["", "", c.name, Self.number(c.raw), Self.number(c.threshold), Formatting.fixed(c.normalized, 3),
                         Formatting.fixed(c.weight, 0), Formatting.fixed(c.contribution, 2)]
                    }
            }
        }
        return families.map { f in
            [f.family, Formatting.fixed(f.score, 1), "\(Formatting.group(f.familyModels))/\(Formatting.group(f.orgModels))",
             Formatting.group(f.adapterModels),
             Formatting.percent(f.components.first { $0.name == "modelShare" }?.raw ?? 0),
             Formatting.percent(f.components.first { $0.name == "downloadShare" }?.raw ?? 0)]
        }
    }

    public var numericColumns: Set<Int> { explain ? [1, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5] }

    public var footerLines: [String] {
        var lines: [String] = []
        if families.contains(where: { $0.adapterModels > 0 }) {
            lines.append("Adapters cannot move to another base model at all: retraining is the only way out.")
        }
        if !explain && !families.isEmpty { lines.append("--explain lists every component's raw value, normalized score, weight and contribution.") }
        return lines
    }

    /// Whole numbers without decimals, fractions with three.
    package static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? Formatting.group(Int64(x)) : Formatting.fixed(x, 3)
    }
}
