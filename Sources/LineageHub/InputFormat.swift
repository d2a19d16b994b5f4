/// The input formats Lineage reads, detected from a file's first bytes or named with `--format`.
public enum InputFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Hub model objects, one JSON object a line or a JSON array (`/api/models?full=true`, hub-stats dump).
    case hubJSON = "hub-json"
    /// A typed edge list `source,target,edge` (parent, child, relation).
    case edgeCSV = "edge-csv"
    /// A node list `id,type,owner,architecture`, read together with an edge list.
    case nodeCSV = "node-csv"
    /// `huggingface_hub.list_models` rows as CSV, `tags` as a Python-style list.
    case listModelsCSV = "list-models-csv"
    /// Hub Space objects (`/api/spaces?full=true&expand[]=models`), JSON lines or a JSON array.
    case spaceJSON = "space-json"
    /// A CycloneDX 1.5/1.6 JSON bill of materials (AI-BOM) naming the Hub models a product uses.
    case cycloneDX = "cyclonedx"
    /// A weekly list of models added to the Hub, `Model ID, Type, Base Model`, dated by its file name or `--as-of`.
    case weeklyCSV = "weekly-csv"
    /// A weekly list of models deleted from the Hub, same columns: every row is marked removed at its date.
    case weeklyDeletionsCSV = "weekly-deletions-csv"

    public var description: String { rawValue }

    /// What the format is, for `--help` and errors.
    public var summary: String {
        switch self {
        case .hubJSON: "Hub model objects as JSON lines or a JSON array"
        case .edgeCSV: "edge list CSV with header source,target,edge"
        case .nodeCSV: "node list CSV with header id,type,owner,architecture"
        case .listModelsCSV: "list_models CSV with modelId and a Python-list tags column"
        case .spaceJSON: "Hub Space objects (id, sdk, models) as JSON lines or a JSON array"
        case .cycloneDX: "CycloneDX 1.5/1.6 JSON BOM with machine-learning-model components"
        case .weeklyCSV: "weekly additions CSV with header Model ID,Type,Base Model"
        case .weeklyDeletionsCSV: "weekly deletions CSV with header Model ID,Type,Base Model"
        }
    }

    /// Whether records of this format are models (the other formats describe Spaces or projects).
    public var describesModels: Bool {
        switch self {
        case .hubJSON, .edgeCSV, .nodeCSV, .listModelsCSV, .weeklyCSV, .weeklyDeletionsCSV: true
        case .spaceJSON, .cycloneDX: false
        }
    }

    /// Whether the file is a dated change list (a weekly additions or deletions file).
    public var isWeekly: Bool { self == .weeklyCSV || self == .weeklyDeletionsCSV }

    /// The format of the file at `path` once its name is known: the weekly additions and deletions files
    /// share a header, and a file (or folder) named `deleted…` holds deletions.
    public func refined(forPath path: String) -> InputFormat {
        guard self == .weeklyCSV else { return self }
        let components = path.lowercased().split(separator: "/").suffix(2)
        return components.contains { $0.hasPrefix("deleted") || $0.hasPrefix("deletions") || $0.hasPrefix("removed") }
            ? .weeklyDeletionsCSV : self
    }

    /// Detects the format from the start of a file (a few KB are enough); nil when nothing matches.
    public static func detect(prefix: some Sequence<UInt8>) -> InputFormat? {
        var bytes = Array(prefix)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return JSONKeyPeek.format(ofFirstObjectIn: bytes, at: start)
        }
        // The header is the first non-blank line (the CSV reader skips leading blank lines too).
        let headerEnd = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.endIndex
        let header = Set(String(decoding: bytes[start..<headerEnd], as: UTF8.self)
            .split(separator: ",").map { $0.trimmingSpaces().trimmingCharacters(in: "\"").lowercased() })
        if header.contains("source"), header.contains("target") { return .edgeCSV }
        if header.contains("model id"), header.contains("base model") { return .weeklyCSV }
        if header.contains("tags"), header.contains("modelid") || header.contains("id") { return .listModelsCSV }
        if header.contains("id"), header.contains("type") || header.contains("owner") || header.contains("architecture") { return .nodeCSV }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String {
        var result = self
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return String(result)
    }
}
