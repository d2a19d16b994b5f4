/// Resolves user words to families, namespaces or models, and finds each family's roots.
///
/// Built once from the caller's names table (node id → Hub id such as `meta-llama/Llama-3-8B`)
/// and family list. It keeps the only dictionaries of the engine, keyed by lowercased spelling:
/// namespace → namespace number (whose nodes are grouped in a CSR) and family word → family
/// index. Nodes whose name has no `/` belong to no namespace (they can still be resolved as models).
public struct FamilyResolver: Sendable {
    public let names: [String]
    public let families: [Family]
    /// Lowercased namespace → namespace number. Names without `/` are kept under `""`.
    private let namespaceNumbers: [String: Int32]
    /// Nodes of namespace k are `namespaceNodes[namespaceOffsets[k]..<namespaceOffsets[k+1]]`, ascending.
    private let namespaceOffsets: [Int32]
    private let namespaceNodes: [Int32]
    /// Lowercased family word → family index (the first family listing a word wins).
    private let familyWordIndex: [String: Int]
    /// Lowercased legacy id → the canonical id it was merged into (`gpt2` → `openai-community/gpt2`).
    private let aliases: [String: String]

    /// Maximum number of close matches an error carries.
    public static let suggestionLimit = 5

    /// - Complexity: O(total length of names + total length of family words); with a prebuilt
    ///   `namespaceIndex` (from the store's graph cache), O(namespaces + total length of family words).
    public init(
        names: [String], families: [Family], namespaceIndex: NamespaceIndex? = nil,
        aliases: [(legacy: String, canonical: String)] = []
    ) {
        self.names = names
        self.families = families
        var aliasIndex: [String: String] = [:]
        for alias in aliases { aliasIndex[alias.legacy.lowercased()] = alias.canonical }
        self.aliases = aliasIndex
        let index = namespaceIndex.flatMap { $0.nodes.count == names.count ? $0 : nil } ?? NamespaceIndex(names: names)
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(index.keys.count)
        for (k, key) in index.keys.enumerated() { numbers[key] = Int32(k) }
        namespaceNumbers = numbers
        namespaceOffsets = index.offsets
        namespaceNodes = index.nodes
        var words: [String: Int] = [:]
        for (f, family) in families.enumerated() {
            for word in family.words where !word.isEmpty {
                let key = word.lowercased()
                if words[key] == nil { words[key] = f }
            }
        }
        familyWordIndex = words
    }

    /// The namespace of a Hub id: the part before the first `/`, or nil when there is none.
    public static func namespace(of name: String) -> Substring? {
        // Scanning UTF-8 avoids grapheme breaking; `/` is ASCII so the index is a valid boundary.
        guard let slash = name.utf8.firstIndex(of: UInt8(ascii: "/")), slash != name.startIndex else { return nil }
        return name[..<slash]
    }

    /// `text` lowercased, skipping the Unicode machinery for already-lowercase ASCII (most Hub ids).
    static func lowercasedKey(_ text: Substring) -> String {
        let plain = text.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        return plain ? String(text) : text.lowercased()
    }

    /// Nodes of the namespace keyed `key` (lowercased), ascending, or nil when unknown.
    private func bucket(_ key: String) -> ArraySlice<Int32>? {
        guard let k = namespaceNumbers[key] else { return nil }
        return namespaceNodes[Int(namespaceOffsets[Int(k)])..<Int(namespaceOffsets[Int(k) + 1])]
    }

    /// Every namespace, spelled as its first node spells it (unordered).
    /// - Complexity: O(number of namespaces).
    private var namespaceSpellings: [String] {
        namespaceNumbers.compactMap { key, k in
            key.isEmpty ? nil : Self.namespace(of: names[Int(namespaceNodes[Int(namespaceOffsets[Int(k)])])]).map(String.init)
        }
    }

    // MARK: - Lookups

    /// Nodes whose namespace equals `namespace` case-insensitively, ascending.
    /// - Complexity: O(1) expected, plus the copy.
    public func nodes(inNamespace namespace: String) -> [Int32] {
        guard !namespace.isEmpty else { return [] }
        return bucket(namespace.lowercased()).map(Array.init) ?? []
    }

    /// The node named `name` case-insensitively, or nil; a legacy id merged into another node
    /// (`gpt2`) finds the node it was merged into.
    /// - Complexity: O(size of its namespace · name length).
    public func node(named name: String) -> Int32? {
        if let found = exactNode(named: name) { return found }
        if let canonical = aliases[name.lowercased()] { return exactNode(named: canonical) }
        return nil
    }

    private func exactNode(named name: String) -> Int32? {
        guard let bucket = bucket(Self.lowercasedKey(Self.namespace(of: name) ?? "")) else { return nil }
        let lowered = name.lowercased()
        return bucket.first { names[Int($0)] == name } ?? bucket.first { names[Int($0)].lowercased() == lowered }
    }

