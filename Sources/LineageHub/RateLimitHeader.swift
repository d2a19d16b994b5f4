/// Parses the Hub's rate-limit headers (the IETF `RateLimit` draft in structured-field form):
/// `RateLimit: "api";r=0;t=55` says the `api` quota has `r` requests left and resets in `t` seconds;
/// `RateLimit-Policy: "fixed window";"api";q=500;w=300` describes the quota.
public struct RateLimitHeader: Sendable, Equatable {
    /// The quota's name (`api`, `resolvers`, `pages`), without quotes; empty when unnamed.
    public var name: String
    /// Requests left in the window (`r`), when given.
    public var remaining: Int?
    /// Seconds until the window resets (`t`), when given.
    public var resetSeconds: Int?

    public init(name: String, remaining: Int?, resetSeconds: Int?) {
        self.name = name
        self.remaining = remaining
        self.resetSeconds = resetSeconds
    }

    /// Every quota item in a `RateLimit` header value, in order; unparsable items are skipped.
    /// Items are separated by commas, parameters by semicolons; the first bare or quoted token names the quota.
    /// - Complexity: O(n) in the header's length.
    public static func parse(_ value: String) -> [RateLimitHeader] {
        var items: [RateLimitHeader] = []
        for item in value.split(separator: ",") {
            var limit = RateLimitHeader(name: "", remaining: nil, resetSeconds: nil)
            var sawAnything = false
            for (index, rawPart) in item.split(separator: ";").enumerated() {
                let part = rawPart.trimmingSpaces()
                if let equals = part.firstIndex(of: "=") {
                    let key = part[..<equals].trimmingSpaces().lowercased()
                    let number = Int(part[part.index(after: equals)...].trimmingSpaces().trimmingCharacters(in: "\""))
                    switch key {
                    case "r", "remaining": limit.remaining = number; sawAnything = sawAnything || number != nil
                    case "t", "reset": limit.resetSeconds = number; sawAnything = sawAnything || number != nil
                    default: break
                    }
                } else if index == 0 {
                    limit.name = part.trimmingCharacters(in: "\"")
                }
            }
            if sawAnything { items.append(limit) }
        }
        return items
    }

    /// How long to wait before retrying after a 429, from the `RateLimit` and `Retry-After` headers:
    /// the longest reset among exhausted quotas (or among all, when none says `r=0`), else `Retry-After`
    /// given in seconds. Nil when neither header says.
    public static func waitSeconds(rateLimit: String?, retryAfter: String?) -> Int? {
        let items = rateLimit.map(parse) ?? []
        let exhausted = items.filter { $0.remaining == 0 }
        let candidates = (exhausted.isEmpty ? items : exhausted).compactMap(\.resetSeconds).filter { $0 >= 0 }
        if let longest = candidates.max() { return longest }
        if let retryAfter, let seconds = Int(Substring(retryAfter).trimmingSpaces()), seconds >= 0 { return seconds }
        return nil
    }
}
