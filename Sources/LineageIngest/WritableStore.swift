import Foundation
import LineageStore

/// The store a writing command (`lineage ingest`, `lineage registry add|import`) works on, created when absent.
///
/// A read command answers from the default store as soon as that file exists, so a store created by a
/// write that then fails would be left empty and hide the bundled default snapshot from every later
/// question. `write(_:)` therefore removes a store this command created when the write throws.
public struct WritableStore {
    public let store: LineageStore
    /// Whether this command created the store file (it did not exist before).
    public let created: Bool

    public var path: String { store.path }

    /// Opens the store at `path`, creating it (and its directory) when absent.
    public static func openOrCreate(path: String) throws -> WritableStore {
        let existed = FileManager.default.fileExists(atPath: path)
        return WritableStore(store: try LineageStore.openOrCreate(path: path), created: !existed)
    }

    /// Runs `body` on the store; when it throws and this command created the store, the store's files are
    /// removed before the error is passed on.
    public func write<T>(_ body: (LineageStore) throws -> T) throws -> T {
        do {
            return try body(store)
        } catch {
            if created { Self.remove(path: store.path) }
            throw error
        }
    }

    /// Removes a store and the files SQLite and the graph cache keep beside it.
    package static func remove(path: String) {
        var files = [path, path + "-journal", path + "-wal", path + "-shm"]
        if let cache = GraphCache.path(forStore: path) { files.append(cache) }
        for file in files { try? FileManager.default.removeItem(atPath: file) }
    }
}
