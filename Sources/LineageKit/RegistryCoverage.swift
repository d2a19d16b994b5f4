/// How much of a set of derivative models the registry can attribute: the share whose author has a
/// known country and kind, by count and by downloads. Every country answer states it.
public struct RegistryCoverage: Sendable, Codable, Equatable {
    /// Derivative models considered (kind model, at least one parent).
    public var derivativeModels: Int
    /// Those whose author has both a country and a kind in the registry.
    public var attributedModels: Int
    /// Those whose author has a known country (kind maybe unknown).
    public var countryKnownModels: Int
    /// 30-day downloads of the derivative models, and of the attributed ones.
    public var downloads: Int64
    public var attributedDownloads: Int64
    /// attributedModels / derivativeModels (0 when none).
    public var modelShare: Double
    /// attributedDownloads / downloads (0 when none).
    public var downloadShare: Double

    public init(derivativeModels: Int = 0, attributedModels: Int = 0, countryKnownModels: Int = 0, downloads: Int64 = 0, attributedDownloads: Int64 = 0) {
        self.derivativeModels = derivativeModels
        self.attributedModels = attributedModels
        self.countryKnownModels = countryKnownModels
        self.downloads = downloads
        self.attributedDownloads = attributedDownloads
        modelShare = derivativeModels == 0 ? 0 : Double(attributedModels) / Double(derivativeModels)
        downloadShare = downloads == 0 ? 0 : Double(attributedDownloads) / Double(downloads)
    }

    /// `Coverage: 41.2% of 2,586 derivative models (93.1% of their downloads) have an author with known country and kind`.
    public var text: String {
        "Coverage: \(Formatting.percent(modelShare)) of \(Formatting.group(derivativeModels)) derivative models "
            + "(\(Formatting.percent(downloadShare)) of their downloads) have an author with known country and kind"
    }
}
