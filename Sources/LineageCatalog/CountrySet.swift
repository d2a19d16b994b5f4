/// A set of countries named in a question: one country, or a group such as the EU.
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

    /// EU member states (2026).
    public static let europeanUnion = CountrySet(codes: [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ], label: "EU")
}
