#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the sections `GraphCacheWriter` wrote, straight from the file into array storage (one `read`
/// per section, no intermediate buffer), checking each section's length against what is left of the file
/// and its checksum. Every method returns nil on the first problem; the caller then ignores the cache.
struct GraphCacheReader {
    private let fd: Int32
    /// Bytes of the file not yet consumed.
    private(set) var remaining: Int

    init(fd: Int32, size: Int) {
        self.fd = fd
        remaining = size
    }

    /// Reads exactly `count` bytes into `base`.
    /// - Complexity: O(count).
    private mutating func readExactly(into base: UnsafeMutableRawPointer, count: Int) -> Bool {
        guard count <= remaining else { return false }
        var done = 0
        while done < count {
            let n = read(fd, base + done, count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        remaining -= count
        return true
    }

    /// Reads `count` raw bytes (the fixed header).
    mutating func raw(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        var ok = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            ok = count == 0 || readExactly(into: buffer.baseAddress!, count: count)
            initialized = ok ? count : 0
        }
        return ok ? bytes : nil
    }

    /// Reads one section as an array of `T`, whose byte count must be a multiple of `T`'s stride.
    /// `T` must accept every bit pattern (integers, `UInt8`), since the bytes are copied as they are.
    /// - Complexity: O(section size): one `read` and one checksum pass.
    mutating func section<T: FixedWidthInteger>(_: T.Type, count expected: Int? = nil) -> [T]? {
        var header: (UInt64, UInt64) = (0, 0)
        guard withUnsafeMutableBytes(of: &header, { readExactly(into: $0.baseAddress!, count: 16) }) else { return nil }
        let (byteCount, checksum) = header
        let stride = MemoryLayout<T>.stride
        guard byteCount <= UInt64(remaining), Int(byteCount) % stride == 0 else { return nil }
        let bytes = Int(byteCount), count = bytes / stride
        if let expected, expected != count { return nil }
        var ok = false
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            ok = bytes == 0 || readExactly(into: raw.baseAddress!, count: bytes)
            ok = ok && GraphCacheChecksum.of(UnsafeRawBufferPointer(rebasing: raw.prefix(bytes))) == checksum
            initialized = ok ? count : 0
        }
        guard ok else { return nil }
        let pad = (8 - bytes % 8) % 8
        if pad > 0 {
            var zero: UInt64 = 0
            guard withUnsafeMutableBytes(of: &zero, { readExactly(into: $0.baseAddress!, count: pad) }), zero == 0 else { return nil }
        }
        return values
    }

    /// Reads strings written by `GraphCacheWriter.strings`: checks that the offsets start at 0, never
    /// decrease and end at the blob's length.
    /// - Complexity: O(total UTF-8 length + count).
    mutating func strings(count expected: Int? = nil) -> [String]? {
        guard let table = stringTable(count: expected) else { return nil }
        return table.materialize()
    }

    /// Reads strings as offsets and blob, validated, without making `String`s yet.
    mutating func stringTable(count expected: Int? = nil) -> GraphCacheStringTable? {
        guard let offsets = section(Int64.self, count: expected.map { $0 + 1 }), let blob = section(UInt8.self) else { return nil }
        return GraphCacheStringTable(offsets: offsets, blob: blob)
    }

    /// Reads optional strings written by `GraphCacheWriter.optionalStrings`.
    mutating func optionalStrings(count: Int) -> [String?]? {
        guard let present = section(UInt8.self, count: count), let values = strings(count: count) else { return nil }
        return (0..<count).map { present[$0] != 0 ? values[$0] : nil }
    }

    /// Reads optional integers written by `GraphCacheWriter.optionalIntegers`.
    mutating func optionalIntegers(count: Int) -> [Int64?]? {
        guard let present = section(UInt8.self, count: count), let values = section(Int64.self, count: count) else { return nil }
        return (0..<count).map { present[$0] != 0 ? values[$0] : nil }
    }
}
