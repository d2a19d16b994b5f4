import LineageHub
import LineageStore

/// What one `lineage sync` did, kind by kind.
public struct HubSyncResult: Sendable {
    public struct Kind: Sendable {
        public var kind: HubSyncOptions.Kind
        public var scope: String
        /// The run and its snapshot.
        public var runID: Int64
        public var snapshotID: Int64
        /// Set when this invocation continued a stopped run (from its page `resumedAtPage + 1`).
        public var resumedAtPage: Int?
        /// Pages and items committed by this invocation.
        public var pages = 0
        public var items = 0
        /// For models: what the pages did to the store.
        public var newModels = 0
        public var updatedModels = 0
        public var keptNewer = 0
        public var edges = 0
        /// Models named (as parents, or as used by a Space) that no record describes.
        public var newExternalParents = 0
        /// For Spaces: what the pages did to the store.
        public var newSpaces = 0
        public var updatedSpaces = 0
        public var uses = 0
        /// The run reached the end of the listing or the previous sync's point: the store is current.
        public var complete = false
        /// Items modified before this (Unix s) were not fetched: they were current already.
        public var stopAt: Int64?
        /// The newest modification stored, once complete: the next sync starts there.
        public var watermark: Int64?
        /// False when the run stored nothing and its empty snapshot was removed (a sync with nothing new).
        public var snapshotKept = true
    }

    public var kinds: [Kind] = []
    public var seconds: Double = 0
}
