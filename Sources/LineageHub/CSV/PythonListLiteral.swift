/// Parses the Python `repr` of a list of strings, as `huggingface_hub.list_models` rows carry their tags
/// in CSV exports: `['transformers', "it's", 'arxiv:1810.04805']`.
enum PythonListLiteral {
    struct SyntaxError: Error {
        var message: String
    }

    /// - Complexity: O(n) in the length of the text.
    static func parseStrings(_ text: String) throws(SyntaxError) -> [String] {
        let b = Array(text.utf8)
        var i = 0
        func skipSpaces() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 } }
        skipSpaces()
        if i == b.count { return [] }
        guard b[i] == UInt8(ascii: "[") else { throw SyntaxError(message: "tags must be a Python list like ['a', 'b'], found \(text.prefix(30).debugDescription)") }
        i += 1
        var result: [String] = []
        skipSpaces()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; skipSpaces(); return try finish() }
        while true {
            skipSpaces()
            guard i < b.count, b[i] == UInt8(ascii: "'") || b[i] == UInt8(ascii: "\"") else {
                throw SyntaxError(message: "expected a quoted string in the tags list at offset \(i)")
            }
            let quote = b[i]
            i += 1
            var item: [UInt8] = []
            var closed = false
            while i < b.count {
                let c = b[i]
                if c == quote { closed = true; i += 1; break }
                if c == UInt8(ascii: "\\"), i + 1 < b.count {
                    let e = b[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): item.append(0x0A)
                    case UInt8(ascii: "t"): item.append(0x09)
                    case UInt8(ascii: "r"): item.append(0x0D)
                    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                        let width = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                        guard i + width <= b.count, let value = UInt32(String(decoding: b[i..<(i + width)], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(value)
                        else { throw SyntaxError(message: "invalid \\\(Character(Unicode.Scalar(e))) escape in the tags list") }
                        item.append(contentsOf: String(scalar).utf8)
                        i += width
                    default: item.append(e)
                    }
                    continue
                }
                item.append(c)
                i += 1
            }
            guard closed else { throw SyntaxError(message: "unterminated string in the tags list") }
            result.append(String(decoding: item, as: UTF8.self))
            skipSpaces()
            guard i < b.count else { throw SyntaxError(message: "unterminated tags list (missing ']')") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                skipSpaces()
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; break }
                continue
            }
            guard b[i] == UInt8(ascii: "]") else { throw SyntaxError(message: "expected ',' or ']' in the tags list at offset \(i)") }
            i += 1
            break
        }
        return try finish()

        func finish() throws(SyntaxError) -> [String] {
            skipSpaces()
            guard i == b.count else { throw SyntaxError(message: "unexpected text after the tags list") }
            return result
        }
    }
}
