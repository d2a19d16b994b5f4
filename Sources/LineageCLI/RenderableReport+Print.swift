import Foundation
import LineageKit

extension RenderableReport {
    /// Prints the report in `format` on standard output, a table narrowed to the terminal's width.
    func print(_ format: OutputFormat) throws {
        Swift.print(try render(format, width: TextTable.terminalWidth(environment: ProcessInfo.processInfo.environment)))
    }
}
