import Foundation
import LineageSupport

extension StatsReport {
    /// The report as pretty-printed JSON with sorted keys (a stable shape for scripts).
    public func json() throws -> String {
        try JSONOutput.string(self)
    }
}
