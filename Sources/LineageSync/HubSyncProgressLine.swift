import Foundation
import LineageSupport

/// Draws a sync's progress on standard error: on a terminal, one line redrawn in place
/// (`models: page 12 · 11,873 models · 245/s · waiting 55 s (rate limited)`); otherwise, for logs,
/// one line per wait only (a wait is worth knowing about, page counts are in the summary).
package final class HubSyncProgressLine: Sendable {
    private let isTerminal: Bool
    private let line = StatusLine()
    /// The last wait written to a log, so that a wait is logged once, not once a second.
    private let lastWaitKey = LockedState<String?>(nil)

    package init(isTerminal: Bool = isatty(2) == 1) {
        self.isTerminal = isTerminal
    }

    /// Safe from any thread: the state is behind locks, and lines are written under them.
    package func update(_ progress: HubSyncProgress) {
        guard isTerminal else {
            guard let wait = progress.wait else { return }
            let key = wait.reason + wait.url
            lastWaitKey.withLock { last in
                guard key != last else { return }
                last = key
                FileHandle.standardError.write(Data("\(progress.noun): waiting \(Self.seconds(wait.remaining)): \(wait.reason) (\(wait.url))\n".utf8))
            }
            return
        }
        line.draw(every: 0.2, force: progress.wait != nil) {
            var text = "\r\u{1B}[K\(progress.noun): page \(Formatting.group(progress.pages)) · \(Formatting.group(progress.items)) \(progress.noun) · "
                + "\(Formatting.group(Int(progress.rate)))/s"
            if let wait = progress.wait { text += " · waiting \(Self.seconds(wait.remaining)) (\(wait.reason))" }
            return text
        }
    }

    /// Clears the line.
    package func finish() { line.clear() }

    package static func seconds(_ value: Double) -> String {
        let whole = Int(value.rounded(.up))
        return whole >= 120 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
