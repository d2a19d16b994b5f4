import Foundation
import LineageGraph
import LineageHub
import LineageSupport

/// A dated policy or release event drawn on charts and usable as `--event`: one row of `events.csv`
/// (`date,label,kind,source`; the date `YYYY-MM-DD` or, when only the month is sourced, `YYYY-MM`).
public struct TimelineEvent: Sendable, Codable, Equatable {
    /// The day, or the month's first day for a month-only date.
    public var date: CivilDate
    /// `YYYY-MM` when only the month is known.
    public var isMonthOnly: Bool
    public var label: String
    /// `policy`, `release` or the user's own word.
    public var kind: String
    /// Where the date comes from (a URL or a citation); never empty.
    public var source: String

    /// The shipped table's resource name.
    public static let bundledFileName = "events.csv"
    public static let header = ["date", "label", "kind", "source"]

    /// The shipped events, then those of `userFile` (when given), by date.
    /// - Throws: `LineageError` with `file:line` for an unreadable row.
    public static func load(userFile: String? = nil) throws(LineageError) -> [TimelineEvent] {
        var events = try load(path: try BundledResource.path(bundledFileName, module: "LineageTimeline"), name: bundledFileName)
        if let userFile { events += try load(path: userFile, name: userFile) }
        return events.sorted { ($0.date, $0.label) < ($1.date, $1.label) }
    }

    /// The events of one CSV file; every row needs a date, a label and a source.
    /// - Throws: `LineageError` `name:line: what is wrong`; nothing of the file is kept.
    public static func load(path: String, name: String) throws(LineageError) -> [TimelineEvent] {
        guard let data = FileManager.default.contents(atPath: path) else { throw LineageError("\(name): cannot read the file") }
        return try parse([UInt8](data), name: name)
    }

    /// Parses the bytes of an events file named `name` (for messages).
    public static func parse(_ bytes: [UInt8], name: String) throws(LineageError) -> [TimelineEvent] {
        let rows: [(fields: [String], line: Int)]
        do { rows = try CSVRows.parse(bytes) } catch { throw LineageError("\(name):\(error.line): \(error.message)") }
        guard let head = rows.first else { throw LineageError("\(name): empty; an events file starts with the header date,label,kind,source") }
        guard head.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == header else {
            throw LineageError("\(name):\(head.line): the header must be date,label,kind,source")
        }
        var out: [TimelineEvent] = []
        for (fields, line) in rows.dropFirst() {
            guard fields.count == 4 else { throw LineageError("\(name):\(line): \(fields.count) fields; a row is date,label,kind,source") }
            let f = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let date: CivilDate
            do { date = try CivilDate.parseSpan(f[0]).start } catch { throw LineageError("\(name):\(line): \(error.message)") }
            guard f[0].count == 7 || f[0].count == 10 else { throw LineageError("\(name):\(line): the date '\(MessageText.clip(f[0]))' must be YYYY-MM-DD or YYYY-MM") }
            guard !f[1].isEmpty else { throw LineageError("\(name):\(line): the event has no label") }
            guard !f[3].isEmpty else { throw LineageError("\(name):\(line): '\(MessageText.clip(f[1]))' has no source; every event cites where its date comes from") }
            guard !(f[1] + f[2] + f[3]).unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw LineageError("\(name):\(line): a field holds a control character")
            }
            out.append(TimelineEvent(date: date, isMonthOnly: f[0].count == 7, label: f[1], kind: f[2].isEmpty ? "event" : f[2], source: f[3]))
        }
        return out
    }

    /// `2023-10-17` or `2025-04`.
    public var dateText: String { isMonthOnly ? String(date.description.prefix(7)) : date.description }
}
