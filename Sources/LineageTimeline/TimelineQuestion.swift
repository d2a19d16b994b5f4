import Foundation
import LineageCatalog
import LineageGraph
import LineageSupport

/// The questions `lineage ask` answers with a timeline:
///
/// ```
/// how many models derived from TARGET per PERIOD [since DATE] [until DATE] [between DATE and DATE]
/// compare TARGET and TARGET [and …] [per PERIOD] [since …] [until …] [between … and …]
/// ```
/// PERIOD is week, month, quarter or year; DATE is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; TARGET is a family,
/// namespace or model id, or `COUNTRY-origin families`. `fine-tuned from`, `quantized from`, `merged from`
/// and `adapted from` in place of `derived from` follow only that relation. A `how many` question with
/// neither `per`, `until` nor `between` is left to the question grammar of `LineageAnalysis`.
public enum TimelineQuestion {
    /// The request `text` asks, or nil when it is not a timeline question.
    /// - Throws: `LineageError` for a timeline question with an unknown period or a missing date.
    public static func parse(_ text: String) throws(LineageError) -> TimelineRequest? {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if let last = words.last, last.hasSuffix("?") { words[words.count - 1] = String(last.dropLast()) }
        words = words.filter { !$0.isEmpty }
        let lower = words.map { $0.lowercased() }
        var request = TimelineRequest()
        var index: Int
        if lower.first == "compare" {
            index = 1
        } else if lower.count > 2, lower[0] == "how", lower[1] == "many" {
            guard lower.contains("per") || lower.contains("until") || lower.contains("between") else { return nil }
            guard let verb = verbs.lazy.compactMap({ v in Self.find(v.words, in: lower).map { (v, $0) } }).first else { return nil }
            if let relation = verb.0.relation { request.relations = RelationMask(relation) }
            index = verb.1 + verb.0.words.count
        } else {
            return nil
        }
        let keywords: Set<String> = ["per", "by", "since", "from", "until", "till", "through", "between"]
        var targetWords: [String] = []
        while index < lower.count, !keywords.contains(lower[index]) {
            targetWords.append(words[index])
            index += 1
        }
        while index < lower.count {
            let word = lower[index]
            func next(_ offset: Int = 1) throws(LineageError) -> String {
                guard index + offset < words.count else { throw LineageError("'\(word)' needs a "
                    + "\(word == "per" || word == "by" ? "period (week, month, quarter, year)" : "date (YYYY-MM)") after it") }
                return words[index + offset].trimmingCharacters(in: CharacterSet(charactersIn: ",."))
            }
            switch word {
            case "per", "by":
                let p = try next()
                guard let period = TimelinePeriod(word: p) else { throw LineageError("'\(MessageText.clip(p))' is not a period; use week, month, quarter or year") }
                request.period = period
                index += 2
            case "since", "from":
                request.since = try next()
                index += 2
            case "until", "till", "through":
                request.until = try next()
                index += 2
            case "between":
                request.since = try next()
                guard index + 2 < lower.count, lower[index + 2] == "and" else { throw LineageError("'between' takes two dates: between 2023-10 and 2024-06") }
                request.until = try next(3)
                index += 4
            default:
                throw LineageError("'\(MessageText.clip(words[index]))' is not understood here; "
                    + "a timeline question ends with per PERIOD, since DATE, until DATE or between DATE and DATE")
            }
        }
        // Targets: split on `and` and commas.
        var groups: [[String]] = [[]]
        for w in targetWords {
            let bare = w.trimmingCharacters(in: CharacterSet(charactersIn: ","))
            if w.lowercased() == "and" { groups.append([]); continue }
            if !bare.isEmpty { groups[groups.count - 1].append(bare) }
            if w.hasSuffix(",") { groups.append([]) }
        }
        for group in groups where !group.isEmpty {
            if let country = origin(group) { request.origins.append(country) } else { request.targets.append(group.joined(separator: " ")) }
        }
        guard !request.targets.isEmpty || !request.origins.isEmpty else {
            throw LineageError("the question names no family, namespace or model; e.g. how many models derived from Qwen per month since 2023-01")
        }
        _ = try Timeline.dayRange(since: request.since, until: request.until)
        return request
    }

    /// `Chinese-origin families`, `CN-origin models`, `U.S. origin families` → the country code.
    static func origin(_ words: [String]) -> String? {
        var lower = words.map { $0.lowercased() }
        guard let last = lower.last, ["families", "family", "models"].contains(last) else { return nil }
        lower.removeLast()
        if lower.last == "origin" { lower.removeLast() } else if let l = lower.last, l.hasSuffix("-origin") { lower[lower.count - 1] = String(l.dropLast(7)) } else { return nil }
        return try? Timeline.countryCode(lower.joined(separator: " "))
    }

    struct Verb {
        var words: [String]
        var relation: Relation?
    }

    static let verbs: [Verb] = [
        Verb(words: ["derived", "from"]), Verb(words: ["derive", "from"]), Verb(words: ["deriving", "from"]),
        Verb(words: ["descended", "from"]), Verb(words: ["descend", "from"]), Verb(words: ["built", "on"]),
        Verb(words: ["build", "on"]), Verb(words: ["based", "on"]),
        Verb(words: ["fine-tuned", "from"], relation: .finetune), Verb(words: ["finetuned", "from"], relation: .finetune),
        Verb(words: ["quantized", "from"], relation: .quantized), Verb(words: ["merged", "from"], relation: .merge),
        Verb(words: ["adapted", "from"], relation: .adapter),
    ]

    static func find(_ phrase: [String], in words: [String]) -> Int? {
        guard words.count >= phrase.count else { return nil }
        return (0...(words.count - phrase.count)).first { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }
}
