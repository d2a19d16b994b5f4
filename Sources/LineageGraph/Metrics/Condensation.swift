/// The strongly connected components of a `LineageGraph`, numbered in topological order.
///
/// Collapsing each component to one vertex gives a DAG (the condensation). Component ids are
/// topological: for every edge u→v between different components, `component(of: u) <
/// component(of: v)`, so a single ascending sweep over components sees every parent component
/// before its children. Members of a component are stored ascending in one CSR.
public struct Condensation: Sendable, Equatable {
    /// Component id of each node.
    public let componentOf: [Int32]
    /// Members of component `c` are `members[memberOffsets[c]..<memberOffsets[c+1]]`, ascending.
    public let memberOffsets: [Int32]
    public let members: [Int32]

    init(componentOf: [Int32], componentCount: Int) {
        self.componentOf = componentOf
        var offsets = [Int32](repeating: 0, count: componentCount + 1)
        for c in componentOf { offsets[Int(c) + 1] += 1 }
        for c in 0..<componentCount { offsets[c + 1] += offsets[c] }
        var cursor = offsets.map { Int($0) }
        var members = [Int32](repeating: 0, count: componentOf.count)
        for v in componentOf.indices {  // ascending v: members come out sorted
            let c = Int(componentOf[v])
            members[cursor[c]] = Int32(v)
            cursor[c] += 1
        }
        self.memberOffsets = offsets
        self.members = members
    }

    /// Number of components (n for an acyclic graph).
    public var componentCount: Int { memberOffsets.count - 1 }

    /// Component id of `node`.
    @inline(__always)
    public func component(of node: Int32) -> Int32 { componentOf[Int(node)] }

    /// Members of component `c`, ascending.
    public func members(of component: Int32) -> ArraySlice<Int32> {
        members[Int(memberOffsets[Int(component)])..<Int(memberOffsets[Int(component) + 1])]
    }

    /// Number of members of component `c`.
    public func size(of component: Int32) -> Int {
        Int(memberOffsets[Int(component) + 1] - memberOffsets[Int(component)])
    }

    /// Whether every component is a single node (the graph has no cycle besides dropped self-loops).
    public var isAcyclic: Bool { componentCount == componentOf.count }
}
