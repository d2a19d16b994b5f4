/// An error meant for the person at the terminal: one readable line that says what went wrong and what to do.
public struct LineageError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
