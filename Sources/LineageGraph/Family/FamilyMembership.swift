/// Which nodes belong to which families, in both directions, as two CSR arrays.
///
/// Members of a family are its roots and every descendant of them, counted once. Families
/// overlap: a merge of a Llama and a Qwen model belongs to both, and `families(of:)` lists both.
public struct FamilyMembership: Sendable, Equatable {
    public let nodeCount: Int
    /// Members of family f are `memberIds[memberOffsets[f]..<memberOffsets[f+1]]`, ascending.
    private let memberOffsets: [Int]
    private let memberIds: [Int32]
    /// Families of node v are `familyIds[familyOffsets[v]..<familyOffsets[v+1]]`, ascending.
    private let familyOffsets: [Int32]
    private let familyIds: [Int32]

    /// Memberships of the families whose roots are `familyRoots[f]`.
    /// - Complexity: O(Σ_f (m_f log m_f + e_f)) for family sizes m_f and their edges e_f, plus O(n).
    public init(graph: LineageGraph, familyRoots: [[Int32]], relations: RelationMask = .all) {
        nodeCount = graph.nodeCount
        var scratch = TraversalScratch(nodeCount: graph.nodeCount)
        var offsets = [0]
        var ids: [Int32] = []
        var perNode = [Int32](repeating: 0, count: graph.nodeCount + 1)
        for roots in familyRoots {
            var members = graph.descendants(of: roots, relations: relations, scratch: &scratch).nodes
            members.sort()
            for v in members { perNode[Int(v) + 1] += 1 }
            ids += members
            offsets.append(ids.count)
        }
        for v in 0..<graph.nodeCount { perNode[v + 1] += perNode[v] }
        var cursor = perNode.map { Int($0) }
        var families = [Int32](repeating: 0, count: ids.count)
        for f in 0..<familyRoots.count {  // ascending f: each node's families come out sorted
            for v in ids[offsets[f]..<offsets[f + 1]] {
                families[cursor[Int(v)]] = Int32(f)
                cursor[Int(v)] += 1
            }
        }
        memberOffsets = offsets
        memberIds = ids
        familyOffsets = perNode
        familyIds = families
    }

    /// Memberships of every family of `resolver`, family index f matching `resolver.families[f]`.
    /// - Complexity: as `init(graph:familyRoots:relations:)`.
    public init(graph: LineageGraph, resolver: FamilyResolver, relations: RelationMask = .all) {
        self.init(graph: graph, familyRoots: resolver.families.indices.map(resolver.roots(ofFamily:)), relations: relations)
    }

    public var familyCount: Int { memberOffsets.count - 1 }

    /// Members of family `f` (roots included), ascending.
    public func members(ofFamily f: Int) -> ArraySlice<Int32> { memberIds[memberOffsets[f]..<memberOffsets[f + 1]] }

    /// Number of members of family `f`.
    public func memberCount(ofFamily f: Int) -> Int { memberOffsets[f + 1] - memberOffsets[f] }

    /// Indices of the families `node` belongs to, ascending.
    public func families(of node: Int32) -> ArraySlice<Int32> {
        familyIds[Int(familyOffsets[Int(node)])..<Int(familyOffsets[Int(node) + 1])]
    }

    /// Whether `node` is a member of family `f`.
    /// - Complexity: O(number of families of `node`).
    public func isMember(_ node: Int32, ofFamily f: Int) -> Bool { families(of: node).contains(Int32(f)) }
}
