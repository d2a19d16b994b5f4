import Foundation

/// What `lineage sync` fetches.
public struct HubSyncOptions: Sendable {
    /// What the Hub lists: models or Spaces.
    public enum Kind: String, Sendable, CaseIterable {
        case models, spaces
    }

    /// In this order.
    public var kinds: [Kind] = [.models]
    /// The Hub, e.g. `https://huggingface.co` (see `HubEndpoint.resolve`).
    public var endpoint: HubEndpoint
    /// Only this namespace's repositories (`author=`).
    public var author: String?
    /// Only repositories whose id contains this (`search=`).
    public var search: String?
    /// Stop after this many items of each kind in this invocation; the next sync continues.
    public var limit: Int?
    /// Fetch what changed since this (Unix s) instead of since the last completed sync.
    public var since: Int64?
    /// Drop a stopped run instead of continuing it.
    public var restart = false
    public var token: HubToken?

    public init(endpoint: HubEndpoint) {
        self.endpoint = endpoint
    }
}
