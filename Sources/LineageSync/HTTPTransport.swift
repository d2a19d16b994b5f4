import Foundation

/// Sends HTTP GET requests for the sync. `URLSessionTransport` is the real one; tests inject faults with
/// their own. Implementations block the calling thread until the response (or a failure) arrives.
public protocol HTTPTransport: Sendable {
    /// Sends `request`. Throws `HTTPTransportError` when no response arrived (connection refused or lost,
    /// timeout, DNS): the sync retries those. Any HTTP status, 4xx and 5xx included, is a response.
    func get(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse
}
