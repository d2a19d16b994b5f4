import CZlib

/// gzip files made at run time with zlib's deflate, for tests (shared with LineageKitTests by a link).
package enum GzipTestData {
    /// `bytes` as one gzip member.
    package static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        // zlib keeps a pointer back to its z_stream: it must not move between calls.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        let status = deflateInit2_(stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))) + 64)
        var input = bytes
        let end = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = UInt32(target.count)
                return deflate(stream, Z_FINISH)
            }
        }
        precondition(end == Z_STREAM_END, "deflate did not finish: \(end)")
        output.removeSubrange(Int(stream.pointee.total_out)...)
        return output
    }

    package static func compress(_ text: String) -> [UInt8] { compress(Array(text.utf8)) }

    /// `bytes` cut at `cuts` (offsets into the uncompressed bytes), each piece its own gzip member,
    /// the members concatenated (as `cat a.gz b.gz` does).
    package static func members(_ bytes: [UInt8], cuts: [Int]) -> [UInt8] {
        let bounds = [0] + cuts.sorted() + [bytes.count]
        return zip(bounds, bounds.dropFirst()).flatMap { compress(Array(bytes[$0..<$1])) }
    }
}
