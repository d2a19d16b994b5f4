/// What a user's word resolved to.
public enum FamilyResolution: Sendable, Equatable {
    /// A family of the resolver's list, with its index there.
    case family(Family, index: Int)
    /// A Hub namespace (spelled as in the names table) and its nodes, ascending.
    case namespace(String, nodes: [Int32])
    /// A single node whose name matched exactly (case-insensitively).
    case model(Int32)
}

/// A word that names no family, model or namespace, with the closest known spellings.
public struct FamilyResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let word: String
    /// Up to five known names, closest first (by edit distance, then alphabetically).
    public let suggestions: [String]

    public init(word: String, suggestions: [String]) {
        self.word = word
        self.suggestions = suggestions
    }

    public var description: String {
        suggestions.isEmpty
            ? "unknown family, namespace or model '\(MessageText.clip(word))'"
            : "unknown family, namespace or model '\(MessageText.clip(word))'; did you mean: \(suggestions.joined(separator: ", "))?"
    }
}
