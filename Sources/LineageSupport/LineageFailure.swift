/// What every layer's error adopts (`StoreError`, `SyncError`, `CatalogError`, `IngestError`, `LineageError`):
/// an error that knows its one readable line.
///
/// Layers keep their context in typed fields (a store path and SQLite code, a URL, a `file:line`) for code
/// that needs it; `description` is the single line the CLI prints, and nothing else turns them into text.
public protocol LineageFailure: Error, Sendable, CustomStringConvertible {
    /// One line, no trailing newline: what went wrong, where, and what to do.
    var description: String { get }
}
