#if canImport(Darwin)
import Darwin  // log1p only; the engine does no I/O
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// How costly it would be for one organisation to move off a model family, on a 0–100 scale.
///
/// Six components, each a raw value `x` normalised like the OpenSSF criticality score,
/// `score = log(1+x) / log(1+max(x, threshold))` (0 at 0, 1 at or above the threshold), and
/// combined as `100 · Σ wᵢ·scoreᵢ / Σ wᵢ`:
/// - `modelShare`, `downloadShare`: share of the author's models (and of their downloads) that
///   are members of the family;
/// - `trainingInvestment`: Σ over the author's family models of generation below the family
///   roots × relation weight of the model's strongest edge into the family;
/// - `dependentModels`, `dependentDownloads`: descendants by other authors of the author's
///   family models, and their downloads — what breaks downstream if the author moves;
/// - `adoption`: downloads of the author's family models.
///
/// "The author's models" are nodes of kind `.model` with that author id.
public struct SwitchingCost: Sendable, Equatable {
    public enum ComponentKind: String, Sendable, CaseIterable, Hashable {
        case modelShare, downloadShare, trainingInvestment, dependentModels, dependentDownloads, adoption
    }

    /// One component as `--explain` shows it; contributions add up to `score`.
    public struct Component: Sendable, Equatable {
        public let kind: ComponentKind
        public let raw: Double
        public let threshold: Double
        /// Normalised raw value in 0...1.
        public let score: Double
        public let weight: Double
        /// Points of the 0–100 total due to this component: 100·weight·score/Σweights.
        public let contribution: Double
    }

    public let author: Int32
    /// Composite score, 0–100.
    public let score: Double
    /// Components in `ComponentKind.allCases` order.
    public let components: [Component]
    /// The author's models, in any family.
    public let authorModelCount: Int
    /// The author's models that are members of the family.
    public let familyModelCount: Int
    /// The author's family models with an adapter edge into the family.
    public let adapterModelCount: Int

    /// Whether some of the author's models are adapters, which cannot move to another base at all.
    public var cannotMoveBase: Bool { adapterModelCount > 0 }

    /// The component of `kind`.
    public subscript(kind: ComponentKind) -> Component { components.first { $0.kind == kind }! }

    /// OpenSSF-style normalisation: log(1+x)/log(1+max(x, threshold)), in 0...1.
    public static func normalized(_ x: Double, threshold: Double) -> Double {
        let x = max(0, x)
        let denominator = log1p(max(x, threshold))
        return denominator > 0 ? log1p(x) / denominator : 0
    }
}

// MARK: - Computation

extension SwitchingCost {
    /// Switching cost of `author` on `family` in `graph`, which must carry `NodeColumns`.
    /// - Complexity: O(n) to find the author's models, plus O(v + e) for the BFS over their
    ///   descendants, with `scratch` reused.
    public init(
        author: Int32, family: FamilyContext, in graph: LineageGraph, config: SwitchingCostConfig = .default,
        scratch: inout TraversalScratch
    ) {
        guard let columns = graph.columns else { preconditionFailure("SwitchingCost: graph has no NodeColumns") }
        precondition(family.generations.count == graph.nodeCount, "SwitchingCost: family of another graph")
        let downloads = config.useAllTimeDownloads ? columns.downloadsAllTime : columns.downloads

        var authorModels = 0, authorDownloads = 0.0
        var familyModels: [Int32] = []
        var familyDownloads = 0.0, investment = 0.0, adapters = 0
        for v in 0..<Int32(graph.nodeCount)
        where columns.authorIds[Int(v)] == author && columns.kinds[Int(v)] == .model {
            authorModels += 1
            authorDownloads += Double(downloads[Int(v)])
            let generation = family.generations[Int(v)]
            guard generation >= 0 else { continue }
            familyModels.append(v)
            familyDownloads += Double(downloads[Int(v)])
            // Strongest edge into the family decides how tied this model is.
            var weight = 0.0, isAdapter = false
            for parent in graph.parents(of: v) where family.contains(parent.node) {
                weight = max(weight, config.relationWeights[parent.relation])
                if parent.relation.traits.bindsToBase { isAdapter = true }
            }
            investment += Double(generation) * weight
            if isAdapter { adapters += 1 }
        }

        var dependents = 0, dependentDownloads = 0.0
        if !familyModels.isEmpty {
            let below = graph.descendants(of: familyModels, scratch: &scratch)
            for w in below.reached where columns.authorIds[Int(w)] != author {
                dependents += 1
                dependentDownloads += Double(downloads[Int(w)])
            }
        }

        let raw: [ComponentKind: Double] = [
            .modelShare: authorModels == 0 ? 0 : Double(familyModels.count) / Double(authorModels),
            .downloadShare: authorDownloads == 0 ? 0 : familyDownloads / authorDownloads,
            .trainingInvestment: investment,
            .dependentModels: Double(dependents),
            .dependentDownloads: dependentDownloads,
            .adoption: familyDownloads,
        ]
        let totalWeight = ComponentKind.allCases.reduce(0.0) { $0 + config[$1].weight }
        var components: [Component] = []
        var total = 0.0
        for kind in ComponentKind.allCases {
            let p = config[kind], x = raw[kind]!
            let s = Self.normalized(x, threshold: p.threshold)
            let contribution = totalWeight > 0 ? 100 * p.weight * s / totalWeight : 0
            total += contribution
            components.append(Component(kind: kind, raw: x, threshold: p.threshold, score: s, weight: p.weight, contribution: contribution))
        }
        self.author = author
        self.score = min(100, max(0, total))
        self.components = components
        self.authorModelCount = authorModels
        self.familyModelCount = familyModels.count
        self.adapterModelCount = adapters
    }

    /// `init(author:family:in:config:scratch:)` with a scratch of its own.
    /// - Complexity: O(n + v + e).
    public init(author: Int32, family: FamilyContext, in graph: LineageGraph, config: SwitchingCostConfig = .default) {
        var scratch = TraversalScratch(nodeCount: graph.nodeCount)
        self.init(author: author, family: family, in: graph, config: config, scratch: &scratch)
    }
}
