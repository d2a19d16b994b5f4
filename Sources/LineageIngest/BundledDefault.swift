import Foundation
import LineageStore
import LineageSupport

/// The default snapshot shipped inside the package: 4,167 real Hub models from the hub-stats dump
/// (Apache-2.0), slimmed by `scripts/build-default-snapshot.py`.
public enum BundledDefault {
    /// The file name of the resource.
    public static let fileName = "default-hub.jsonl"
    /// How many Hub models (external parents not counted) the snapshot holds.
    public static let modelCount = 4_167
    /// What the snapshot is, for output.
    public static let description = "bundled default snapshot (hub-stats-2026, 4,167 Hub models)"

    /// The snapshot file's path (see `BundledResource`); `$LINEAGE_DEFAULT_DATA` overrides it.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) throws(IngestError) -> String {
        if let explicit = environment["LINEAGE_DEFAULT_DATA"], !explicit.isEmpty { return explicit }
        do {
            return try BundledResource.path(fileName, module: "LineageIngest", environment: environment)
        } catch {
            throw IngestError(error.message)
        }
    }

    /// A fresh in-memory store holding the bundled default snapshot.
    public static func makeStore() throws -> LineageStore {
        let store = try LineageStore.inMemory()
        _ = try Ingestor().ingest(paths: [try path()], into: store)
        return store
    }
}
