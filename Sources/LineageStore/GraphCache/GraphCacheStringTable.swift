/// Strings as one UTF-8 blob plus `count + 1` offsets, as the cache stores them.
struct GraphCacheStringTable {
    let offsets: [Int64]
    let blob: [UInt8]

    /// Nil unless the offsets are a valid partition of the blob.
    init?(offsets: [Int64], blob: [UInt8]) {
        guard let first = offsets.first, first == 0, offsets.last == Int64(blob.count) else { return nil }
        var previous: Int64 = 0
        for o in offsets {
            guard o >= previous else { return nil }
            previous = o
        }
        self.offsets = offsets
        self.blob = blob
    }

    var count: Int { offsets.count - 1 }

    /// One `String` per entry (invalid UTF-8 is repaired, never trusted).
    /// - Complexity: O(total length); one allocation per string longer than 15 bytes.
    func materialize() -> [String] {
        blob.withUnsafeBufferPointer { bytes in
            offsets.withUnsafeBufferPointer { o in
                (0..<(o.count - 1)).map { i in
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(o[i])..<Int(o[i + 1])]), as: UTF8.self)
                }
            }
        }
    }
}
