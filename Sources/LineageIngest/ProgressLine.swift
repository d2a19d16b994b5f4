import Foundation
import LineageSupport

/// A one-line progress display on standard error, redrawn at most four times a second,
/// shown only when standard error is a terminal and the input is large.
///
/// Safe to call from any thread: the drawing state is a `StatusLine`'s, behind its lock.
package final class ProgressLine: Sendable {
    private let line = StatusLine()
    private let minimumBytes: Int64

    private init(minimumBytes: Int64) {
        self.minimumBytes = minimumBytes
    }

    /// A progress line, or nil when standard error is not a terminal.
    package static func forStandardError(minimumBytes: Int64) -> ProgressLine? {
        isatty(2) == 1 ? ProgressLine(minimumBytes: minimumBytes) : nil
    }

    package func update(_ progress: IngestProgress) {
        guard progress.bytesTotal >= minimumBytes else { return }
        line.draw(every: 0.25) {
            let share = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) * 100 : 0
            let rate = progress.elapsed > 0 ? Double(progress.records) / progress.elapsed : 0
            let name = (progress.path as NSString).lastPathComponent
            return String(format: "\r%@: %5.1f%%  %@ records  %@ records/s ", name, share, Formatting.group(progress.records), Formatting.group(Int(rate)))
        }
    }

    /// Clears the line.
    package func finish() { line.clear() }
}
