/// Where in an input file a problem is: a path and, when known, a 1-based line.
public struct InputLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The 1-based line, or nil when the problem is with the file as a whole.
    public var line: Int?

    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or `file` alone.
    public var description: String { line.map { "\(file):\($0)" } ?? file }
}
