import Foundation
import LineageAnalysis
import LineageGraph
import LineageSupport

/// A claims file: claims written by hand as `key: value` lines, read at run time (no rebuild).
///
/// ```
/// # comment
/// claim: 1
/// text: Qwen has 200,000+ derivative models
/// source: https://…
/// date: 2026-01
/// note: any context (repeatable)
/// measure: all = how many models derive from Qwen
/// definition: every descendant of Qwen's roots, re-uploads and quantizations included
/// measure: tagged = metric tagged qwen
/// check: all >= 200000
/// check: tagged >= 200000
/// ```
/// A measure is `NAME = QUESTION` (in `lineage ask` words), `NAME = window MONTHS: QUESTION`,
/// `NAME = metric …` (`ClaimMetric`) or `NAME = share PART of WHOLE`; `definition:` belongs to the
/// measure above it. Each `check:` is one reading of the claim (`ClaimExpression`).
public struct ClaimsFile: Sendable, Equatable {
    public var path: String
    public var claims: [Claim]

    /// The name of the shipped file, in `queries/` and in the resources of this module.
    public static let fileName = "claims.txt"

    /// Reads and checks a claims file; every error names `file:line`.
    public static func load(path: String) throws(LineageError) -> ClaimsFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw LineageError("\(path): cannot read the claims file") }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// The claims shipped with Lineage.
    public static func bundledPath() throws(LineageError) -> String {
        try BundledResource.path(fileName, module: "LineageClaims")
    }

    /// The file `lineage claims` reads when none is named: `./queries/claims.txt` when present, else the shipped one.
    public static func defaultPath() throws(LineageError) -> String {
        let local = "queries/" + fileName
        return FileManager.default.fileExists(atPath: local) ? local : try bundledPath()
    }

    public static func parse(_ text: String, path: String) throws(LineageError) -> ClaimsFile {
        var claims: [Claim] = []
        var current: Claim?
        var definitionSet = false
        func fail(_ line: Int, _ message: String) -> LineageError { LineageError("\(path):\(line): \(message)") }
        func finish() throws(LineageError) {
            guard let claim = current else { return }
            try validate(claim, path: path)
            claims.append(claim)
            current = nil
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(number, "expected `key: value`, found \(MessageText.quote(line, limit: 40))")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "claim" {
                try finish()
                guard let n = Int(value), n > 0 else { throw fail(number, "`claim:` needs a number (1, 2, …), found \(MessageText.quote(value))") }
                guard !claims.contains(where: { $0.number == n }) else { throw fail(number, "claim \(n) is given twice") }
                current = Claim(
                    number: n, text: "", source: "", date: ClaimMonth(year: 1970, month: 1), notes: [], measures: [], checks: [],
                    file: path, line: number)
                definitionSet = false
                continue
            }
            guard var claim = current else { throw fail(number, "\(MessageText.quote(key)) before the first `claim:` line") }
            guard !value.isEmpty else { throw fail(number, "\(MessageText.quote(key)) has no value") }
            switch key {
            case "text", "source":
                guard (key == "text" ? claim.text : claim.source).isEmpty else { throw fail(number, "\(key) given twice in claim \(claim.number)") }
                if key == "text" { claim.text = value } else { claim.source = value }
            case "date":
                guard let month = ClaimMonth(value) else { throw fail(number, "date must be a month like 2026-02, found \(MessageText.quote(value))") }
                claim.date = month
            case "note":
                claim.notes.append(value)
            case "measure":
                do throws(LineageError) {
                    let measure = try parseMeasure(value, line: number)
                    guard !claim.measures.contains(where: { $0.name.lowercased() == measure.name.lowercased() }) else {
                        throw LineageError("measure \(MessageText.quote(measure.name)) is defined twice in claim \(claim.number)")
                    }
                    if case .share(let part, let whole) = measure.source {
                        for name in [part, whole] where !claim.measures.contains(where: { $0.name == name }) {
                            throw LineageError("`share` names \(MessageText.quote(name)), not a measure defined above it")
                        }
                    }
                    claim.measures.append(measure)
                    definitionSet = false
                } catch {
                    throw fail(number, error.message)
                }
            case "definition":
                guard !claim.measures.isEmpty else { throw fail(number, "`definition:` must follow the `measure:` it defines") }
                guard !definitionSet else {
                    throw fail(number, "a second `definition:` for measure \(MessageText.quote(claim.measures[claim.measures.count - 1].name))")
                }
                claim.measures[claim.measures.count - 1].definition = value
                definitionSet = true
            case "check":
                do throws(LineageError) {
                    let expression = try ClaimExpression.parse(value)
                    guard expression.isCondition else { throw LineageError("a check must compare, e.g. `all >= 200000` or `cn ≈ 41%`") }
                    for name in expression.measures where !claim.measures.contains(where: { $0.name == name }) {
                        let known = claim.measures.map(\.name).joined(separator: ", ")
                        throw LineageError("unknown measure \(MessageText.quote(name)) (measures of claim \(claim.number): \(known); "
                            + "define a measure before the checks that use it)")
                    }
                    claim.checks.append(Claim.Check(text: value, expression: expression, line: number))
                } catch {
                    throw fail(number, error.message)
                }
            default:
                throw fail(number, "unknown key \(MessageText.quote(key)) (use claim, text, source, date, note, measure, definition, check)")
            }
            current = claim
        }
        try finish()
        guard !claims.isEmpty else { throw LineageError("\(path): no claims (a claim starts with a `claim: N` line)") }
        return ClaimsFile(path: path, claims: claims)
    }

    static func validate(_ claim: Claim, path: String) throws(LineageError) {
        let at = "\(path):\(claim.line): claim \(claim.number)"
        if claim.text.isEmpty { throw LineageError("\(at) has no `text:`") }
        if claim.source.isEmpty { throw LineageError("\(at) has no `source:`") }
        if claim.date == ClaimMonth(year: 1970, month: 1) { throw LineageError("\(at) has no `date:`") }
        if claim.measures.isEmpty { throw LineageError("\(at) has no `measure:`") }
        if claim.checks.isEmpty { throw LineageError("\(at) has no `check:` (what the claim says, e.g. `all >= 200000`)") }
    }

    /// Reads `NAME = …` after `measure:`.
    static func parseMeasure(_ value: String, line: Int) throws(LineageError) -> ClaimMeasure {
        guard let equals = value.firstIndex(of: "=") else { throw LineageError("a measure is `NAME = QUESTION` or `NAME = metric …`") }
        let name = value[..<equals].trimmingCharacters(in: .whitespaces)
        let body = value[value.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let wellFormed = name.first?.isLetter == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        guard wellFormed, !["and", "or"].contains(name.lowercased()) else {
            throw LineageError("a measure's name is letters, digits and `_`, starting with a letter; found \(MessageText.quote(name))")
        }
        guard !body.isEmpty else { throw LineageError("measure \(MessageText.quote(name)) has nothing after `=`") }
        let words = body.split(separator: " ").map(String.init)
        let source: ClaimMeasure.Source
        switch words[0].lowercased() {
        case "metric":
            source = .metric(try ClaimMetric.parse(Array(words.dropFirst())))
        case "share":
            guard words.count == 4, words[2].lowercased() == "of" else { throw LineageError("`share` is written `share PART of WHOLE`, two measures above it") }
            source = .share(part: words[1], whole: words[3])
        case "window":
            guard let colon = body.firstIndex(of: ":") else { throw LineageError("`window` is written `window 2024-01: how many models derive from Qwen`") }
            let months = body[body.index(body.startIndex, offsetBy: 6)..<colon].trimmingCharacters(in: .whitespaces)
            let question = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let window = try ClaimWindow.parse(months)
            let query = try compile(question)
            guard query.intent == .count, query.subject == .models, query.since == nil else {
                throw LineageError("a window counts models: its question must be `how many models …` without `since`")
            }
            source = .window(window, question: question)
        default:
            let query = try compile(body)
            guard [.count, .share, .list, .depth].contains(query.intent) else {
                throw LineageError("a measure's question must be `how many …`, `what share of …`, `which …` or `how deep …`")
            }
            source = .question(body)
        }
        return ClaimMeasure(name: name, source: source, definition: nil, line: line, text: body)
    }

    static func compile(_ question: String) throws(LineageError) -> LineageQuery {
        do {
            return try QuestionParser().parse(question)
        } catch {
            throw LineageError("the question \(MessageText.quote(question, limit: 60)) does not parse: \(error.message)")
        }
    }
}
