/// Where the live Hub sync of one scope stands (a scope is a kind, an endpoint and the filters used).
public struct SyncCursor: Sendable, Equatable {
    /// A sync run: one snapshot filled page by page.
    public struct Run: Sendable, Equatable {
        public var id: Int64
        public var snapshotID: Int64
        /// `running` (in progress or stopped, resumable), `done`, `abandoned` (replaced by a new run) or
        /// `failed` (stopped for good, see `error`; the next sync starts a new run).
        public var status: String
        public var startedAt: Int64
        /// Items modified before this (Unix s) end the run; nil crawls everything.
        public var stopAt: Int64?
        /// The next page to fetch; nil when there is none.
        public var nextURL: String?
        /// Items at the start of the next page that are already stored (a page cut short by `--limit`).
        public var nextSkip: Int
        /// The newest `lastModified` the run has seen.
        public var highWater: Int64?
        /// Pages and items committed so far.
        public var pages: Int
        public var items: Int
        /// Why a `failed` run failed.
        public var error: String?

        public init(
            id: Int64, snapshotID: Int64, status: String, startedAt: Int64, stopAt: Int64?,
            nextURL: String?, nextSkip: Int = 0, highWater: Int64?, pages: Int, items: Int, error: String? = nil
        ) {
            self.id = id
            self.snapshotID = snapshotID
            self.status = status
            self.startedAt = startedAt
            self.stopAt = stopAt
            self.nextURL = nextURL
            self.nextSkip = nextSkip
            self.highWater = highWater
            self.pages = pages
            self.items = items
            self.error = error
        }
    }

    public var scope: String
    /// `models` or `spaces`.
    public var kind: String
    public var endpoint: String
    /// The newest `lastModified` stored by the last completed run: the next run stops there.
    public var watermark: Int64?
    public var completedAt: Int64?
    /// The run in progress (possibly stopped), which the next sync of this scope continues; or the last
    /// run when it failed (it is not continued).
    public var run: Run?
}
