/// The day a dated input file describes, read from its name: `…2025-03-19…` or `…20250319…`, or a
/// month and day `…_0319.csv` whose year is the first year (`19xx`, `20xx`) named by an enclosing
/// folder (`msc-2025-weekly/added/added_model_0319.csv` → 2025-03-19).
public enum FileNameDate {
    /// Unix seconds at 00:00 UTC of the day `path` names; nil when its name names none.
    /// - Complexity: O(length of `path`).
    public static func day(ofPath path: String) -> Int64? {
        let components = path.split(separator: "/")
        guard let file = components.last else { return nil }
        let name = file.split(separator: ".").first.map(String.init) ?? String(file)
        let runs = digitRuns(name)
        // A full date, with dashes or as eight digits.
        for (i, run) in runs.enumerated() {
            if run.count == 4, i + 2 < runs.count, runs[i + 1].count == 2, runs[i + 2].count == 2,
               let day = HubTimestamp.parse("\(run)-\(runs[i + 1])-\(runs[i + 2])") {
                return day
            }
            if run.count == 8, let day = HubTimestamp.parse("\(run.prefix(4))-\(run.dropFirst(4).prefix(2))-\(run.suffix(2))") {
                return day
            }
        }
        // A month and day; the year from the nearest enclosing folder that names one.
        guard let monthDay = runs.last(where: { $0.count == 4 }) else { return nil }
        for folder in components.dropLast().reversed() {
            guard let year = digitRuns(String(folder)).first(where: { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) })
            else { continue }
            return HubTimestamp.parse("\(year)-\(monthDay.prefix(2))-\(monthDay.suffix(2))")
        }
        return nil
    }

    /// `YYYY-MM-DD` as Unix seconds at 00:00 UTC (a full timestamp is accepted too); nil when malformed.
    public static func parse(_ text: String) -> Int64? { HubTimestamp.parse(text) }

    /// `YYYY-MM-DD` of Unix seconds (UTC).
    public static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = HubTimestamp.civil(fromDays: days)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private static func digitRuns(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
    }
}
