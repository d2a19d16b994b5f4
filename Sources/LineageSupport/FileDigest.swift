import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of files, read in large chunks, for snapshot provenance and no-op re-ingest.
public enum FileDigest {
    /// The lowercase hex SHA-256 of a file's bytes, and its size.
    public static func sha256(path: String) throws(LineageError) -> (hex: String, bytes: Int64) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw LineageError("\(path): cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var hasher = SHA256()
        var total: Int64 = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = read(descriptor, chunk.baseAddress, chunk.count)
            guard n >= 0 else { throw LineageError("\(path): read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            total += Int64(n)
        }
        return (hex(hasher.finalize()), total)
    }

    /// Whether a file exists, and its size.
    public static func size(path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// The lowercase hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256(text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-256 fed chunk by chunk from the parsing thread; read once that thread has finished.
package final class StreamingDigest: @unchecked Sendable {
    // Touched by one thread at a time: the parser while it runs, then the caller after it finished.
    private var hasher = SHA256()

    package init() {}

    package func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

    package func finalize() -> String { FileDigest.hex(hasher.finalize()) }
}
