import LineageCatalog
/// Which downstream entities a question keeps.
public struct DownstreamFilter: Sendable, Codable, Equatable {
    /// Entity types kept; all when empty.
    public var types: Set<DownstreamType>
    /// Owner countries kept (ISO codes); all when nil. An entity with an unknown country never matches a
    /// country filter (it is counted in the answer's coverage instead).
    public var countries: Set<String>?
    /// Owner kinds kept; all when nil.
    public var kinds: Set<OrganizationKind>?
    /// Whether organizations owning one of the asked families count as downstream of it (Qwen's own
    /// fine-tunes of Qwen). Off by default.
    public var includeFamilyOwners: Bool

    public init(
        types: Set<DownstreamType> = [], countries: Set<String>? = nil, kinds: Set<OrganizationKind>? = nil,
        includeFamilyOwners: Bool = false
    ) {
        self.types = types
        self.countries = countries
        self.kinds = kinds
        self.includeFamilyOwners = includeFamilyOwners
    }

    /// Whether `type` is asked for.
    public func includes(_ type: DownstreamType) -> Bool { types.isEmpty || types.contains(type) }

    /// Whether an owner with this country and kind passes.
    public func matches(country: String?, kind: OrganizationKind?) -> Bool {
        if let countries {
            guard let country, countries.contains(country) else { return false }
        }
        if let kinds {
            guard let kind, kinds.contains(kind) else { return false }
        }
        return true
    }

    /// `U.S. startups`-style words for output: `country US, kind startup`; `all` when unfiltered.
    public var text: String {
        var parts: [String] = []
        if !types.isEmpty { parts.append(types.sorted().map(\.rawValue).joined(separator: ", ")) }
        if let countries { parts.append("country " + countries.sorted().joined(separator: "|")) }
        if let kinds { parts.append("kind " + kinds.sorted().map(\.rawValue).joined(separator: "|")) }
        return parts.isEmpty ? "all" : parts.joined(separator: "; ")
    }
}
