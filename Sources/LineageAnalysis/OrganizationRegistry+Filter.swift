import LineageCatalog

extension OrganizationRegistry {
    /// The effective rows from one of `countries` (all when nil), of one of `kinds` (all when nil), and
    /// with no known country when `unknownCountryOnly` (`lineage registry list`'s filters).
    /// - Complexity: O(rows).
    public func organizations(countries: Set<String>?, kinds: Set<OrganizationKind>?, unknownCountryOnly: Bool) -> [Organization] {
        organizations.filter { o in
            (countries == nil || o.country.map { countries!.contains($0) } == true)
                && (kinds == nil || o.kind.map { kinds!.contains($0) } == true)
                && (!unknownCountryOnly || o.country == nil)
        }
    }
}
