/// One line of a timeline: the dated members of a family, namespace, model, origin or author country.
///
/// Days are days since 1970-01-01 (UTC). Derivatives are members that are not seeds; every array
/// about derivatives is index-aligned.
public struct TimelineSeries: Sendable {
    /// The series' name in tables and legends (`Qwen`, `CN`, `authors in US`).
    public var name: String
    /// What it stands for, with its seeds (`family qwen (Qwen), 125 root models`).
    public var detail: String
    package var derivativeDays: [Int32] = []
    package var derivativeAuthors: [Int32] = []
    package var derivativeDownloads: [Int64] = []
    /// Seeds and derivatives with a date, and whether each one's own record names a parent.
    package var memberDays: [Int32] = []
    package var memberHasParent: [Bool] = []
    /// Derivatives with no `createdAt`: counted here, in no bucket.
    public var undatedDerivatives = 0
    /// Derivatives dated 2022-03-02, the Hub's placeholder for repositories older than that day.
    public var placeholderDerivatives = 0
    /// The earliest dated seed: a family has no derivatives before its first release.
    public var firstSeedDay: Int32?

    public init(name: String, detail: String) {
        self.name = name
        self.detail = detail
    }

    /// Dated derivatives.
    public var derivativeCount: Int { derivativeDays.count }
}
