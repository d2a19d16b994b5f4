#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the graph cache's sections to an open file, each framed as byte count, checksum, bytes and
/// zero padding to 8 bytes. Any failed `write` makes the whole writer fail; the caller then drops the
/// temporary file.
struct GraphCacheWriter {
    private let fd: Int32
    private(set) var failed = false

    init(fd: Int32) { self.fd = fd }

    /// Writes `bytes` as they are (for the fixed header).
    /// - Complexity: O(bytes.count).
    mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = write(fd, base, left)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { failed = true; return }
            base += n
            left -= n
        }
    }

    /// Writes one section holding the raw bytes of `values`.
    /// - Complexity: O(values.count).
    mutating func section<T: BitwiseCopyable>(_ values: [T]) {
        values.withUnsafeBytes { bytes in
            let header: (UInt64, UInt64) = (UInt64(bytes.count), GraphCacheChecksum.of(bytes))
            withUnsafeBytes(of: header) { writeRaw($0) }
            writeRaw(bytes)
            let pad = (8 - bytes.count % 8) % 8
            if pad > 0 { withUnsafeBytes(of: UInt64(0)) { writeRaw(UnsafeRawBufferPointer(rebasing: $0.prefix(pad))) } }
        }
    }

    /// Writes strings as two sections: `count + 1` Int64 offsets, then one UTF-8 blob.
    /// - Complexity: O(total UTF-8 length).
    mutating func strings(_ values: [String]) {
        var offsets = [Int64]()
        offsets.reserveCapacity(values.count + 1)
        var blob = [UInt8]()
        offsets.append(0)
        for value in values {
            blob.append(contentsOf: value.utf8)
            offsets.append(Int64(blob.count))
        }
        section(offsets)
        section(blob)
    }

    /// Writes optional strings: a presence byte each, then `strings` with "" for nil.
    mutating func optionalStrings(_ values: [String?]) {
        section(values.map { $0 == nil ? UInt8(0) : 1 })
        strings(values.map { $0 ?? "" })
    }

    /// Writes optional integers: a presence byte each, then the values with 0 for nil.
    mutating func optionalIntegers(_ values: [Int64?]) {
        section(values.map { $0 == nil ? UInt8(0) : 1 })
        section(values.map { $0 ?? 0 })
    }
}
