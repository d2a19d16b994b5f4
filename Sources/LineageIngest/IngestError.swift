import LineageSupport

/// A failure of an ingest before or around parsing: no inputs, a file that is missing, unreadable, empty
/// or of no known format, inputs that do not go together. Problems inside a file are the parsers'
/// `HubParseError`s (`file:line`); the store's are `StoreError`s.
public struct IngestError: LocatedFailure {
    public var location: InputLocation?
    public var problem: String

    /// A problem described by `problem`, in `file` (at `line`) when given.
    public init(file: String? = nil, line: Int? = nil, _ problem: String) {
        self.problem = problem
        self.location = file.map { InputLocation(file: $0, line: line) }
    }
}
