import Foundation

/// A bounded hand-off of batches from one producer thread to one consumer, so parsing overlaps writing.
///
/// The producer blocks when `capacity` batches wait; either side can end the stream: the producer with
/// `finish(throwing:)`, the consumer with `cancel()` (the producer's next `put` then returns false).
package final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Element] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private let capacity: Int

    package init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Waits for room and enqueues; false when the consumer has cancelled.
    package func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(element)
        condition.broadcast()
        return true
    }

    /// Ends the stream, with the producer's error if it failed.
    package func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the producer; pending elements are dropped.
    package func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next element, nil at the end of the stream; rethrows the producer's error.
    package func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let element = queue.removeFirst()
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }
}
