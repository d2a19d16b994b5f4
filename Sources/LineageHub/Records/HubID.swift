import LineageGraph

/// Normalization of Hub model ids as they appear in metadata.
public enum HubID {
    /// The case-folded key under which ids are matched (the Hub matches ids case-insensitively).
    public static func key(_ id: String) -> String {
        // Fast path: most ids are ASCII and many already lowercase; `lowercased()` handles the rest.
        var hasUpper = false
        for byte in id.utf8 {
            if byte >= 0x80 { return id.lowercased() }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { hasUpper = true }
        }
        guard hasUpper else { return id }
        return String(unsafeUninitializedCapacity: id.utf8.count) { buffer in
            var i = 0
            for byte in id.utf8 {
                buffer[i] = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
                i += 1
            }
            return i
        }
    }

    /// Reduces a parent reference to a bare id: trims spaces, strips a Hub URL
    /// (`https://huggingface.co/org/name/tree/main` → `org/name`) and a trailing slash.
    /// Returns nil for an empty reference.
    public static func normalize(_ raw: String) -> String? {
        if isPlain(raw) { return raw }
        var text = Substring(raw).trimmingSpaces()
        if text.isEmpty { return nil }
        let lowered = text.lowercased()
        for prefix in ["https://huggingface.co/", "http://huggingface.co/", "https://hf.co/", "http://hf.co/", "huggingface.co/", "hf.co/"] {
            if lowered.utf8.count > prefix.utf8.count, lowered.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count)
                // Keep `org/name`, drop `/tree/main`, `/resolve/…` and the like.
                let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
                if parts.count >= 2 {
                    text = text[parts[0].startIndex..<parts[1].endIndex]
                } else if let first = parts.first {
                    text = first
                }
                break
            }
        }
        while text.hasSuffix("/") { text = text.dropLast() }
        return text.isEmpty ? nil : String(text)
    }

    /// Whether `raw` needs no normalization: non-empty, no surrounding spaces, no trailing slash, and not
    /// a URL (the common case, checked on bytes without building Characters).
    private static func isPlain(_ raw: String) -> Bool {
        let utf8 = raw.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        // A non-ASCII first or last byte may be Unicode whitespace (U+00A0, U+3000) that trimming removes.
        if first <= 0x20 || last <= 0x20 || first >= 0x80 || last >= 0x80 || last == UInt8(ascii: "/") { return false }
        if first == UInt8(ascii: "h") || first == UInt8(ascii: "H") {
            // Could be `https://…`, `huggingface.co/…` or `hf.co/…`: take the slow path.
            return !(raw.contains("://") || raw.lowercased().hasPrefix("huggingface.co/") || raw.lowercased().hasPrefix("hf.co/"))
        }
        return true
    }

    /// The longest id accepted, in UTF-8 bytes: the Hub allows 96-character names under a namespace, so
    /// anything this long is not an id (and would be echoed by every answer that names it).
    public static let maxLength = 1_000

    /// Why `id` cannot be a Hub id, or nil when it can: Hub ids never hold control characters, and one
    /// that does (`a/b\u0000c`) must not reach the store, where it could be confused with `a/b`; nor are
    /// they longer than `maxLength`.
    /// - Parameter field: what the id is, for the message (`"id"`, `parent id`, `Space id`).
    /// - Complexity: O(length of the id), no allocation in the common case.
    public static func problem(_ id: String, field: String) -> String? {
        if id.utf8.count > maxLength {
            return "\(field) \(MessageText.quote(id)) is too long for a Hub id (at most \(maxLength) bytes)"
        }
        guard let control = MessageText.firstControl(in: id) else { return nil }
        return "\(field) \(MessageText.quote(id)) holds a control character (\(MessageText.codePoint(control))); Hub ids never do"
    }

    /// The namespace (owner) of an id: the part before the first `/`, or nil for a legacy id without one.
    public static func namespace(of id: String) -> Substring? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        return id[..<slash]
    }
}

extension Substring {
    /// The substring without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
