import LineageCatalog
import LineageGraph

/// A question given as command-line flags (`lineage descendants Qwen --country US --kind startups`);
/// it compiles to the same `LineageQuery` as the words would.
public struct QueryFlags: Sendable {
    public var target: String
    public var relations: [Relation]?
    public var maxDepth: Int?
    /// Country words of `CountryVocabulary`, comma-separated: `US`, `American`, `China`, `EU`, any ISO code.
    public var country: String?
    /// A subject word: projects, organizations, startups, companies, universities, papers, spaces, models.
    public var kind: String?
    /// `YYYY-MM`.
    public var since: String?
    public var minDownloads: Int64?
    public var top: Int?
    /// Follow only edges whose relation the inputs declared (`--declared-only`).
    public var declaredOnly = false

    public init(target: String) { self.target = target }

    /// The compiled query; bad words get the same errors (with suggestions) as in a question.
    public func compile() throws(QuestionError) -> LineageQuery {
        var query = LineageQuery(intent: .list, subject: .models, target: .name(target))
        if let kind {
            guard let subject = QuestionParser.subjects[kind.lowercased()] else {
                throw QuestionParser.unknown(kind, expected: Array(QuestionParser.subjects.keys), context: "after --kind")
            }
            query.subject = subject
        }
        if let country {
            switch CountryVocabulary.bundled.resolve(list: country) {
            case .success(let set): query.country = set
            case .failure(let unknown):
                throw QuestionParser.unknown(unknown.word ?? country, expected: Array(CountryVocabulary.bundled.phrases.keys), context: "after --country")
            }
        }
        if let since {
            guard let seconds = HubTimestampShim.month(since) else {
                throw QuestionError("--since needs a month like 2024-06, found \(MessageText.quote(since)).")
            }
            query.since = seconds
            query.sinceText = since
        }
        query.relations = relations
        query.maxDepth = maxDepth
        query.minDownloads = minDownloads
        query.top = top
        if declaredOnly { query.declaredOnly = true }
        return query
    }

    /// The flags as a one-line description, for the answer's header.
    public var text: String {
        var parts = ["descendants \(target)"]
        if let kind { parts.append("--kind \(kind)") }
        if let country { parts.append("--country \(country)") }
        if let relations { parts.append("--relation \(relations.map(\.name).joined(separator: ","))") }
        if let maxDepth { parts.append("--max-depth \(maxDepth)") }
        if let since { parts.append("--since \(since)") }
        if let minDownloads { parts.append("--min-downloads \(minDownloads)") }
        if declaredOnly { parts.append("--declared-only") }
        return parts.joined(separator: " ")
    }
}
