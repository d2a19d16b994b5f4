import LineageSupport

/// Escaping for text that reaches an HTML document, in element content or a quoted attribute.
package enum HTMLEscape {
    /// `text` as inert character data or attribute text (see `MarkupEscape.text`).
    package static func text(_ text: String) -> String { MarkupEscape.text(text) }

    /// An `https://` URL for an `href`, escaped; nil for any other scheme (no `javascript:`, `data:`, `file:`).
    package static func link(_ url: String) -> String? {
        guard url.hasPrefix("https://"), !url.contains(where: { $0.isWhitespace }) else { return nil }
        return text(url)
    }
}
