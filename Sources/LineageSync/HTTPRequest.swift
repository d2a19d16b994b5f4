import Foundation

/// One GET request of the sync.
public struct HTTPRequest: Sendable {
    public var url: URL
    /// Header fields to send (`Authorization`, `Accept`, `User-Agent`).
    public var headers: [String: String]
    /// Seconds without progress before the request fails.
    public var timeout: Double

    public init(url: URL, headers: [String: String] = [:], timeout: Double = 60) {
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }
}
