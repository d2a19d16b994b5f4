import CZlib

/// Decompresses gzip data pulled from a byte source, member after member (a concatenation of gzip
/// members is one gzip file), checking each member's header, CRC-32 and length with zlib.
///
/// Nothing is buffered beyond one input chunk and what the caller asks for, so a file of any size
/// streams in bounded memory. Damage is reported as a `HubParseError` naming the file and the byte
/// offset in the compressed file where zlib found it: a file that ends inside a member, a bad header,
/// bad deflate data, a CRC-32 or length mismatch, or bytes after the last member that are not a member.
final class GzipReader {
    /// The two bytes every gzip member starts with.
    static let magic: [UInt8] = [0x1F, 0x8B]
    /// Compressed bytes pulled from the source at a time.
    static let inputChunkSize = 1 << 20

    /// Reads raw (compressed) bytes into the buffer and returns how many; 0 at the end of the file.
    typealias Source = (UnsafeMutableRawBufferPointer) throws(HubParseError) -> Int

    private enum State {
        case inMember
        case betweenMembers
        case finished
    }

    private let path: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    /// Offset in the compressed file of `input[0]`.
    private var inputOffset: Int64 = 0
    private var sourceExhausted = false
    private var state = State.inMember
    /// Offset in the compressed file where the current member starts.
    private var memberStart: Int64 = 0

    init(path: String) throws(HubParseError) {
        self.path = path
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.inputChunkSize, alignment: 16)
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = 0
        // 16 + MAX_WBITS: a gzip wrapper only (a zlib or raw deflate stream is refused), 32 KB window.
        let status = inflateInit2_(stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw HubParseError(path: path, line: 0, message: "cannot start gzip decompression (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Offset in the compressed file of the next byte zlib has not consumed.
    var compressedOffset: Int64 {
        inputOffset + Int64(UnsafeRawPointer(stream.pointee.next_in!) - UnsafeRawPointer(input.baseAddress!))
    }

    /// Decompresses up to `count` bytes into `destination`; returns how many, 0 only at the clean end of
    /// the last member (after checking that no bytes follow it).
    /// - Complexity: O(compressed bytes consumed + `count`).
    func read(into destination: UnsafeMutableRawPointer, count: Int, from source: Source) throws(HubParseError) -> Int {
        guard count > 0 else { return 0 }
        while true {
            switch state {
            case .finished:
                return 0
            case .betweenMembers:
                if stream.pointee.avail_in < 2, !sourceExhausted {
                    try refill(from: source)
                    continue
                }
                if stream.pointee.avail_in == 0 {
                    state = .finished
                    return 0
                }
                let next = stream.pointee.next_in!
                guard stream.pointee.avail_in >= 2, next[0] == Self.magic[0], next[1] == Self.magic[1] else {
                    throw damage("bytes after the last gzip member are not a gzip member (trailing garbage)")
                }
                memberStart = compressedOffset
                inflateReset(stream)
                state = .inMember
            case .inMember:
                if stream.pointee.avail_in == 0 {
                    try refill(from: source)
                    if stream.pointee.avail_in == 0 {
                        throw damage("gzip data is truncated: the file ends inside the member that starts at byte \(memberStart)")
                    }
                }
                stream.pointee.next_out = destination.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = UInt32(min(count, Int(UInt32.max)))
                let requested = Int(stream.pointee.avail_out)
                let status = inflate(stream, Z_NO_FLUSH)
                let produced = requested - Int(stream.pointee.avail_out)
                switch status {
                case Z_STREAM_END:
                    state = .betweenMembers
                case Z_OK:
                    break
                case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                    break
                default:
                    throw corruption(status)
                }
                if produced > 0 { return produced }
            }
        }
    }

    /// Moves the unconsumed input to the front of the buffer and reads more after it.
    private func refill(from source: Source) throws(HubParseError) {
        let base = input.baseAddress!
        let pending = Int(stream.pointee.avail_in)
        let consumed = UnsafeRawPointer(stream.pointee.next_in!) - UnsafeRawPointer(base)
        if pending > 0, consumed > 0 { base.copyMemory(from: base + consumed, byteCount: pending) }
        inputOffset += Int64(consumed)
        let n = try source(UnsafeMutableRawBufferPointer(rebasing: input[pending...]))
        if n == 0 { sourceExhausted = true }
        stream.pointee.next_in = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(pending + n)
    }

    /// The error for a zlib failure, in words a user can act on.
    private func corruption(_ status: Int32) -> HubParseError {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        switch detail {
        case "incorrect header check", "unknown compression method", "unknown header flags set", "header crc mismatch":
            return damage("not a valid gzip header: \(detail)")
        case "incorrect data check":
            return damage("corrupt gzip data: CRC-32 mismatch (\(detail))")
        case "incorrect length check":
            return damage("corrupt gzip data: length mismatch (\(detail))")
        default:
            return damage("corrupt gzip data: \(detail)")
        }
    }

    private func damage(_ message: String) -> HubParseError {
        HubParseError(path: path, byteOffset: compressedOffset, message: message)
    }
}
