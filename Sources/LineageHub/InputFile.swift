#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read with POSIX calls in large chunks; the descriptor is closed when the value is released.
///
/// A gzip file (detected by its first two bytes, `1f 8b`, never by its name) is decompressed as it is
/// read: `peek`, `readAll` and `forEachLine` see the decompressed bytes, while `onChunk` and `bytesRead`
/// see the file's bytes as stored (so the content hash and progress are over the compressed file).
final class InputFile {
    let path: String
    private let descriptor: Int32
    private(set) var bytesRead: Int64 = 0
    /// The decompressor, when the file is gzip.
    private let gzip: GzipReader?
    /// Chunk size for streaming reads.
    static let chunkSize = 8 << 20

    init(path: String) throws(HubParseError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw HubParseError(path: path, line: 0, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw HubParseError(path: path, line: 0, message: "is a directory, not a file")
        }
        do throws(HubParseError) {
            var magic: [UInt8] = [0, 0]
            let fd = descriptor
            let n = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 2, 0) }
            guard n >= 0 else { throw HubParseError(path: path, line: 0, message: "read failed: \(String(cString: strerror(errno)))") }
            gzip = n == 2 && magic == GzipReader.magic ? try GzipReader(path: path) : nil
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// Whether the file is gzip (its first two bytes are `1f 8b`).
    var isGzip: Bool { gzip != nil }

    /// Up to `count` bytes from the start of the file (decompressed, for gzip), without moving the read position.
    func peek(_ count: Int) throws(HubParseError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        guard isGzip else {
            let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
            guard n >= 0 else { throw readError() }
            buffer.removeSubrange(n...)
            return buffer
        }
        // A decompressor of its own, reading from the start with pread, so the main one is untouched.
        let reader = try GzipReader(path: path)
        var offset: off_t = 0
        var filled = 0
        while filled < count {
            // `withUnsafeMutableBytes` rethrows untyped errors: carry the typed one out in a Result.
            let n = try buffer.withUnsafeMutableBytes { raw in
                Result { () throws(HubParseError) -> Int in
                    try reader.read(into: raw.baseAddress! + filled, count: count - filled) { (chunk) throws(HubParseError) -> Int in
                        let n = pread(descriptor, chunk.baseAddress, chunk.count, offset)
                        guard n >= 0 else { throw readError() }
                        offset += off_t(n)
                        return n
                    }
                }
            }.get()
            if n == 0 { break }
            filled += n
        }
        buffer.removeSubrange(filled...)
        return buffer
    }

    /// Reads the file's next bytes as stored, showing them to `onChunk` and counting them.
    private func readRaw(_ destination: UnsafeMutableRawBufferPointer) throws(HubParseError) -> Int {
        let n = read(descriptor, destination.baseAddress, destination.count)
        guard n >= 0 else { throw readError() }
        if n > 0 {
            onChunk?(UnsafeRawBufferPointer(rebasing: destination[0..<n]))
            bytesRead += Int64(n)
        }
        return n
    }

    /// Reads up to `count` of the file's next bytes (decompressed, for gzip); 0 at the end.
    private func readDecoded(into destination: UnsafeMutableRawPointer, count: Int) throws(HubParseError) -> Int {
        guard let gzip else { return try readRaw(UnsafeMutableRawBufferPointer(start: destination, count: count)) }
        return try gzip.read(into: destination, count: count) { (chunk) throws(HubParseError) -> Int in try readRaw(chunk) }
    }

    /// Called with every chunk as it is read (for hashing while parsing).
    var onChunk: ((UnsafeRawBufferPointer) -> Void)?

    /// The whole file (decompressed, for gzip).
    func readAll() throws(HubParseError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try chunk.withUnsafeMutableBytes { raw in
                Result { () throws(HubParseError) -> Int in try readDecoded(into: raw.baseAddress!, count: raw.count) }
            }.get()
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) and the bytes read so far (as stored).
    /// Lines may be of any length; the buffer grows to hold the longest. A gzip file streams through
    /// the buffer too: it is never whole in memory nor unpacked to disk.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var filled = 0
        var atEOF = false
        while !atEOF {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = try buffer.withUnsafeMutableBytes { (raw) throws(HubParseError) -> Int in
                try readDecoded(into: raw.baseAddress! + filled, count: raw.count - filled)
            }
            if n == 0 {
                atEOF = true
            } else {
                filled += n
            }
            let consumed = try buffer.withUnsafeBufferPointer { all -> Int in
                var lineStart = 0
                var index = 0
                let base = all.baseAddress!
                while index < filled {
                    guard let hit = memchr(base + index, 0x0A, filled - index) else { break }
                    let newline = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    var lineEnd = newline
                    if lineEnd > lineStart, all[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    try body(UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), bytesRead)
                    lineStart = newline + 1
                    index = lineStart
                }
                if atEOF, lineStart < filled {
                    var lineEnd = filled
                    if all[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    try body(UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), bytesRead)
                    lineStart = filled
                }
                return lineStart
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
            }
        }
    }

    private func readError() -> HubParseError {
        HubParseError(path: path, line: 0, message: "read failed: \(String(cString: strerror(errno)))")
    }
}
