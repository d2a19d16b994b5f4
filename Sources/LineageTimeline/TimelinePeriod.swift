import LineageSupport

/// The width of a timeline's buckets. Weeks start on Monday (ISO 8601); all buckets are UTC.
public enum TimelinePeriod: String, Sendable, Codable, CaseIterable {
    case week, month, quarter, year

    /// The ordinal of the bucket holding `date`: consecutive buckets have consecutive ordinals.
    public func ordinal(of date: CivilDate) -> Int {
        switch self {
        case .week:
            let d = date.days + 3  // 1970-01-01 was a Thursday; day -3 (1969-12-29) a Monday
            return d >= 0 ? d / 7 : (d - 6) / 7
        case .month: return date.year * 12 + date.month - 1
        case .quarter: return date.year * 4 + (date.month - 1) / 3
        case .year: return date.year
        }
    }

    /// The first day of bucket `ordinal`.
    public func start(ofOrdinal ordinal: Int) -> CivilDate {
        switch self {
        case .week: return CivilDate(days: ordinal * 7 - 3)
        case .month: return CivilDate(year: Self.floorDiv(ordinal, 12), month: ordinal - Self.floorDiv(ordinal, 12) * 12 + 1, day: 1)
        case .quarter: return CivilDate(year: Self.floorDiv(ordinal, 4), month: (ordinal - Self.floorDiv(ordinal, 4) * 4) * 3 + 1, day: 1)
        case .year: return CivilDate(year: ordinal, month: 1, day: 1)
        }
    }

    /// The bucket's name: `2024-W03` is written as its Monday `2024-01-15`; `2023-10`, `2023-Q4`, `2023`.
    public func label(ofOrdinal ordinal: Int) -> String {
        let start = start(ofOrdinal: ordinal)
        switch self {
        case .week: return start.description
        case .month: return String(start.description.prefix(7))
        case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .year: return String(start.year)
        }
    }

    /// `month`, `monthly`, `per month`: the word a user wrote, or nil.
    public init?(word: String) {
        switch word.lowercased() {
        case "week", "weeks", "weekly", "w": self = .week
        case "month", "months", "monthly", "m": self = .month
        case "quarter", "quarters", "quarterly", "q": self = .quarter
        case "year", "years", "yearly", "annual", "y": self = .year
        default: return nil
        }
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
}
