import LineageGraph

/// The CSV input formats: typed edge lists, node lists and `list_models` exports.
enum CSVFormats {
    /// Columns located by header name (case-insensitive), so column order and extra columns do not matter.
    struct Header {
        let indexes: [String: Int]
        let count: Int

        init(_ fields: [String]) {
            var indexes: [String: Int] = [:]
            for (i, name) in fields.enumerated() {
                let key = Substring(name).trimmingSpaces().lowercased()
                if indexes[key] == nil { indexes[key] = i }
            }
            self.indexes = indexes
            count = fields.count
        }

        func index(_ names: String...) -> Int? {
            for name in names { if let i = indexes[name] { return i } }
            return nil
        }
    }

    static func cell(_ fields: [String], _ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let value = Substring(fields[index]).trimmingSpaces()
        return value.isEmpty ? nil : String(value)
    }

    /// Reads all rows after the header, reporting bad rows through the parser's skip policy.
    static func rows(
        _ bytes: [UInt8], path: String, parser: HubFileParser, report: inout HubFileParser.Report,
        required: [[String]],
        row: (Header, [String], Int) throws(HubParseError) -> Void
    ) throws {
        var reader = CSVReader(bytes: bytes)
        let headerRow: (fields: [String], line: Int)?
        do { headerRow = try reader.nextRow() } catch { throw HubParseError(path: path, line: error.line, message: error.message) }
        guard let headerRow else { throw HubParseError(path: path, line: 0, message: "the file is empty") }
        let header = Header(headerRow.fields)
        for names in required where names.allSatisfy({ header.indexes[$0] == nil }) {
            throw HubParseError(path: path, line: headerRow.line, message: "missing column \"\(names[0])\" in the header")
        }
        while true {
            let next: (fields: [String], line: Int)?
            do { next = try reader.nextRow() } catch {
                // An unterminated quote swallows the rest of the file: it cannot be skipped.
                throw HubParseError(path: path, line: error.line, message: error.message)
            }
            guard let (fields, line) = next else { break }
            if fields.count != header.count {
                try parser.problem(HubParseError(path: path, line: line, message: "expected \(header.count) fields, found \(fields.count)"), in: &report)
                continue
            }
            do { try row(header, fields, line) } catch { try parser.problem(error, in: &report) }
        }
    }

    // MARK: - Edge list

    /// `source,target,edge`: one record per target, its parents in file order; an empty type is inferred.
    /// Targets are models Lineage has a record of; sources that are never targets become external parents.
    static func parseEdgeList(
        _ bytes: [UInt8], path: String, parser: HubFileParser, report: inout HubFileParser.Report
    ) throws -> (records: [ModelRecord], edges: Int) {
        var order: [String] = []
        var byChild: [String: ModelRecord] = [:]
        var edges = 0
        try rows(bytes, path: path, parser: parser, report: &report, required: [["source"], ["target"]]) { (header, fields, line) throws(HubParseError) in
            let relationIndex = header.index("edge", "relation", "type")
            guard let source = cell(fields, header.index("source")).flatMap(HubID.normalize),
                  let target = cell(fields, header.index("target")).flatMap(HubID.normalize)
            else { throw HubParseError(path: path, line: line, message: "empty source or target") }
            if let problem = HubID.problem(source, field: "source") ?? HubID.problem(target, field: "target") {
                throw HubParseError(path: path, line: line, message: problem)
            }
            let relationName = cell(fields, relationIndex) ?? ""
            guard let relation = Relation(hubName: relationName) else {
                throw HubParseError(path: path, line: line, message: "unknown relation \(MessageText.quote(relationName)) (expected finetuned, adapter, quantized or merged)")
            }
            let key = HubID.key(target)
            if byChild[key] == nil {
                order.append(key)
                byChild[key] = ModelRecord(id: target, author: HubID.namespace(of: target).map(String.init), parents: [], line: line)
            }
            LineageEvidence.merge(id: source, relation: relation, into: &byChild[key]!.parents!)
            edges += 1
        }
        // Rows without a type are typed from what an edge list has: the child's name and its parent count.
        let records = order.map { key in
            var record = byChild[key]!
            RelationInference.apply(to: &record.parents!, childID: record.id, libraryName: nil, evidence: [])
            return record
        }
        return (records, edges)
    }

    // MARK: - Node list

