import Foundation
import LineageCatalog
import LineageGraph

/// Compiles a question in Lineage's small documented grammar (see `QuestionGrammar`) to a `LineageQuery`.
///
/// It never guesses: a word the grammar does not expect is an error that quotes it and suggests the
/// nearest known term.
public struct QuestionParser {
    public init() {}

    /// A word of the question: its original spelling and its matching form.
    package struct Token {
        var text: String
        var lower: String
    }

    // MARK: - Entry

    /// - Complexity: O(words × longest phrase).
    public func parse(_ question: String) throws(QuestionError) -> LineageQuery {
        var tokens = Self.tokenize(question)
        guard !tokens.isEmpty else { throw QuestionError("The question is empty.") }
        var cursor = Cursor(tokens: tokens)
        let query: LineageQuery
        if cursor.accept("how", "many") {
            query = try parseEntities(&cursor, intent: .count)
        } else if cursor.accept("how", "deep") {
            query = try parseDepth(&cursor)
        } else if cursor.accept("what", "share", "of") || cursor.accept("what", "fraction", "of") || cursor.accept("what", "percentage", "of") {
            query = try parseEntities(&cursor, intent: .share)
        } else if cursor.accept("who", "is", "most", "locked", "into") || cursor.accept("who", "is", "most", "dependent", "on")
            || cursor.accept("who", "are", "most", "locked", "into")
        {
            var q = LineageQuery(intent: .lockIn, subject: .organizations)
            q.target = try parseTarget(&cursor)
            try parseFilters(&cursor, into: &q)
            query = q
        } else if cursor.accept("rank", "families", "by") {
            query = try parseRanking(&cursor)
        } else if cursor.accept("which", "merges", "cross", "families") || cursor.accept("what", "merges", "cross", "families")
                    || cursor.accept("which", "models", "merge", "across", "families") {
            var q = LineageQuery(intent: .crossFamilyMerges, subject: .models)
            try parseFilters(&cursor, into: &q)
            query = q
        } else if cursor.accept("what", "does") || cursor.accept("where", "does") || cursor.accept("what", "is") {
            query = try parseAncestry(&cursor)
        } else if cursor.accept("which") || cursor.accept("what") || cursor.accept("list") || cursor.accept("show") || cursor.accept("find") {
            if cursor.accept("families", "have", "the", "most") {
                query = try parseRanking(&cursor)
            } else {
                query = try parseEntities(&cursor, intent: .list)
            }
        } else {
            throw unexpected(cursor.peek!, expected: ["which", "what", "how many", "how deep", "what share of", "who is most locked into", "rank families by"])
        }
        tokens = []
        return query
    }

    // MARK: - Entity questions

    /// `[of] [COUNTRY] SUBJECT VERB TARGET [FILTERS]`, and `… are most locked into TARGET`.
    private func parseEntities(_ cursor: inout Cursor, intent: LineageQuery.Intent) throws(QuestionError) -> LineageQuery {
        var query = LineageQuery(intent: intent)
        _ = cursor.accept("of")
        _ = cursor.accept("the")
        if cursor.accept("my", "projects") || cursor.accept("my", "project") || cursor.accept("my", "products") {
            query.subject = .myProjects
        } else {
            query.country = parseCountry(&cursor)
            guard let token = cursor.peek else { throw QuestionError("The question stops before its subject (projects, startups, papers, …).") }
            guard let subject = Self.subjects[token.lower] else {
                // A misspelt country ("Chinse") also lands here: offer the country words as well.
                throw unexpected(token, expected: Array(Self.subjects.keys) + Self.countryWords)
            }
            cursor.advance()
            query.subject = subject
        }
        // "… are most locked into TARGET"
        if cursor.accept("are", "most", "locked", "into") || cursor.accept("is", "most", "locked", "into")
            || cursor.accept("are", "most", "dependent", "on") {
            query.intent = .lockIn
            query.target = try parseTarget(&cursor)
            try parseFilters(&cursor, into: &query)
            return query
        }
        query.relations = try parseVerb(&cursor)
        query.target = try parseTarget(&cursor)
        try parseFilters(&cursor, into: &query)
        return query
    }

