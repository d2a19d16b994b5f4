import LineageHub
/// When synthetic models are created: 2022-01-01 to 2026-06-30 with the Hub's growth, and timestamp text.
///
/// The span is cut into 18 quarters; quarter q receives a share of the models proportional to
/// 1.25^q (the Hub added models roughly 25% faster each quarter over 2022–2025), so about half of all
/// models fall in the last five quarters. Model i of N gets the time at which the cumulative share
/// reaches (i + jitter) / N, so creation order is index order up to the jitter.
public enum SyntheticHubCalendar {
    /// 2022-01-01T00:00:00Z in Unix seconds.
    public static let start: Int64 = 1_640_995_200
    /// Quarters from 2022Q1 to 2026Q2.
    public static let quarterCount = 18
    /// Quarterly growth factor of new models.
    public static let growth = 1.25

    /// Start of quarter `q` (0 = 2022Q1) in Unix seconds.
    /// - Complexity: O(1).
    public static func quarterStart(_ q: Int) -> Int64 {
        let year = 2022 + q / 4
        let month = 1 + 3 * (q % 4)
        return Int64(daysFromCivil(year: year, month: month, day: 1)) * 86_400
    }

    /// The cumulative share of models created before each quarter boundary (`quarterCount + 1` values,
    /// from 0 to 1).
    public static let cumulativeShare: [Double] = {
        var weights: [Double] = []
        var w = 1.0
        for _ in 0..<quarterCount {
            weights.append(w)
            w *= growth
        }
        let total = weights.reduce(0, +)
        var cumulative = [0.0]
        var running = 0.0
        for weight in weights {
            running += weight
            cumulative.append(running / total)
        }
        cumulative[quarterCount] = 1
        return cumulative
    }()

    /// The creation time, in Unix seconds, of the model at cumulative share `u` in `[0, 1)`.
    /// - Complexity: O(log quarters).
    public static func time(atShare u: Double) -> Int64 {
        var low = 0, high = quarterCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if cumulativeShare[mid] <= u { low = mid } else { high = mid - 1 }
        }
        let q = low
        let fraction = (u - cumulativeShare[q]) / (cumulativeShare[q + 1] - cumulativeShare[q])
        let begin = quarterStart(q), end = quarterStart(q + 1)
        return begin + Int64(fraction * Double(end - begin))
    }

    /// The model index (of `count`) at which quarter `q` begins.
    /// - Complexity: O(1).
    public static func firstIndex(ofQuarter q: Int, count: Int) -> Int {
        Int(cumulativeShare[max(0, min(q, quarterCount))] * Double(count))
    }

    /// Appends `seconds` (Unix time, UTC) as `YYYY-MM-DDTHH:MM:SS.000Z`, the Hub's format.
    /// - Complexity: O(1).
    public static func appendTimestamp(_ seconds: Int64, to out: inout [UInt8]) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = civilFromDays(days)
        func two(_ v: Int) {
            out.append(UInt8(48 + v / 10))
            out.append(UInt8(48 + v % 10))
        }
        two(y / 100); two(y % 100)
        out.append(UInt8(ascii: "-")); two(m)
        out.append(UInt8(ascii: "-")); two(d)
        out.append(UInt8(ascii: "T")); two(rest / 3600)
        out.append(UInt8(ascii: ":")); two(rest / 60 % 60)
        out.append(UInt8(ascii: ":")); two(rest % 60)
        out.append(contentsOf: ".000Z".utf8)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        Int(HubTimestamp.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The date of a day count since 1970-01-01.
    package static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let (y, m, d) = HubTimestamp.civil(fromDays: Int64(days))
        return (Int(y), Int(m), Int(d))
    }
}
