import Foundation
import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageStore
import LineageSupport
import LineageSynth

/// Lineage's side of `Benchmarks/run.sh`: graph load, descendants of the largest family grouped by
/// author, and reach of every root, timed in one process; optionally the same graph exported as CSV for
/// the peer scripts (networkx, igraph, DuckDB), so that every tool answers the same question on the
/// same edges. Not a test.
///
/// "Descendants of the largest family" means every node reachable from the family's roots, roots
/// included (the family's members); "grouped by author" means a count per author namespace (models
/// with no author, such as external parents, count under the empty name).
public struct ComparisonBenchmark: Sendable, Codable {
    public struct AuthorCount: Sendable, Codable, Equatable {
        public var author: String
        public var models: Int
    }

    public var nodes: Int
    public var edges: Int
    /// Step 2: store → in-memory graph (`LoadedGraph(store:)`).
    public var loadSeconds: Double
    /// Resident memory right after the load, MB.
    public var loadedRSSMegabytes: Double?
    public var family: String
    public var familyRoots: Int
    /// Step 3: members found, distinct authors among them, and the five largest groups.
    public var members: Int
    public var authors: Int
    public var topAuthors: [AuthorCount]
    /// Step 3 timings over `repeats` runs: best and median.
    public var repeats: Int
    public var descendantsByAuthorSeconds: Double
    public var descendantsByAuthorMedianSeconds: Double
    /// Step 4: `reachOfAllRoots` once.
    public var roots: Int
    public var reachAllRootsSeconds: Double
    /// Bytes of the graph's arrays per node + edge (both CSRs and the node columns).
    public var graphMegabytes: Double
    /// Peak resident memory of the process (VmHWM), MB.
    public var peakRSSMegabytes: Double?

    /// Runs steps 2–4 on `store`. The family is the catalog family with most members (found once,
    /// untimed) unless `family` names one. With `exportDirectory`, writes `nodes.csv` (`idx,id,author`),
    /// `edges.csv` (`parent,child,relation`, the graph's deduplicated edges without self-loops) and
    /// `roots.csv` (`idx`) there afterwards, untimed.
    /// - Complexity: O(n + e) for the load and each query repeat, plus one BFS per root for reach.
    public static func run(
        store: LineageStore, catalog: FamilyCatalog, family requested: String? = nil, repeats: Int = 5,
        exportDirectory: String? = nil
    ) throws -> ComparisonBenchmark {
        let clock = ContinuousClock()
        var start = clock.now
        let loaded = try LoadedGraph(store: store)
        let loadSeconds = seconds(clock.now - start)
        let loadedRSS = rss("VmRSS:")
        let graph = loaded.graph

        let queries = LineageQueries(loaded: loaded, catalog: catalog)
        let index: Int
        if let requested {
            guard let i = catalog.index(ofID: requested) else { throw LineageError("no family '\(requested)'; see lineage families") }
            index = i
        } else {
            let membership = FamilyMembership(graph: graph, familyRoots: queries.familyRoots)
            index = (0..<membership.familyCount).max {
                (membership.memberCount(ofFamily: $0), $1) < (membership.memberCount(ofFamily: $1), $0)
            } ?? 0
        }
        guard index < queries.familyRoots.count else { throw LineageError("the catalog has no families") }
        let seeds = queries.familyRoots[index]

        // Step 3, repeated; the grouping reuses one counter array and resets only what it touched.
        let authorIds = loaded.data.authorIndex
        let authorCount = loaded.data.authors.count
        var counts = [Int32](repeating: 0, count: authorCount + 1)
        var touched: [Int32] = []
        var scratch = TraversalScratch(nodeCount: graph.nodeCount)
        var timings: [Double] = []
        var groups: [(Int32, Int32)] = []
        var members = 0
        for _ in 0..<max(1, repeats) {
            start = clock.now
            let result = graph.descendants(of: seeds, scratch: &scratch)
            touched.removeAll(keepingCapacity: true)
            for node in result.nodes {
                let a = authorIds[Int(node)]
                let slot = a < 0 ? authorCount : Int(a)
                if counts[slot] == 0 { touched.append(Int32(slot)) }
                counts[slot] += 1
            }
            groups = touched.map { ($0, counts[Int($0)]) }
            for t in touched { counts[Int(t)] = 0 }
            timings.append(seconds(clock.now - start))
            members = result.count
        }
        let authorName = { (slot: Int32) in Int(slot) == authorCount ? "" : loaded.data.authors[Int(slot)] }
        let top = groups.sorted { ($0.1, authorName($1.0)) > ($1.1, authorName($0.0)) }.prefix(5)
            .map { AuthorCount(author: authorName($0.0), models: Int($0.1)) }

        start = clock.now
        let all = graph.reachOfAllRoots()
        let reachSeconds = seconds(clock.now - start)

        let n = graph.nodeCount, e = graph.edgeCount
        let bytes = 2 * (4 * (n + 1) + 4 * e + e) + n * (1 + 4 + 8 + 8 + 8 + 4)
        let sorted = timings.sorted()
        let report = ComparisonBenchmark(
            nodes: n, edges: e, loadSeconds: loadSeconds, loadedRSSMegabytes: loadedRSS,
            family: catalog.entries[index].id, familyRoots: seeds.count, members: members, authors: groups.count,
            topAuthors: Array(top), repeats: timings.count, descendantsByAuthorSeconds: sorted.first ?? 0,
            descendantsByAuthorMedianSeconds: sorted[sorted.count / 2], roots: all.roots.count,
            reachAllRootsSeconds: reachSeconds, graphMegabytes: Double(bytes) / 1_048_576, peakRSSMegabytes: rss("VmHWM:"))
        if let exportDirectory { try export(loaded: loaded, seeds: seeds, to: exportDirectory) }
        return report
    }

