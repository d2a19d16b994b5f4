import Foundation
import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageStore
import LineageSupport

/// Timings of the graph engine on a store, for `Benchmarks/engine.sh` (not a test).
public struct EngineBenchmark: Sendable, Codable {
    public var nodes: Int
    public var edges: Int
    /// Reading the store's columns from SQLite (`LineageStore.graphDataFromSQLite()`).
    public var readSeconds: Double
    /// Reading them from the store's graph cache (`LineageStore.graphData()` with a valid cache).
    public var cacheReadSeconds: Double?
    /// Building the CSR graph from them (`LoadedGraph(data:)`).
    public var buildSeconds: Double
    /// The family with most members, its members, and the time of one descendants BFS from its roots.
    public var largestFamily: String
    public var largestFamilyDescendants: Int
    public var descendantsSeconds: Double
    /// The full `lineage descendants` query (BFS, totals, ordering, 50 paths) on that family.
    public var descendantsQuerySeconds: Double
    /// Roots (no parents) and the time of `reachOfAllRoots`.
    public var roots: Int
    public var reachAllRootsSeconds: Double
    /// Bytes of the graph's arrays (both CSRs and the node columns), and per node + edge.
    public var graphBytes: Int
    public var bytesPerNodeAndEdge: Double
    /// The process's peak resident set (VmHWM), when /proc is available.
    public var peakRSSMegabytes: Double?

    /// Runs every measurement once on `store`.
    /// - Complexity: O(n + e) per measurement, plus one BFS per root.
    public static func run(store: LineageStore, catalog: FamilyCatalog) throws -> EngineBenchmark {
        let clock = ContinuousClock()
        var start = clock.now
        _ = try store.graphDataFromSQLite()
        let readSeconds = seconds(clock.now - start)
        _ = try store.graphData()  // writes the graph cache when it is missing or stale
        start = clock.now
        let data = try store.graphData()
        let cacheReadSeconds = seconds(clock.now - start)
        start = clock.now
        let loaded = LoadedGraph(data: data)
        let buildSeconds = seconds(clock.now - start)
        let graph = loaded.graph

        let queries = LineageQueries(loaded: loaded, catalog: catalog)
        let membership = FamilyMembership(graph: graph, familyRoots: queries.familyRoots)
        let largest = (0..<membership.familyCount).max { (membership.memberCount(ofFamily: $0), $1) < (membership.memberCount(ofFamily: $1), $0) } ?? 0
        start = clock.now
        let result = graph.descendants(of: queries.familyRoots.isEmpty ? [] : queries.familyRoots[largest])
        let descendantsSeconds = seconds(clock.now - start)
        start = clock.now
        if !catalog.entries.isEmpty { _ = try queries.descendants(of: catalog.entries[largest].id, limit: 50) }
        let querySeconds = seconds(clock.now - start)

        start = clock.now
        let all = graph.reachOfAllRoots()
        let reachSeconds = seconds(clock.now - start)

        let n = graph.nodeCount, e = graph.edgeCount
        let csr = 2 * (4 * (n + 1) + 4 * e + e)  // offsets, targets and relations, both directions
        let columns = n * (1 + 4 + 8 + 8 + 8 + 4)
        return EngineBenchmark(
            nodes: n, edges: e, readSeconds: readSeconds, cacheReadSeconds: cacheReadSeconds, buildSeconds: buildSeconds,
            largestFamily: catalog.entries.isEmpty ? "" : catalog.entries[largest].id,
            largestFamilyDescendants: result.reachedCount, descendantsSeconds: descendantsSeconds,
            descendantsQuerySeconds: querySeconds, roots: all.roots.count, reachAllRootsSeconds: reachSeconds,
            graphBytes: csr + columns, bytesPerNodeAndEdge: n + e == 0 ? 0 : Double(csr + columns) / Double(n + e),
            peakRSSMegabytes: peakRSS())
    }

    /// The figures, one per line, then one `RESULT key=value …` line for scripts.
    public var text: String {
        func s(_ x: Double) -> String { String(format: "%.3f s", x) }
        return """
            graph:                \(Formatting.group(nodes)) nodes, \(Formatting.group(edges)) edges
            read store columns:   \(s(readSeconds))
            read graph cache:     \(cacheReadSeconds.map(s) ?? "n/a")
            build CSR graph:      \(s(buildSeconds))
            descendants (BFS):    \(s(descendantsSeconds))  family \(largestFamily), \(Formatting.group(largestFamilyDescendants)) descendants
            descendants (query):  \(s(descendantsQuerySeconds))  with totals, ordering and 50 paths
            reach of every root:  \(s(reachAllRootsSeconds))  \(Formatting.group(roots)) roots
            graph memory:         \(String(format: "%.1f", Double(graphBytes) / 1_048_576)) MB, \(String(format: "%.1f", bytesPerNodeAndEdge)) bytes per node+edge
            peak RSS:             \(peakRSSMegabytes.map { String(format: "%.1f MB", $0) } ?? "n/a")
            RESULT nodes=\(nodes) edges=\(edges) read_s=\(String(format: "%.3f", readSeconds)) cache_read_s=\(cacheReadSeconds.map { String(format: "%.3f", $0) } ?? "n/a") \
            build_s=\(String(format: "%.3f", buildSeconds)) descendants_s=\(String(format: "%.3f", descendantsSeconds)) \
            reach_all_roots_s=\(String(format: "%.3f", reachAllRootsSeconds)) bytes_per_node_edge=\(String(format: "%.1f", bytesPerNodeAndEdge)) \
            peak_rss_mb=\(peakRSSMegabytes.map { String(format: "%.1f", $0) } ?? "n/a")
            """
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// VmHWM from /proc/self/status, in MB.
    private static func peakRSS() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kb / 1024
    }
}
