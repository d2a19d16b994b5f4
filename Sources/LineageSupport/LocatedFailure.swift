/// A failure about an input file, where one is known: `file:line: problem`, `file: problem`, or the
/// problem alone. Layers that read files (`CatalogError`, `IngestError`) adopt it.
public protocol LocatedFailure: LineageFailure {
    /// The file and line, when the problem is in one.
    var location: InputLocation? { get }
    /// What is wrong, without the location.
    var problem: String { get }
}

extension LocatedFailure {
    public var description: String { location.map { "\($0): \(problem)" } ?? problem }
    /// The whole line, location included (as `LineageError.message`).
    public var message: String { description }
}
