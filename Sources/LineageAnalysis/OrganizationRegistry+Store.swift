import Foundation
import LineageCatalog
import LineageIngest
import LineageStore

/// The registry's store layer: rows users added with `lineage registry add|import`.
extension OrganizationRegistry {
    /// The registry for the store `locator` reads: bundled, that store's rows when it exists on disk,
    /// then `userFile`.
    public static func load(locator: StoreLocator, userFile: String?) throws -> OrganizationRegistry {
        var store: LineageStore?
        if case .file(let path) = locator.readSource, FileManager.default.fileExists(atPath: path) {
            store = try LineageStore.open(path: path)
        }
        return try load(store: store, userFile: userFile)
    }

    /// Adds or replaces `rows` in the store's registry layer, all in one transaction.
    ///
    /// The store is `--store`, else the default store; it is created when absent. A store that holds no
    /// snapshot yet first receives the bundled default snapshot (unless `startFromBundledDefault` is
    /// false), so that it does not hide the Hub data from read commands; a store created here is removed
    /// again when the write fails.
    /// - Returns: the store's path, how many rows replaced an earlier one, and the snapshot the store
    ///   started from when it was seeded here.
    public static func addToStore(
        _ rows: [Organization], locator: StoreLocator, startFromBundledDefault: Bool = true
    ) throws -> (path: String, replaced: Int, startedFrom: IngestWriter.SnapshotSummary?) {
        let target = try WritableStore.openOrCreate(path: locator.writePath)
        return try target.write { store in
            var seeded: IngestWriter.SnapshotSummary?
            if startFromBundledDefault, try store.snapshotCount() == 0 {
                seeded = try Ingestor().ingest(paths: [try BundledDefault.path()], into: store).inputs.first?.summary
            }
            let before = Set(try store.organizations().map { $0.namespace.lowercased() })
            try store.upsertOrganizations(rows.map {
                OrganizationRow(namespace: $0.namespace, name: $0.name, country: $0.country, kind: $0.kind?.rawValue, source: $0.source, evidence: $0.evidence)
            }, at: Int64(Date().timeIntervalSince1970))
            return (store.path, rows.filter { before.contains($0.namespace.lowercased()) }.count, seeded)
        }
    }
}
