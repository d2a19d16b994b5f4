/// A set of countries named by a word of `CountryVocabulary`: one country, or a group such as the EU.
public struct CountrySet: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// ISO 3166-1 alpha-2 codes, sorted.
    public var codes: [String]
    /// How the user named it, normalized (`US`, `EU`, `CN`).
    public var label: String

    public init(codes: [String], label: String) {
        self.codes = codes.sorted()
        self.label = label
    }

    public func contains(_ code: String) -> Bool { codes.contains(code.uppercased()) }

    public var description: String { label }
}
