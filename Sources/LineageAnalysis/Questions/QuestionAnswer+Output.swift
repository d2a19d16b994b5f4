import Foundation
import LineageSupport

extension QuestionAnswer: TabularReport {
    public var summaryLines: [String] {
        var lines = ["\(question.prefix(1).uppercased() + question.dropFirst()) — \(target); store: \(store)"]
        if let value {
            switch query.intent {
            case .count: lines.append("Answer: \(Formatting.group(Int64(value)))")
            case .share:
                lines.append("Answer: \(QuestionAnswer.Coverage.percent(value)) of them, \(QuestionAnswer.Coverage.percent(downloadShare ?? 0)) of their downloads")
            default: break
            }
        }
        lines += notes
        if entities.isEmpty, value == nil {
            lines.append("No matching entities.")
        } else if total > entities.count {
            lines.append("Showing \(entities.count) of \(Formatting.group(Int64(total))) (raise with --limit or `top N`).")
        }
        return lines
    }

    public var columns: [String] {
        ["entity", "kind", "country", "source", "models", "depth", "downloads", "switching", "example path"]
    }

    public var rows: [[String]] {
        entities.map { row in
            [
                row.entity, row.kind, row.country ?? "?", row.countrySource ?? "-",
                Formatting.group(Int64(row.models)), String(row.depth), Formatting.group(row.downloads),
                row.switchingCost.map { String(format: "%.1f", $0) } ?? "-",
                row.path.joined(separator: " → "),
            ]
        }
    }

    public var numericColumns: Set<Int> { [4, 5, 6, 7] }

    /// The answer of a `how many` (`answer`) or `what share of` question (`answer`, `download share`, as
    /// fractions) leads every CSV and TSV row, so it is never lost; with no entity to list, one row holds it.
    public var machineColumns: [String] {
        switch query.intent {
        case .count: ["answer"] + columns
        case .share: ["answer", "download share"] + columns
        default: columns
        }
    }

    public var machineRows: [[String]] {
        let answerCells: [String] = switch query.intent {
        case .count: [value.map { String(Int64($0)) } ?? ""]
        case .share: [value.map(Formatting.raw) ?? "", downloadShare.map(Formatting.raw) ?? ""]
        default: []
        }
        let rows = entities.map { row in
            answerCells + [
                row.entity, row.kind, row.country ?? "?", row.countrySource ?? "-", String(row.models), String(row.depth),
                String(row.downloads), row.switchingCost.map { String(format: "%.1f", $0) } ?? "-", row.path.joined(separator: " → "),
            ]
        }
        if rows.isEmpty, !answerCells.isEmpty { return [answerCells + Array(repeating: "", count: columns.count)] }
        return rows
    }

    public var footerLines: [String] { coverage.map { [$0.line] } ?? [] }
}
