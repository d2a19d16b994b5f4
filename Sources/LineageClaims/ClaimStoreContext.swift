import LineageAnalysis
import LineageCatalog
import LineageGraph

/// What a verdict needs to know about the store: what it is, how many models it holds, the date of
/// its data, and how much of it the registry can place.
public struct ClaimStoreContext: Sendable, Codable, Equatable {
    public var store: String
    /// Hub models described by an input (external parents not counted).
    public var models: Int
    /// The newest model's `createdAt` (Unix seconds): the store knows nothing after it. Nil when no model has a date.
    public var asOf: Int64?
    /// Whether any model has an all-time download count (the 2024-07 crawl has none).
    public var hasAllTimeDownloads: Bool
    /// The registry's coverage of the store's derivative models (`lineage registry coverage`).
    public var coverage: RegistryCoverage

    /// - Complexity: O(n).
    public init(index: DownstreamIndex, store: String) {
        self.store = store
        let data = index.queries.loaded.data
        var models = 0
        var newest: Int64?
        var allTime = false
        for node in 0..<data.nodeCount where !data.isExternal[node] {
            models += 1
            let created = data.createdAt[node]
            if created != Int64.min, created > (newest ?? Int64.min) { newest = created }
            if node < data.downloadsAllTime.count, data.downloadsAllTime[node] > 0 { allTime = true }
        }
        self.models = models
        asOf = newest
        hasAllTimeDownloads = allTime
        coverage = index.coverage()
    }

    /// `2024-07-11`, or nil.
    public var asOfDay: String? { asOf.map(ClaimMonth.day) }
}
