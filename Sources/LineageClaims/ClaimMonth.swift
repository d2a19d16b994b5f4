import LineageHub

/// A calendar month (UTC), as claims and their windows name it: `2024-01`.
public struct ClaimMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM` (a day, `YYYY-MM-DD`, is accepted and dropped); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), (1970...9999).contains(year)
        else { return nil }
        if parts.count == 3 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil } }
        self.init(year: year, month: month)
    }

    /// The month holding Unix time `seconds`.
    public init(seconds: Int64) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let (y, m, _) = Self.civil(fromDays: days)
        self.init(year: y, month: m)
    }

    /// The first second of the month (UTC).
    public var start: Int64 { Int64(Self.days(year: year, month: month, day: 1)) * 86_400 }

    public var next: ClaimMonth { month == 12 ? ClaimMonth(year: year + 1, month: 1) : ClaimMonth(year: year, month: month + 1) }

    public var description: String { String(format: "%04d-%02d", year, month) }

    public static func < (a: ClaimMonth, b: ClaimMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = ClaimMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a month: \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `YYYY-MM-DD` of Unix time `seconds` (UTC).
    public static func day(_ seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let (year, month, day) = HubTimestamp.civil(fromDays: Int64(days))
        return (Int(year), Int(month), Int(day))
    }
}
