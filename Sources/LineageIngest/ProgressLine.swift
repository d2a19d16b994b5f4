import Foundation
import LineageSupport

/// A one-line progress display on standard error, redrawn at most a few times a second,
/// shown only when standard error is a terminal and the input is large.
public final class ProgressLine: @unchecked Sendable {
    // Only touched from the ingest's calling thread.
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let minimumBytes: Int64

    private init(minimumBytes: Int64) {
        self.minimumBytes = minimumBytes
    }

    /// A progress line, or nil when standard error is not a terminal.
    public static func forStandardError(minimumBytes: Int64) -> ProgressLine? {
        isatty(2) == 1 ? ProgressLine(minimumBytes: minimumBytes) : nil
    }

    public func update(_ progress: IngestProgress) {
        guard progress.bytesTotal >= minimumBytes else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let share = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) * 100 : 0
        let rate = progress.elapsed > 0 ? Double(progress.records) / progress.elapsed : 0
        let name = (progress.path as NSString).lastPathComponent
        let text = String(format: "\r%@: %5.1f%%  %@ records  %@ records/s ", name, share, Formatting.group(progress.records), Formatting.group(Int(rate)))
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Clears the line.
    public func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
