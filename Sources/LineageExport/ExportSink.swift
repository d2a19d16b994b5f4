import Foundation

/// Where an export's bytes go: a file, written through a fixed-size buffer, or memory (tests).
///
/// Writers append to `buffer` and call `flushIfFull()` after each row, so memory stays bounded by the
/// buffer size whatever the number of rows.
package struct ExportSink {
    /// Bytes not yet written.
    package var buffer: [UInt8] = []
    private let handle: FileHandle?
    /// Everything written, when writing to memory.
    package private(set) var memory: [UInt8] = []
    /// Bytes written in all.
    package private(set) var byteCount = 0
    private static let capacity = 1 << 16

    /// A sink writing to `handle`.
    package init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.capacity + 4096)
    }

    /// A sink keeping everything in memory.
    package init() { handle = nil }

    package mutating func append(_ text: String) { buffer += text.utf8 }

    /// Writes the buffer out once it holds 64 KB or more.
    package mutating func flushIfFull() throws {
        if buffer.count >= Self.capacity { try flush() }
    }

    package mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        byteCount += buffer.count
        if let handle {
            try handle.write(contentsOf: buffer)
        } else {
            memory += buffer
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
