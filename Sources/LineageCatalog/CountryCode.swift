/// ISO 3166-1 alpha-2 country codes: the only country values the organization registry accepts.
///
/// A view of `CountryVocabulary.bundled` (`Resources/countries.csv`): all 249 officially assigned codes
/// with short English names. Groups (`EU`) and reserved codes are not countries and are refused.
public enum CountryCode {
    /// Code → short English name.
    public static var names: [String: String] { CountryVocabulary.bundled.names }

    /// Whether `code` (upper case) is an assigned alpha-2 code.
    public static func isValid(_ code: String) -> Bool { names[code] != nil }

    /// `CN (China)`, `EU (European Union)`; the code alone when unknown.
    public static func label(_ code: String) -> String { CountryVocabulary.bundled.label(code) }

    /// The one country a user's word names (`us`, `United States`, `USA`, `Chinese`, `england`); nil for
    /// a group or an unknown word. See `CountryVocabulary` for the rule.
    public static func parse(_ word: String) -> String? { CountryVocabulary.bundled.country(word) }
}
