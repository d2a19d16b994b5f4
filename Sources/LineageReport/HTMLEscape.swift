/// Escaping for text that reaches an HTML document, in element content or a quoted attribute.
package enum HTMLEscape {
    /// `text` with `& < > " '` as entities and control characters (other than tab and newline) dropped,
    /// so a hostile Hub id stays inert text wherever it is placed.
    /// - Complexity: O(text.count).
    package static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An `https://` URL for an `href`, escaped; nil for any other scheme (no `javascript:`, `data:`, `file:`).
    package static func link(_ url: String) -> String? {
        guard url.hasPrefix("https://"), !url.contains(where: { $0.isWhitespace }) else { return nil }
        return text(url)
    }
}
