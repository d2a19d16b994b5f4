import LineageGraph

extension CSVFormats {
    /// A weekly change list `Model ID, Type, Base Model` (the MSC-empirical weekly additions and deletions):
    /// one record per row; `Type` is `finetune`, `adapter`, `quantized`, `merge` or empty (no parent), and
    /// a merge's parents are comma-joined in one cell. An empty `Type` with a parent is inferred.
    /// - Complexity: O(bytes).
    static func parseWeekly(
        _ bytes: [UInt8], path: String, parser: HubFileParser, report: inout HubFileParser.Report
    ) throws -> [ModelRecord] {
        var records: [ModelRecord] = []
        let required = [["model id", "modelid", "id"], ["base model", "base_model"]]
        try rows(bytes, path: path, parser: parser, report: &report, required: required) { (header, fields, line) throws(HubParseError) in
            guard let id = cell(fields, header.index("model id", "modelid", "id")).flatMap(HubID.normalize) else {
                throw HubParseError(path: path, line: line, message: "empty Model ID")
            }
            if let problem = HubID.problem(id, field: "Model ID") { throw HubParseError(path: path, line: line, message: problem) }
            let typeName = cell(fields, header.index("type", "relation")) ?? ""
            guard let relation = Relation(hubName: typeName) else {
                let quoted = MessageText.quote(typeName, limit: 40)
                throw HubParseError(path: path, line: line, message: "unknown Type \(quoted) (expected finetune, adapter, quantized, merge or empty)")
            }
            var parents: [ParentLink] = []
            for part in (cell(fields, header.index("base model", "base_model")) ?? "").split(separator: ",") {
                guard let parent = HubID.normalize(String(part)) else { continue }
                if let problem = HubID.problem(parent, field: "Base Model") { throw HubParseError(path: path, line: line, message: problem) }
                LineageEvidence.merge(id: parent, relation: relation, into: &parents)
            }
            if parents.isEmpty, relation != .unknown {
                throw HubParseError(path: path, line: line, message: "Type \(relation.name) without a Base Model")
            }
            // An untyped row with parents is typed by the rule every untyped edge follows.
            if relation == .unknown {
                RelationInference.apply(to: &parents, childID: id, libraryName: nil, evidence: [])
            }
            records.append(ModelRecord(id: id, author: HubID.namespace(of: id).map(String.init), parents: parents, line: line))
        }
        return records
    }
}
