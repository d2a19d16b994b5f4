import Foundation
import LineageGraph
import LineageHub

extension StatsReport {
    /// The report as aligned plain text for the terminal.
    public func text(maxCyclesListed: Int = 5) -> String {
        var lines: [String] = []
        func row(_ label: String, _ value: String) {
            lines.append(label.padding(toLength: 22, withPad: " ", startingAt: 0) + value)
        }
        lines.append("Store: \(store)")
        row("Models", Self.group(models))
        row("External parents", Self.group(externalParents) + "  (named as parents, not described by any input)")
        // Where any relation was inferred, each count says how much of it the inputs declared.
        let anyInferred = inferredEdgesByRelation.values.contains { $0 > 0 }
        let width = Self.group(edges).count
        func counts(_ total: Int, _ declared: Int, _ inferred: Int) -> String {
            guard anyInferred else { return Self.group(total) }
            let text = Self.group(total)
            return text + String(repeating: " ", count: max(0, width - text.count))
                + "  (\(Self.group(declared)) declared, \(Self.group(inferred)) inferred)"
        }
        row("Lineage edges", counts(edges, declaredEdgesByRelation.values.reduce(0, +), inferredEdgesByRelation.values.reduce(0, +)))
        for relation in Relation.allCases {
            let name = relation.name
            row("  \(name)", counts(edgesByRelation[name] ?? 0, declaredEdgesByRelation[name] ?? 0, inferredEdgesByRelation[name] ?? 0))
        }
        if !mergedIDs.isEmpty {
            let parts = mergedIDs.sorted { $0.key < $1.key }.map { "\(Self.group($0.value)) \($0.key)" }
            row("Merged ids", Self.group(mergedIDs.values.reduce(0, +)) + "  (legacy ids kept as aliases of their renamed models: \(parts.joined(separator: ", ")))")
        }
        if reuploadLinks > 0 {
            row("Re-upload links", Self.group(reuploadLinks) + "  (inferred:reupload, parentless copies joined to family roots when read; not in the edges above)")
        }
        row("Roots", Self.group(roots) + "  (have children, no parents)")
        row("Isolated models", Self.group(isolatedModels))
        row("Self-loops dropped", Self.group(selfLoopsDropped))
        row("Cycles", "\(Self.group(cycles.count)) (\(Self.group(modelsInCycles)) models)")
        for cycle in cycles.prefix(maxCyclesListed) {
            lines.append("    " + cycle.joined(separator: " ⇄ "))
        }
        if cycles.count > maxCyclesListed { lines.append("    … \(cycles.count - maxCyclesListed) more (--format json lists all)") }
        row("Papers linked", "\(Self.group(papers)) arXiv ids on \(Self.group(modelsWithPapers)) models")
        if let createdFrom, let createdTo { row("Created", "\(createdFrom) .. \(createdTo)") }
        lines.append("")
        lines.append("Snapshots (\(snapshots.count))")
        if !snapshots.isEmpty {
            let header = ["#", "ingested", "format", "records", "skipped", "replaced", "edges", "papers", "self-loops", "source"]
            var table: [[String]] = [header]
            for s in snapshots {
                table.append([
                    String(s.id), HubTimestamp.format(s.ingestedAt).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""),
                    s.format, Self.group(s.records), Self.group(s.skipped), Self.group(s.replaced),
                    Self.group(s.edges), Self.group(s.paperLinks), Self.group(s.selfLoops), s.label,
                ])
            }
            lines.append(contentsOf: TextTable.render(table, rightAligned: [0, 3, 4, 5, 6, 7, 8]))
        }
        return lines.joined(separator: "\n")
    }

    /// `12345` → `12,345`.
    static func group(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }
}
