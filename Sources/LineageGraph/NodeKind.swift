/// What a node of the lineage graph stands for.
///
/// Raw values are stable: they are stored in the SQLite store and in binary caches.
public enum NodeKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// A model repository on the Hub.
    case model = 0
    /// A parent named by a model card that is not (or no longer) on the Hub.
    case external = 1
    case organization = 2, space = 3, paper = 4, project = 5

    /// Names in raw-value order.
    private static let names = ["model", "external", "organization", "space", "paper", "project"]

    public var description: String { Self.names[Int(rawValue)] }
}
