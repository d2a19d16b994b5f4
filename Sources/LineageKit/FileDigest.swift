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

    /// The lowercase hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256(text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
