import LineageAnalysis
import LineageCatalog
import LineageGraph
import LineageMaps
import LineageSupport

/// What `lineage export` writes: the whole store, a target's lineage or a question's answer.
extension LineageQueries {
    /// Every node of the store, every edge.
    /// - Throws: `LineageError` when the store holds no model (nothing is written then).
    public func exportSelection() throws(LineageError) -> ExportSelection {
        guard graph.nodeCount > 0 else { throw LineageError("the store holds no model; nothing to export, nothing written") }
        return ExportSelection(description: "the whole store", members: nil, nodeCount: graph.nodeCount)
    }

    /// What `word` names (a family from its roots, a namespace's models, a model, an imported project's
    /// models) and everything derived from it along `relations`, down to `maxDepth`; with `withAncestors`,
    /// the ancestors of those seeds too. Edges are the graph's edges between the nodes chosen, of `relations`.
    /// - Throws: `LineageError` when the word names nothing (with close matches).
    /// - Complexity: O(n / 8) for the member set, plus the traversals: O(v + e) for the v nodes reached.
    public func exportSelection(
        of word: String, relations: RelationMask = .all, maxDepth: Int? = nil, withAncestors: Bool = false
    ) throws(LineageError) -> ExportSelection {
        if let maxDepth, maxDepth < 0 { throw LineageError("--max-depth must be 0 or more") }
        let (target, seeds) = try resolve(word)
        var members = NodeBitset(capacity: graph.nodeCount)
        var count = 0
        for v in graph.descendants(of: seeds, relations: relations, maxDepth: maxDepth).nodes where members.insert(v) { count += 1 }
        if withAncestors {
            for v in graph.ancestors(of: seeds, relations: relations).nodes where members.insert(v) { count += 1 }
        }
        let what = target.text + (withAncestors ? " with its ancestors" : "")
        return ExportSelection(description: what, members: members, relations: relations, nodeCount: count)
    }

    /// The models a question's answer is about, as its lineage map would show them with no node limit:
    /// the target's descendants that pass the question's filters (country, kind, relations, depth, date,
    /// downloads), every node on the way down to them, and a model target's ancestors.
    /// - Throws: `LineageError` when the question names no lineage or nothing passes its filters.
    /// - Complexity: that of `MapSelection` over the target's descendants, plus O(k + e) for the k nodes drawn.
    public func exportSelection(question: LineageQuery, text: String, registry: OrganizationRegistry) throws(LineageError) -> ExportSelection {
        let unlimited = MapRequest(maxNodes: max(1, graph.nodeCount))
        let map = try self.map(
            question: question, request: unlimited, overrides: { r in var r = r; r.maxNodes = unlimited.maxNodes; return r },
            lookups: MapLookups(registry: registry), snapshot: "")
        var members = NodeBitset(capacity: graph.nodeCount)
        var count = 0
        for node in map.selection.nodes where members.insert(node.node) { count += 1 }
        let relations = question.relations.map { RelationMask($0) } ?? .all
        return ExportSelection(description: "question \(MessageText.quote(text))", members: members, relations: relations, nodeCount: count)
    }
}
