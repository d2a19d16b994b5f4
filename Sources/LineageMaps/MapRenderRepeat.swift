import Foundation
import LineageSupport

/// `lineage render --repeat N`: a map rendered N more times, each time to the same bytes, with the time
/// of one render and the process's resident memory before and after (a benchmark and a leak check: a
/// render that leaks its Graphviz graph or layout grows the process).
public struct MapRenderRepeat: Sendable {
    public let count: Int
    /// Mean wall time of one render.
    public let each: Duration
    /// Resident set size in KB before the loop (after one warm-up render) and after it; 0 off Linux.
    public let residentKBBefore: Int
    public let residentKBAfter: Int

    /// Renders `map` as `format` once to warm up (fonts, plugins, malloc arenas), then `count` times.
    /// - Throws: `LineageError` when a render gives other bytes than `expected`, or Graphviz fails.
    public static func run(_ map: LineageMap, format: MapFormat, count: Int, expected: [UInt8]) throws -> MapRenderRepeat {
        _ = try map.render(format)
        let before = residentKB()
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count where try map.render(format) != expected {
            throw LineageError("render \(format.rawValue) gave different bytes on a repeat")
        }
        let each = (clock.now - start) / max(count, 1)
        return MapRenderRepeat(count: count, each: each, residentKBBefore: before, residentKBAfter: residentKB())
    }

    /// `repeat: 1000 renders, 4.2 ms each, rss 61234 KB -> 61300 KB (+66 KB)`.
    public var text: String {
        let growth = residentKBAfter - residentKBBefore
        return "repeat: \(count) renders, \(Self.milliseconds(each)) each, "
            + "rss \(residentKBBefore) KB -> \(residentKBAfter) KB (\(growth >= 0 ? "+" : "")\(growth) KB)"
    }

    /// `12.3 ms`.
    public static func milliseconds(_ d: Duration) -> String {
        String(format: "%.1f ms", Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15)
    }

    /// Resident set size in KB from /proc (Linux); 0 elsewhere.
    private static func residentKB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
