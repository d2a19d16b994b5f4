/// Per-node attributes of a `LineageGraph`, stored column-wise (one array per attribute).
///
/// Every column has one entry per node id. Unknown values are `Int64.min` for `created`,
/// `-1` for `authorIds` and `0` for the counters. `authorIds` index an author string table the
/// caller keeps; the engine only compares them.
public struct NodeColumns: Sendable, Equatable {
    public var kinds: [NodeKind]
    /// Index into the caller's author table, or -1 when the author is unknown.
    public var authorIds: [Int32]
    /// Creation time in unix seconds, or `Int64.min` when unknown.
    public var created: [Int64]
    /// Recent (30-day) downloads, as the Hub reports them.
    public var downloads: [Int64]
    public var downloadsAllTime: [Int64]
    public var likes: [Int32]

    /// Marks an unknown `created` value.
    public static let unknownDate = Int64.min

    /// Columns for `count` nodes, all models with unknown author and date and zero counters.
    public init(count: Int) {
        precondition(count >= 0, "negative node count")
        kinds = Array(repeating: .model, count: count)
        authorIds = Array(repeating: -1, count: count)
        created = Array(repeating: Self.unknownDate, count: count)
        downloads = Array(repeating: 0, count: count)
        downloadsAllTime = Array(repeating: 0, count: count)
        likes = Array(repeating: 0, count: count)
    }

    /// Columns from parallel arrays, which must all have the same length.
    public init(
        kinds: [NodeKind], authorIds: [Int32], created: [Int64],
        downloads: [Int64], downloadsAllTime: [Int64], likes: [Int32]
    ) {
        let n = kinds.count
        precondition(
            authorIds.count == n && created.count == n && downloads.count == n
                && downloadsAllTime.count == n && likes.count == n,
            "NodeColumns: columns of different lengths")
        self.kinds = kinds
        self.authorIds = authorIds
        self.created = created
        self.downloads = downloads
        self.downloadsAllTime = downloadsAllTime
        self.likes = likes
    }

    /// Number of nodes described.
    public var count: Int { kinds.count }

    /// One more than the largest author id (0 when no author is known): the size of an
    /// array indexed by author id.
    ///
    /// - Complexity: O(n).
    public var authorIdUpperBound: Int {
        var upper: Int32 = -1
        for a in authorIds where a > upper { upper = a }
        return Int(upper) + 1
    }

    /// Whether all columns have the same length (checked by `LineageGraph` in debug builds).
    var isConsistent: Bool {
        let n = kinds.count
        return authorIds.count == n && created.count == n && downloads.count == n
            && downloadsAllTime.count == n && likes.count == n
    }
}
