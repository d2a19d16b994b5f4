/// A model family: the lineage grown from one publisher's base models (Llama, Qwen, Mistral…).
///
/// The family's roots are the nodes published under `ownerNamespace` or one of
/// `aliasNamespaces` (the Hub namespace is the part of a model id before `/`, compared
/// case-insensitively); its members are those roots and all their descendants. `aliases` are
/// extra words a user may type for the family; they never select roots.
public struct Family: Sendable, Hashable, Identifiable {
    /// Stable short identifier, e.g. `llama`.
    public let id: String
    /// Human-readable name, e.g. `Llama (Meta)`.
    public let label: String
    /// Namespace of the publisher, e.g. `meta-llama`.
    public let ownerNamespace: String
    /// Other words resolving to this family, e.g. `meta`, `llama3`.
    public let aliases: [String]
    /// Other namespaces whose nodes are roots too, e.g. an older organisation name.
    public let aliasNamespaces: [String]

    public init(id: String, label: String, ownerNamespace: String, aliases: [String] = [], aliasNamespaces: [String] = []) {
        self.id = id
        self.label = label
        self.ownerNamespace = ownerNamespace
        self.aliases = aliases
        self.aliasNamespaces = aliasNamespaces
    }

    /// The owner namespace followed by the alias namespaces.
    public var namespaces: [String] { [ownerNamespace] + aliasNamespaces }

    /// Every word resolving to this family: id, label, namespaces and aliases.
    public var words: [String] { [id, label] + namespaces + aliases }
}
