import Foundation

/// Where a sync is, for the progress line.
public struct HubSyncProgress: Sendable {
    /// A wait before the next request.
    public struct Wait: Sendable, Equatable {
        /// Seconds still to wait.
        public var remaining: Double
        /// Why: `rate limited (429)`, `HTTP 503, retry 2 of 6`, `cannot connect to the host, retry 1 of 6`.
        public var reason: String
        /// The request that is waited on.
        public var url: String
    }

    public var kind: HubSyncOptions.Kind
    /// What is counted, when not `kind`'s listing (`namespaces` for `lineage sync --namespaces`).
    public var label: String? = nil
    /// Pages and items committed by this invocation.
    public var pages: Int
    public var items: Int
    /// Seconds since this kind's sync started.
    public var elapsed: Double
    /// Set while waiting for a rate limit or a retry.
    public var wait: Wait?

    /// The noun the progress line shows: `label`, else the listing's kind.
    public var noun: String { label ?? kind.rawValue }

    /// Items per second so far.
    public var rate: Double { elapsed > 0 ? Double(items) / elapsed : 0 }
}
