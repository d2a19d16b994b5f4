import Foundation
import LineageGraph
import LineageHub
import LineageSupport

extension StatsReport {
    /// The report as aligned plain text for the terminal.
    public func text(maxCyclesListed: Int = 5) -> String {
        var lines: [String] = []
        func row(_ label: String, _ value: String) {
            lines.append(label.padding(toLength: 22, withPad: " ", startingAt: 0) + value)
        }
        lines.append("Store: \(store)")
        row("Models", Formatting.group(models))
        row("External parents", Formatting.group(externalParents) + "  (named as parents, not described by any input)")
        // Where any relation was inferred, each count says how much of it the inputs declared.
        let anyInferred = inferredEdgesByRelation.values.contains { $0 > 0 }
        let width = Formatting.group(edges).count
        func counts(_ total: Int, _ declared: Int, _ inferred: Int) -> String {
            guard anyInferred else { return Formatting.group(total) }
            let text = Formatting.group(total)
            return text + String(repeating: " ", count: max(0, width - text.count))
                + "  (\(Formatting.group(declared)) declared, \(Formatting.group(inferred)) inferred)"
        }
        row("Lineage edges", counts(edges, declaredEdgesByRelation.values.reduce(0, +), inferredEdgesByRelation.values.reduce(0, +)))
        for relation in Relation.allCases {
            let name = relation.name
            row("  \(name)", counts(edgesByRelation[name] ?? 0, declaredEdgesByRelation[name] ?? 0, inferredEdgesByRelation[name] ?? 0))
        }
        if !mergedIDs.isEmpty {
            let parts = mergedIDs.sorted { $0.key < $1.key }.map { "\(Formatting.group($0.value)) \($0.key)" }
            row("Merged ids", Formatting.group(mergedIDs.values.reduce(0, +)) + "  (legacy ids kept as aliases of their renamed models: \(parts.joined(separator: ", ")))")
        }
        if reuploadLinks > 0 {
            row("Re-upload links", Formatting.group(reuploadLinks) + "  (inferred:reupload, parentless copies joined to family roots when read; not in the edges above)")
        }
        row("Roots", Formatting.group(roots) + "  (have children, no parents)")
        row("Isolated models", Formatting.group(isolatedModels))
        row("Self-loops dropped", Formatting.group(selfLoopsDropped))
        row("Cycles", "\(Formatting.group(cycles.count)) (\(Formatting.group(modelsInCycles)) models)")
        for cycle in cycles.prefix(maxCyclesListed) {
            lines.append("    " + cycle.joined(separator: " ⇄ "))
        }
        if cycles.count > maxCyclesListed { lines.append("    … \(cycles.count - maxCyclesListed) more (--format json lists all)") }
        row("Papers linked", "\(Formatting.group(papers)) arXiv ids on \(Formatting.group(modelsWithPapers)) models")
        if let createdFrom, let createdTo { row("Created", "\(createdFrom) .. \(createdTo)") }
        lines.append("")
        lines.append("Snapshots (\(snapshots.count))")
        if !snapshots.isEmpty {
            let header = ["#", "ingested", "format", "records", "skipped", "replaced", "edges", "papers", "self-loops", "source"]
            var table: [[String]] = [header]
            for s in snapshots {
                table.append([
                    String(s.id), HubTimestamp.format(s.ingestedAt).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""),
                    s.format, Formatting.group(s.records), Formatting.group(s.skipped), Formatting.group(s.replaced),
                    Formatting.group(s.edges), Formatting.group(s.paperLinks), Formatting.group(s.selfLoops), s.label,
                ])
            }
            lines.append(contentsOf: TextTable.render(table, rightAligned: [0, 3, 4, 5, 6, 7, 8]))
        }
        return lines.joined(separator: "\n")
    }
}
