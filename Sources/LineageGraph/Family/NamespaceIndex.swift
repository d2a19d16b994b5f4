/// Nodes grouped by the lowercased namespace of their Hub id (the part before the first `/`; `""` for
/// names without one), as a CSR: what `FamilyResolver` looks namespaces up in.
///
/// It depends on the names only, so a store's graph cache keeps it beside them and the resolver is then
/// built without hashing every name again.
public struct NamespaceIndex: Sendable, Equatable {
    /// Lowercased namespace of each namespace number, in order of first appearance.
    public let keys: [String]
    /// Nodes of namespace k are `nodes[offsets[k]..<offsets[k+1]]`, ascending.
    public let offsets: [Int32]
    public let nodes: [Int32]

    /// Groups `names` by namespace: one hash lookup per name, then a counting sort.
    /// - Complexity: O(total length of names).
    public init(names: [String]) {
        var numbers: [String: Int32] = [:]
        var keys: [String] = []
        var numberOfNode = [Int32]()
        numberOfNode.reserveCapacity(names.count)
        for name in names {
            let key = FamilyResolver.lowercasedKey(FamilyResolver.namespace(of: name) ?? "")
            if let k = numbers[key] {
                numberOfNode.append(k)
            } else {
                let k = Int32(keys.count)
                numbers[key] = k
                keys.append(key)
                numberOfNode.append(k)
            }
        }
        var offsets = [Int32](repeating: 0, count: keys.count + 1)
        for k in numberOfNode { offsets[Int(k) + 1] += 1 }
        for k in 0..<keys.count { offsets[k + 1] += offsets[k] }
        var cursor = offsets
        var grouped = [Int32](repeating: 0, count: names.count)
        for (v, k) in numberOfNode.enumerated() {
            grouped[Int(cursor[Int(k)])] = Int32(v)
            cursor[Int(k)] += 1
        }
        self.keys = keys
        self.offsets = offsets
        self.nodes = grouped
    }

    /// An index read back from storage; nil unless it is well formed for `nodeCount` nodes (offsets
    /// from 0 to `nodeCount`, never decreasing; nodes in range).
    /// - Complexity: O(keys + nodes).
    public init?(keys: [String], offsets: [Int32], nodes: [Int32], nodeCount: Int) {
        guard offsets.count == keys.count + 1, nodes.count == nodeCount, offsets.first == 0,
              offsets.last.map(Int.init) == nodeCount
        else { return nil }
        var previous: Int32 = 0
        for o in offsets {
            guard o >= previous else { return nil }
            previous = o
        }
        guard nodes.allSatisfy({ $0 >= 0 && Int($0) < nodeCount }) else { return nil }
        self.keys = keys
        self.offsets = offsets
        self.nodes = nodes
    }
}
