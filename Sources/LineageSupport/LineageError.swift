/// An error meant for the person at the terminal that has no richer context than its message: one
/// readable line that says what went wrong and what to do. Layers with context use their own type.
public struct LineageError: LineageFailure, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
