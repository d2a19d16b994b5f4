import Foundation
import LineageHub

/// The producer thread's final report, published before it finishes the channel (which orders the write
/// before the consumer's read).
final class ParseOutcome: @unchecked Sendable {
    var report: HubFileParser.Report?

    /// After a consumer failure: drain until the producer has seen the cancellation and finished.
    func waitForProducer<T>(_ channel: BatchChannel<T>) {
        while (try? channel.take()) != nil {}
    }
}
