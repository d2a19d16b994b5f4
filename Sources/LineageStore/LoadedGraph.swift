import LineageGraph

/// The current lineage graph of a store, in memory: the engine's compact graph plus the names it needs.
public struct LoadedGraph: Sendable {
    public let data: GraphData
    public let graph: LineageGraph

    /// Reads the store's nodes and current edges (from its graph cache when valid) and builds the CSR graph.
    /// - Complexity: O(nodes + edges).
    public init(store: LineageStore) throws {
        self.init(data: try store.graphData())
    }

    /// Builds the CSR graph over columns already read.
    /// - Complexity: O(nodes + edges).
    public init(data: GraphData) {
        let columns = NodeColumns(
            kinds: data.isExternal.map { $0 ? .external : .model },
            authorIds: data.authorIndex, created: data.createdAt,
            downloads: data.downloads, downloadsAllTime: data.downloadsAllTime, likes: data.likes)
        self.data = data
        graph = LineageGraph(
            nodeCount: data.nodeCount, children: data.edgeChildren, parents: data.edgeParents,
            relations: data.edgeRelations, columns: columns)
    }

    public func name(_ node: Int32) -> String { data.names[Int(node)] }
}
