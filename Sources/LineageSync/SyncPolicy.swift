import Foundation

/// How politely and how persistently the sync talks to the Hub. Every loop it drives is bounded by these.
public struct SyncPolicy: Sendable {
    /// Retries of one request after a 5xx, a 408 or a connection failure, before the sync stops.
    public var maxRetries = 6
    /// The first retry's delay in seconds; each further retry doubles it, up to `maxDelay`.
    public var baseDelay: Double = 2
    public var maxDelay: Double = 120
    /// 429 answers accepted for one request before the sync stops.
    public var maxRateLimitWaits = 12
    /// Seconds to wait after a 429 that names no reset time (`RateLimit` `t=` or `Retry-After`).
    public var defaultRateLimitWait: Double = 60
    /// The longest single wait after a 429, whatever the server asks.
    public var maxRateLimitWait: Double = 900
    /// Objects per page asked of the API (`limit=`).
    public var pageSize = 1000
    /// Seconds without progress before a request fails (and is retried).
    public var requestTimeout: Double = 60
    /// Blocks for the given seconds; tests make it instant.
    public var sleep: @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    /// Turns a backoff delay into the delay actually waited ("equal jitter": between half and all of it).
    public var jitter: @Sendable (Double) -> Double = { $0 / 2 + Double.random(in: 0...($0 / 2)) }
    /// The current time.
    public var now: @Sendable () -> Date = { Date() }

    public init() {}

    /// The un-jittered delay before retry number `attempt` (1-based).
    public func backoff(attempt: Int) -> Double {
        min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
    }
}
