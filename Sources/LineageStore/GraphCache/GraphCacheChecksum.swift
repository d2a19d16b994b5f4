/// A fast non-cryptographic checksum for the graph cache's sections: it detects torn writes, truncation
/// and bit rot, not tampering.
///
/// Four independent multiply–rotate lanes over 8-byte little-endian words (so the CPU can overlap
/// them), then the tail bytes, folded with the length.
enum GraphCacheChecksum {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// - Complexity: O(bytes.count), a few GB/s.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, prime1 ^ prime2, prime1 &+ prime2)
        let count = bytes.count
        var i = 0
        if let base = bytes.baseAddress {
            while i + 32 <= count {
                lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                lanes.1 = mix(lanes.1, base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
            while i + 8 <= count {
                lanes.0 = mix(lanes.0, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            while i < count {
                lanes.1 = mix(lanes.1, UInt64(base.load(fromByteOffset: i, as: UInt8.self)))
                i += 1
            }
        }
        var h = UInt64(count) &* prime1
        h = mix(h, lanes.0)
        h = mix(h, lanes.1)
        h = mix(h, lanes.2)
        h = mix(h, lanes.3)
        return h ^ (h >> 29)
    }

    @inline(__always)
    private static func mix(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        let x = (acc ^ (word &* prime2)) &* prime1
        return (x << 31) | (x >> 33)
    }
}
