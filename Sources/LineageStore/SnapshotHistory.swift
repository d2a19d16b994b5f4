/// What a snapshot says about the Hub's history: the day it describes, and whether it is a change list
/// (a weekly additions or deletions file) or a full snapshot of a scope. See docs/STORE.md, "History".
public struct SnapshotHistory: Sendable, Equatable {
    /// A change list's direction.
    public enum ChangeList: String, Sendable {
        /// Every row was added to the Hub on the snapshot's day.
        case added
        /// Every row was deleted from the Hub on the snapshot's day.
        case removed
    }

    /// Unix seconds; nil means the ingest time.
    public var asOf: Int64?
    public var changeList: ChangeList?
    /// Set when the snapshot lists every model of this scope: models of the scope it lacks are removed.
    public var fullScope: SnapshotScope?

    public init(asOf: Int64? = nil, changeList: ChangeList? = nil, fullScope: SnapshotScope? = nil) {
        self.asOf = asOf
        self.changeList = changeList
        self.fullScope = fullScope
    }
}

/// The part of the Hub a full snapshot claims to list completely: the whole Hub, or one namespace.
public enum SnapshotScope: Sendable, Equatable, CustomStringConvertible {
    case hub
    case author(String)

    /// `hub` or `author:NS`; nil when malformed.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpacesAndLowercased()
        if trimmed == "hub" { self = .hub; return }
        guard trimmed.hasPrefix("author:") else { return nil }
        let namespace = String(trimmed.dropFirst("author:".count))
        guard !namespace.isEmpty, !namespace.contains("/"), namespace.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        self = .author(namespace)
    }

    /// The stored form, `hub` or `author:ns` (lowercased: the Hub matches namespaces case-insensitively).
    public var name: String {
        switch self {
        case .hub: "hub"
        case .author(let namespace): "author:" + namespace
        }
    }

    public var description: String { name }

    /// The prefix every model key of the scope starts with (empty for the whole Hub).
    var keyPrefix: String {
        switch self {
        case .hub: ""
        case .author(let namespace): namespace + "/"
        }
    }
}

private extension String {
    func trimmingSpacesAndLowercased() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()).lowercased()
    }
}
