import Foundation
import LineageHub
import LineageSupport

extension RenameTable {
    /// The shipped table's resource name (built by `scripts/build-renames.py`).
    public static let bundledFileName = "renames.csv"

    /// The shipped rename table: legacy ids the Hub moved into organizations in 2024.
    /// - Throws: `CatalogError` when the resource is missing or malformed (`file:line`).
    public static func bundled() throws(CatalogError) -> RenameTable {
        try load(path: try CatalogError.bundledPath(bundledFileName))
    }

    /// The rename table at `path`.
    /// - Throws: `CatalogError` naming the file (and line) of a problem.
    public static func load(path: String) throws(CatalogError) -> RenameTable {
        guard let data = FileManager.default.contents(atPath: path) else { throw CatalogError(file: path, "cannot read the rename table") }
        do { return try parse(Array(data), file: path) } catch { throw CatalogError(error) }
    }
}