    /// Writes `nodes.csv`, `edges.csv` and `roots.csv` for the peer scripts.
    /// - Complexity: O(n + e).
    public static func export(loaded: LoadedGraph, seeds: [Int32], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = loaded.data, graph = loaded.graph
        var out: [UInt8] = Array("idx,id,author\n".utf8)
        out.reserveCapacity(data.nodeCount * 48)
        for i in 0..<data.nodeCount {
            SyntheticHubWriter.appendInteger(i, to: &out)
            out.append(UInt8(ascii: ","))
            appendCSVField(data.names[i], to: &out)
            out.append(UInt8(ascii: ","))
            let a = data.authorIndex[i]
            if a >= 0 { appendCSVField(data.authors[Int(a)], to: &out) }
            out.append(UInt8(ascii: "\n"))
        }
        try write(out, to: "\(directory)/nodes.csv")
        out = Array("parent,child,relation\n".utf8)
        for parent in 0..<graph.nodeCount {
            for k in Int(graph.childOffsets[parent])..<Int(graph.childOffsets[parent + 1]) {
                SyntheticHubWriter.appendInteger(parent, to: &out)
                out.append(UInt8(ascii: ","))
                SyntheticHubWriter.appendInteger(Int(graph.childTargets[k]), to: &out)
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: graph.childRelations[k].name.utf8)
                out.append(UInt8(ascii: "\n"))
            }
        }
        try write(out, to: "\(directory)/edges.csv")
        out = Array("idx\n".utf8)
        for s in seeds {
            SyntheticHubWriter.appendInteger(Int(s), to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        try write(out, to: "\(directory)/roots.csv")
    }

    private static func appendCSVField(_ s: String, to out: inout [UInt8]) {
        if s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) {
            out.append(UInt8(ascii: "\""))
            for b in s.utf8 {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: s.utf8)
        }
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw LineageError("\(path): cannot write the export file")
        }
    }

    /// The figures, one per line, then one `RESULT key=value …` line for scripts.
    public var text: String {
        func s(_ x: Double) -> String { String(format: "%.4f", x) }
        func mb(_ x: Double?) -> String { x.map { String(format: "%.1f", $0) } ?? "n/a" }
        return """
            graph:                      \(Formatting.group(nodes)) nodes, \(Formatting.group(edges)) edges, arrays \(String(format: "%.1f", graphMegabytes)) MB
            load (store → graph):       \(s(loadSeconds)) s, RSS after load \(mb(loadedRSSMegabytes)) MB
            descendants + by author:    best \(s(descendantsByAuthorSeconds)) s, median \(s(descendantsByAuthorMedianSeconds)) s of \(repeats); \
            family \(family) (\(familyRoots) roots): \(Formatting.group(members)) members, \(Formatting.group(authors)) authors
            top authors:                \(topAuthors.map { "\($0.author.isEmpty ? "(none)" : $0.author) \($0.models)" }.joined(separator: ", "))
            reach of every root:        \(s(reachAllRootsSeconds)) s, \(Formatting.group(roots)) roots
            peak RSS:                   \(mb(peakRSSMegabytes)) MB
            RESULT nodes=\(nodes) edges=\(edges) load_s=\(s(loadSeconds)) loaded_rss_mb=\(mb(loadedRSSMegabytes)) \
            family=\(family) members=\(members) authors=\(authors) descendants_by_author_s=\(s(descendantsByAuthorSeconds)) \
            descendants_by_author_median_s=\(s(descendantsByAuthorMedianSeconds)) reach_all_roots_s=\(s(reachAllRootsSeconds)) \
            roots=\(roots) peak_rss_mb=\(mb(peakRSSMegabytes))
            """
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// A memory line (`VmRSS:`, `VmHWM:`) of /proc/self/status, in MB.
    private static func rss(_ key: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kb / 1024
    }
}
