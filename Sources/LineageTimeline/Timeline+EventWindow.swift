import Foundation
import LineageGraph
import LineageSupport

/// Before and after an event.
extension Timeline {
    /// New derivatives of each series in the `months` months before `event` and the `months` months
    /// from it on, their monthly means and growth ratio, and for the first two series the ratio of
    /// their growth ratios (exp of the difference in differences of log means).
    /// - Throws: `LineageError` for an unreadable date, a window under 1 month, or a name that resolves to nothing.
    /// - Complexity: O(Σ members + n) (the store-wide metadata share and newest date).
    public func eventWindow(_ request: TimelineRequest, event: String, months: Int, label: String? = nil) throws(LineageError) -> EventWindowReport {
        guard months >= 1, months <= 120 else { throw LineageError("--window must be 1 to 120 months") }
        let eventDate = try CivilDate.parseSpan(event).start
        let beforeStart = eventDate.adding(months: -months), afterEnd = eventDate.adding(months: months)
        let e = Int32(eventDate.days), b0 = Int32(beforeStart.days), a1 = Int32(afterEnd.days)
        let all = try series(for: request)
        var rows: [EventWindowReport.Row] = []
        var placeholder = 0
        for s in all {
            var before = 0, after = 0
            for d in s.derivativeDays {
                if d >= b0 && d < e { before += 1 } else if d >= e && d < a1 { after += 1 }
                if d == Self.placeholderDay, d >= b0, d < a1 { placeholder += 1 }
            }
            let mb = Double(before) / Double(months), ma = Double(after) / Double(months)
            rows.append(EventWindowReport.Row(
                name: s.name, before: before, after: after, meanBefore: mb, meanAfter: ma,
                growth: before == 0 ? nil : ma / mb, firstSeed: s.firstSeedDay.map { CivilDate(days: Int($0)).description }))
        }
        var comparison: EventWindowReport.Comparison?
        if rows.count >= 2 {
            let t = rows[0], c = rows[1]
            var ratio: Double?, log: Double?
            if let gt = t.growth, let gc = c.growth, gt > 0, gc > 0 {
                ratio = gt / gc
                log = Foundation.log(gt) - Foundation.log(gc)
            }
            comparison = .init(treated: t.name, control: c.name, ratio: ratio, logDifference: log)
        }
        // Store-wide: newest createdAt and the metadata share per month of the windows.
        let columns = queries.graph.columns!
        var newest = Int32.min
        var with: [Int: Int] = [:], total: [Int: Int] = [:]
        for v in 0..<columns.count where columns.kinds[v] == .model {
            guard let d = Self.day(columns.created[v]) else { continue }
            newest = max(newest, d)
            guard d >= b0, d < a1 else { continue }
            let m = TimelinePeriod.month.ordinal(of: CivilDate(days: Int(d)))
            total[m, default: 0] += 1
            if hasStoredParent[v] { with[m, default: 0] += 1 }
        }
        var share: [String: Double] = [:]
        for (m, n) in total { share[TimelinePeriod.month.label(ofOrdinal: m)] = Double(with[m] ?? 0) / Double(n) }
        var caveats = [
            "Models deleted from the Hub before the snapshot are missing from both windows; "
                + "if deletions differ between groups, so does the bias.",
            "A model counts from its createdAt; lineage metadata (base_model) spread over these years, "
                + "so early derivatives are under-counted (share per month below).",
        ]
        if newest != Int32.min, newest < a1 - 1 {
            caveats.append("The store's newest model is dated \(CivilDate(days: Int(newest))), before the after-window ends "
                + "(\(CivilDate(days: Int(a1) - 1))): the after mean is cut short.")
        }
        if placeholder > 0 {
            caveats.append("\(Formatting.group(placeholder)) derivative\(placeholder == 1 ? " is" : "s are") dated 2022-03-02, "
                + "the Hub's placeholder for older repositories, inside a window.")
        }
        for s in all {
            if let f = s.firstSeedDay, f > b0 {
                caveats.append("\(s.name): its first seed is dated \(CivilDate(days: Int(f))), after the before-window opens; "
                    + "a family has no derivatives before its release, so its before mean is bounded by it.")
            }
        }
        return EventWindowReport(
            store: store, event: eventDate.description, eventLabel: label, months: months, beforeFrom: beforeStart.description,
            afterTo: afterEnd.description, series: rows, comparison: comparison, metadataShare: share, caveats: caveats)
    }
}
