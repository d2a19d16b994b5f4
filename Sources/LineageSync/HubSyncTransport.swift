import Foundation

/// Sends HTTP GET requests for the sync. `URLSessionTransport` is the real one; tests inject faults with
/// their own. Implementations block the calling thread until the response (or a failure) arrives.
public protocol HTTPTransport: Sendable {
    /// Sends `request`. Throws `HTTPTransportError` when no response arrived (connection refused or lost,
    /// timeout, DNS): the sync retries those. Any HTTP status, 4xx and 5xx included, is a response.
    func get(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse
}

/// A failure below HTTP: nothing (or nothing complete) came back.
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Retrying cannot help (a host name that does not resolve, no network at all): the sync stops at once.
    public var isFinal: Bool

    public init(_ message: String, isFinal: Bool = false) {
        self.message = message
        self.isFinal = isFinal
    }

    public var description: String { message }
}
