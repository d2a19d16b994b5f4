import LineageCatalog
/// Builds a `SyntheticHub`: one pass over the models in creation order, with preferential attachment
/// inside families, plus planted base models, self-loops and cycles.
///
/// The process, per model i of N (creation time from `SyntheticHubCalendar`):
/// 1. The catalog families' base models (and one first-party `-Instruct` fine-tune each) sit at planted
///    positions matching their release quarter, published under the owner namespace.
/// 2. Any other model is, by `SyntheticHubConfiguration`'s shares, a fine-tune, adapter, quantization,
///    merge, untyped derivative, community base model or isolated model.
/// 3. A derivative picks a family among those already released, by weight (named families) or, with
///    the community weight, a community family chosen in proportion to how often it was picked before
///    (a Yule process: heavy-tailed family sizes). Inside the family it picks a parent from an urn
///    holding every parentable member once plus once per child it already has (preferential attachment),
///    or — for fine-tunes, merges and untyped derivatives — one of the family's 16 newest members,
///    which grows chains. Quantizations and most adapters never enter the urn, so they stay leaves;
///    a small share of derivatives takes a quantized parent (99% of quantizations stay leaves).
/// 4. Merges take 2–4 distinct parents, each later one from another family with probability 0.6.
/// 5. A parent slot names an absent model with probability `danglingShare`.
/// 6. Authors follow Simon's model (new namespace with probability 0.28, else the author of a random
///    earlier model); registry organizations are every sixth of the early new namespaces; half of the
///    quantizations come from eight quantizer namespaces.
package struct SyntheticHubGenerator {
    private let config: SyntheticHubConfiguration
    private var hub: SyntheticHub
    private var rng: SyntheticHubRandom
    private let namespaces: SyntheticHubNamespaces

    // Families: per family an urn of parent candidates, a ring of recent members, and its quantizations.
    private var urn: [[Int32]] = []
    private var recent: [[Int32]] = []
    private var recentHead: [Int] = []
    private var quantizedMembers: [[Int32]] = []
    private var familyStem: [Int32] = []
    /// Released named families (ids) with cumulative weights.
    private var released: [Int32] = []
    private var releasedWeight: [Double] = []
    private var isReleased: [Bool] = []
    /// Community family ids, once per pick (preferential choice of community families).
    private var communityUrn: [Int32] = []

    // Authors.
    private var authorIndex: [String: Int32] = [:]
    private var ownerAuthor: [Int32] = []
    private var simonPool: [Int32] = []
    private var newAuthors = 0
    private var nextUser = 0
    private var nextRegistry = 0
    private let quantizers = 8

    private static let recentSize = 16

    package init(configuration: SyntheticHubConfiguration, catalog: FamilyCatalog, namespaces: SyntheticHubNamespaces) {
        config = configuration
        rng = SyntheticHubRandom(seed: configuration.seed)
        self.namespaces = namespaces
        hub = SyntheticHub(configuration: configuration, specs: SyntheticHubFamilySpec.specs(for: catalog))
    }

    /// Runs the whole generation.
    /// - Complexity: O(N) time and memory (expected; merges retry a bounded number of times).
    package mutating func run() -> SyntheticHub {
        let n = config.models
        reserve(n)
        setUpAuthorsAndStems()
        let planted = plant(n)
        var plantCursor = 0
        for i in 0..<n {
            let created = SyntheticHubCalendar.time(atShare: (Double(i) + rng.unit()) / Double(max(n, 1)))
            if plantCursor < planted.count, planted[plantCursor].index == i {
                addPlanted(planted[plantCursor], index: i, created: created)
                plantCursor += 1
            } else {
                addOrdinary(index: i, created: created)
            }
        }
        plantCycles()
        return hub
    }

    // MARK: - Set-up

    private mutating func reserve(_ n: Int) {
        hub.kind.reserveCapacity(n); hub.family.reserveCapacity(n); hub.author.reserveCapacity(n)
        hub.stem.reserveCapacity(n); hub.tag.reserveCapacity(n); hub.parentStart.reserveCapacity(n + 1)
        hub.parents.reserveCapacity(n / 3); hub.created.reserveCapacity(n); hub.modifiedDelta.reserveCapacity(n)
        hub.downloads.reserveCapacity(n); hub.downloadsAllTime.reserveCapacity(n); hub.likes.reserveCapacity(n)
        hub.license.reserveCapacity(n); hub.arxiv.reserveCapacity(n); simonPool.reserveCapacity(n)
    }

    private mutating func setUpAuthorsAndStems() {
        // Quantizer namespaces are the first eight generated users.
        for _ in 0..<quantizers { _ = newUserAuthor() }
        for spec in hub.specs {
            ownerAuthor.append(author(named: spec.owner))
        }
        for (name, pipeline) in SyntheticHub.genericStems {
            addStem(name, pipeline: pipeline)
        }
    }

    @discardableResult
    private mutating func addStem(_ name: String, pipeline: UInt8) -> Int32 {
        hub.stems.append(name)
        hub.stemPipeline.append(pipeline)
        // Parameters: 0.1B to 70B, log-uniform-ish.
        hub.stemParameters.append(Int64(rng.heavyTail(minBits: 27, maxBits: 36, ratio: 0.55)))
        return Int32(hub.stems.count - 1)
    }

    private mutating func author(named name: String) -> Int32 {
        let key = name.lowercased()
        if let i = authorIndex[key] { return i }
        hub.authors.append(name)
        let i = Int32(hub.authors.count - 1)
        authorIndex[key] = i
        return i
    }

    private mutating func newUserAuthor() -> Int32 {
        while true {
            let name = SyntheticHubNamespaces.userName(nextUser)
            nextUser += 1
            if authorIndex[name.lowercased()] == nil { return author(named: name) }
        }
    }

    /// A new namespace: a registry organization for every sixth while they last, else a generated user.
    private mutating func newAuthor() -> Int32 {
        newAuthors += 1
        if newAuthors % 6 == 3, nextRegistry < namespaces.registry.count {
            nextRegistry += 1
            return author(named: namespaces.registry[nextRegistry - 1])
        }
        return newUserAuthor()
    }

    private mutating func ordinaryAuthor(kind: SyntheticHub.Kind) -> Int32 {
        let chosen: Int32
        if kind == .quantized, rng.chance(config.quantizerShare) {
            chosen = Int32(rng.below(quantizers))
        } else if simonPool.isEmpty || rng.chance(config.newAuthorShare) {
            chosen = newAuthor()
        } else {
            chosen = simonPool[rng.below(simonPool.count)]
        }
        // Quantizer releases stay out of the pool so the quantizers' share does not compound.
        if chosen >= Int32(quantizers) { simonPool.append(chosen) }
        return chosen
    }

    // MARK: - Planted base models

    package struct Plant {
        var index: Int
        var family: Int
        var stem: Int32
        /// The planted base model this first-party fine-tune derives from; nil for a base model.
        var baseIndex: Int?
    }

    /// Positions of the catalog families' base models and first-party fine-tunes. When N is too small
    /// for all of them, the later (smaller) families are left out.
    private mutating func plant(_ n: Int) -> [Plant] {
        var taken = [Bool](repeating: false, count: n)
        var plants: [Plant] = []
        var budget = n / 4
        for f in hub.specs.indices {
            let spec = hub.specs[f]
            urn.append([]); recent.append([]); recentHead.append(0); quantizedMembers.append([]); isReleased.append(false)
            familyStem.append(-1)
            guard budget >= 2 * spec.roots.count else { continue }
            budget -= 2 * spec.roots.count
            for root in spec.roots {
                let stem = addStem(root.name, pipeline: 0)
                let first = SyntheticHubCalendar.firstIndex(ofQuarter: root.quarter, count: n)
                let next = SyntheticHubCalendar.firstIndex(ofQuarter: root.quarter + 1, count: n)
                let want = min(n - 1, first + rng.below(max(1, (next - first) / 3)))
                guard let at = free(&taken, from: want) else { continue }
                plants.append(Plant(index: at, family: f, stem: stem, baseIndex: nil))
                if let child = free(&taken, from: at + 1) {
                    plants.append(Plant(index: child, family: f, stem: stem, baseIndex: at))
                }
            }
        }
        plants.sort { $0.index < $1.index }
        return plants
    }

    /// The first untaken position at or after `start` (marked taken), or nil.
    private func free(_ taken: inout [Bool], from start: Int) -> Int? {
        var i = start
        while i < taken.count, taken[i] { i += 1 }
        guard i < taken.count else { return nil }
        taken[i] = true
        return i
    }

    private mutating func addPlanted(_ plant: Plant, index i: Int, created: Int64) {
        let f = plant.family
        if let base = plant.baseIndex {
            append(kind: .firstParty, family: Int32(f), author: ownerAuthor[f], stem: plant.stem, created: created,
                   parents: [Int32(base)], license: hub.license[base])
            addToFamily(f, member: i, copies: 6)
        } else {
            append(kind: .familyRoot, family: Int32(f), author: ownerAuthor[f], stem: plant.stem, created: created,
                   parents: [], license: Self.familyLicense(hub.specs[f].id))
            addToFamily(f, member: i, copies: 20)
            if !isReleased[f] {
                isReleased[f] = true
                released.append(Int32(f))
                releasedWeight.append((releasedWeight.last ?? 0) + hub.specs[f].weight)
            }
            familyStem[f] = plant.stem
        }
    }

    private static func familyLicense(_ id: String) -> UInt8 {
        switch id {
        case "llama": 4
        case "gemma": 5
        case "qwen": 0
        case "mistral", "falcon", "gpt_neo", "pythia": 0
        case "phi", "deepseek": 1
        default: 6
        }
    }

    // MARK: - Ordinary models

    private mutating func addOrdinary(index i: Int, created: Int64) {
        var kind = drawKind()
        var family: Int32 = -1
        if kind.relation != nil {
            if let f = pickFamily() { family = f } else { kind = .communityRoot }
        }
        switch kind {
        case .isolated:
            let g = rng.below(SyntheticHub.genericStems.count)
            append(kind: .isolated, family: -1, author: ordinaryAuthor(kind: kind), stem: Int32(g), created: created,
                   parents: [], license: ordinaryLicense())
        case .communityRoot:
            let g = Int32(rng.below(SyntheticHub.genericStems.count))
            let f = Int32(urn.count)
            urn.append([]); recent.append([]); recentHead.append(0); quantizedMembers.append([]); familyStem.append(g)
            append(kind: .communityRoot, family: f, author: ordinaryAuthor(kind: kind), stem: g, created: created,
                   parents: [], license: ordinaryLicense())
            addToFamily(Int(f), member: i, copies: 2)
            communityUrn.append(f)
        default:
            addDerivative(kind: kind, family: family, index: i, created: created)
        }
    }

    /// apache-2.0 half the time, mit a fifth, else any license.
    private mutating func ordinaryLicense() -> UInt8 {
        let u = rng.unit()
        return u < 0.5 ? 0 : (u < 0.7 ? 1 : UInt8(rng.below(SyntheticHub.licenses.count)))
    }

    private mutating func drawKind() -> SyntheticHub.Kind {
        var u = rng.unit()
        if u < config.finetuneShare { return .finetune }
        u -= config.finetuneShare
        if u < config.adapterShare { return .adapter }
        u -= config.adapterShare
        if u < config.quantizedShare { return .quantized }
        u -= config.quantizedShare
        if u < config.mergeShare { return .merge }
        u -= config.mergeShare
        if u < config.unknownShare { return .unknown }
        u -= config.unknownShare
        return u < config.communityRootShare ? .communityRoot : .isolated
    }

    /// A released family, by weight; nil when none exists yet.
    private mutating func pickFamily() -> Int32? {
        let named = releasedWeight.last ?? 0
        let community = communityUrn.isEmpty ? 0 : config.communityWeight
        guard named + community > 0 else { return nil }
        let x = rng.unit() * (named + community)
        if x < named {
            var low = 0, high = releasedWeight.count - 1
            while low < high {
                let mid = (low + high) / 2
                if releasedWeight[mid] > x { high = mid } else { low = mid + 1 }
            }
            return released[low]
        }
        let f = communityUrn[rng.below(communityUrn.count)]
        communityUrn.append(f)
        return f
    }

    private mutating func pickParent(family f: Int, kind: SyntheticHub.Kind) -> Int32 {
        if !quantizedMembers[f].isEmpty, rng.chance(config.quantizedParentShare) {
            return quantizedMembers[f][rng.below(quantizedMembers[f].count)]
        }
        if kind == .finetune || kind == .merge || kind == .unknown, !recent[f].isEmpty, rng.chance(config.recentParentShare) {
            return recent[f][rng.below(recent[f].count)]
        }
        let p = urn[f][rng.below(urn[f].count)]
        urn[f].append(p)
        return p
    }

    private mutating func addDerivative(kind: SyntheticHub.Kind, family: Int32, index i: Int, created: Int64) {
        let f = Int(family)
        let first = pickParent(family: f, kind: kind)
        var chosen = [first]
        if kind == .merge {
            let k = rng.chance(0.55) ? 2 : (rng.chance(0.667) ? 3 : 4)
            var attempts = 0
            while chosen.count < k, attempts < 3 * k {
                attempts += 1
                let g = rng.chance(config.crossFamilyMergeShare) ? (pickFamily() ?? family) : family
                let p = pickParent(family: Int(g), kind: kind)
                if !chosen.contains(p) { chosen.append(p) }
            }
        }
        var dangling = false
        var written: [Int32] = []
        for (slot, p) in chosen.enumerated() {
            if rng.chance(config.danglingShare) {
                if slot == 0 { dangling = true }
                written.append(-Int32(hub.danglingNames.count) - 1)
                hub.danglingNames.append("\(SyntheticHubNamespaces.userName(50_000 + rng.below(5_000)))/\(hub.stems[Int(hub.stem[Int(p)])])-removed-\(hub.danglingNames.count)")
            } else {
                written.append(p)
            }
        }
        let parentLicense = hub.license[Int(first)]
        let license = rng.chance(0.8) ? parentLicense : ordinaryLicense()
        append(kind: kind, family: family, author: ordinaryAuthor(kind: kind), stem: hub.stem[Int(first)], created: created,
               parents: written, license: license)
        hub.tag[i] = UInt8(rng.below(SyntheticHub.tagWords[kind]?.count ?? 1))
        if dangling { return }
        switch kind {
        case .finetune, .merge, .unknown: addToFamily(f, member: i, copies: 1)
        case .adapter: if rng.chance(config.adapterParentShare) { addToFamily(f, member: i, copies: 1) }
        case .quantized: quantizedMembers[f].append(Int32(i))
        default: break
        }
    }

    private mutating func addToFamily(_ f: Int, member i: Int, copies: Int) {
        for _ in 0..<copies { urn[f].append(Int32(i)) }
        if recent[f].count < Self.recentSize {
            recent[f].append(Int32(i))
        } else {
            recent[f][recentHead[f]] = Int32(i)
            recentHead[f] = (recentHead[f] + 1) % Self.recentSize
        }
    }

    // MARK: - Rows

    private mutating func append(
        kind: SyntheticHub.Kind, family: Int32, author: Int32, stem: Int32, created: Int64, parents: [Int32], license: UInt8
    ) {
        hub.kind.append(kind)
        hub.family.append(family)
        hub.author.append(author)
        hub.stem.append(stem)
        hub.tag.append(0)
        hub.parents.append(contentsOf: parents)
        hub.parentStart.append(Int32(hub.parents.count))
        hub.created.append(created)
        let end = SyntheticHubCalendar.quarterStart(SyntheticHubCalendar.quarterCount)
        hub.modifiedDelta.append(Int32(min(Int64(rng.below(120 * 86_400)), max(0, end - 1 - created))))
        let downloads: Int
        let likes: Int
        switch kind {
        case .familyRoot:
            downloads = rng.heavyTail(minBits: 20, maxBits: 27, ratio: 0.5)
            likes = rng.heavyTail(minBits: 9, maxBits: 14, ratio: 0.5)
        case .firstParty:
            downloads = rng.heavyTail(minBits: 17, maxBits: 26, ratio: 0.5)
            likes = rng.heavyTail(minBits: 7, maxBits: 13, ratio: 0.5)
        default:
            downloads = rng.chance(0.4) ? 0 : rng.heavyTail(minBits: 1, maxBits: 26, ratio: 0.68)
            likes = rng.chance(0.55) ? 0 : rng.heavyTail(minBits: 1, maxBits: 16, ratio: 0.55)
        }
        hub.downloads.append(Int32(downloads))
        hub.downloadsAllTime.append(Int64(downloads) * Int64(1 + rng.below(6)) + Int64(rng.heavyTail(minBits: 0, maxBits: 20, ratio: 0.6)))
        hub.likes.append(Int32(likes))
        hub.license.append(license)
        let arxivShare = kind == .familyRoot ? 1.0 : (kind == .isolated || kind == .communityRoot ? 0.12 : 0.05)
        if rng.chance(arxivShare) {
            let days = Int(created / 86_400)
            let (y, m, _) = SyntheticHubCalendar.civilFromDays(days)
            hub.arxiv.append(Int32(((y % 100) * 100 + m) * 100_000 + rng.below(30_000)))
        } else {
            hub.arxiv.append(0)
        }
    }

    // MARK: - Self-loops and cycles

    /// Plants `selfLoops` self-references, `twoCycles` pairs naming each other and `threeCycles` loops of
    /// three, among ordinary fine-tunes (scanning from random starting points; fewer when N is small).
    private mutating func plantCycles() {
        let n = hub.count
        guard n > 0 else { return }
        var used = Set<Int>()
        func isFinetune(_ i: Int) -> Bool { hub.kind[i] == .finetune && !used.contains(i) }
        func firstParent(_ i: Int) -> Int? {
            let s = Int(hub.parentStart[i])
            guard s < Int(hub.parentStart[i + 1]), hub.parents[s] >= 0 else { return nil }
            return Int(hub.parents[s])
        }
        func scan(_ accept: (Int) -> Bool) -> Int? {
            let start = rng.below(n)
            for k in 0..<n {
                let i = (start + k) % n
                if accept(i) { return i }
            }
            return nil
        }
        for _ in 0..<config.selfLoops {
            guard let i = scan({ isFinetune($0) }) else { break }
            used.insert(i)
            hub.extraParents.append((Int32(i), Int32(i)))
        }
        for _ in 0..<config.twoCycles {
            guard let b = scan({ i in isFinetune(i) && firstParent(i).map { isFinetune($0) } == true }) else { break }
            let a = firstParent(b)!
            used.formUnion([a, b])
            hub.extraParents.append((Int32(a), Int32(b)))
        }
        for _ in 0..<config.threeCycles {
            guard let c = scan({ i in
                guard isFinetune(i), let b = firstParent(i), isFinetune(b), let a = firstParent(b) else { return false }
                return isFinetune(a) && a != i
            }) else { break }
            let b = firstParent(c)!, a = firstParent(b)!
            used.formUnion([a, b, c])
            hub.extraParents.append((Int32(a), Int32(c)))
        }
    }
}

extension SyntheticHub {
    /// Generates a Hub of `configuration.models` models for the families of `catalog`.
    /// Same configuration, catalog and registry, same result.
    /// - Complexity: O(N) expected time and memory.
    public static func generate(
        _ configuration: SyntheticHubConfiguration, catalog: FamilyCatalog, namespaces: SyntheticHubNamespaces? = nil
    ) -> SyntheticHub {
        var generator = SyntheticHubGenerator(
            configuration: configuration, catalog: catalog,
            namespaces: namespaces ?? SyntheticHubNamespaces(catalog: catalog))
        return generator.run()
    }
}
