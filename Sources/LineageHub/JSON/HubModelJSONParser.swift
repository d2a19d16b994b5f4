#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineageGraph

/// Parses one Hub model object (the shape of `/api/models?full=true` and of the hub-stats dump).
///
/// Lineage comes from `baseModels`; else from `base_model:` tags; else from `cardData.base_model`
/// (a string or a list) with `cardData.base_model_relation`. `cardData` may be an object or a JSON
/// string holding one; it is only decoded when the first two sources are empty. Parents whose relation
/// none of these states are typed by `RelationInference` from the tags, the library and the name.
enum HubModelJSONParser {
    /// Parses the object starting at `scanner.position`, leaving the scanner after it.
    static func parseModel(_ scanner: inout JSONScanner, line: Int) throws(JSONScanError) -> ModelRecord {
        let objectStart = scanner.position
        var id: String?
        var modelId: String?
        var record = ModelRecord(id: "", line: line)
        var evidence = LineageEvidence()
        var baseModelParents: [ParentLink]?
        var cardData: (range: Range<Int>, isString: Bool, escaped: Bool)?

        try scanner.forEachMember { (s, key) throws(JSONScanError) in
            switch key.count {
            case 2 where s.matches(key, "id"):
                id = try s.readOptionalString(field: "id")
            case 6 where s.matches(key, "author"):
                record.author = try s.readOptionalString(field: "author")
            case 5 where s.matches(key, "likes"):
                record.likes = try s.readOptionalCount(field: "likes")
            case 4 where s.matches(key, "tags"):
                try readTags(&s, into: &evidence)
            case 7 where s.matches(key, "modelId"):
                modelId = try s.readOptionalString(field: "modelId")
            case 8 where s.matches(key, "cardData"):
                switch try s.peekKind() {
                case .null: try s.skipValue()
                case .object:
                    let start = s.position
                    try s.skipValue()
                    cardData = (start..<s.position, false, false)
                case .string:
                    let (range, escaped) = try s.readRawString()
                    cardData = (range, true, escaped)
                default: throw s.wrongType(field: "cardData", expected: "an object or a JSON string")
                }
            case 9 where s.matches(key, "createdAt"):
                record.createdAt = try s.readTimestamp(field: "createdAt")
            case 9 where s.matches(key, "downloads"):
                record.downloads = try s.readOptionalCount(field: "downloads")
            case 10 where s.matches(key, "baseModels"):
                baseModelParents = try readBaseModels(&s)
            case 11 where s.matches(key, "safetensors"):
                record.parameterCount = try readSafetensorsTotal(&s)
            case 12 where s.matches(key, "lastModified"):
                record.lastModified = try s.readTimestamp(field: "lastModified")
            case 12 where s.matches(key, "pipeline_tag"):
                record.pipelineTag = try s.readOptionalString(field: "pipeline_tag")
            case 12 where s.matches(key, "library_name"):
                record.libraryName = try s.readOptionalString(field: "library_name")
            case 16 where s.matches(key, "downloadsAllTime"):
                record.downloadsAllTime = try s.readOptionalCount(field: "downloadsAllTime")
            default:
                try s.skipValue()
            }
        }

        guard let modelID = (id ?? modelId).flatMap({ HubID.normalize($0) }) else {
            throw JSONScanError(offset: objectStart, message: "missing \"id\" (or \"modelId\")")
        }
        record.id = modelID
        if record.author == nil, let namespace = HubID.namespace(of: modelID) { record.author = String(namespace) }
        record.papers = evidence.papers
        record.license = evidence.license

        if let baseModelParents, !baseModelParents.isEmpty {
            record.parents = baseModelParents
        } else if !evidence.tagParents.isEmpty {
            record.parents = evidence.tagParents
        } else if let cardData {
            let (parents, license) = try readCardData(scanner, cardData)
            record.parents = parents
            if record.license == nil { record.license = license }
        } else {
            record.parents = []
        }
        if let problem = record.idProblem() { throw JSONScanError(offset: objectStart, message: problem) }
        RelationInference.apply(to: &record.parents!, childID: modelID, libraryName: record.libraryName, evidence: evidence.relationEvidence)
        return record
    }

    // MARK: - Fields


    private static func readTags(_ s: inout JSONScanner, into evidence: inout LineageEvidence) throws(JSONScanError) {
        if try s.consumeNull() { return }
        guard try s.peekKind() == .array else { throw s.wrongType(field: "tags", expected: "a list of strings") }
        try s.forEachElement { (s) throws(JSONScanError) in
            guard try s.peekKind() == .string else { throw s.wrongType(field: "tags", expected: "a list of strings") }
            let (range, escaped) = try s.readRawString()
            if escaped {
                var bytes = try s.unescape(range)
                bytes.withUnsafeMutableBufferPointer { evidence.add(tag: UnsafeBufferPointer($0)) }
            } else {
                evidence.add(tag: UnsafeBufferPointer(rebasing: s.bytes[range]))
            }
        }
    }

