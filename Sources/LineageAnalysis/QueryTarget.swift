/// What a user's word named, as reports show it.
public struct QueryTarget: Sendable, Codable, Equatable {
    /// `model`, `family`, `namespace` or `project` (an imported AI-BOM, standing for the models it uses).
    public var kind: String
    /// The model id, family id or namespace as spelled in the data.
    public var name: String
    /// The family's label; nil for models and namespaces.
    public var label: String?

    public init(kind: String, name: String, label: String? = nil) {
        self.kind = kind
        self.name = name
        self.label = label
    }

    /// `family qwen (Qwen)`, `model Qwen/Qwen2.5-7B`, `namespace allenai`.
    public var text: String { label.map { "\(kind) \(name) (\($0))" } ?? "\(kind) \(name)" }
}
