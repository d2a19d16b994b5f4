/// Normalization of Hub model ids as they appear in metadata.
public enum HubID {
    /// The case-folded key under which ids are matched (the Hub matches ids case-insensitively).
    public static func key(_ id: String) -> String {
        // Fast path: most ids are ASCII; `lowercased()` handles the rest.
        id.lowercased()
    }

    /// Reduces a parent reference to a bare id: trims spaces, strips a Hub URL
    /// (`https://huggingface.co/org/name/tree/main` → `org/name`) and a trailing slash.
    /// Returns nil for an empty reference.
    public static func normalize(_ raw: String) -> String? {
        var text = Substring(raw).trimmingSpaces()
        if text.isEmpty { return nil }
        for prefix in ["https://huggingface.co/", "http://huggingface.co/", "https://hf.co/", "http://hf.co/", "huggingface.co/", "hf.co/"] {
            if text.count > prefix.count, text.lowercased().hasPrefix(prefix) {
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
