/// What a node of the lineage graph stands for.
///
/// Raw values are stable: they are stored in the SQLite store and in binary caches.
public enum NodeKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// A model repository on the Hub.
    case model = 0
    /// A parent named by a model card that is not (or no longer) on the Hub.
    case external = 1
    case organization = 2
    case space = 3
    case paper = 4
    case project = 5

    public var description: String {
        switch self {
        case .model: "model"
        case .external: "external"
        case .organization: "organization"
        case .space: "space"
        case .paper: "paper"
        case .project: "project"
        }
    }
}
