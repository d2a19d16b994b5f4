import Foundation
import LineageGraph
import LineageSupport

/// The model families Lineage knows: the shipped `families.csv` (ATOM, Apache-2.0) plus the user's own.
///
/// The CSV header is `family_id,label,hf_org,access_class,tracking_scope,aliases[,kind]`. `hf_org`
/// lists the owner's Hub namespaces separated by `;`, the current owner first and earlier or sister
/// namespaces after it (GLM: `zai-org; THUDM`); `aliases` are extra words separated by `;`; `kind` is
/// one of `FamilyKind` (`llm` when the column is absent, as in ATOM's original six-column file). A user
/// file (`--families FILE.csv`, either header) adds families, and replaces a shipped family with the
/// same `family_id`.
///
/// Roots: a model is a root of family F when it sits in one of F's namespaces *and* its own name says
/// it is F: F's id, label or an alias occurs in the name at a word boundary (start or after a
/// character that is neither letter nor digit; followed by the end or a non-letter, so `qwen2` and
/// `phi-2` match but `phikon` and `optimus` do not). This holds for every namespace, shared or not:
/// `facebook` publishes OPT but also wav2vec2, DETR and BART, `stabilityai` StableLM and Stable
/// Diffusion. Where two families of one namespace both match, the longer match wins (`OLMo-2-7B` →
/// olmo, `Molmo-7B` → molmo); a model matching none is the root of no family.
public struct FamilyCatalog: Sendable {
    /// One row of a families file.
    public struct Entry: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        /// Owner namespace first, then alias namespaces; empty when the family has no Hub namespace.
        public var namespaces: [String]
        public var aliases: [String]
        public var accessClass: String
        public var trackingScope: String
        /// `bundled`, or the path of the user file that defined the entry.
        public var source: String
        /// What the family's models are (LLM, diffusion, speech…), for rankings that keep them apart.
        public var kind: FamilyKind

        public init(
            id: String, label: String, namespaces: [String], aliases: [String] = [],
            accessClass: String = "", trackingScope: String = "", source: String = "bundled",
            kind: FamilyKind = .llm
        ) {
            self.kind = kind
            self.id = id
            self.label = label
            self.namespaces = namespaces
            self.aliases = aliases
            self.accessClass = accessClass
            self.trackingScope = trackingScope
            self.source = source
        }

