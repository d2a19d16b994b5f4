import LineageSupport

/// Bucketing the series into a table.
extension Timeline {
    /// The timeline `request` asks for.
    /// - Throws: `LineageError` for an unreadable date, `--until` before `--since`, or a name that resolves to nothing.
    /// - Complexity: O(Σ members + buckets · series) after the walks of `series(for:)`.
    public func report(_ request: TimelineRequest) throws(LineageError) -> TimelineReport {
        let range = try Self.dayRange(since: request.since, until: request.until)
        return report(series: try series(for: request), request: request, range: range)
    }

    /// The first day and the day after the last one `since`/`until` allow (nil where open).
    /// - Throws: `LineageError` for an unreadable date or `until` before `since`.
    public static func dayRange(since: String?, until: String?) throws(LineageError) -> (start: Int32?, end: Int32?) {
        let start = try since.map { (s: String) throws(LineageError) in Int32(try CivilDate.parseSpan(s).start.days) }
        let end = try until.map { (s: String) throws(LineageError) in Int32(try CivilDate.parseSpan(s).end.days) }
        if let start, let end, end <= start {
            throw LineageError("--until \(until!) is before --since \(since!); nothing to count")
        }
        return (start, end)
    }

    /// Buckets already collected series.
    /// - Complexity: O(Σ members + buckets · series).
    public func report(series: [TimelineSeries], request: TimelineRequest, range: (start: Int32?, end: Int32?)) -> TimelineReport {
        let metric = request.metric, period = request.period
        let usesMembers = metric == .cumulative || metric == .metadata
        // The span: the requested one, else that of the dated models the metric counts.
        var low = Int32.max, high = Int32.min
        for s in series {
            for d in usesMembers ? s.memberDays : s.derivativeDays {
                low = min(low, d)
                high = max(high, d)
            }
        }
        let start = range.start ?? low
        let end = range.end ?? (high == Int32.min ? Int32.min : high + 1)
        var notes: [String] = []
        guard start < end else {
            return TimelineReport(store: store, metric: metric, period: period, buckets: [], from: nil, through: nil,
                                  series: series.map { TimelineReport.Line(name: $0.name, detail: $0.detail, values: [], total: nil,
                                                                          undatedDerivatives: $0.undatedDerivatives, placeholderDerivatives: $0.placeholderDerivatives,
                                                                          firstSeed: $0.firstSeedDay.map { CivilDate(days: Int($0)).description }) },
                                  notes: ["No dated model in this span."])
        }
        let first = period.ordinal(of: CivilDate(days: Int(start)))
        let last = period.ordinal(of: CivilDate(days: Int(end) - 1))
        let count = last - first + 1
        func bucket(_ day: Int32) -> Int? {
            guard day >= start, day < end else { return nil }
            return period.ordinal(of: CivilDate(days: Int(day))) - first
        }
        var lines: [TimelineReport.Line] = []
        for s in series {
            var values = [Double?](repeating: 0, count: count)
            var total: Double? = 0
            switch metric {
            case .new:
                for d in s.derivativeDays { if let b = bucket(d) { values[b]! += 1 } }
                total = values.reduce(0) { $0 + ($1 ?? 0) }
            case .downloads:
                for (d, n) in zip(s.derivativeDays, s.derivativeDownloads) { if let b = bucket(d) { values[b]! += Double(n) } }
                total = values.reduce(0) { $0 + ($1 ?? 0) }
            case .authors:
                var firstDay: [Int32: Int32] = [:]
                for (d, a) in zip(s.derivativeDays, s.derivativeAuthors) where a >= 0 { firstDay[a] = min(firstDay[a] ?? d, d) }
                for d in firstDay.values { if let b = bucket(d) { values[b]! += 1 } }
                total = values.reduce(0) { $0 + ($1 ?? 0) }
            case .cumulative:
                var before = 0.0
                for d in s.memberDays {
                    if d < start { before += 1 } else if let b = bucket(d) { values[b]! += 1 }
                }
                var running = before
                for b in 0..<count { running += values[b]!; values[b] = running }
                total = values.last ?? nil
            case .metadata:
                var with = [Int](repeating: 0, count: count), all = [Int](repeating: 0, count: count)
                for (d, p) in zip(s.memberDays, s.memberHasParent) {
                    guard let b = bucket(d) else { continue }
                    all[b] += 1
                    if p { with[b] += 1 }
                }
                for b in 0..<count { values[b] = all[b] == 0 ? nil : Double(with[b]) / Double(all[b]) }
                let sumAll = all.reduce(0, +)
                total = sumAll == 0 ? nil : Double(with.reduce(0, +)) / Double(sumAll)
            }
            lines.append(TimelineReport.Line(
                name: s.name, detail: s.detail, values: values, total: total, undatedDerivatives: s.undatedDerivatives,
                placeholderDerivatives: s.placeholderDerivatives, firstSeed: s.firstSeedDay.map { CivilDate(days: Int($0)).description }))
        }
        let undated = series.map(\.undatedDerivatives).reduce(0, +)
        let placeholder = series.map(\.placeholderDerivatives).reduce(0, +)
        if undated > 0 { notes.append("\(Formatting.group(undated)) derivative\(undated == 1 ? " has" : "s have") no createdAt and are in no bucket.") }
        if placeholder > 0, start <= Self.placeholderDay, Self.placeholderDay < end {
            notes.append("\(Formatting.group(placeholder)) derivative\(placeholder == 1 ? " is" : "s are") dated 2022-03-02, "
                + "the Hub's placeholder for repositories created before then: that bucket holds older models too.")
        }
        notes.append("Models deleted from the Hub before the snapshot are missing from every bucket; a bucket counts the models that still existed, by the day they were created.")
        if metric == .downloads { notes.append("Downloads are the 30-day figures as of the snapshot, not downloads in each bucket.") }
        if period == .week { notes.append("Weeks start on Monday and are named by that day (UTC).") }
        return TimelineReport(
            store: store, metric: metric, period: period,
            buckets: (first...last).map { period.label(ofOrdinal: $0) },
            from: CivilDate(days: Int(start)).description, through: CivilDate(days: Int(end) - 1).description,
            series: lines, notes: notes)
    }
}
