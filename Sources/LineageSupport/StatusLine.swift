import Foundation

/// One line of status on standard error, redrawn in place at most every so often and cleared at the end.
///
/// Safe from any thread: when it last drew and whether anything is on screen live in a `LockedState`,
/// and each line is written under the lock, so two draws never interleave.
package final class StatusLine: Sendable {
    private struct State {
        var lastDraw = Date.distantPast
        var drawn = false
    }

    private let state = LockedState(State())

    package init() {}

    /// Writes `text()` (which starts with `\r`) unless the last draw is less than `interval` seconds old
    /// and `force` is false; `text` is only called when the line is drawn.
    package func draw(every interval: Double, force: Bool = false, _ text: () -> String) {
        let now = Date()
        state.withLock { state in
            guard force || now.timeIntervalSince(state.lastDraw) >= interval else { return }
            state.lastDraw = now
            FileHandle.standardError.write(Data(text().utf8))
            state.drawn = true
        }
    }

    /// Clears the line, when anything was drawn.
    package func clear() {
        state.withLock { state in
            guard state.drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            state.drawn = false
        }
    }
}
