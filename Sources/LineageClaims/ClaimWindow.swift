import LineageGraph
import LineageSupport

/// Months a windowed measure counts: from `from` up to, not including, `to`.
public struct ClaimWindow: Sendable, Equatable, Codable, CustomStringConvertible {
    public var from: ClaimMonth
    public var to: ClaimMonth

    public init(from: ClaimMonth, to: ClaimMonth) {
        self.from = from
        self.to = to
    }

    /// `2024-01` (that month) or `2023-01..2023-10`.
    public static func parse(_ text: String) throws(LineageError) -> ClaimWindow {
        let parts = text.components(separatedBy: "..")
        guard let from = ClaimMonth(parts[0]) else {
            throw LineageError("\(MessageText.quote(text)) is not a month like 2024-01 or a range like 2023-01..2023-10")
        }
        if parts.count == 1 { return ClaimWindow(from: from, to: from.next) }
        guard parts.count == 2, let to = ClaimMonth(parts[1]), from < to else {
            throw LineageError("\(MessageText.quote(text)) is not a range of months like 2023-01..2023-10 (the second after the first)")
        }
        return ClaimWindow(from: from, to: to)
    }

    /// The last month inside the window.
    public var lastMonth: ClaimMonth {
        to.month == 1 ? ClaimMonth(year: to.year - 1, month: 12) : ClaimMonth(year: to.year, month: to.month - 1)
    }

    public var description: String { from.next == to ? "in \(from)" : "from \(from) to \(lastMonth)" }
}
