import LineageGraph

/// Countries from the registry in the shape the engine's lock-in index takes.
extension OrganizationRegistry {
    /// Family owners' and authors' countries for `LockInIndex(…, countries:)`: family index f → the
    /// registry country of `catalog.entries[f]`'s owner namespace; author id a → the country of
    /// `authors[a]`. Unknown countries are nil, so foreign dependence counts only known pairs.
    public func countryAttribution(catalog: FamilyCatalog, authors: [String]) -> CountryAttribution {
        let familyCountries = catalog.entries.map { $0.namespaces.first.flatMap(country(of:)) }
        let authorCountries = authors.map(country(of:))
        return CountryAttribution(
            familyCountry: { f in f >= 0 && f < familyCountries.count ? familyCountries[f] : nil },
            authorCountry: { a in a >= 0 && Int(a) < authorCountries.count ? authorCountries[Int(a)] : nil })
    }
}
