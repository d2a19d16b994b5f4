/// Levenshtein edit distance, used to suggest close matches for mistyped family or model names.
public enum EditDistance {
    /// Number of single-element insertions, deletions and substitutions turning `a` into `b`.
    ///
    /// Works on any element type; callers pass lowercased UTF-8 bytes for names (a non-ASCII
    /// character then counts as several edits, which is harmless for ranking suggestions).
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory.
    public static func levenshtein<E: Equatable>(_ a: [E], _ b: [E]) -> Int {
        levenshtein(a, b, limit: Int.max)!
    }

    /// Levenshtein distance of two strings, case-insensitively, over lowercased UTF-8.
    /// - Complexity: O(|a|·|b|).
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        levenshtein(Array(a.lowercased().utf8), Array(b.lowercased().utf8))
    }

    /// The distance when it is at most `limit`, else nil; stops early once every entry of a row
    /// exceeds `limit`.
    /// - Complexity: O(|a|·|b|) worst case, O(|a| + |b|) when the lengths differ by more than `limit`.
    public static func levenshtein<E: Equatable>(_ a: [E], _ b: [E], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                let value = min(substitution, previous[j] + 1, current[j - 1] + 1)
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