    /// A verb phrase; returns the relations it restricts to (nil: every relation).
    private func parseVerb(_ cursor: inout Cursor) throws(QuestionError) -> [Relation]? {
        while cursor.accept("that") || cursor.accept("which") || cursor.accept("who") || cursor.accept("do")
                || cursor.accept("does") || cursor.accept("are") || cursor.accept("is") || cursor.accept("have") {}
        for (words, relations) in Self.verbs where cursor.accept(words) {
            return relations
        }
        guard let token = cursor.peek else { throw QuestionError("The question stops before its verb (derive from, depend on, use, fine-tune, …).") }
        // `derive frm`: the first word is right, the second is the one to quote.
        let seconds = Self.verbs.compactMap { $0.0.count == 2 && $0.0[0] == token.lower ? $0.0[1] : nil }
        if !seconds.isEmpty, let next = cursor.peek(2)?.last {
            throw unexpected(next, expected: seconds, context: "after \(MessageText.quote(token.text))")
        }
        throw unexpected(token, expected: Self.verbs.map { $0.0.joined(separator: " ") })
    }

    /// A family, namespace, model id, or `COUNTRY-origin families|models`: words up to the first filter.
    private func parseTarget(_ cursor: inout Cursor) throws(QuestionError) -> LineageQuery.Target {
        _ = cursor.accept("the")
        var words: [Token] = []
        while let token = cursor.peek, !Self.filterStarts.contains(token.lower) || words.isEmpty && token.lower == "at" && false {
            if Self.filterStarts.contains(token.lower) { break }
            words.append(token)
            cursor.advance()
        }
        guard !words.isEmpty else { throw QuestionError("The question names no target (a family such as Qwen, a namespace, or a model id).") }
        // COUNTRY-origin families / models
        var lowered = words.map(\.lower)
        if let last = lowered.last, ["families", "family", "models", "model", "bases", "base"].contains(last) { lowered.removeLast() }
        var originWords = lowered
        if originWords.last == "origin" { originWords.removeLast() }
        if let first = originWords.first, first.hasSuffix("-origin") { originWords = [String(first.dropLast(7))] + originWords.dropFirst() }
        if originWords.count < lowered.count || words.count > 1 || lowered.count < words.count,
           let country = CountryVocabulary.bundled.countrySet(originWords.joined(separator: " ")) {
            return .familiesOfOrigin(country)
        }
        guard words.count == 1 else {
            // Family and namespace names are one word; say which word broke the question.
            throw unexpected(words[1], expected: Array(Self.filterStarts), context: "after the target \(MessageText.quote(words[0].text))")
        }
        return .name(words[0].text)
    }

    // MARK: - Filters

