import LineageHub
import LineageStore
import LineageSupport

/// What `lineage sync --status` prints: per scope, how current it is and any stopped run.
public enum HubSyncStatusText {
    public static func render(_ cursors: [SyncCursor], storePath: String) -> String {
        guard !cursors.isEmpty else { return "\(storePath): never synced; run `lineage sync`" }
        var lines: [String] = []
        for cursor in cursors {
            var line = cursor.scope + ": "
            if let watermark = cursor.watermark {
                line += "current to \(HubTimestamp.format(watermark))"
            } else {
                line += "no completed sync"
            }
            if let run = cursor.run, run.status == "running" {
                line += "; run #\(run.id) stopped after \(Formatting.group(run.pages)) pages (\(Formatting.group(run.items)) \(cursor.kind)), `lineage sync` continues it"
            } else if let run = cursor.run, run.status == "failed" {
                line += "; the last run #\(run.id) failed after \(Formatting.group(run.pages)) pages: \(run.error ?? "no reason recorded")"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
