import Foundation
import LineageGraph
import LineageSupport

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
                throw LineageError("\(path):\(index + 1): expected `key: value`, found \(MessageText.quote(line, limit: 40))")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ["description", "question", "format", "limit"].contains(key) else {
                throw LineageError("\(path):\(index + 1): unknown key \(MessageText.quote(key)) (use description, question, format, limit)")
            }
            guard fields[key] == nil else { throw LineageError("\(path):\(index + 1): \(MessageText.quote(key)) given twice") }
            fields[key] = value
        }
        guard let question = fields["question"], !question.isEmpty else { throw LineageError("\(path): no `question:` line") }
        var format: OutputFormat?
        if let name = fields["format"] {
            guard let parsed = OutputFormat(rawValue: name) else {
                throw LineageError("\(path): unknown format \(MessageText.quote(name)) (use table, json, csv or tsv)")
            }
            format = parsed
        }
        var limit: Int?
        if let text = fields["limit"] {
            guard let value = Int(text), value >= 0 else { throw LineageError("\(path): limit must be a whole number, found \(MessageText.quote(text))") }
            limit = value == 0 ? Int.max : value
        }
        return SavedQuery(path: path, description: fields["description"] ?? "", question: question, format: format, limit: limit)
    }

    /// Where saved queries are looked for when none is named by path: this folder (relative to the
    /// working directory), then the copies shipped with Lineage.
    public static let localDirectory = "queries"
    /// The resource folder of the shipped copies of `queries/*.query`.
    public static let bundledDirectoryName = "queries"

    /// The folder of saved queries shipped with Lineage, nil when this installation has none.
    public static func bundledDirectory() -> String? {
        try? BundledResource.path(bundledDirectoryName, module: "LineageAnalysis")
    }

    /// A saved query together with where it was found.
    public struct Found: Sendable, Equatable {
        public var query: SavedQuery
        /// `./queries`, the folder given, or `bundled`.
        public var origin: String
        /// What to pass to `lineage ask` to run it (`queries/NAME.query`, or `NAME.query` for a bundled one).
        public var argument: String
    }

    /// The file `argument` names: the path itself when it exists, else the file of that name in `./queries`,
    /// else the bundled one; with where it was found (`nil` when the path was used as given).
    /// - Throws: `LineageError` naming the places looked in when there is no such file.
    public static func locate(_ argument: String) throws(LineageError) -> (path: String, origin: String?) {
        if FileManager.default.fileExists(atPath: argument) { return (argument, nil) }
        let name = (argument as NSString).lastPathComponent
        let local = (localDirectory as NSString).appendingPathComponent(name)
        if local != argument, FileManager.default.fileExists(atPath: local) { return (local, "./\(localDirectory)") }
        if let bundled = bundledDirectory() {
            let path = (bundled as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return (path, "bundled") }
        }
        throw LineageError("\(argument): no such saved query here, in ./\(localDirectory) or among the bundled ones; `lineage queries` lists them")
    }

    /// Reads the saved query `argument` names (see `locate`).
    public static func load(named argument: String) throws(LineageError) -> (query: SavedQuery, origin: String?) {
        let (path, origin) = try locate(argument)
        return (try load(path: path), origin)
    }

    /// The saved queries `lineage queries` lists: those of `directory` when given (it must exist); else
    /// those of `./queries`, then the bundled ones not shadowed by a file of the same name there.
    public static func catalog(directory: String?) throws(LineageError) -> [Found] {
        if let directory {
            return try all(in: directory).map { Found(query: $0, origin: directory, argument: $0.path) }
        }
        var found: [Found] = []
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: localDirectory, isDirectory: &isDirectory), isDirectory.boolValue {
            found = try all(in: localDirectory).map { Found(query: $0, origin: "./\(localDirectory)", argument: $0.path) }
        }
        let local = Set(found.map { ($0.query.path as NSString).lastPathComponent })
        if let bundled = bundledDirectory() {
            for query in try all(in: bundled) {
                let name = (query.path as NSString).lastPathComponent
                if !local.contains(name) { found.append(Found(query: query, origin: "bundled", argument: name)) }
            }
        }
        return found
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
