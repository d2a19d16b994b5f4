import LineageGraph
import LineageSupport

/// How much of a set of derivative models the registry can attribute, by count and by 30-day downloads:
/// the share whose author has a known kind, a known country, or both, and, among the models of
/// organizations (any known kind but `individual`), the share with a known country. Every country
/// answer states it.
public struct RegistryCoverage: Sendable, Codable, Equatable {
    /// Derivative models considered (kind model, at least one parent).
    public var derivativeModels: Int
    /// Those whose author has both a country and a kind in the registry.
    public var attributedModels: Int
    /// Those whose author has a known country (kind maybe unknown).
    public var countryKnownModels: Int
    /// Those whose author has a known kind (`organization`, an organization of unknown kind, included).
    public var kindKnownModels: Int
    /// Those whose author's kind is more specific than `organization`.
    public var specificKindModels: Int
    /// Those whose author is an organization: a known kind other than `individual`.
    public var organizationModels: Int
    /// Those of `organizationModels` whose author has a known country.
    public var organizationCountryKnownModels: Int
    /// 30-day downloads of the derivative models, and of each group above.
    public var downloads: Int64
    public var attributedDownloads: Int64
    public var countryKnownDownloads: Int64
    public var kindKnownDownloads: Int64
    public var specificKindDownloads: Int64
    public var organizationDownloads: Int64
    public var organizationCountryKnownDownloads: Int64
    /// attributedModels / derivativeModels (0 when none).
    public var modelShare: Double
    /// attributedDownloads / downloads (0 when none).
    public var downloadShare: Double
    /// kindKnownModels / derivativeModels and kindKnownDownloads / downloads.
    public var kindKnownModelShare: Double
    public var kindKnownDownloadShare: Double
    /// countryKnownModels / derivativeModels and countryKnownDownloads / downloads.
    public var countryKnownModelShare: Double
    public var countryKnownDownloadShare: Double
    /// organizationCountryKnownModels / organizationModels and the same by downloads.
    public var organizationCountryKnownModelShare: Double
    public var organizationCountryKnownDownloadShare: Double

    /// Running counts over derivative models, one `add` per model.
    public struct Tally: Sendable, Equatable {
        public var models = 0
        public var attributed = 0, countryKnown = 0, kindKnown = 0, specificKind = 0, organization = 0, organizationCountryKnown = 0
        public var downloads: Int64 = 0
        public var attributedDownloads: Int64 = 0, countryKnownDownloads: Int64 = 0, kindKnownDownloads: Int64 = 0
        public var specificKindDownloads: Int64 = 0, organizationDownloads: Int64 = 0, organizationCountryKnownDownloads: Int64 = 0

        public init() {}

        /// Counts one derivative model with `downloads`, authored by `author`.
        public mutating func add(downloads d: Int64, author: Organization?) {
            models += 1
            downloads.addSaturating(d)
            let country = author?.country != nil
            let kind = author?.kind
            if country { countryKnown += 1; countryKnownDownloads.addSaturating(d) }
            if author?.isAttributed == true { attributed += 1; attributedDownloads.addSaturating(d) }
            guard let kind else { return }
            kindKnown += 1
            kindKnownDownloads.addSaturating(d)
            if kind.isSpecific { specificKind += 1; specificKindDownloads.addSaturating(d) }
            if kind.isOrganization {
                organization += 1
                organizationDownloads.addSaturating(d)
                if country { organizationCountryKnown += 1; organizationCountryKnownDownloads.addSaturating(d) }
            }
        }
    }

    public init(_ tally: Tally) {
        derivativeModels = tally.models
        attributedModels = tally.attributed
        countryKnownModels = tally.countryKnown
        kindKnownModels = tally.kindKnown
        specificKindModels = tally.specificKind
        organizationModels = tally.organization
        organizationCountryKnownModels = tally.organizationCountryKnown
        downloads = tally.downloads
        attributedDownloads = tally.attributedDownloads
        countryKnownDownloads = tally.countryKnownDownloads
        kindKnownDownloads = tally.kindKnownDownloads
        specificKindDownloads = tally.specificKindDownloads
        organizationDownloads = tally.organizationDownloads
        organizationCountryKnownDownloads = tally.organizationCountryKnownDownloads
        func share(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
        func share(_ part: Int64, _ whole: Int64) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
        modelShare = share(attributedModels, derivativeModels)
        downloadShare = share(attributedDownloads, downloads)
        kindKnownModelShare = share(kindKnownModels, derivativeModels)
        kindKnownDownloadShare = share(kindKnownDownloads, downloads)
        countryKnownModelShare = share(countryKnownModels, derivativeModels)
        countryKnownDownloadShare = share(countryKnownDownloads, downloads)
        organizationCountryKnownModelShare = share(organizationCountryKnownModels, organizationModels)
        organizationCountryKnownDownloadShare = share(organizationCountryKnownDownloads, organizationDownloads)
    }

    /// A coverage of models with only the country-and-kind counts known (the other groups empty).
    public init(derivativeModels: Int = 0, attributedModels: Int = 0, countryKnownModels: Int = 0, downloads: Int64 = 0, attributedDownloads: Int64 = 0) {
        var tally = Tally()
        tally.models = derivativeModels
        tally.attributed = attributedModels
        tally.countryKnown = countryKnownModels
        tally.downloads = downloads
        tally.attributedDownloads = attributedDownloads
        self.init(tally)
    }

    /// `Coverage: 41.2% of 2,586 derivative models (93.1% of their downloads) have an author with known country and kind`.
    public var text: String {
        "Coverage: \(Formatting.percent(modelShare)) of \(Formatting.group(derivativeModels)) derivative models "
            + "(\(Formatting.percent(downloadShare)) of their downloads) have an author with known country and kind"
    }

    /// The table `lineage registry coverage` prints: known kind, known country and both, by models and
    /// by downloads, then the organizations' share with a known country.
    public var report: String {
        func row(_ label: String, _ models: Int, _ of: Int, _ downloads: Int64, _ ofDownloads: Int64) -> [String] {
            [label, Formatting.group(models), of == 0 ? "-" : Formatting.percent(Double(models) / Double(of)),
             Formatting.group(downloads), ofDownloads == 0 ? "-" : Formatting.percent(Double(downloads) / Double(ofDownloads))]
        }
        let lines = TextTable.render(
            [
                ["derivative models whose author has", "models", "share", "downloads", "share"],
                row("any author (all derivative models)", derivativeModels, derivativeModels, downloads, downloads),
                row("a known kind", kindKnownModels, derivativeModels, kindKnownDownloads, downloads),
                row("  a kind more specific than organization", specificKindModels, derivativeModels, specificKindDownloads, downloads),
                row("a known country", countryKnownModels, derivativeModels, countryKnownDownloads, downloads),
                row("a known country and kind", attributedModels, derivativeModels, attributedDownloads, downloads),
                row("an organization (any kind but individual)", organizationModels, derivativeModels, organizationDownloads, downloads),
                row("  an organization with a known country", organizationCountryKnownModels, organizationModels,
                    organizationCountryKnownDownloads, organizationDownloads),
            ],
            rightAligned: [1, 2, 3, 4])
        return lines.joined(separator: "\n") + "\nShares are of all derivative models, except the last row's: of the organizations' derivative models."
    }
}
