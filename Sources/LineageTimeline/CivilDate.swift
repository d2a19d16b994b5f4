import LineageGraph
import LineageHub
import LineageSupport

/// A proleptic Gregorian calendar day in UTC, converted to and from unix days without Foundation.
///
/// Timeline arithmetic (buckets, windows) runs on whole days; this type keeps it exact and fast
/// (no `Calendar` per model).
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day holding unix second `seconds` (UTC).
    public init(unixSeconds seconds: Int64) {
        self.init(days: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }

    /// The day `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
    public init(days: Int) {
        let (y, m, d) = HubTimestamp.civil(fromDays: Int64(days))
        year = Int(y)
        month = Int(m)
        day = Int(d)
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    public var days: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Unix seconds at 00:00 UTC of this day.
    public var unixSeconds: Int64 { Int64(days) * 86_400 }

    /// The same day `months` months later (earlier when negative), the day clamped to the month's length.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, Self.length(ofMonth: m, year: y)))
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2023-10-17`.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// A date as written on the command line or in a question: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// Returns the first day it names and the first day after it (`2024-01` → 2024-01-01 ..< 2024-02-01).
    /// - Throws: `LineageError` naming the text and the accepted forms.
    public static func parseSpan(_ text: String) throws(LineageError) -> (start: CivilDate, end: CivilDate) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let digits = parts.map { $0.allSatisfy { $0.isASCII && $0.isNumber } && !$0.isEmpty }
        guard (1...3).contains(parts.count), !digits.contains(false), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]), year >= 1970, year <= 2200
        else { throw LineageError("'\(MessageText.clip(text))' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-10 or 2023-10-17)") }
        let month = parts.count > 1 ? Int(parts[1])! : 1
        guard (1...12).contains(month) else { throw LineageError("'\(MessageText.clip(text))': month \(month) is not 01..12") }
        if parts.count == 1 { return (CivilDate(year: year, month: 1, day: 1), CivilDate(year: year + 1, month: 1, day: 1)) }
        let first = CivilDate(year: year, month: month, day: 1)
        guard parts.count == 3 else { return (first, first.adding(months: 1)) }
        let day = Int(parts[2])!
        guard day >= 1, day <= length(ofMonth: month, year: year) else {
            throw LineageError("'\(MessageText.clip(text))': day \(day) does not exist in \(year)-\(parts[1])")
        }
        let date = CivilDate(year: year, month: month, day: day)
        return (date, CivilDate(days: date.days + 1))
    }
}