    /// `id,type,owner,architecture`: records that say nothing about lineage (`parents == nil`).
    static func parseNodeList(
        _ bytes: [UInt8], path: String, parser: HubFileParser, report: inout HubFileParser.Report
    ) throws -> [ModelRecord] {
        var records: [ModelRecord] = []
        try rows(bytes, path: path, parser: parser, report: &report, required: [["id", "modelid"]]) { (header, fields, line) throws(HubParseError) in
            guard let id = cell(fields, header.index("id", "modelid")).flatMap(HubID.normalize) else {
                throw HubParseError(path: path, line: line, message: "empty id")
            }
            if let problem = HubID.problem(id, field: "id") { throw HubParseError(path: path, line: line, message: problem) }
            records.append(ModelRecord(
                id: id,
                author: cell(fields, header.index("owner", "author")) ?? HubID.namespace(of: id).map(String.init),
                architecture: cell(fields, header.index("architecture")),
                parents: nil, line: line))
        }
        return records
    }

    // MARK: - list_models CSV

    /// `modelId, author, downloads, lastModified, tags, pipeline_tag, …` with `tags` a Python-style list.
    static func parseListModels(
        _ bytes: [UInt8], path: String, parser: HubFileParser, report: inout HubFileParser.Report
    ) throws -> [ModelRecord] {
        var records: [ModelRecord] = []
        try rows(bytes, path: path, parser: parser, report: &report, required: [["modelid", "id"], ["tags"]]) { (header, fields, line) throws(HubParseError) in
            guard let id = cell(fields, header.index("modelid", "id")).flatMap(HubID.normalize) else {
                throw HubParseError(path: path, line: line, message: "empty modelId")
            }
            if let problem = HubID.problem(id, field: "modelId") { throw HubParseError(path: path, line: line, message: problem) }
            /// A count column: a whole number from 0 to 2^53 (as `hub-json` counts).
            func count(_ names: String...) throws(HubParseError) -> Int64? {
                for name in names {
                    guard let text = cell(fields, header.index(name)) else { continue }
                    let number = Int64(text).map(Double.init) ?? Double(text)
                    guard let number, !number.isNaN else {
                        throw HubParseError(path: path, line: line, message: "\"\(name)\" must be a number, found \(MessageText.quote(text, limit: 30))")
                    }
                    guard number >= 0, number <= Double(JSONScanner.maxCount), let value = Int64(text) ?? Int64(exactly: number.rounded(.towardZero)) else {
                        throw HubParseError(path: path, line: line, message: "\"\(name)\" must be a count from 0 to 2^53, found \(MessageText.quote(text, limit: 30))")
                    }
                    return value
                }
                return nil
            }
            func timestamp(_ names: String...) throws(HubParseError) -> Int64? {
                for name in names {
                    guard let text = cell(fields, header.index(name)) else { continue }
                    guard let value = HubTimestamp.parse(text) else {
                        throw HubParseError(path: path, line: line, message: "\"\(name)\" is not a timestamp: \(MessageText.quote(text, limit: 40))")
                    }
                    return value
                }
                return nil
            }
            var evidence = LineageEvidence()
            let tags: [String]
            do throws(PythonListLiteral.SyntaxError) { tags = try PythonListLiteral.parseStrings(cell(fields, header.index("tags")) ?? "") } catch {
                throw HubParseError(path: path, line: line, message: error.message)
            }
            for tag in tags { evidence.add(tag: tag) }
            let libraryName = cell(fields, header.index("library_name", "libraryname"))
            var parents = evidence.tagParents
            RelationInference.apply(to: &parents, childID: id, libraryName: libraryName, evidence: evidence.relationEvidence)
            let record = ModelRecord(
                id: id,
                author: cell(fields, header.index("author")) ?? HubID.namespace(of: id).map(String.init),
                createdAt: try timestamp("createdat", "created_at"),
                lastModified: try timestamp("lastmodified", "last_modified"),
                downloads: try count("downloads"),
                downloadsAllTime: try count("downloadsalltime", "downloads_all_time"),
                likes: try count("likes"),
                pipelineTag: cell(fields, header.index("pipeline_tag", "pipelinetag")),
                libraryName: libraryName,
                license: evidence.license,
                parents: parents,
                papers: evidence.papers,
                line: line)
            if let problem = record.idProblem() { throw HubParseError(path: path, line: line, message: problem) }
            records.append(record)
        }
        return records
    }
}
