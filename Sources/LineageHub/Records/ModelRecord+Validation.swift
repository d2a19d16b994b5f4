extension ModelRecord {
    /// Why the record's id, one of its parents' ids or one of its arXiv ids cannot be an id (see
    /// `HubID.problem`), or nil.
    /// - Complexity: O(length of the ids).
    public func idProblem() -> String? {
        if let problem = HubID.problem(id, field: "\"id\"") { return problem }
        for parent in parents ?? [] {
            if let problem = HubID.problem(parent.id, field: "parent id") { return problem }
        }
        for paper in papers {
            if let problem = HubID.problem(paper, field: "arXiv id") { return problem }
        }
        return nil
    }
}
