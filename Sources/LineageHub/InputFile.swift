#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read with POSIX calls in large chunks; the descriptor is closed when the value is released.
final class InputFile {
    let path: String
    private let descriptor: Int32
    private(set) var bytesRead: Int64 = 0
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
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes from the start of the file, without moving the read position.
    func peek(_ count: Int) throws(HubParseError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        guard n >= 0 else { throw readError() }
        buffer.removeSubrange(n...)
        return buffer
    }

    /// Called with every chunk as it is read (for hashing while parsing).
    var onChunk: ((UnsafeRawBufferPointer) -> Void)?

    func readAll() throws(HubParseError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard n >= 0 else { throw readError() }
            if n == 0 { break }
            if let onChunk { chunk.withUnsafeBytes { onChunk(UnsafeRawBufferPointer(rebasing: $0[0..<n])) } }
            result.append(contentsOf: chunk[0..<n])
            bytesRead += Int64(n)
        }
        return result
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) and the bytes read so far.
    /// Lines may be of any length; the buffer grows to hold the longest.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int64) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var filled = 0
        var atEOF = false
        while !atEOF {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            guard n >= 0 else { throw readError() }
            if n == 0 {
                atEOF = true
            } else {
                if let onChunk { buffer.withUnsafeBytes { onChunk(UnsafeRawBufferPointer(rebasing: $0[filled..<(filled + n)])) } }
                filled += n
                bytesRead += Int64(n)
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
