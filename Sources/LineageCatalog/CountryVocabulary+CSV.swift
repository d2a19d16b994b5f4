import Foundation
import LineageGraph
import LineageHub
import LineageSupport

/// Reading the vocabulary from `countries.csv`, and the bundled table.
extension CountryVocabulary {
    /// The bundled file's name in `LineageCatalog`'s resources.
    public static let bundledFileName = "countries.csv"
    /// The file's columns, in order.
    public static let header = ["code", "name", "members", "words"]

    /// The bundled vocabulary; an empty one (every word unknown, `bundledProblem` says why) when the
    /// installation lacks the file or it is malformed, which a test rules out for the shipped file.
    public static var bundled: CountryVocabulary { loaded.vocabulary }
    /// Why the bundled vocabulary is empty, when it is.
    public static var bundledProblem: LineageError? { loaded.problem }

    private static let loaded = loadBundled()

    private static func loadBundled() -> (vocabulary: CountryVocabulary, problem: LineageError?) {
        do throws(LineageError) {
            let path = try BundledResource.path(bundledFileName, module: "LineageCatalog")
            guard let data = FileManager.default.contents(atPath: path) else { throw LineageError("\(path): cannot read the country table") }
            return (try parse([UInt8](data), file: path), nil)
        } catch {
            return (CountryVocabulary(entries: []), error)
        }
    }

    /// The vocabulary of a `code,name,members,words` CSV held in memory; `file` names it in errors.
    /// - Throws: `LineageError` naming `file:line` for a wrong header, a code that is not two capital
    ///   letters or appears twice, an empty name, a member that is not a country of the table, or a
    ///   word that names two rows.
    /// - Complexity: O(length of the file).
    public static func parse(_ bytes: [UInt8], file: String) throws(LineageError) -> CountryVocabulary {
        let rows: [(fields: [String], line: Int)]
        do { rows = try CSVRows.parse(bytes) } catch { throw LineageError("\(file):\(error.line): \(error.message)") }
        guard let head = rows.first, head.fields == header else {
            throw LineageError("\(file):1: the header must be \(header.joined(separator: ","))")
        }
        var entries: [Entry] = [], lineOf: [String: Int] = [:], owner: [String: String] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == header.count else {
                throw LineageError("\(file):\(row.line): expected \(header.count) fields, found \(row.fields.count)")
            }
            let code = row.fields[0], name = row.fields[1].trimmingCharacters(in: .whitespaces)
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw LineageError("\(file):\(row.line): '\(MessageText.clip(code))' is not a two-letter capital code")
            }
            if let first = lineOf[code] { throw LineageError("\(file):\(row.line): \(code) appears twice (first on line \(first))") }
            guard !name.isEmpty else { throw LineageError("\(file):\(row.line): \(code) has no name") }
            let entry = Entry(
                code: code, name: name, members: row.fields[2].split(separator: " ").map(String.init),
                words: row.fields[3].split(separator: ";").map { key($0) }.filter { !$0.isEmpty })
            for word in [code, name] + entry.words {
                if let other = owner[key(word)], other != code {
                    throw LineageError("\(file):\(row.line): '\(MessageText.clip(word))' names both \(other) and \(code)")
                }
                owner[key(word)] = code
            }
            lineOf[code] = row.line
            entries.append(entry)
        }
        for entry in entries where entry.isGroup {
            for member in entry.members where !entries.contains(where: { $0.code == member && !$0.isGroup }) {
                throw LineageError("\(file):\(lineOf[entry.code]!): member \(MessageText.clip(member)) of \(entry.code) is not a country of the table")
            }
        }
        return CountryVocabulary(entries: entries)
    }
}
