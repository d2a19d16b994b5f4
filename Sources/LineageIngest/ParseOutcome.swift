import Foundation
import LineageHub

/// The producer thread's final report, published before it finishes the channel (which orders the write
/// before the consumer's read).
package final class ParseOutcome: @unchecked Sendable {
    package var report: HubFileParser.Report?

    /// After a consumer failure: drain until the producer has seen the cancellation and finished.
    package func waitForProducer<T>(_ channel: BatchChannel<T>) {
        while (try? channel.take()) != nil {}
    }
}
