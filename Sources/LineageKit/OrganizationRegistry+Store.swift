import Foundation
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
    /// The store is `--store` (created when absent) or the existing default store; the default store is
    /// never created here, since an empty one would hide the bundled snapshot from read commands.
    /// - Returns: the store's path and how many rows replaced an earlier one.
    public static func addToStore(_ rows: [Organization], locator: StoreLocator) throws -> (path: String, replaced: Int) {
        let store: LineageStore
        if let explicit = locator.explicitPath {
            store = try LineageStore.openOrCreate(path: explicit)
        } else {
            let path = locator.writePath
            guard FileManager.default.fileExists(atPath: path) else {
                throw LineageError("no store at \(path) to add to: ingest data first (`lineage ingest FILE`), name one with --store PATH, or keep your rows in a CSV and pass --registry FILE")
            }
            store = try LineageStore.open(path: path)
        }
        let before = Set(try store.organizations().map { $0.namespace.lowercased() })
        try store.upsertOrganizations(rows.map {
            OrganizationRow(namespace: $0.namespace, name: $0.name, country: $0.country, kind: $0.kind?.rawValue, source: $0.source, evidence: $0.evidence)
        }, at: Int64(Date().timeIntervalSince1970))
        return (store.path, rows.filter { before.contains($0.namespace.lowercased()) }.count)
    }
}
