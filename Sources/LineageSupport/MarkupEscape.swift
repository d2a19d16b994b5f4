/// Escaping for text that reaches markup (HTML, SVG, XML), in character data or a quoted attribute.
package enum MarkupEscape {
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

}
