/// Legacy Hub ids and the ids the Hub renamed them to (`gpt2` → `openai-community/gpt2`).
///
/// In 2024 the Hub moved its un-namespaced legacy models into organizations; children still name
/// either id. The table maps the legacy id's key (`HubID.key`) to the canonical id, so that ingest
/// keeps one node per model. The CSV header is `legacy_id,canonical_id,source`; a legacy id must not
/// repeat, and no canonical id may itself be a legacy id of the table (that would be a chain or a
/// cycle). Both are refused with `file:line`.
public struct RenameTable: Sendable, Equatable {
    /// One rename.
    public struct Entry: Sendable, Equatable {
        public var legacyID: String
        public var canonicalID: String
        /// Where the pair comes from, e.g. `hf-legacy-migration`.
        public var source: String
    }

    /// Legacy key → entry.
    public private(set) var entries: [String: Entry] = [:]

    public static let header = ["legacy_id", "canonical_id", "source"]

    public init() {}

    /// The entry whose legacy id has `key` (`HubID.key`), if any.
    public func entry(forKey key: String) -> Entry? { entries.isEmpty ? nil : entries[key] }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Parses a rename table; `file` names it in errors.
    /// - Throws: `HubParseError` with the line of a malformed row, a repeated legacy id, an id that is
    ///   not a Hub id, or a canonical id that is also a legacy id (a chain or cycle).
    /// - Complexity: O(bytes).
    public static func parse(_ bytes: [UInt8], file: String) throws(HubParseError) -> RenameTable {
        let rows: [(fields: [String], line: Int)]
        do { rows = try CSVRows.parse(bytes) } catch { throw HubParseError(path: file, line: error.line, message: error.message) }
        guard let first = rows.first else { throw HubParseError(path: file, line: 1, message: "empty rename table; the header is \(header.joined(separator: ","))") }
        guard first.fields.map({ $0[...].trimmingSpaces().lowercased() }) == header else {
            throw HubParseError(path: file, line: first.line, message: "header must be \(header.joined(separator: ","))")
        }
        var table = RenameTable()
        var lineOfKey: [String: Int] = [:]
        var canonicalLines: [(key: String, line: Int)] = []
        for row in rows.dropFirst() {
            guard row.fields.count == header.count else {
                throw HubParseError(path: file, line: row.line, message: "expected \(header.count) fields (\(header.joined(separator: ","))), found \(row.fields.count)")
            }
            let cells = row.fields.map { String($0[...].trimmingSpaces()) }
            guard let legacy = HubID.normalize(cells[0]), let canonical = HubID.normalize(cells[1]) else {
                throw HubParseError(path: file, line: row.line, message: "legacy_id and canonical_id must be Hub ids")
            }
            let key = HubID.key(legacy)
            if let earlier = lineOfKey[key] {
                throw HubParseError(path: file, line: row.line, message: "legacy id '\(legacy)' repeats line \(earlier)")
            }
            guard HubID.key(canonical) != key else {
                throw HubParseError(path: file, line: row.line, message: "'\(legacy)' is renamed to itself")
            }
            lineOfKey[key] = row.line
            canonicalLines.append((HubID.key(canonical), row.line))
            table.entries[key] = Entry(legacyID: legacy, canonicalID: canonical, source: cells[2].isEmpty ? "rename-table" : cells[2])
        }
        for (key, line) in canonicalLines where lineOfKey[key] != nil {
            throw HubParseError(path: file, line: line, message: "canonical id '\(table.entries[key]!.legacyID)' is itself renamed on line \(lineOfKey[key]!): a chain or a cycle")
        }
        return table
    }
}
