import LineageCatalog
import LineageSupport
/// What `lineage downstream` prints: the organizations, Spaces, papers and projects downstream of some
/// families, with countries from the registry and the registry's coverage of the answer.
public struct DownstreamReport: Sendable, Codable, Equatable, TabularReport {
    /// Ids of the families asked about.
    public var families: [String]
    /// Set when the families were chosen by their owner's country ("Chinese-origin": `CN`).
    public var origin: String?
    public var filter: DownstreamFilter
    /// Members (roots and descendants) of the families.
    public var memberModels: Int
    /// Registry coverage of the families' derivative models.
    public var coverage: RegistryCoverage
    /// Ranked by type (organization, space, paper, project), then models, downloads, id.
    public var entities: [DownstreamEntity]
    /// Boilerplate papers (`BoilerplatePapers`) linked to the members but not listed, ascending.
    public var leftOutPapers: [String]

    public init(
        families: [String], origin: String? = nil, filter: DownstreamFilter, memberModels: Int, coverage: RegistryCoverage,
        entities: [DownstreamEntity], leftOutPapers: [String] = []
    ) {
        self.families = families
        self.origin = origin
        self.filter = filter
        self.memberModels = memberModels
        self.coverage = coverage
        self.entities = entities
        self.leftOutPapers = leftOutPapers
    }

    /// Entities of `type`, in rank order.
    public func entities(of type: DownstreamType) -> [DownstreamEntity] { entities.filter { $0.type == type } }

    /// How many entities of each type.
    public var counts: [DownstreamType: Int] {
        Dictionary(grouping: entities, by: \.type).mapValues(\.count)
    }

    public var summaryLines: [String] {
        var head = "Downstream of "
        if let origin { head += "families from \(CountryCode.label(origin)): " }
        head += families.isEmpty ? "no family" : families.joined(separator: ", ")
        head += " (\(Formatting.group(memberModels)) member models)"
        let countLine = DownstreamType.allCases.filter { filter.includes($0) }
            .map { "\(Formatting.group(counts[$0] ?? 0)) \($0.rawValue)\((counts[$0] ?? 0) == 1 ? "" : "s")" }
            .joined(separator: ", ")
        var lines = [head, "Filter: \(filter.text)", "Found: \(countLine)", coverage.text]
        if filter.countries != nil || filter.kinds != nil {
            lines.append("Entities whose owner's country or kind is unknown cannot match the filter; see the coverage above.")
        }
        if let line = BoilerplatePapers.leftOutLine(leftOutPapers) { lines.append(line) }
        return lines
    }

    public var columns: [String] { ["type", "id", "country", "kind", "families", "models", "downloads", "source"] }

    public var rows: [[String]] {
        entities.map { e in
            [e.type.rawValue, e.id, e.country ?? "?", e.kind?.rawValue ?? "?", e.families.joined(separator: " "),
             Formatting.group(e.models), Formatting.group(e.downloads), e.countrySource ?? ""]
        }
    }

    public var numericColumns: Set<Int> { [5, 6] }
}
