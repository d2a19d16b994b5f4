import Foundation

extension StatsReport {
    /// The report as pretty-printed JSON with sorted keys (a stable shape for scripts).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
