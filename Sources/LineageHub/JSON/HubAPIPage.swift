import LineageGraph

/// Parses one page of the Hub's model listing (`GET /api/models`): a JSON array of model objects.
/// (Space pages are read by `SpaceFileParser`.)
///
/// Pages are parsed strictly: any malformed object, or a body cut short, fails the whole page with the
/// page's URL and the line of the problem, so a sync never stores half a page.
public enum HubAPIPage {
    /// The models of a `/api/models` page, read like `hub-json` input (lineage from `baseModels`, else
    /// `base_model:` tags, else `cardData.base_model` as a string or a list).
    /// - Parameter source: the page's URL, used in errors.
    /// - Complexity: O(n) in the body's length.
    public static func models(_ body: [UInt8], source: String) throws(HubParseError) -> [ModelRecord] {
        try parseArray(body, source: source) { (scanner, line) throws(JSONScanError) in
            try HubModelJSONParser.parseModel(&scanner, line: line)
        }
    }

    /// Why `body` is not a JSON page at all, or nil: an HTML page (a proxy's error page, a login wall,
    /// a web site instead of an API) is named as such, with its title, instead of failing at its `<`.
    /// - Complexity: O(1) unless the body is HTML (then O(first 4 KB)).
    public static func nonJSONProblem(_ body: [UInt8]) -> String? {
        let first = body.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        guard let first, body[first] == UInt8(ascii: "<") else { return nil }
        var message = "the server sent an HTML page, not JSON"
        let head = Array(body.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        if let open = find(Array("<title>".utf8), in: head, from: 0),
           let close = find(Array("</title>".utf8), in: head, from: open + 7) {
            let title = String(decoding: body[(open + 7)..<close], as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !title.isEmpty { message += " (title \(MessageText.quote(title)))" }
        }
        return message + "; is the endpoint a Hugging Face Hub API?"
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    // MARK: - Array

    private static func parseArray<T>(
        _ body: [UInt8], source: String,
        element: (inout JSONScanner, Int) throws(JSONScanError) -> T
    ) throws(HubParseError) -> [T] {
        var copy = body
        return try copy.withUnsafeMutableBufferPointer { (buffer) throws(HubParseError) -> [T] in
            let bytes = UnsafeBufferPointer(buffer)
            var scanner = JSONScanner(bytes)
            var lines = LineCounter(bytes: bytes)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.position = 3 }
            var result: [T] = []
            do throws(JSONScanError) {
                scanner.skipWhitespace()
                if scanner.isAtEnd { throw scanner.error("the body is empty, expected a JSON array") }
                if let problem = nonJSONProblem(body) { throw scanner.error(problem) }
                if try scanner.peekKind() == .object {
                    // An error object instead of a page: say what the Hub said.
                    throw scanner.error("expected a JSON array of objects, got an object: \(excerpt(bytes, from: scanner.position))")
                }
                try scanner.expect(UInt8(ascii: "["))
                if scanner.consume(UInt8(ascii: "]")) { return try finish(&scanner, result) }
                while true {
                    scanner.skipWhitespace()
                    let start = scanner.position
                    guard try scanner.peekKind() == .object else { throw scanner.wrongType(field: "element", expected: "a JSON object") }
                    result.append(try element(&scanner, lines.line(at: start)))
                    if scanner.consume(UInt8(ascii: ",")) { continue }
                    try scanner.expect(UInt8(ascii: "]"))
                    return try finish(&scanner, result)
                }
            } catch {
                throw HubParseError(path: source, line: lines.line(at: error.offset), message: error.message)
            }
        }
    }

    private static func finish<T>(_ scanner: inout JSONScanner, _ result: [T]) throws(JSONScanError) -> [T] {
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.error("unexpected text after the array") }
        return result
    }

    private static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        let end = min(bytes.count, start + 160)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let oneLine = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
        return MessageText.escapeControls(end < bytes.count ? oneLine + "…" : oneLine)
    }
}
