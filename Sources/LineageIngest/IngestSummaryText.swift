import Foundation
import LineageHub
import LineageStore
import LineageSupport

/// The lines `lineage ingest` prints after a successful ingest.
public enum IngestSummaryText {
    public static func render(_ result: IngestResult, storePath: String) -> String {
        var lines: [String] = []
        for path in result.emptyFiles { lines.append("\(path): empty; nothing to ingest") }
        for input in result.inputs {
            if let existing = input.alreadyIngestedAs {
                lines.append("\(input.label): already ingested as snapshot #\(existing); nothing to do")
                continue
            }
            guard let s = input.summary else { continue }
            if input.isBundledDefault {
                lines.append(bundledDefaultLine(s) + "; --no-default-data starts a store empty")
                continue
            }
            if !input.format.describesModels {
                lines.append(downstreamLine(input, s))
                for note in input.notes { lines.append("  note: \(note)") }
                if input.skipped > 0 {
                    lines.append("  skipped \(Formatting.group(input.skipped)) malformed records; first:")
                    for problem in input.problems { lines.append("    \(problem)") }
                }
                continue
            }
            var line = "\(input.label): snapshot #\(s.snapshotID)"
            if let day = input.asOf { line += " (\(FileNameDate.format(day)))" }
            if input.format == .weeklyDeletionsCSV {
                lines.append(line + ", \(Formatting.group(s.records)) deleted models listed (\(Formatting.group(s.newModels)) not described before, kept as removed)")
                continue
            }
            line += ", \(Formatting.group(s.records)) records (\(Formatting.group(s.newModels)) new, \(Formatting.group(s.replaced)) updated"
            if s.keptNewer > 0 { line += ", \(Formatting.group(s.keptNewer)) older than stored" }
            line += "), \(Formatting.group(s.edges)) lineage edges, \(Formatting.group(s.newExternalParents)) new external parents, \(Formatting.group(s.paperLinks)) paper links"
            if s.selfLoops > 0 { line += ", \(Formatting.group(s.selfLoops)) self-loops dropped" }
            lines.append(line)
            if input.skipped > 0 {
                lines.append("  skipped \(Formatting.group(input.skipped)) malformed records; first:")
                for problem in input.problems { lines.append("    \(problem)") }
            }
        }
        if result.inputs.allSatisfy({ $0.alreadyIngestedAs != nil }) {
            lines.append("Nothing new: \(storePath) is unchanged.")
            return lines.joined(separator: "\n")
        }
        if !result.mergedLegacyIDs.isEmpty {
            let parts = result.mergedLegacyIDs.sorted { $0.key < $1.key }.map { "\(Formatting.group($0.value)) \($0.key)" }
            lines.append("Merged legacy ids into their renamed models: \(parts.joined(separator: ", ")).")
        }
        let r = result.removals
        if r.removed > 0 || r.restored > 0 || r.absent > 0 {
            var line = "History: \(Formatting.group(r.removed)) models marked removed (kept, left out of the graph of now)"
            if r.absent > 0 { line += "; \(Formatting.group(r.absent)) of the full snapshot's scope were missing from it" }
            if r.restored > 0 { line += "; \(Formatting.group(r.restored)) back on the Hub" }
            lines.append(line + ".")
        }
        let rate = result.seconds > 0 ? Double(result.records) / result.seconds : 0
        lines.append(String(format: "Stored in %@ in %.2f s (%@ records/s).", storePath, result.seconds, Formatting.group(Int(rate))))
        return lines.joined(separator: "\n")
    }

    /// The line saying that a new store starts from the bundled default snapshot.
    public static func bundledDefaultLine(_ s: IngestWriter.SnapshotSummary) -> String {
        "New store: it starts from the \(BundledDefault.description) as snapshot #\(s.snapshotID), so answers still cover the Hub "
            + "(\(Formatting.group(s.records)) records, \(Formatting.group(s.edges)) lineage edges)"
    }

    /// `spaces.jsonl: snapshot #3, 12 Spaces (10 new, 2 updated), 30 uses of models, 4 models named by no record`.
    package static func downstreamLine(_ input: IngestResult.Input, _ s: IngestWriter.SnapshotSummary) -> String {
        let noun = input.format == .spaceJSON ? (s.records == 1 ? "Space" : "Spaces") : (s.records == 1 ? "project" : "projects")
        var line = "\(input.label): snapshot #\(s.snapshotID), \(Formatting.group(s.records)) \(noun) (\(Formatting.group(s.newDownstream)) new, "
            + "\(Formatting.group(s.replaced)) updated"
        if s.keptNewer > 0 { line += ", \(Formatting.group(s.keptNewer)) older than stored" }
        line += "), \(Formatting.group(s.uses)) uses of models"
        if s.newExternalParents > 0 {
            line += ", \(Formatting.group(s.newExternalParents)) model\(s.newExternalParents == 1 ? "" : "s") no input describes (kept as external)"
        }
        return line
    }
}