    /// Index of the family `word` names (id, label, namespace or alias), or nil.
    public func familyIndex(for word: String) -> Int? { familyWordIndex[word.lowercased()] }

    /// Roots of family `index`: nodes in its owner or alias namespaces, ascending, deduplicated.
    /// - Complexity: O(r log r) for r roots.
    public func roots(ofFamily index: Int) -> [Int32] { roots(of: families[index]) }

    /// Roots of `family`, which need not be in the resolver's list.
    /// - Complexity: O(r log r).
    public func roots(of family: Family) -> [Int32] {
        var seen = Set<String>()
        var out: [Int32] = []
        for ns in family.namespaces where seen.insert(ns.lowercased()).inserted {
            out += nodes(inNamespace: ns)
        }
        out.sort()
        return out
    }

    // MARK: - Resolution

    /// Resolves `word`, case-insensitively: first as a family word, then as an exact node name,
    /// then as a namespace.
    /// - Throws: `FamilyResolutionError` with up to five close matches when nothing matches.
    /// - Complexity: O(1) expected on success; suggestions cost O(K·L²) over K known words.
    public func resolve(_ word: String) throws(FamilyResolutionError) -> FamilyResolution {
        let trimmed = String(word.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if let f = familyIndex(for: trimmed) { return .family(families[f], index: f) }
        if !trimmed.isEmpty, let node = node(named: trimmed) { return .model(node) }
        if !trimmed.contains("/"), !trimmed.isEmpty, let bucket = bucket(trimmed.lowercased()) {
            let spelling = Self.namespace(of: names[Int(bucket.first!)]).map(String.init) ?? trimmed
            return .namespace(spelling, nodes: Array(bucket))
        }
        throw FamilyResolutionError(word: word, suggestions: suggestions(for: trimmed))
    }

    /// Up to `limit` known spellings closest to `word` by edit distance (ties alphabetical).
    ///
    /// Candidates are family words and namespaces; for a word containing `/`, also the node
    /// names of its namespace, or of the three namespaces closest to its prefix when that one
    /// is unknown. Matches farther than max(2, length/2) edits are left out.
    /// - Complexity: O(K·L²) for K candidates of length L, with early exit per candidate.
    public func suggestions(for word: String, limit: Int = FamilyResolver.suggestionLimit) -> [String] {
        let target = Array(word.lowercased().utf8)
        guard !target.isEmpty else { return [] }
        let maxDistance = max(2, target.count / 2)
        var best = BestMatches(limit: limit, maxDistance: maxDistance)

        for family in families {
            for w in family.words where !w.isEmpty { best.consider(w, against: target) }
        }
        if let prefix = Self.namespace(of: word) {
            var buckets: [ArraySlice<Int32>] = []
            if let bucket = bucket(prefix.lowercased()) {
                buckets = [bucket]
            } else {
                var near = BestMatches(limit: 3, maxDistance: max(2, prefix.utf8.count / 2))
                let prefixBytes = Array(prefix.lowercased().utf8)
                for ns in namespaceSpellings { near.consider(ns, against: prefixBytes) }
                buckets = near.results.compactMap { bucket($0.lowercased()) }
            }
            for bucket in buckets {
                for id in bucket { best.consider(names[Int(id)], against: target) }
            }
        } else {
            for ns in namespaceSpellings { best.consider(ns, against: target) }
            if let bucket = bucket("") {
                for id in bucket { best.consider(names[Int(id)], against: target) }
            }
        }
        return best.results
    }
}

// MARK: - Suggestion ranking

/// The `limit` closest candidates seen so far, deduplicated case-insensitively.
private struct BestMatches {
    let limit: Int
    var maxDistance: Int
    private var entries: [(distance: Int, text: String)] = []

    init(limit: Int, maxDistance: Int) {
        self.limit = limit
        self.maxDistance = maxDistance
    }

    mutating func consider(_ candidate: String, against target: [UInt8]) {
        guard limit > 0 else { return }
        let bytes = Array(candidate.lowercased().utf8)
        guard let d = EditDistance.levenshtein(target, bytes, limit: maxDistance) else { return }
        if let i = entries.firstIndex(where: { $0.text.lowercased() == candidate.lowercased() }) {
            if d < entries[i].distance { entries[i].distance = d }
            else { return }
        } else {
            entries.append((d, candidate))
        }
        entries.sort { ($0.distance, $0.text) < ($1.distance, $1.text) }
        if entries.count > limit {
            entries.removeLast(entries.count - limit)
            maxDistance = entries[limit - 1].distance  // nothing farther can enter any more
        }
    }

    var results: [String] { entries.map(\.text) }
}
