import LineageGraph
import LineageHub
import LineageStore
import LineageSupport

/// A point in a store's history, as `lineage diff --from/--to` names it: a day (`YYYY-MM-DD`, meaning
/// the end of that day, UTC), or a snapshot (`#ID`, its id, or its label, e.g. `added_model_0402.csv`),
/// meaning the day that snapshot describes.
public struct HistoryPoint: Sendable, Equatable {
    /// What was given.
    public var text: String
    /// Unix seconds: changes dated up to and including it are before or at the point.
    public var time: Int64
    /// The day, `YYYY-MM-DD`.
    public var day: String { FileNameDate.format(time) }

    /// Resolves `text` against the store's snapshots.
    /// - Throws: `LineageError` when `text` is neither a date nor a snapshot of the store.
    public init(_ text: String, snapshots: [LineageStore.SnapshotDay]) throws(LineageError) {
        self.text = text
        let trimmed = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let id = Int64(trimmed), let snapshot = snapshots.first(where: { $0.id == id }) else {
                throw LineageError("no snapshot #\(trimmed) in the store; `lineage stats --format json` lists them")
            }
            time = snapshot.day
            return
        }
        if let day = FileNameDate.parse(text) {
            // A bare day reaches to its end; a timestamp is taken as given.
            time = text.count == 10 ? day + 86_399 : day
            return
        }
        if let snapshot = snapshots.last(where: { $0.label == text || $0.label.hasSuffix("/" + text) }) {
            time = snapshot.day
            return
        }
        throw LineageError("\(MessageText.quote(text, limit: 80)) is neither a date (YYYY-MM-DD) nor a snapshot of the store (#ID or a label such as added_model_0402.csv)")
    }
}
