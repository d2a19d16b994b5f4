/// Countries of family owners and of authors, supplied by the caller for `LockInIndex`.
///
/// Either closure returns nil when the country is unknown. Country codes are compared as given.
public struct CountryAttribution {
    /// Country of the owner of the family at an index of the membership's family list.
    public var familyCountry: (Int) -> String?
    /// Country of an author id.
    public var authorCountry: (Int32) -> String?

    public init(familyCountry: @escaping (Int) -> String?, authorCountry: @escaping (Int32) -> String?) {
        self.familyCountry = familyCountry
        self.authorCountry = authorCountry
    }
}
