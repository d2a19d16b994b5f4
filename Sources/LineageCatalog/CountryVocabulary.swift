import Foundation
import LineageGraph
import LineageSupport

/// The one country vocabulary: ISO 3166-1 alpha-2 codes with their short English names, the other
/// words people use for them (demonyms, `USA`, `UK`, `england`), and groups of countries (the EU).
///
/// Every reader of country words goes through it: the organization registry (codes only), every
/// `--country` and `--origin` flag, and the question grammar. The bundled table is
/// `Resources/countries.csv` (`code,name,members,words`: `members` lists a group's codes separated by
/// spaces, `words` the other words separated by `;`), which `scripts/build-registry.py` reads too.
///
/// Rule: a word names a country set when, ignoring case and extra spaces, it is a code, a name or one
/// of the words of a row (then, if it holds dots, with its dots removed: `U.S.A` is `usa`). A group
/// (`EU`) stands for its members wherever countries filter; where one country is stored (a registry
/// row) only a country's code is accepted. The constituent countries of the United Kingdom are not
/// ISO countries: `england` is one of GB's words, so it names GB everywhere a word is accepted.
public struct CountryVocabulary: Sendable {
    /// One row of the table: a country (no members) or a group.
    public struct Entry: Sendable, Equatable {
        /// `US`, `EU`.
        public var code: String
        /// Short English name: `United States`, `European Union`.
        public var name: String
        /// A group's member codes, sorted; empty for a country.
        public var members: [String]
        /// Other words naming it, lower case: `usa`, `american`.
        public var words: [String]

        public var isGroup: Bool { !members.isEmpty }

        public init(code: String, name: String, members: [String] = [], words: [String] = []) {
            self.code = code
            self.name = name
            self.members = members.sorted()
            self.words = words
        }

        /// The countries it stands for, labelled by its code.
        public var countrySet: CountrySet { CountrySet(codes: isGroup ? members : [code], label: code) }
    }

    /// The rows, in file order.
    public let entries: [Entry]
    /// Country code → short English name (countries only, not groups).
    public let names: [String: String]
    /// Lower-case words, names and codes → the country set each names.
    package let phrases: [String: CountrySet]
    /// The most words a phrase has, for greedy matching in questions.
    package let longestPhrase: Int
    private let groupNames: [String: String]

    /// - Precondition: codes are unique; checked by `parse(_:file:)` for a table read from a file.
    public init(entries: [Entry]) {
        self.entries = entries
        var names: [String: String] = [:], groupNames: [String: String] = [:], phrases: [String: CountrySet] = [:]
        for entry in entries {
            if entry.isGroup { groupNames[entry.code] = entry.name } else { names[entry.code] = entry.name }
            for word in [entry.code, entry.name] + entry.words {
                let key = Self.key(word)
                if phrases[key] == nil { phrases[key] = entry.countrySet }
            }
        }
        self.names = names
        self.groupNames = groupNames
        self.phrases = phrases
        self.longestPhrase = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    // MARK: - Reading words

    /// The country set `word` names (`US`, `u.s.`, `China`, `Chinese`, `england`, `EU`); nil when none.
    public func countrySet(_ word: some StringProtocol) -> CountrySet? {
        let key = Self.key(word)
        if let set = phrases[key] { return set }
        return key.contains(".") ? phrases[key.replacingOccurrences(of: ".", with: "")] : nil
    }

    /// The one country `word` names (not a group); nil when none.
    public func country(_ word: some StringProtocol) -> String? {
        guard let set = countrySet(word), set.codes == [set.label] else { return nil }
        return set.label
    }

    /// A comma-separated list of country words, as every `--country` flag takes it (`US,china`, `EU`);
    /// the label joins each word's label with `+`.
    /// - Throws: `LineageError` naming the first word it does not know, or an empty list.
    public func countries(list: String) throws(LineageError) -> CountrySet {
        switch resolve(list: list) {
        case .success(let set): return set
        case .failure(let unknown):
            if entries.isEmpty, let problem = Self.bundledProblem { throw problem }
            guard let word = unknown.word else { throw LineageError("--country needs a country, e.g. US, CN or EU") }
            throw LineageError("unknown country '\(MessageText.clip(word))'; use an ISO 3166 code such as US, CN or FR, a name such as China, or EU")
        }
    }

    /// The word of a list the vocabulary does not know (nil: the list is empty).
    package struct UnknownWord: Error { package var word: String? }

    /// `countries(list:)` without the message, for callers that word the error themselves.
    package func resolve(list: String) -> Result<CountrySet, UnknownWord> {
        var codes = Set<String>(), labels: [String] = []
        for raw in list.split(separator: ",") {
            let word = raw.trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else { continue }
            guard let set = countrySet(word) else { return .failure(UnknownWord(word: word)) }
            codes.formUnion(set.codes)
            labels.append(set.label)
        }
        guard !labels.isEmpty else { return .failure(UnknownWord(word: nil)) }
        return .success(CountrySet(codes: Array(codes), label: labels.joined(separator: "+")))
    }

    // MARK: - Writing codes

    /// `CN (China)`, `EU (European Union)`; the code alone when unknown.
    public func label(_ code: String) -> String {
        (names[code] ?? groupNames[code]).map { "\(code) (\($0))" } ?? code
    }

    /// Lower case, words separated by one space.
    static func key(_ word: some StringProtocol) -> String {
        word.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
