import Testing
@testable import LineageGraph

/// Builds "organisation U on family F" scenarios whose parts can be varied one at a time.
///
/// Node 0 is F's root (author 0). U (author 1) has `familyModels` chains of length `depth`
/// below the root, each step of `relation`; the last model of each chain has `dependents`
/// children by author 2 with `dependentDownloads` downloads each. U also has `outsideModels`
/// models outside F (roots of their own).
struct Scenario {
    var familyModels = 2
    var depth = 1
    var relation = Relation.finetune
    var dependents = 3
    var dependentDownloads: Int64 = 1_000
    var uDownloads: Int64 = 10_000
    var outsideModels = 1
    var outsideDownloads: Int64 = 10_000

    func cost(config: SwitchingCostConfig = .default) -> SwitchingCost {
        var b = LineageGraphBuilder(nodeCount: 1)
        var authors: [Int32] = [0], downloads: [Int64] = [0]
        func node(_ author: Int32, _ dl: Int64) -> Int32 {
            authors.append(author)
            downloads.append(dl)
            return b.addNode()
        }
        for _ in 0..<familyModels {
            var parent: Int32 = 0
            for _ in 0..<depth {
                let v = node(1, uDownloads)
                b.addEdge(child: v, parent: parent, relation: relation)
                parent = v
            }
            for _ in 0..<dependents {
                b.addEdge(child: node(2, dependentDownloads), parent: parent, relation: .finetune)
            }
        }
        for _ in 0..<outsideModels { _ = node(1, outsideDownloads) }
        var columns = NodeColumns(count: b.nodeCount)
        columns.authorIds = authors
        columns.downloads = downloads
        columns.downloadsAllTime = downloads
        let g = b.build(columns: columns)
        return SwitchingCost(author: 1, family: FamilyContext(graph: g, roots: [0]), in: g, config: config)
    }
}

@Suite("Switching cost")
struct SwitchingCostTests {
    @Test func componentsAreExplained() {
        let c = Scenario().cost()
        #expect(c.components.map(\.kind) == SwitchingCost.ComponentKind.allCases)
        #expect(abs(c.components.reduce(0) { $0 + $1.contribution } - c.score) < 1e-9)
        #expect(c.score > 0 && c.score <= 100)
        #expect(c.authorModelCount == 3 && c.familyModelCount == 2)
        #expect(c[.modelShare].raw == 2.0 / 3.0)
        #expect(c[.trainingInvestment].raw == 2)  // two models at generation 1, weight 1
        #expect(c[.dependentModels].raw == 6)
        #expect(c[.dependentDownloads].raw == 6_000)
        #expect(c[.adoption].raw == 20_000)
        #expect(!c.cannotMoveBase)
        for comp in c.components { #expect((0...1).contains(comp.score)) }
    }

    @Test func normalisation() {
        #expect(SwitchingCost.normalized(0, threshold: 10) == 0)
        #expect(SwitchingCost.normalized(10, threshold: 10) == 1)
        #expect(SwitchingCost.normalized(1e9, threshold: 10) == 1)
        #expect(SwitchingCost.normalized(3, threshold: 10) < SwitchingCost.normalized(4, threshold: 10))
    }

    @Test func moreDepthRaisesCost() {
        let shallow = Scenario(depth: 1, uDownloads: 0, outsideModels: 0).cost()
        let deep = Scenario(depth: 3, uDownloads: 0, outsideModels: 0).cost()
        #expect(deep[.trainingInvestment].raw > shallow[.trainingInvestment].raw)
        #expect(deep.score > shallow.score)
    }

    @Test func moreDependentsRaiseCost() {
        let few = Scenario(dependents: 1).cost()
        let many = Scenario(dependents: 20).cost()
        #expect(many.score > few.score)
        #expect(Scenario(dependentDownloads: 1_000_000).cost().score > Scenario(dependentDownloads: 10).cost().score)
    }

    @Test func moreShareRaisesCost() {
        let diluted = Scenario(outsideModels: 5).cost()
        let focused = Scenario(outsideModels: 0).cost()
        #expect(focused[.modelShare].raw == 1 && focused[.downloadShare].raw == 1)
        #expect(focused.score > diluted.score)
    }

    @Test func moreAdoptionRaisesCost() {
        #expect(Scenario(uDownloads: 1_000_000).cost().score > Scenario(uDownloads: 1_000).cost().score)
    }

    @Test func quantizationOnlyScoresBelowFinetune() {
        let quantized = Scenario(relation: .quantized).cost()
        let finetuned = Scenario(relation: .finetune).cost()
        let merged = Scenario(relation: .merge).cost()
        #expect(quantized.score < merged.score && merged.score < finetuned.score)
        let adapter = Scenario(relation: .adapter).cost()
        #expect(adapter.cannotMoveBase && adapter.adapterModelCount == 2)
        #expect(adapter.score == finetuned.score)  // same default weight
    }

    @Test func configOverrides() {
        var config = SwitchingCostConfig()
        config.relationWeights[.quantized] = 1
        #expect(Scenario(relation: .quantized).cost(config: config).score == Scenario().cost().score)
        config[.dependentModels] = .init(weight: 0, threshold: 1)
        let c = Scenario().cost(config: config)
        #expect(c[.dependentModels].contribution == 0 && c[.dependentModels].weight == 0)
    }

    @Test func authorOutsideFamilyScoresZero() {
        let c = Scenario(familyModels: 0, outsideModels: 3).cost()
        #expect(c.score == 0 && c.familyModelCount == 0 && c.authorModelCount == 3)
    }
}
