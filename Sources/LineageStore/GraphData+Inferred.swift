import LineageGraph

extension GraphData {
    /// Appends edges inferred after loading (re-upload links), each `child` → `parent` with `relation`.
    ///
    /// `provenance` names the rule (`inferred:reupload`, an `EdgeProvenance` name); the edges are never
    /// written to the store.
    /// - Complexity: O(k) for k edges.
    public mutating func addInferredEdges(_ edges: [(child: Int32, parent: Int32, relation: Relation)], provenance: String) {
        let code = EdgeProvenance(name: provenance).flatMap { $0.isInferred ? $0 : nil } ?? .otherInferred
        if edgeProvenance.count < edgeCount {
            edgeProvenance += [EdgeProvenance](repeating: .declared, count: edgeCount - edgeProvenance.count)
        }
        for edge in edges {
            edgeChildren.append(edge.child)
            edgeParents.append(edge.parent)
            edgeRelations.append(edge.relation)
            edgeProvenance.append(code)
        }
    }
}
