import Foundation
import LineageSupport

/// Draws a sync's progress on standard error: on a terminal, one line redrawn in place
/// (`models: page 12 · 11,873 models · 245/s · waiting 55 s (rate limited)`); otherwise, for logs,
/// one line per wait only (a wait is worth knowing about, page counts are in the summary).
package final class HubSyncProgressLine: Sendable {
    private struct State {
        var lastDraw = Date.distantPast
        var drawn = false
        var lastWaitKey: String?
    }

    private let isTerminal: Bool
    /// Safe from any thread: the state is reachable only under its lock, and lines are written under it.
    private let state = LockedState(State())

    package init(isTerminal: Bool = isatty(2) == 1) {
        self.isTerminal = isTerminal
    }

    package func update(_ progress: HubSyncProgress) {
        state.withLock { state in
            if !isTerminal {
                guard let wait = progress.wait else { return }
                // One log line per wait, not one per second of it.
                let key = wait.reason + wait.url
                guard key != state.lastWaitKey else { return }
                state.lastWaitKey = key
                FileHandle.standardError.write(Data("\(progress.noun): waiting \(Self.seconds(wait.remaining)): \(wait.reason) (\(wait.url))\n".utf8))
                return
            }
            let now = Date()
            guard progress.wait != nil || now.timeIntervalSince(state.lastDraw) >= 0.2 else { return }
            state.lastDraw = now
            var text = "\r\u{1B}[K\(progress.noun): page \(Formatting.group(progress.pages)) · \(Formatting.group(progress.items)) \(progress.noun) · \(Formatting.group(Int(progress.rate)))/s"
            if let wait = progress.wait { text += " · waiting \(Self.seconds(wait.remaining)) (\(wait.reason))" }
            FileHandle.standardError.write(Data(text.utf8))
            state.drawn = true
        }
    }

    /// Clears the line.
    package func finish() {
        state.withLock { state in
            guard state.drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            state.drawn = false
        }
    }

    package static func seconds(_ value: Double) -> String {
        let whole = Int(value.rounded(.up))
        return whole >= 120 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
