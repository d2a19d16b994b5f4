import Foundation
import LineageCatalog
import LineageGraph
import LineageSupport

/// Claims checked against one store, ready to print as a table, JSON or Markdown.
public struct ClaimsReport: Sendable, Codable, Equatable {
    /// The claims file read.
    public var file: String
    public var store: String
    public var asOf: String?
    public var models: Int
    public var coverage: RegistryCoverage
    public var claims: [ClaimResult]

    /// Checks the claims of `file` (only claim `only` when given) with `evaluator`.
    /// - Throws: `LineageError` when `only` names no claim of the file.
    public init(file: ClaimsFile, evaluator: ClaimEvaluator, only: Int? = nil) throws(LineageError) {
        var selected = file.claims
        if let only {
            selected = selected.filter { $0.number == only }
            guard !selected.isEmpty else {
                throw LineageError("\(file.path): no claim \(only) (claims: \(file.claims.map { String($0.number) }.joined(separator: ", ")))")
            }
        }
        self.file = file.path
        store = evaluator.context.store
        asOf = evaluator.context.asOfDay
        models = evaluator.context.models
        coverage = evaluator.context.coverage
        claims = selected.map(evaluator.evaluate)
    }

    public func render(_ format: ClaimsFormat, width: Int? = nil) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        case .markdown: return MessageText.escapeControls(markdown, keepingNewlines: true)
        case .table: return MessageText.escapeControls(table(width: width), keepingNewlines: true)
        }
    }

    var storeLine: String {
        "\(store); data as of \(asOf ?? "an unknown date") (its newest model's creation day), \(Formatting.group(Int64(models))) models"
    }

    static func valueCell(_ measure: MeasureResult) -> String {
        var cell = measure.display
        if let downloads = measure.downloadShare { cell += " (\(Formatting.percent(downloads)) of downloads)" }
        if let count = measure.count, let of = measure.denominator { cell += " = \(Formatting.group(Int64(count)))/\(Formatting.group(Int64(of)))" }
        if let interval = measure.interval { cell += ", 95% CI \(Formatting.percent(interval.lower))–\(Formatting.percent(interval.upper))" }
        return cell
    }

    func table(width: Int?) -> String {
        var lines = ["Claims of \(file) checked on \(storeLine)", ""]
        for claim in claims {
            lines.append("Claim \(claim.number) (\(claim.date)): \"\(claim.claim)\"")
            lines.append("  Source: \(claim.source)")
            lines.append("  Verdict: \(claim.verdict.rawValue.uppercased()) — \(claim.why)")
            let rows = [["measure", "value", "measurable", "definition"]] + claim.measures.map { m in
                [m.name, Self.valueCell(m), m.notMeasurable == nil ? "yes" : "no", m.definition]
            }
            lines += TextTable.render(rows, rightAligned: [], maxWidth: width.map { max(60, $0 - 2) }).map { "  " + $0 }
            let notes = claim.measures.flatMap { m in
                (m.notMeasurable.map { ["\(m.name): not measurable: \($0)"] } ?? []) + m.warnings.map { "\(m.name): warning: \($0)" }
            }
            lines += ClaimEvaluator.grouped(notes).map { "  " + $0 }
            for check in claim.checks {
                lines.append("  [\(check.verdict.rawValue)] \(check.check)   →   \(check.evaluated)")
            }
            lines += claim.coverage.map { "  " + $0 }
            lines += claim.notes.map { "  Note: " + $0 }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    var markdown: String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["# Claims checked against the Hub data", "", "Store: \(cell(storeLine)). Claims file: `\(file)`.", ""]
        lines.append("| # | claim | verdict |")
        lines.append("|---|---|---|")
        for claim in claims { lines.append("| \(claim.number) | \(cell(claim.claim)) | **\(claim.verdict.rawValue)** |") }
        for claim in claims {
            lines += ["", "## \(claim.number). \"\(cell(claim.claim))\"", ""]
            lines.append("Source: \(cell(claim.source)) (\(claim.date)).")
            lines += ["", "**Verdict: \(claim.verdict.rawValue)** — \(cell(claim.why))", ""]
            lines.append("| measure | value | definition | on this store |")
            lines.append("|---|---|---|---|")
            for m in claim.measures {
                let status = ([m.notMeasurable.map { "not measurable: \($0)" } ?? "measurable"] + m.warnings.map { "warning: \($0)" }).joined(separator: "; ")
                lines.append("| `\(cell(m.name))` | \(cell(Self.valueCell(m))) | \(cell(m.definition)) | \(cell(status)) |")
            }
            lines.append("")
            for check in claim.checks { lines.append("- *\(check.verdict.rawValue)*: `\(cell(check.check))` → \(cell(check.evaluated))") }
            lines.append("")
            lines += claim.coverage.map { "- " + cell($0) }
            if !claim.notes.isEmpty { lines.append("") }
            lines += claim.notes.map { "> " + cell($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
