/// Parses an HTTP `Link` header (RFC 8288), as the Hub's listing API sends it for pagination:
/// `<https://huggingface.co/api/models?cursor=…>; rel="next"`.
public enum LinkHeader {
    /// One link: its target (as written, unresolved) and its parameters, names lowercased.
    public struct Link: Sendable, Equatable {
        public var target: String
        public var parameters: [String: String]

        /// The link's relation types (`rel` may list several, separated by spaces), lowercased.
        public var relations: [String] {
            (parameters["rel"] ?? "").lowercased().split(separator: " ").map(String.init)
        }
    }

    /// The target of the first link whose relations include `next`, or nil.
    public static func nextTarget(_ header: String) -> String? {
        links(header).first { $0.relations.contains("next") }?.target
    }

    /// Every link in the header, in order. Malformed parts are skipped, never fatal.
    /// - Complexity: O(n) in the header's length.
    public static func links(_ header: String) -> [Link] {
        let chars = Array(header.unicodeScalars)
        var links: [Link] = []
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }
        while i < chars.count {
            skipSpaces()
            guard i < chars.count else { break }
            guard chars[i] == "<" else {
                // Not a link: skip to the next top-level comma.
                skipToComma(chars, &i)
                continue
            }
            i += 1
            let targetStart = i
            while i < chars.count, chars[i] != ">" { i += 1 }
            guard i < chars.count else { break }
            var link = Link(target: String(Substring(String(String.UnicodeScalarView(chars[targetStart..<i]))).trimmingSpaces()), parameters: [:])
            i += 1
            // Parameters: ; name[=value|="quoted"]
            while true {
                skipSpaces()
                guard i < chars.count, chars[i] == ";" else { break }
                i += 1
                skipSpaces()
                let nameStart = i
                while i < chars.count, chars[i] != "=", chars[i] != ";", chars[i] != ",", chars[i] != " " { i += 1 }
                let name = String(String.UnicodeScalarView(chars[nameStart..<i])).lowercased()
                skipSpaces()
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    skipSpaces()
                    if i < chars.count, chars[i] == "\"" {
                        i += 1
                        var scalars = String.UnicodeScalarView()
                        while i < chars.count, chars[i] != "\"" {
                            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                            scalars.append(chars[i])
                            i += 1
                        }
                        i += 1
                        value = String(scalars)
                    } else {
                        let valueStart = i
                        while i < chars.count, chars[i] != ";", chars[i] != ",", chars[i] != " " { i += 1 }
                        value = String(String.UnicodeScalarView(chars[valueStart..<i]))
                    }
                }
                // The first occurrence of a parameter wins (RFC 8288 §3).
                if !name.isEmpty, link.parameters[name] == nil { link.parameters[name] = value }
            }
            if !link.target.isEmpty { links.append(link) }
            skipToComma(chars, &i)
        }
        return links
    }

    private static func skipToComma(_ chars: [Unicode.Scalar], _ i: inout Int) {
        var quoted = false
        while i < chars.count {
            if chars[i] == "\"" { quoted.toggle() }
            if chars[i] == ",", !quoted { i += 1; return }
            i += 1
        }
    }
}
