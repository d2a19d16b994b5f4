/// A Hub id merged into another model's node, with why (`hf-legacy-migration`, `inferred:unique-twin`…).
public struct ModelAlias: Sendable, Equatable, Codable {
    /// The id as inputs spelled it, e.g. `gpt2`.
    public var legacyID: String
    /// The node it was merged into, e.g. `openai-community/gpt2`.
    public var canonicalID: String
    public var source: String

    public init(legacyID: String, canonicalID: String, source: String) {
        self.legacyID = legacyID
        self.canonicalID = canonicalID
        self.source = source
    }
}