    /// `baseModels`: null, or `{relation, models: [{_id, id}]}` (a bare list of such objects is accepted too).
    private static func readBaseModels(_ s: inout JSONScanner) throws(JSONScanError) -> [ParentLink]? {
        switch try s.peekKind() {
        case .null:
            try s.skipValue()
            return nil
        case .array:
            return try readParentObjects(&s, relation: .unknown)
        case .object:
            var relation = Relation.unknown
            var ids: [String] = []
            try s.forEachMember { (s, key) throws(JSONScanError) in
                if s.matches(key, "relation") {
                    if let name = try s.readOptionalString(field: "baseModels.relation") {
                        relation = Relation(hubName: name) ?? .unknown
                    }
                } else if s.matches(key, "models") {
                    ids = try readParentObjects(&s, relation: .unknown).map(\.id)
                } else {
                    try s.skipValue()
                }
            }
            var parents: [ParentLink] = []
            for id in ids { LineageEvidence.merge(id: id, relation: relation, into: &parents) }
            return parents
        default:
            throw s.wrongType(field: "baseModels", expected: "null or an object")
        }
    }

    private static func readParentObjects(_ s: inout JSONScanner, relation: Relation) throws(JSONScanError) -> [ParentLink] {
        var parents: [ParentLink] = []
        if try s.consumeNull() { return parents }
        guard try s.peekKind() == .array else { throw s.wrongType(field: "baseModels.models", expected: "a list") }
        try s.forEachElement { (s) throws(JSONScanError) in
            switch try s.peekKind() {
            case .string:
                LineageEvidence.merge(id: try s.readString(), relation: relation, into: &parents)
            case .object:
                var id: String?
                try s.forEachMember { (s, key) throws(JSONScanError) in
                    if s.matches(key, "id") { id = try s.readOptionalString(field: "baseModels.models.id") } else { try s.skipValue() }
                }
                if let id { LineageEvidence.merge(id: id, relation: relation, into: &parents) }
            default:
                throw s.wrongType(field: "baseModels.models", expected: "objects with an \"id\"")
            }
        }
        return parents
    }

    private static func readSafetensorsTotal(_ s: inout JSONScanner) throws(JSONScanError) -> Int64? {
        guard try s.peekKind() == .object else {
            try s.skipValue()
            return nil
        }
        var total: Int64?
        try s.forEachMember { (s, key) throws(JSONScanError) in
            if s.matches(key, "total") { total = try s.readOptionalCount(field: "safetensors.total") } else { try s.skipValue() }
        }
        return total
    }

    // MARK: - cardData

    /// Reads `base_model`, `base_model_relation` and `license` from a card, given as an object or as a JSON string.
    /// Cards without the bytes `base_model` are not decoded at all (their license then comes from tags only).
    /// A card string that is not valid JSON is ignored (cards are free text; the Hub itself tolerates them).
    private static func readCardData(
        _ outer: JSONScanner, _ card: (range: Range<Int>, isString: Bool, escaped: Bool)
    ) throws(JSONScanError) -> ([ParentLink], String?) {
        // Most cards name no base model: look for the key's bytes before decoding anything.
        guard contains(outer.bytes, card.range, "base_model") else { return ([], nil) }
        if !card.isString {
            var scanner = JSONScanner(outer.bytes, position: card.range.lowerBound)
            return try readCardObject(&scanner)
        }
        var decoded = card.escaped ? try outer.unescape(card.range) : Array(UnsafeBufferPointer(rebasing: outer.bytes[card.range]))
        return decoded.withUnsafeMutableBufferPointer { buffer in
            var scanner = JSONScanner(UnsafeBufferPointer(buffer))
            guard (try? scanner.peekKind()) == .object else { return ([], nil) }
            return (try? readCardObject(&scanner)) ?? ([], nil)
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return false }
        let base = bytes.baseAddress!
        let first = Int32(needle.utf8Start.pointee)
        var start = range.lowerBound
        let lastStart = range.upperBound - count
        while start <= lastStart {
            guard let hit = memchr(base + start, first, lastStart - start + 1) else { return false }
            let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + index, needle.utf8Start, count) == 0 { return true }
            start = index + 1
        }
        return false
    }

    private static func readCardObject(_ s: inout JSONScanner) throws(JSONScanError) -> ([ParentLink], String?) {
        var ids: [String] = []
        var relation = Relation.unknown
        var license: String?
        try s.forEachMember { (s, key) throws(JSONScanError) in
            if s.matches(key, "base_model") {
                switch try s.peekKind() {
                case .string: ids = [try s.readString()]
                case .array:
                    try s.forEachElement { (s) throws(JSONScanError) in
                        if try s.peekKind() == .string { ids.append(try s.readString()) } else { try s.skipValue() }
                    }
                default: try s.skipValue()
                }
            } else if s.matches(key, "base_model_relation") {
                if try s.peekKind() == .string { relation = Relation(hubName: try s.readString()) ?? .unknown } else { try s.skipValue() }
            } else if s.matches(key, "license") {
                if try s.peekKind() == .string { license = try s.readString() } else { try s.skipValue() }
            } else {
                try s.skipValue()
            }
        }
        var parents: [ParentLink] = []
        for id in ids { LineageEvidence.merge(id: id, relation: relation, into: &parents) }
        return (parents, license)
    }
}
