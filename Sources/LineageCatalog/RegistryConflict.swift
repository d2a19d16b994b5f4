/// Two sources that disagree about an organization's country or kind, and which one the registry follows.
public struct RegistryConflict: Sendable, Codable, Equatable {
    public var namespace: String
    /// `country` or `kind`.
    public var field: String
    /// The value the registry uses, and where it comes from.
    public var chosen: String
    public var chosenSource: String
    /// The value it overrides (empty when that source left the field unknown), and where that comes from.
    public var other: String
    public var otherSource: String
    /// Why the chosen value won.
    public var note: String

    public init(namespace: String, field: String, chosen: String, chosenSource: String, other: String, otherSource: String, note: String) {
        self.namespace = namespace
        self.field = field
        self.chosen = chosen
        self.chosenSource = chosenSource
        self.other = other
        self.otherSource = otherSource
        self.note = note
    }

    /// `stabilityai country: GB (curated) over eu (atom): …`.
    public var text: String {
        "\(namespace) \(field): \(chosen.isEmpty ? "unknown" : chosen) (\(chosenSource)) over \(other.isEmpty ? "unknown" : other) (\(otherSource))"
            + (note.isEmpty ? "" : ": \(note)")
    }
}
