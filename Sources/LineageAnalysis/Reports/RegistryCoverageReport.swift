import LineageCatalog
import LineageSupport

/// What `lineage registry coverage` prints: the store, then the coverage table; JSON is the coverage's
/// counts and shares alone.
public struct RegistryCoverageReport: Sendable, Encodable, TextReport {
    public var coverage: RegistryCoverage
    /// The store's description (a path, or the bundled default's name).
    public var store: String

    public init(coverage: RegistryCoverage, store: String) {
        self.coverage = coverage
        self.store = store
    }

    public func encode(to encoder: any Encoder) throws {
        try coverage.encode(to: encoder)
    }

    public var text: String { "Store: \(store)\n\(coverage.report)" }
}