    private func parseFilters(_ cursor: inout Cursor, into query: inout LineageQuery) throws(QuestionError) {
        while let token = cursor.peek {
            if cursor.accept("at", "depth") || cursor.accept("within", "depth") {
                _ = cursor.accept("<=") || cursor.accept("≤") || cursor.accept("of")
                let strict = cursor.accept("<")
                let value = try number(&cursor, what: "a depth")
                query.maxDepth = Int(strict ? value - 1 : value)
            } else if cursor.accept("within") {
                query.maxDepth = Int(try number(&cursor, what: "a number of generations"))
                _ = cursor.accept("generations") || cursor.accept("generation") || cursor.accept("steps") || cursor.accept("hops")
            } else if cursor.accept("since") {
                guard let text = cursor.peek?.lower, let seconds = HubTimestampShim.month(text) else {
                    throw QuestionError("\"since\" needs a month like 2024-06, found \(cursor.peek.map { MessageText.quote($0.text) } ?? "nothing").")
                }
                cursor.advance()
                query.since = seconds
                query.sinceText = text
            } else if cursor.accept("via") || cursor.accept("through") {
                // `via declared [RELATION…]`: only relations the inputs stated, none a rule inferred.
                if cursor.accept("declared") {
                    query.declaredOnly = true
                    if cursor.peek == nil || Self.filterStarts.contains(cursor.peek!.lower) || cursor.accept("edges") || cursor.accept("relations") { continue }
                }
                var relations: [Relation] = []
                repeat {
                    let known = Relation.allCases.filter { $0 != .unknown }.map(\.name)
                    guard let word = cursor.peek else {
                        throw QuestionError("\"via\" needs a relation: \(known.dropLast().joined(separator: ", ")) or \(known.last!).")
                    }
                    guard let relation = Relation(hubName: word.lower), relation != .unknown else {
                        throw unexpected(word, expected: known)
                    }
                    relations.append(relation)
                    cursor.advance()
                } while cursor.accept("or") || cursor.accept("and") || cursor.accept(",")
                query.relations = Array(Set(relations + (query.relations ?? []).filter { relations.contains($0) })).sorted()
            } else if cursor.accept("with", "more", "than") || cursor.accept("with", "over") || cursor.accept("with", "at", "least") {
                query.minDownloads = try number(&cursor, what: "a number of downloads")
                _ = cursor.accept("downloads") || cursor.accept("download")
            } else if cursor.accept("top") || cursor.accept("limit") || cursor.accept("first") {
                query.top = Int(try number(&cursor, what: "a count"))
            } else if token.lower == "at" || token.lower == "with", let next = cursor.peek(2)?.last {
                throw unexpected(next, expected: token.lower == "at" ? ["depth"] : ["more than", "over", "at least"], context: "after \(MessageText.quote(token.text))")
            } else {
                throw unexpected(token, expected: ["at depth <=", "since", "via", "with more than", "top"], context: "where a filter may stand")
            }
        }
    }

    private func number(_ cursor: inout Cursor, what: String) throws(QuestionError) -> Int64 {
        guard let token = cursor.peek else { throw QuestionError("Expected \(what), but the question ends.") }
        var text = token.lower.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        var scale: Double = 1
        if let last = text.last, "kmb".contains(last) {
            scale = last == "k" ? 1e3 : last == "m" ? 1e6 : 1e9
            text.removeLast()
        }
        guard let value = Double(text), value >= 0, value * scale < 9e18 else {
            throw QuestionError("Expected \(what), found \(MessageText.quote(token.text)).", word: token.text)
        }
        cursor.advance()
        return Int64(value * scale)
    }

    // MARK: - Other forms

    /// `how deep do TARGET [RELATION] chains go`, `how deep does TARGET go`, `how deep is TARGET`.
    private func parseDepth(_ cursor: inout Cursor) throws(QuestionError) -> LineageQuery {
        var query = LineageQuery(intent: .depth)
        _ = cursor.accept("do") || cursor.accept("does") || cursor.accept("is") || cursor.accept("are")
        guard let token = cursor.peek else { throw QuestionError("\"how deep\" needs a target, e.g. how deep do Llama fine-tune chains go.") }
        query.target = .name(token.text)
        cursor.advance()
        for (words, relations) in Self.relationNouns where cursor.accept(words) {
            query.relations = relations
            break
        }
        _ = cursor.accept("chains") || cursor.accept("chain") || cursor.accept("lineages") || cursor.accept("trees")
        _ = cursor.accept("go") || cursor.accept("get") || cursor.accept("run")
        try parseFilters(&cursor, into: &query)
        return query
    }

    /// `what does MODEL descend from`, `where does MODEL come from`, `what is MODEL derived from`.
    private func parseAncestry(_ cursor: inout Cursor) throws(QuestionError) -> LineageQuery {
        var query = LineageQuery(intent: .ancestry)
        guard let token = cursor.peek else { throw QuestionError("Name the model: what does ORG/MODEL descend from.") }
        query.target = .name(token.text)
        cursor.advance()
        guard cursor.accept("descend", "from") || cursor.accept("come", "from") || cursor.accept("derive", "from")
                || cursor.accept("derived", "from") || cursor.accept("based", "on")
        else {
            if let next = cursor.peek { throw unexpected(next, expected: ["descend from", "come from", "derived from"]) }
            throw QuestionError("The question stops early: what does \(MessageText.quote(token.text)) descend from.")
        }
        try parseFilters(&cursor, into: &query)
        return query
    }

