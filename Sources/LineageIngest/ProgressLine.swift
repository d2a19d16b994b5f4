import Foundation
import LineageSupport

/// A one-line progress display on standard error, redrawn at most a few times a second,
/// shown only when standard error is a terminal and the input is large.
///
/// Safe to call from any thread: the drawing state lives in a `LockedState`, and each redraw
/// is written while the lock is held, so two lines never interleave.
package final class ProgressLine: Sendable {
    private struct State {
        var lastDraw = Date.distantPast
        var drawn = false
    }

    private let state = LockedState(State())
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
        let now = Date()
        state.withLock { state in
            guard now.timeIntervalSince(state.lastDraw) >= 0.25 else { return }
            state.lastDraw = now
            let share = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) * 100 : 0
            let rate = progress.elapsed > 0 ? Double(progress.records) / progress.elapsed : 0
            let name = (progress.path as NSString).lastPathComponent
            let text = String(format: "\r%@: %5.1f%%  %@ records  %@ records/s ", name, share, Formatting.group(progress.records), Formatting.group(Int(rate)))
            FileHandle.standardError.write(Data(text.utf8))
            state.drawn = true
        }
    }

    /// Clears the line.
    package func finish() {
        state.withLock { state in
            guard state.drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}
