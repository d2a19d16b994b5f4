import LineageGraph
import LineageSupport

/// A measure Lineage computes itself, for what a `lineage ask` question cannot say; each has a
/// definition printed beside its value.
///
/// Written after `metric` in a claims file:
/// `tagged FAMILY` · `new-derivatives MONTHS` · `downloads FAMILY [roots]` · `downloads-all-time FAMILY [roots]` ·
/// `download-share family-origin|author-country CC|unattributed` · `new-models CC MONTHS`, where
/// MONTHS is `2024-01` (one month) or `2023-01..2023-10` (from the first month up to, not including, the second).
public enum ClaimMetric: Sendable, Equatable {
    /// Models outside the family's own namespaces with a parent (a `base_model` tag) in one of them.
    case tagged(family: String)
    /// Models with at least one parent, created in the window.
    case newDerivatives(ClaimWindow)
    /// Downloads summed over the family's members, roots included (or over its roots only): 30-day, or all-time.
    case familyDownloads(family: String, allTime: Bool, rootsOnly: Bool)
    /// Share of the 30-day downloads of every model in the store attributed to a country (nil: unattributed).
    case downloadShare(Attribution, country: String?)
    /// Models created in the window by authors the registry places in the country.
    case newModels(country: String, ClaimWindow)

    /// How a model's downloads are given a country.
    public enum Attribution: String, Sendable, Equatable, CaseIterable {
        /// The origin of the families the model belongs to (its family owner's country); split evenly over several.
        case familyOrigin = "family-origin"
        /// The registry country of the model's author.
        case authorCountry = "author-country"
    }

    /// Reads the words after `metric`.
    public static func parse(_ words: [String]) throws(LineageError) -> ClaimMetric {
        guard let name = words.first?.lowercased() else { throw LineageError("`metric` needs a name: \(names)") }
        let rest = Array(words.dropFirst())
        func need(_ count: Int, _ usage: String) throws(LineageError) {
            guard rest.count == count else { throw LineageError("`metric \(name)` takes \(usage), found \(MessageText.quote(rest.joined(separator: " ")))") }
        }
        switch name {
        case "tagged":
            try need(1, "a family (`metric tagged qwen`)")
            return .tagged(family: rest[0])
        case "new-derivatives":
            try need(1, "months (`2024-01` or `2023-01..2023-10`)")
            return .newDerivatives(try ClaimWindow.parse(rest[0]))
        case "downloads", "downloads-all-time":
            guard rest.count == 1 || (rest.count == 2 && rest[1].lowercased() == "roots") else {
                let found = MessageText.quote(rest.joined(separator: " "))
                throw LineageError("`metric \(name)` takes a family and optionally `roots` (`metric \(name) qwen roots`), found \(found)")
            }
            return .familyDownloads(family: rest[0], allTime: name == "downloads-all-time", rootsOnly: rest.count == 2)
        case "download-share":
            try need(2, "an attribution and a country (`metric download-share family-origin CN`)")
            guard let attribution = Attribution(rawValue: rest[0].lowercased()) else {
                throw LineageError("unknown attribution \(MessageText.quote(rest[0])) (use family-origin or author-country)")
            }
            if rest[1].lowercased() == "unattributed" { return .downloadShare(attribution, country: nil) }
            return .downloadShare(attribution, country: try country(rest[1]))
        case "new-models":
            try need(2, "a country and months (`metric new-models CN 2023-01..2023-10`)")
            return .newModels(country: try country(rest[0]), try ClaimWindow.parse(rest[1]))
        default:
            throw LineageError("unknown metric \(MessageText.quote(name)) (use \(names))")
        }
    }

    static let names = "tagged, new-derivatives, downloads, downloads-all-time, download-share, new-models"

    static func country(_ text: String) throws(LineageError) -> String {
        let code = text.uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw LineageError("\(MessageText.quote(text)) is not an ISO 3166 country code such as US or CN")
        }
        return code
    }

    /// What the metric counts, printed beside its value.
    public var definition: String {
        switch self {
        case .tagged(let family):
            "models outside \(family)'s own namespaces whose input names a parent (a base_model tag) in one of them; no re-upload links, any relation"
        case .newDerivatives(let window):
            "models with at least one parent (declared, inferred or a re-upload link), created \(window)"
        case .familyDownloads(let family, let allTime, let rootsOnly):
            "\(allTime ? "all-time" : "30-day") downloads summed over "
                + (rootsOnly ? "\(family)'s root models only" : "\(family)'s members (its roots and every descendant)")
        case .downloadShare(let attribution, let country):
            switch attribution {
            case .familyOrigin:
                "share of the 30-day downloads of ALL models in the store whose family's owner is "
                    + (country.map { "from \($0)" } ?? "unknown (no catalog family, or an owner of unknown country)")
                    + "; a model in families of several origins is split evenly"
            case .authorCountry:
                "share of the 30-day downloads of ALL models in the store whose author the registry places "
                    + (country.map { "in \($0)" } ?? "nowhere (unknown country)")
            }
        case .newModels(let country, let window):
            "models created \(window) by authors the registry places in \(country)"
        }
    }

    /// Whether the value is a count or total of the whole Hub (a sample cannot give it).
    var isAbsolute: Bool {
        if case .downloadShare = self { return false }
        return true
    }

    /// The window the metric counts, if any.
    var window: ClaimWindow? {
        switch self {
        case .newDerivatives(let window), .newModels(_, let window): window
        default: nil
        }
    }
}
