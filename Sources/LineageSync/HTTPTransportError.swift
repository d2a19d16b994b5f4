import LineageSupport

/// A failure below HTTP: nothing (or nothing complete) came back.
public struct HTTPTransportError: LineageFailure {
    public var message: String
    /// Retrying cannot help (a host name that does not resolve, no network at all): the sync stops at once.
    public var isFinal: Bool

    public init(_ message: String, isFinal: Bool = false) {
        self.message = message
        self.isFinal = isFinal
    }

    public var description: String { message }
}
