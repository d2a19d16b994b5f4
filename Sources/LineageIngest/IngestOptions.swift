import LineageHub
import LineageStore

/// How `Ingestor` reads its inputs.
public struct IngestOptions: Sendable {
    /// Reads every file in this format instead of detecting it.
    public var format: InputFormat?
    /// Skips malformed records (counting them) instead of failing with nothing written.
    public var skipInvalid = false
    /// Legacy ids to merge into their canonical ids; nil means the shipped table (`RenameTable.bundled()`).
    public var renames: RenameTable?
    /// Whether a store that holds no snapshot yet, given only inputs that describe no models (Spaces,
    /// AI-BOMs), first receives the bundled default snapshot, so that its answers still cover the Hub.
    public var startFromBundledDefault = false
    /// The day every input describes (Unix seconds, `--as-of`); nil: a weekly file's name, else the ingest time.
    public var asOf: Int64?
    /// Set when the inputs together list every model of this scope (`--full-snapshot`): described models
    /// of the scope they lack, held by an earlier-dated snapshot, are marked removed.
    public var fullSnapshot: SnapshotScope?

    public init(
        format: InputFormat? = nil, skipInvalid: Bool = false, renames: RenameTable? = nil, startFromBundledDefault: Bool = false,
        asOf: Int64? = nil, fullSnapshot: SnapshotScope? = nil
    ) {
        self.format = format
        self.skipInvalid = skipInvalid
        self.renames = renames
        self.startFromBundledDefault = startFromBundledDefault
        self.asOf = asOf
        self.fullSnapshot = fullSnapshot
    }
}
