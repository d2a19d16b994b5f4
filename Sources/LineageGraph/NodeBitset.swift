/// A fixed-size set of node ids (or author ids) stored as one bit per id.
///
/// 2M nodes take 250 KB, so membership tests over a whole family stay in cache.
public struct NodeBitset: Sendable, Equatable {
    private var words: [UInt64]
    /// Ids `0..<capacity` may be stored.
    public let capacity: Int

    /// The empty set over ids `0..<capacity`.
    public init(capacity: Int) {
        precondition(capacity >= 0, "negative capacity")
        self.capacity = capacity
        words = Array(repeating: 0, count: (capacity + 63) >> 6)
    }

    /// The set of `ids`, each in `0..<capacity`.
    public init(capacity: Int, ids: some Sequence<Int32>) {
        self.init(capacity: capacity)
        for id in ids { insert(id) }
    }

    @inline(__always)
    public func contains(_ id: Int32) -> Bool {
        assert(id >= 0 && Int(id) < capacity, "NodeBitset: id out of range")
        return words[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// Inserts `id`; returns whether it was absent.
    @inline(__always)
    @discardableResult
    public mutating func insert(_ id: Int32) -> Bool {
        assert(id >= 0 && Int(id) < capacity, "NodeBitset: id out of range")
        let w = Int(id) >> 6, bit: UInt64 = 1 << UInt64(id & 63)
        let absent = words[w] & bit == 0
        words[w] |= bit
        return absent
    }

    @inline(__always)
    public mutating func remove(_ id: Int32) {
        assert(id >= 0 && Int(id) < capacity, "NodeBitset: id out of range")
        words[Int(id) >> 6] &= ~(1 << UInt64(id & 63))
    }

    /// Number of ids in the set.
    /// - Complexity: O(capacity / 64).
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The ids in the set, ascending.
    /// - Complexity: O(capacity / 64 + count).
    public var members: [Int32] {
        var out: [Int32] = []
        for (i, word) in words.enumerated() {
            var w = word
            while w != 0 {
                out.append(Int32(i << 6 + w.trailingZeroBitCount))
                w &= w - 1
            }
        }
        return out
    }
}
