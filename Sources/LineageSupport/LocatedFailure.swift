/// A failure about an input file, where one is known: `file:line: message`, `file: message`, or the
/// message alone. Layers that read files (`CatalogError`, `IngestError`) adopt it.
public protocol LocatedFailure: LineageFailure {
    /// The file and line, when the problem is in one.
    var location: SourceLocation? { get }
    /// What is wrong, without the location.
    var message: String { get }
}

extension LocatedFailure {
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
