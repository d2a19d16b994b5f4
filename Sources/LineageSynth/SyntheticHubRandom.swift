/// The synthetic Hub's pseudo-random numbers: xoshiro256** seeded through SplitMix64.
///
/// Written here, not taken from the standard library, so that a seed gives the same numbers on
/// every Swift version and platform: only integer arithmetic and exactly rounded `Double`
/// operations (`+ - * /`) are used, never `log`, `exp` or `pow`.
public struct SyntheticHubRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is four SplitMix64 outputs of `seed`.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits.
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-shift (bias < 2⁻³² for bounds
    /// below 2³², which is all this generator asks for).
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `p`.
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A heavy-tailed count: a log-uniform draw whose number of binary digits is itself geometric with
    /// ratio `ratio` (0 < ratio < 1), starting at `minBits` and capped at `maxBits`. The tail of
    /// P(X > x) falls like a power of x, as Hub download counts do.
    /// - Complexity: O(maxBits).
    public mutating func heavyTail(minBits: Int, maxBits: Int, ratio: Double) -> Int {
        var bits = minBits
        while bits < maxBits && chance(ratio) { bits += 1 }
        if bits == 0 { return 0 }
        let low = 1 << (bits - 1)
        return low + below(low)
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
