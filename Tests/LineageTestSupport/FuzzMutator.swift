import Foundation

/// Seeded mutations of seed inputs for the fuzz suites: a property-based run of many inputs per parser,
/// deterministic for a given seed so any failure can be replayed.
///
/// `LINEAGE_FUZZ_ITERATIONS` sets the inputs per parser (default 2,000, small enough for every `swift test`;
/// `.ci/run` sets 100,000), `LINEAGE_FUZZ_SEED` the seed, and `LINEAGE_FUZZ_DUMP=PATH` writes each input to
/// PATH before it is parsed (slow; to catch the input of a crash, which ends the process).
package struct FuzzMutator {
    /// SplitMix64 state.
    private var state: UInt64
    package let dictionary: [[UInt8]]

    package static var iterations: Int {
        ProcessInfo.processInfo.environment["LINEAGE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2_000
    }

    package static var seed: UInt64 {
        ProcessInfo.processInfo.environment["LINEAGE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x4C494E45414745
    }

    package static let dumpPath = ProcessInfo.processInfo.environment["LINEAGE_FUZZ_DUMP"]

    /// Bytes that matter to every parser here: structure, escapes, numbers that overflow, controls.
    package static let common: [String] = [
        "\"", "{", "}", "[", "]", ",", ":", "\\", "\\\\", "\\u0000", "\\u001b", "\\ud800", "\\udc00x", "\\n",
        "1e309", "-1e309", "99999999999999999999", "9007199254740993", "-1", "-", "0.5", "1e20", "NaN",
        "null", "true", "false", "\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{0}", "\u{7F}", "\u{85}", "\u{202E}",
        "\n", "\r\n", "\r", "\t", "\u{FEFF}", "é", "🤗", "<html><title>x</title>", "%00", "%1B", "%",
        "https://huggingface.co/", "hf.co/", "/", "//", "@", "#", "?", "'", "''", "\"\"",
    ]

    /// The tokens mutations insert: `common` plus a target's own words, as bytes (build once per target).
    package static func tokens(_ words: [String]) -> [[UInt8]] {
        (common + words).map { Array($0.utf8) }
    }

    package init(seed: UInt64, iteration: Int, tokens: [[UInt8]]) {
        state = seed ^ (UInt64(truncatingIfNeeded: iteration) &* 0x9E37_79B9_7F4A_7C15)
        dictionary = tokens
        _ = next()
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// One to four mutations of a seed, sometimes spliced with another; at most `maxSize` bytes. One
    /// mutation in about two hundred is a large one (thousands of nested brackets, a 20 KB string, a range
    /// repeated a thousand times), to catch work that is not linear in the input.
    package mutating func mutate(_ seeds: [[UInt8]], maxSize: Int = 64 * 1024) -> [UInt8] {
        var bytes = seeds[below(seeds.count)]
        for _ in 0...below(4) {
            mutateOnce(&bytes, seeds: seeds)
            if bytes.count > maxSize { bytes.removeLast(bytes.count - maxSize) }
        }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], seeds: [[UInt8]]) {
        let position = below(bytes.count + 1)
        switch below(12) {
        case 0 where !bytes.isEmpty: // flip a bit
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty: // any byte
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
        case 2: // insert a random byte
            bytes.insert(UInt8(truncatingIfNeeded: next()), at: position)
        case 3 where !bytes.isEmpty: // delete a range
            let length = min(bytes.count - min(position, bytes.count - 1), 1 + below(16))
            bytes.removeSubrange(min(position, bytes.count - 1)..<(min(position, bytes.count - 1) + length))
        case 4, 5: // insert a dictionary token
            bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: position)
        case 6 where !bytes.isEmpty: // replace a short range with a token
            let start = min(position, bytes.count - 1)
            let end = min(bytes.count, start + 1 + below(8))
            bytes.replaceSubrange(start..<end, with: dictionary[below(dictionary.count)])
        case 7: // truncate
            bytes.removeSubrange(position...)
        case 8 where !bytes.isEmpty: // duplicate a range, rarely many times
            let start = min(position, bytes.count - 1)
            let piece = Array(bytes[start..<min(bytes.count, start + 1 + below(64))])
            let times = below(200) == 0 ? 1 + below(1_000) : 1 + below(3)
            bytes.insert(contentsOf: (0..<times).flatMap { _ in piece }, at: start)
        case 9: // splice: this input's start, another seed's end
            let other = seeds[below(seeds.count)]
            bytes = Array(bytes[..<position]) + Array(other[below(other.count + 1)...])
        case 10: // nesting, rarely deep
            let open: [UInt8] = below(2) == 0 ? Array("[".utf8) : Array("{\"a\":".utf8)
            let depth = below(200) == 0 ? 1 + below(3_000) : 1 + below(40)
            bytes.insert(contentsOf: (0..<depth).flatMap { _ in open }, at: position)
        default: // a long string, rarely a very long one
            let length = below(200) == 0 ? 1 + below(20_000) : 1 + below(300)
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: length), at: position)
        }
    }

    /// Writes `bytes` to `LINEAGE_FUZZ_DUMP` when set.
    package static func dump(_ bytes: [UInt8]) {
        guard let dumpPath else { return }
        _ = FileManager.default.createFile(atPath: dumpPath, contents: Data(bytes))
    }
}
