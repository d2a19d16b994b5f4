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
        return end < bytes.count ? oneLine + "…" : oneLine
    }
}