    private func parseRanking(_ cursor: inout Cursor) throws(QuestionError) -> LineageQuery {
        var query = LineageQuery(intent: .rankFamilies)
        if cursor.accept("reach") || cursor.accept("descendants") || cursor.accept("derivatives") {
            query.ranking = .reach
        } else if cursor.accept("downloads") || cursor.accept("download-weighted", "reach") || cursor.accept("weighted", "reach") {
            query.ranking = .downloads
        } else if let token = cursor.peek {
            throw unexpected(token, expected: ["reach", "downloads"])
        } else {
            query.ranking = .reach
        }
        try parseFilters(&cursor, into: &query)
        return query
    }

    // MARK: - Words

    private func parseCountry(_ cursor: inout Cursor) -> CountrySet? {
        let vocabulary = CountryVocabulary.bundled
        for length in stride(from: vocabulary.longestPhrase, through: 1, by: -1) {
            guard let words = cursor.peek(length) else { continue }
            let phrase = words.map(\.lower).joined(separator: " ")
            guard let country = vocabulary.countrySet(phrase) else { continue }
            // Two-letter words like "in" or "us" only count as codes in capitals ("US", "IN").
            if length == 1, Self.wordLikeCodes.contains(phrase), let word = words.first, word.text != word.text.uppercased() { continue }
            cursor.advance(length)
            return country
        }
        return nil
    }

    package static let subjects: [String: LineageQuery.Subject] = [
        "projects": .projects, "project": .projects,
        "organizations": .organizations, "organization": .organizations, "orgs": .organizations, "org": .organizations,
        "organisations": .organizations, "organisation": .organizations,
        "startups": .startups, "startup": .startups,
        "companies": .companies, "company": .companies,
        "universities": .universities, "university": .universities,
        "papers": .papers, "paper": .papers,
        "spaces": .spaces, "space": .spaces,
        "models": .models, "model": .models,
    ]

    package static let verbs: [([String], [Relation]?)] = [
        (["derive", "from"], nil), (["derives", "from"], nil), (["derived", "from"], nil),
        (["descend", "from"], nil), (["descends", "from"], nil), (["come", "from"], nil), (["comes", "from"], nil),
        (["depend", "on"], nil), (["depends", "on"], nil), (["dependent", "on"], nil),
        (["build", "on"], nil), (["builds", "on"], nil), (["built", "on"], nil), (["based", "on"], nil),
        (["use"], nil), (["uses"], nil), (["on"], nil),
        (["fine-tune"], [.finetune, .adapter]), (["fine-tunes"], [.finetune, .adapter]), (["fine", "tune"], [.finetune, .adapter]),
        (["finetune"], [.finetune, .adapter]), (["finetunes"], [.finetune, .adapter]),
        (["quantize"], [.quantized]), (["quantizes"], [.quantized]), (["quantise"], [.quantized]),
        (["merge"], [.merge]), (["merges"], [.merge]),
    ]

    package static let relationNouns: [([String], [Relation])] = [
        (["fine-tune"], [.finetune, .adapter]), (["finetune"], [.finetune, .adapter]), (["fine", "tune"], [.finetune, .adapter]),
        (["fine-tuning"], [.finetune, .adapter]), (["adapter"], [.adapter]), (["merge"], [.merge]),
        (["quantization"], [.quantized]), (["quantized"], [.quantized]),
    ]

    /// Country names and adjectives (not the two-letter codes, which are close to every short word).
    package static let countryWords = CountryVocabulary.bundled.phrases.keys.filter { $0.count > 3 }.sorted()

    /// Two-letter codes that are also ordinary English words in questions; they only count as countries
    /// when written in capitals (`IN`, `IS`, `AT`, `BY`, `TO`, `NO`, `ME`, `AM`, `AS`, `IT`, `MY`, `SO`,
    /// `DO`, `GO`, `BE`). `us` counts in any case: "which us startups" has no other reading.
    package static let wordLikeCodes: Set<String> = ["in", "is", "at", "by", "to", "no", "me", "am", "as", "it", "my", "so", "do", "go", "be", "an", "or", "on", "id", "la", "ai"]

