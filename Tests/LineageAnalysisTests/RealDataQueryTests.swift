import Foundation
import LineageKit
import LineageTestSupport
import Testing

/// Checks the engine on the real dependency network against a naive pass written here with plain
/// dictionaries and sets. Skipped (visibly) when the data set is not on this machine.
private let dependencyNetwork = "/work/shared/hubdata/dep-network-2025-06"
private let dependencyNetworkAvailable = ["edges.csv", "models.csv"].allSatisfy {
    FileManager.default.fileExists(atPath: dependencyNetwork + "/" + $0)
}

@Suite("Queries on the real dependency network", .enabled(if: dependencyNetworkAvailable, "needs \(dependencyNetwork)/edges.csv and models.csv"))
struct RealDataQueryTests {
    static let edges = dependencyNetwork + "/edges.csv"
    static let models = dependencyNetwork + "/models.csv"

    let directory = TemporaryDirectory()

    /// parent → children, keyed by lowercased Hub id (the store compares ids case-insensitively).
    static func naiveChildren() throws -> [String: Set<String>] {
        let text = try String(contentsOfFile: edges, encoding: .utf8)
        var children: [String: Set<String>] = [:]
        // CRLF is one Character in Swift, so split on Unicode scalars rather than Characters.
        let lines = text.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .whitespacesAndNewlines) }
        for line in lines.dropFirst() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).lowercased() }
            guard cells.count >= 2, !cells[0].isEmpty, !cells[1].isEmpty, cells[0] != cells[1] else { continue }
            children[cells[0], default: []].insert(cells[1])
        }
        return children
    }

    /// Descendant count and deepest BFS depth below `root`.
    static func naiveBFS(_ root: String, _ children: [String: Set<String>]) -> (count: Int, depth: Int) {
        var seen: Set<String> = [root]
        var frontier = [root]
        var depth = 0
        while true {
            var next: [String] = []
            for v in frontier { for w in children[v] ?? [] where seen.insert(w).inserted { next.append(w) } }
            if next.isEmpty { break }
            depth += 1
            frontier = next
        }
        return (seen.count - 1, depth)
    }

    /// Longest path (edges) from `root`, by memoised DFS; nil when a cycle is met.
    static func naiveLongestPath(_ root: String, _ children: [String: Set<String>]) -> Int? {
        var memo: [String: Int] = [:]
        var onPath = Set<String>()
        var cyclic = false
        func visit(_ v: String) -> Int {
            if let known = memo[v] { return known }
            if !onPath.insert(v).inserted { cyclic = true; return 0 }
            var best = 0
            for w in children[v] ?? [] { best = max(best, visit(w) + 1) }
            onPath.remove(v)
            memo[v] = best
            return best
        }
        let result = visit(root)
        return cyclic ? nil : result
    }

    @Test func fiveLargestRootsMatchANaivePass() throws {
        let children = try Self.naiveChildren()
        let hasParent = Set(children.values.flatMap { $0 })
        let roots = children.keys.filter { !hasParent.contains($0) }
        let sized = roots.map { ($0, Self.naiveBFS($0, children)) }
            .sorted { ($0.1.count, $1.0) > ($1.1.count, $0.0) }
        let largest = Array(sized.prefix(5))
        #expect(largest.count == 5)

        let store = try LineageStore.openOrCreate(path: directory.file("deps.sqlite"))
        _ = try Ingestor().ingest(paths: [Self.edges, Self.models], into: store)
        // The naive pass knows nothing of re-uploads linked by name: compare the graph as stored.
        let queries = LineageQueries(loaded: try LoadedGraph(store: store), catalog: try FamilyCatalog.load(), linkReuploads: false)
        let reach = queries.reach(by: .root)
        #expect(reach.total == roots.count)
        let engineTop = reach.entries.prefix(5).map { ($0.key.lowercased(), $0.descendants) }
        #expect(engineTop.map(\.0) == largest.map(\.0))
        #expect(engineTop.map(\.1) == largest.map(\.1.count))

        for (root, naive) in largest {
            let report = try queries.descendants(of: root, limit: 0)
            #expect(report.total == naive.count, "\(root)")
            #expect(report.deepest == naive.depth, "\(root)")
            let entry = try #require(reach.entries.first { $0.key.lowercased() == root })
            #expect(entry.maxDepth == naive.depth, "\(root)")
            if let longest = Self.naiveLongestPath(root, children) {
                #expect(entry.maxGeneration == longest, "\(root)")
            }
        }
    }
}
