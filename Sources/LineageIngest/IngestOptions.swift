import LineageHub

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

    public init(
        format: InputFormat? = nil, skipInvalid: Bool = false, renames: RenameTable? = nil, startFromBundledDefault: Bool = false
    ) {
        self.format = format
        self.skipInvalid = skipInvalid
        self.renames = renames
        self.startFromBundledDefault = startFromBundledDefault
    }
}
