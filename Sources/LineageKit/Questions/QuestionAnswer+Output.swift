import Foundation

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

    public var footerLines: [String] { coverage.map { [$0.line] } ?? [] }
}
