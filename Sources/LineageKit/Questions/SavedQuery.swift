import Foundation

/// A saved question: a `.query` file of `key: value` lines.
///
/// ```
/// # Lines starting with # are comments.
/// description: U.S. projects deriving from Qwen models
/// question: which U.S. projects derive from Qwen
/// format: table        # optional: table, json, csv or tsv
/// limit: 20            # optional
/// ```
public struct SavedQuery: Sendable, Equatable {
    public var path: String
    public var description: String
    public var question: String
    public var format: OutputFormat?
    public var limit: Int?

    /// Reads and checks a query file; errors name the file and line.
    public static func load(path: String) throws(LineageError) -> SavedQuery {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LineageError("\(path): cannot read the query file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws(LineageError) -> SavedQuery {
        var fields: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let comment = line.range(of: " #") { line = String(line[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
            guard let colon = line.firstIndex(of: ":") else {
                throw LineageError("\(path):\(index + 1): expected `key: value`, found \"\(line.prefix(40))\"")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ["description", "question", "format", "limit"].contains(key) else {
                throw LineageError("\(path):\(index + 1): unknown key \"\(key)\" (use description, question, format, limit)")
            }
            guard fields[key] == nil else { throw LineageError("\(path):\(index + 1): \"\(key)\" given twice") }
            fields[key] = value
        }
        guard let question = fields["question"], !question.isEmpty else { throw LineageError("\(path): no `question:` line") }
        var format: OutputFormat?
        if let name = fields["format"] {
            guard let parsed = OutputFormat(rawValue: name) else {
                throw LineageError("\(path): unknown format \"\(name)\" (use table, json, csv or tsv)")
            }
            format = parsed
        }
        var limit: Int?
        if let text = fields["limit"] {
            guard let value = Int(text), value >= 0 else { throw LineageError("\(path): limit must be a whole number, found \"\(text)\"") }
            limit = value == 0 ? Int.max : value
        }
        return SavedQuery(path: path, description: fields["description"] ?? "", question: question, format: format, limit: limit)
    }

    /// The `.query` files in a folder, sorted by name.
    public static func all(in directory: String) throws(LineageError) -> [SavedQuery] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw LineageError("\(directory): no such folder of saved queries")
        }
        var result: [SavedQuery] = []
        for name in names.sorted() where name.hasSuffix(".query") {
            result.append(try load(path: (directory as NSString).appendingPathComponent(name)))
        }
        return result
    }
}
