import Foundation
import LineageHub
import LineageSupport

/// The lines `lineage sync` prints when it is done.
public enum HubSyncSummaryText {
    public static func render(_ result: HubSyncResult, storePath: String, endpoint: HubEndpoint, limit: Int?) -> String {
        var lines: [String] = []
        for kind in result.kinds {
            let noun = kind.kind.rawValue
            var line = "\(noun): \(Formatting.group(kind.pages)) page\(kind.pages == 1 ? "" : "s"), \(Formatting.group(kind.items)) \(noun)"
            if kind.kind == .models, kind.items > 0 {
                line += " (\(Formatting.group(kind.newModels)) new, \(Formatting.group(kind.updatedModels)) updated"
                if kind.keptNewer > 0 { line += ", \(Formatting.group(kind.keptNewer)) older than stored" }
                line += "; \(Formatting.group(kind.edges)) lineage edges)"
            } else if kind.kind == .spaces, kind.items > 0 {
                line += " (\(Formatting.group(kind.newSpaces)) new, \(Formatting.group(kind.updatedSpaces)) updated; \(Formatting.group(kind.uses)) uses of models)"
            }
            line += kind.snapshotKept ? " into snapshot #\(kind.snapshotID)" : "; nothing changed, no snapshot written"
            if let page = kind.resumedAtPage { line += ", resuming run #\(kind.runID) after its page \(page)" }
            if kind.complete {
                line += kind.watermark.map { "; up to date (newest change \(HubTimestamp.format($0)))" } ?? "; up to date"
            } else {
                line += "; stopped at --limit \(Formatting.group(limit ?? kind.items)): `lineage sync` continues"
            }
            lines.append(line)
        }
        lines.append("From \(endpoint) into \(storePath) in \(String(format: "%.1f", result.seconds)) s.")
        return lines.joined(separator: "\n")
    }
}
