/// How dependent a group of authors (a company, a country's labs…) is on one model family.
///
/// The group's derivative models are nodes of kind `.model` authored by a group member and
/// having at least one parent. A model in two families (a cross-family merge) counts fully for
/// both: shares toward one family therefore need not add up to 1 across families, and the
/// Herfindahl–Hirschman index is computed over (model, family) pairs so that it stays in 0...1.
public struct LockInIndex: Sendable, Equatable {
    /// One family's part of the group's derivative models.
    public struct FamilyShare: Sendable, Equatable {
        public let family: Int
        public let modelCount: Int
        /// modelCount / number of (model, family) pairs of the group.
        public let share: Double
    }

    /// Index of the family measured, in the membership's family list.
    public let family: Int
    public let derivativeModelCount: Int
    /// Derivative models that are members of the family.
    public let familyModelCount: Int
    /// familyModelCount / derivativeModelCount (0 when the group has no derivative).
    public let modelShare: Double
    /// Share of the derivatives' downloads that is on family members (0 when no downloads).
    public let downloadShare: Double
    /// Σ share² over families of the group's (model, family) pairs: 1 = a single family,
    /// 1/k = spread evenly over k. Multiply by 10,000 for the antitrust convention. 0 when no pair.
    public let herfindahl: Double
    /// Families with at least one of the group's derivatives, most models first (ties by index).
    public let familyShares: [FamilyShare]
    /// Derivatives in no family.
    public let unattributedModelCount: Int
    /// Among (model, family) pairs whose author country and family country are both known, the
    /// share where they differ; nil when no pair has both (or no attribution was given).
    public let foreignDependence: Double?
    /// Among the group's derivatives in `family` whose author country is known, the share
    /// whose country differs from the family's; nil when either is unknown.
    public let foreignShareOfFamily: Double?

    /// Lock-in of the authors in `group` toward family `family`. `graph` must carry `NodeColumns`.
    /// - Complexity: O(n + p) for p (model, family) pairs of the group, plus O(a) for author ids.
    public init(
        group: some Sequence<Int32>, family: Int, membership: FamilyMembership, graph: LineageGraph,
        useAllTimeDownloads: Bool = false, countries: CountryAttribution? = nil
    ) {
        guard let columns = graph.columns else { preconditionFailure("LockInIndex: graph has no NodeColumns") }
        precondition(membership.nodeCount == graph.nodeCount, "LockInIndex: membership of another graph")
        precondition(family >= 0 && family < membership.familyCount, "LockInIndex: family out of range")
        var members = NodeBitset(capacity: columns.authorIdUpperBound)
        for a in group where a >= 0 && Int(a) < members.capacity { members.insert(a) }
        let downloads = useAllTimeDownloads ? columns.downloadsAllTime : columns.downloads

        var derivatives = 0, inFamily = 0, unattributed = 0
        var totalDownloads = 0.0, familyDownloads = 0.0
        var perFamily = [Int](repeating: 0, count: membership.familyCount)
        var knownPairs = 0, foreignPairs = 0
        var knownInFamily = 0, foreignInFamily = 0
        let familyCountries = countries.map { c in (0..<membership.familyCount).map { c.familyCountry($0) } }

        for v in 0..<Int32(graph.nodeCount) {
            let author = columns.authorIds[Int(v)]
            guard author >= 0, Int(author) < members.capacity, members.contains(author),
                columns.kinds[Int(v)] == .model, graph.inDegree(v) > 0
            else { continue }
            derivatives += 1
            totalDownloads += Double(downloads[Int(v)])
            let families = membership.families(of: v)
            if families.isEmpty { unattributed += 1 }
            let authorCountry = countries?.authorCountry(author)
            for f in families {
                perFamily[Int(f)] += 1
                if let authorCountry, let familyCountry = familyCountries?[Int(f)] {
                    knownPairs += 1
                    if familyCountry != authorCountry { foreignPairs += 1 }
                }
                if Int(f) == family {
                    inFamily += 1
                    familyDownloads += Double(downloads[Int(v)])
                    if let authorCountry, familyCountries?[family] != nil {
                        knownInFamily += 1
                        if familyCountries?[family] != authorCountry { foreignInFamily += 1 }
                    }
                }
            }
        }

        let pairs = perFamily.reduce(0, +)
        var shares: [FamilyShare] = []
        var hhi = 0.0
        for (f, count) in perFamily.enumerated() where count > 0 {
            let s = Double(count) / Double(pairs)
            hhi += s * s
            shares.append(FamilyShare(family: f, modelCount: count, share: s))
        }
        shares.sort { ($0.modelCount, -$0.family) > ($1.modelCount, -$1.family) }

        self.family = family
        self.derivativeModelCount = derivatives
        self.familyModelCount = inFamily
        self.modelShare = derivatives == 0 ? 0 : Double(inFamily) / Double(derivatives)
        self.downloadShare = totalDownloads == 0 ? 0 : familyDownloads / totalDownloads
        self.herfindahl = hhi
        self.familyShares = shares
        self.unattributedModelCount = unattributed
        self.foreignDependence = knownPairs == 0 ? nil : Double(foreignPairs) / Double(knownPairs)
        self.foreignShareOfFamily = knownInFamily == 0 ? nil : Double(foreignInFamily) / Double(knownInFamily)
    }
}
