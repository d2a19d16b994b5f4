import LineageCatalog
import LineageGraph
import LineageSupport

/// Country reach of families: for each country, the organizations, derivative models and downloads,
/// Spaces and projects downstream of the families, with the registry's coverage.
public struct CountryReachReport: Sendable, Codable, Equatable, TabularReport {
    /// One country (or `unknown`).
    public struct Row: Sendable, Codable, Equatable {
        /// ISO code, or `unknown`.
        public var country: String
        public var name: String?
        public var organizations: Int
        public var derivativeModels: Int
        public var downloads: Int64
        public var spaces: Int
        public var projects: Int
    }

    public var families: [String]
    public var coverage: RegistryCoverage
    /// Most derivative models first, then country; `unknown` last.
    public var countries: [Row]

    /// The country reach of `report`'s entities (organizations' models, Spaces, projects by owner country).
    public init(_ report: DownstreamReport) {
        families = report.families
        coverage = report.coverage
        var rows: [String: Row] = [:]
        for e in report.entities where e.type != .paper {
            let key = e.country ?? "unknown"
            var row = rows[key] ?? Row(country: key, name: e.country.flatMap { CountryCode.names[$0] }, organizations: 0, derivativeModels: 0, downloads: 0, spaces: 0, projects: 0)
            switch e.type {
            case .organization:
                row.organizations += 1
                row.derivativeModels += e.models
                row.downloads.addSaturating(e.downloads)
            case .space: row.spaces += 1
            case .project: row.projects += 1
            case .paper: break
            }
            rows[key] = row
        }
        countries = rows.values.sorted { a, b in
            if (a.country == "unknown") != (b.country == "unknown") { return b.country == "unknown" }
            return (a.derivativeModels, b.country) > (b.derivativeModels, a.country)
        }
    }

    public var summaryLines: [String] {
        ["Country reach of \(families.joined(separator: ", ")) (organizations by their registry country; family owners left out)", coverage.text]
    }

    public var columns: [String] { ["country", "organizations", "derivative models", "downloads", "spaces", "projects"] }

    public var rows: [[String]] {
        countries.map { r in
            [r.name.map { "\(r.country) \($0)" } ?? r.country, Formatting.group(r.organizations), Formatting.group(r.derivativeModels),
             Formatting.group(r.downloads), Formatting.group(r.spaces), Formatting.group(r.projects)]
        }
    }

    public var numericColumns: Set<Int> { [1, 2, 3, 4, 5] }
}