        /// The engine's view of the entry.
        public var family: Family {
            Family(
                id: id, label: label, ownerNamespace: namespaces.first ?? "", aliases: aliases,
                aliasNamespaces: Array(namespaces.dropFirst()))
        }
    }

    /// The expected header, column by column (ATOM's six columns, then Lineage's `kind`).
    public static let header = ["family_id", "label", "hf_org", "access_class", "tracking_scope", "aliases", "kind"]
    /// ATOM's original header, still accepted: every family is then an `llm`.
    public static let legacyHeader = Array(header.dropLast())
    /// The shipped file's resource name.
    public static let bundledFileName = "families.csv"

    /// Entries in file order: shipped ones first (overridden in place), then the user's new ones.
    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The families in `entries` order, for `FamilyResolver` and `FamilyMembership`.
    public var families: [Family] { entries.map(\.family) }

    /// Index of the entry whose id is `id` (case-insensitive).
    public func index(ofID id: String) -> Int? {
        let key = id.lowercased()
        return entries.firstIndex { $0.id.lowercased() == key }
    }

    // MARK: - Loading

    /// The shipped catalog plus, when given, the user's file.
    /// - Throws: `CatalogError` naming `file:line` for a malformed row, or when a file cannot be read.
    public static func load(userFile: String? = nil) throws(CatalogError) -> FamilyCatalog {
        let bundledPath = try CatalogError.bundledPath(bundledFileName)
        var catalog = FamilyCatalog(entries: try parse(contentsOf: bundledPath, source: "bundled"))
        if let userFile { catalog = catalog.merging(try parse(contentsOf: userFile, source: userFile)) }
        return catalog
    }

    /// Entries of the file at `path`.
    public static func parse(contentsOf path: String, source: String) throws(CatalogError) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CatalogError(file: path, "cannot read the families file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CatalogError(file: path, "the families file is not UTF-8 text")
        }
        return try parse(text, file: path, source: source)
    }

    /// Entries of a families CSV; `file` names it in errors (`file:line: …`).
    /// - Complexity: O(length of `text`).
    public static func parse(_ text: String, file: String, source: String? = nil) throws(CatalogError) -> [Entry] {
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var sawHeader = false
        var columns = header
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields: [String]
            do { fields = try splitCSVLine(line) } catch { throw CatalogError(file: file, line: lineNumber, error.problem) }
            if !sawHeader {
                let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard names == header || names == legacyHeader else {
                    throw CatalogError(file: file, line: lineNumber, "header must be \(header.joined(separator: ",")) (kind may be left out), found \(line)")
                }
                columns = names
                sawHeader = true
                continue
            }
            guard fields.count == columns.count else {
                throw CatalogError(file: file, line: lineNumber, "expected \(columns.count) fields (\(columns.joined(separator: ","))), found \(fields.count)")
            }
            let cell = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let id = cell[0]
            guard !id.isEmpty else { throw CatalogError(file: file, line: lineNumber, "empty family_id") }
            guard id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0) }) else {
                throw CatalogError(file: file, line: lineNumber, "family_id '\(id)' may only hold letters, digits, '_', '-' and '.'")
            }
            guard !cell[1].isEmpty else { throw CatalogError(file: file, line: lineNumber, "empty label for family '\(id)'") }
            if let first = seen[id.lowercased()] {
                throw CatalogError(file: file, line: lineNumber, "family_id '\(id)' repeats line \(first)")
            }
            let namespaces = list(cell[2])
            if let bad = namespaces.first(where: { $0.contains("/") || $0.contains(" ") }) {
                throw CatalogError(file: file, line: lineNumber, "hf_org '\(bad)' is not a Hub namespace (no '/' or spaces)")
            }
            var kind = FamilyKind.llm
            if columns.count > 6 {
                guard let parsed = FamilyKind(rawValue: cell[6].lowercased()) else {
                    throw CatalogError(file: file, line: lineNumber, "kind '\(cell[6])' of family '\(id)' is not one of "
                        + "\(FamilyKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kind = parsed
            }
            seen[id.lowercased()] = lineNumber
            entries.append(Entry(
                id: id, label: cell[1], namespaces: namespaces, aliases: list(cell[5]),
                accessClass: cell[3], trackingScope: cell[4], source: source ?? file, kind: kind))
        }
        guard sawHeader else { throw CatalogError(file: file, line: 1, "empty families file; the header is \(header.joined(separator: ","))") }
        return entries
    }

    /// This catalog with `user` entries added; an entry with an existing id replaces it in place.
    public func merging(_ user: [Entry]) -> FamilyCatalog {
        var merged = entries
        for entry in user {
            if let i = merged.firstIndex(where: { $0.id.lowercased() == entry.id.lowercased() }) {
                merged[i] = entry
            } else {
                merged.append(entry)
            }
        }
        return FamilyCatalog(entries: merged)
    }

    /// `a; b ;c` → `["a", "b", "c"]`, empty items dropped, duplicates (case-insensitive) removed.
    private static func list(_ cell: String) -> [String] {
        var seen = Set<String>()
        return cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Splits one CSV line into fields (RFC 4180 quoting, no embedded newlines).
    private static func splitCSVLine(_ line: Substring) throws(CatalogError) -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false, wasQuoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.append(c)
                }
            } else if c == "," {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else if c == "\"" && field.allSatisfy({ $0 == " " }) && !wasQuoted {
                field = ""
                inQuotes = true
                wasQuoted = true
            } else {
                field.append(c)
            }
        }
        if inQuotes { throw CatalogError("unterminated quoted field") }
        fields.append(field)
        return fields
    }

    // MARK: - Roots

    /// The roots of every entry among `resolver`'s nodes, index-aligned with `entries`, each ascending.
    ///
    /// See the type's documentation for how a namespace shared by several families is split.
    /// - Complexity: O(r · w · L) for r nodes in the families' namespaces, w words of the families
    ///   of a namespace and name length L; O(r log r) to sort.
    public func roots(in resolver: FamilyResolver) -> [[Int32]] {
        var familiesOfNamespace: [String: [Int]] = [:]
        for (f, entry) in entries.enumerated() {
            for ns in Set(entry.namespaces.map { $0.lowercased() }) { familiesOfNamespace[ns, default: []].append(f) }
        }
        var roots = [[Int32]](repeating: [], count: entries.count)
        for (ns, families) in familiesOfNamespace.sorted(by: { $0.key < $1.key }) {
            let words = families.map { f in matchWords(of: entries[f]) }
            for node in resolver.nodes(inNamespace: ns) {
                let lowered = Self.normalized(resolver.names[Int(node)])
                let modelName = lowered.split(separator: "/", maxSplits: 1).last.map(String.init) ?? lowered
                var best = 0
                var winners: [Int] = []
                for (k, familyWords) in words.enumerated() {
                    let length = familyWords.map { Self.matchLength($0, in: modelName, fullName: lowered) }.max() ?? 0
                    if length > best {
                        best = length
                        winners = [families[k]]
                    } else if length == best, length > 0 {
                        winners.append(families[k])
                    }
                }
                for f in winners { roots[f].append(node) }
            }
        }
        return roots.map { Array(Set($0)).sorted() }
    }

    /// Whether `resolver`-independent `namespace` is the namespace of two or more families.
    public func isSharedNamespace(_ namespace: String) -> Bool {
        let key = namespace.lowercased()
        return entries.filter { $0.namespaces.contains { $0.lowercased() == key } }.count > 1
    }

    /// Whether `word` is an id, label or alias of some entry (not merely a namespace).
    public func isFamilyWord(_ word: String) -> Bool {
        let key = word.lowercased()
        return entries.contains { e in ([e.id, e.label] + e.aliases).contains { $0.lowercased() == key } }
    }

    /// Lowercased id, label and aliases with `_` and spaces as `-`.
    private func matchWords(of entry: Entry) -> [String] {
        ([entry.id, entry.label] + entry.aliases).map(Self.normalized).filter { !$0.isEmpty }
    }

    /// `text` lowercased, with `_` and spaces as `-` (how family words and model names are compared).
    package static func normalized(_ text: String) -> String {
        String(text.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// Length of `word` when it occurs in `modelName` at a word boundary (start, or after a
    /// character that is neither letter nor digit; then the end or a character that is not a letter);
    /// a word holding `/` must equal `fullName`. 0 otherwise.
    package static func matchLength(_ word: String, in modelName: String, fullName: String) -> Int {
        if word.contains("/") { return word == fullName ? word.count : 0 }
        var search = modelName.startIndex
        while let range = modelName.range(of: word, range: search..<modelName.endIndex) {
            let startsWord = range.lowerBound == modelName.startIndex || {
                let before = modelName[modelName.index(before: range.lowerBound)]
                return !before.isLetter && !before.isNumber
            }()
            let endsWord = range.upperBound == modelName.endIndex || !modelName[range.upperBound].isLetter
            if startsWord && endsWord { return word.count }
            search = modelName.index(after: range.lowerBound)
        }
        return 0
    }
}
