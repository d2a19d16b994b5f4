import LineageCatalog
import LineageSupport
/// What `lineage registry list` prints: the effective registry rows with their layer and source.
public struct RegistryListReport: Sendable, Codable, Equatable, TabularReport {
    public var organizations: [Organization]
    /// Rows in the registry before filters.
    public var total: Int
    public var withCountry: Int
    public var attributed: Int
    public var conflicts: Int
    /// Coverage of the store's derivative models; nil when not computed.
    public var coverage: RegistryCoverage?
    public var store: String?

    public init(registry: OrganizationRegistry, organizations: [Organization], coverage: RegistryCoverage?, store: String?) {
        self.organizations = organizations
        total = registry.organizations.count
        withCountry = registry.organizations.filter { $0.country != nil }.count
        attributed = registry.organizations.filter(\.isAttributed).count
        conflicts = registry.conflicts.count
        self.coverage = coverage
        self.store = store
    }

    public var summaryLines: [String] {
        var lines = ["Registry: \(Formatting.group(total)) namespaces, \(Formatting.group(withCountry)) with a country, \(Formatting.group(attributed)) with country and "
            + "kind; \(Formatting.group(conflicts)) conflicts between sources (`lineage registry conflicts`)"]
        if organizations.count != total { lines.append("Listed: \(Formatting.group(organizations.count)) matching the filters") }
        if let coverage { lines.append(coverage.text + (store.map { " (\($0))" } ?? "")) }
        return lines
    }

    public var columns: [String] { ["namespace", "name", "country", "kind", "source", "layer"] }

    public var rows: [[String]] {
        organizations.map { [$0.namespace, $0.name ?? "", $0.country ?? "?", $0.kind?.rawValue ?? "?", $0.source, $0.layer] }
    }

    public var numericColumns: Set<Int> { [] }
}
