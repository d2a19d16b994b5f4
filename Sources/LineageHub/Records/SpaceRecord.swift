/// One Hub Space as `/api/spaces?full=true&expand[]=models` describes it, reduced to what Lineage uses.
public struct SpaceRecord: Sendable, Equatable {
    /// `owner/name`, display case.
    public var id: String
    /// The owner namespace; the id's namespace when the object has no `author`.
    public var author: String?
    public var likes: Int64?
    /// Unix seconds.
    public var createdAt: Int64?
    /// Unix seconds; decides which of two records of one Space is newer.
    public var lastModified: Int64?
    /// `gradio`, `streamlit`, `docker`, `static`…
    public var sdk: String?
    /// Hub ids of the models the Space uses, in the object's order, without duplicates (case-insensitive).
    public var models: [String]
    /// 1-based line the object starts on.
    public var line: Int

    public init(
        id: String, author: String? = nil, likes: Int64? = nil, createdAt: Int64? = nil, lastModified: Int64? = nil,
        sdk: String? = nil, models: [String] = [], line: Int = 0
    ) {
        self.id = id
        self.author = author
        self.likes = likes
        self.createdAt = createdAt
        self.lastModified = lastModified
        self.sdk = sdk
        self.models = models
        self.line = line
    }
}