    /// Punctuation dropped from a word before it is compared with known terms (`-` and `.` belong to terms).
    package static let punctuation = Set("!\"#$%&'()*+,/:;<=>?@[\\]^_`{|}~“”‘’«»".unicodeScalars)

    package static let filterStarts: Set<String> = ["at", "since", "via", "through", "with", "top", "limit", "within", "first"]

    package static func tokenize(_ question: String) -> [Token] {
        var text = question.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = text.last, last == "?" || last == "." && !text.lowercased().hasSuffix("u.s.") { text.removeLast() }
        var tokens: [Token] = []
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            var word = String(raw)
            var trailingComma = false
            if word.hasSuffix(","), word.count > 1 { word.removeLast(); trailingComma = true }
            if word.hasPrefix("\""), word.hasSuffix("\""), word.count > 2 { word = String(word.dropFirst().dropLast()) }
            // `<=5` → `<=` `5`
            if let op = ["<=", "≤", "<"].first(where: { word.hasPrefix($0) }), word.count > op.count {
                tokens.append(Token(text: op, lower: op))
                word = String(word.dropFirst(op.count))
            }
            tokens.append(Token(text: word, lower: word.lowercased()))
            if trailingComma { tokens.append(Token(text: ",", lower: ",")) }
        }
        return tokens
    }

    /// The error for a flag's word the grammar does not know, with the nearest known term.
    package static func unknown(_ word: String, expected: [String], context: String) -> QuestionError {
        QuestionParser().unexpected(Token(text: word, lower: word.lowercased()), expected: expected, context: context)
    }

    /// The error for a word the grammar does not expect here: it quotes the word and offers the nearest
    /// expected term when one is close (edit distance at most max(2, half the word), or the word begins
    /// it), else the nearest few expected terms.
    private func unexpected(_ token: Token, expected: [String], context: String? = nil) -> QuestionError {
        // Compare letters only: "projects;" and "\"Qwen" are "projects" and "qwen" mistyped.
        let word = String(token.lower.unicodeScalars.filter { !Self.punctuation.contains($0) })
        let typed = Array((word.isEmpty ? token.lower : word).utf8)
        // A phrase ("derive from") is compared whole and by its first word, so "derrive" finds it.
        // On UTF-8 bytes, each candidate once: a question may hold a 100 KB word.
        var distances: [String: Int] = [:]
        for candidate in expected where distances[candidate] == nil {
            let bytes = Array(candidate.lowercased().utf8)
            if typed.count >= 3, bytes.starts(with: typed) {
                distances[candidate] = 1
            } else if abs(typed.count - bytes.count) > 20 {
                // Far apart in length, the length difference ranks as well as the full distance.
                distances[candidate] = abs(typed.count - bytes.count)
            } else {
                let first = Array(bytes.prefix { $0 != UInt8(ascii: " ") })
                distances[candidate] = min(EditDistance.levenshtein(typed, bytes), EditDistance.levenshtein(typed, first))
            }
        }
        let ranked = distances.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        let close = ranked.first.flatMap { $0.value <= max(2, typed.count / 2) ? $0.key : nil }
        let names = ranked.map(\.key)
        let place = context.map { " \($0)" } ?? ""
        var message = "I don't understand \(MessageText.quote(token.text))\(place)."
        if close == nil, !names.isEmpty {
            message += " Expected " + names.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ") + (names.count > 6 ? ", …" : "") + "."
        }
        return QuestionError(message, word: token.text, suggestion: close)
    }
}

/// Reads `YYYY-MM`, `YYYY-MM-DD` or `YYYY` as the first second of that period (UTC).
package enum HubTimestampShim {
    package static func month(_ text: String) -> Int64? {
        let parts = text.split(separator: "-").map(String.init)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
        return Int64(date.timeIntervalSince1970)
    }
}
