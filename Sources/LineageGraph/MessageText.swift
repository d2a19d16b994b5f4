/// Makes text that came from input safe to put in a message for a terminal: control characters are
/// escaped (so a question or a file cannot clear the screen, set the window title or break a line),
/// and a quoted value is cut to a readable length (so a 31 MB id is not echoed whole).
///
/// Every message that quotes input goes through `quote`; the CLI passes whole error messages through
/// `escapeControls(keepingNewlines:)` as a last line of defence.
public enum MessageText {
    /// Characters of input kept when quoting; the rest is cut with `…` and the original size.
    public static let quoteLimit = 80

    /// `"text"` with control characters escaped; longer than `limit` characters, it keeps the first
    /// `limit` and says how long the whole was: `"aaaa…" (31,457,280 bytes)`.
    /// - Complexity: O(min(length, limit)) plus the escaping of what is kept.
    public static func quote(_ text: some StringProtocol, limit: Int = quoteLimit) -> String {
        let scalars = text.unicodeScalars
        var kept = String.UnicodeScalarView()
        var count = 0
        var index = scalars.startIndex
        while index != scalars.endIndex, count < limit {
            kept.append(scalars[index])
            scalars.formIndex(after: &index)
            count += 1
        }
        if index == scalars.endIndex {
            return "\"" + escapeControls(String(kept)) + "\""
        }
        return "\"" + escapeControls(String(kept)) + "…\" (" + group(text.utf8.count) + " bytes)"
    }

    /// Like `quote`, without the quotation marks: for messages that set input off another way (`'word'`).
    public static func clip(_ text: some StringProtocol, limit: Int = quoteLimit) -> String {
        let quoted = quote(text, limit: limit)
        guard let close = quoted.lastIndex(of: "\"") else { return quoted }
        return String(quoted[quoted.index(after: quoted.startIndex)..<close]) + String(quoted[quoted.index(after: close)...])
    }

    /// The text with every control character written as an escape: `\n`, `\r`, `\t`, else `\u{1B}`.
    /// Controls are C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F), and the bidirectional overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a terminal shows.
    /// - Parameter keepingNewlines: leaves `\n` as a line break (for multi-line messages).
    /// - Complexity: O(n); returns the text unchanged (no copy) when it holds no control character.
    public static func escapeControls(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !(keepingNewlines && scalar == "\n") else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// Whether `scalar` is a control character in the sense of `escapeControls`.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// The first control character of `text` (in the sense of `escapeControls`), if any.
    /// - Complexity: O(n) over UTF-8, with no allocation when there is none.
    public static func firstControl(in text: some StringProtocol) -> Unicode.Scalar? {
        // Fast path: ASCII bytes ≥ 0x20 other than DEL cannot be controls; only look at scalars otherwise.
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            plain = false
            break
        }
        if plain { return nil }
        return text.unicodeScalars.first(where: isControl)
    }

    /// `U+001B` for messages.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `31457280` → `31,457,280`.
    static func group(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }
}
