import Foundation

/// State that only its lock may touch (like swift-nio's `NIOLockedValueBox`): the value is reachable
/// only inside `withLock`, so no caller can forget to take the lock.
///
/// `Synchronization.Mutex` would do the same, but needs macOS 15 and the package supports macOS 13.
package final class LockedState<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the state, holding the lock; do not call back into this box from `body`.
    package func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
