import Foundation
import LineageGraph
import LineageHub
import LineageSupport

/// Fetches one URL politely: waits out 429s as long as the `RateLimit` header says, retries 5xx answers,
/// 408s and connection failures with exponential backoff and jitter, and gives up after a bounded number
/// of tries with one readable line. The token goes only to the endpoint's own origin.
package struct HubSyncFetcher {
    package var transport: any HTTPTransport
    package var policy: SyncPolicy
    package var endpoint: HubEndpoint
    package var token: HubToken?
    /// Told about each wait, then about the remaining time once a second while it lasts.
    package var onWait: (HubSyncProgress.Wait?) -> Void = { _ in }

    package static let userAgent = "lineage/0.1.0 (Swift; lineage sync)"

    /// The response to a GET of `url` with a 2xx status, or with one of the statuses in `accepting`
    /// (e.g. 404, when "not found" is an answer rather than an error).
    package func get(_ url: URL, accepting: Set<Int> = []) throws -> HTTPResponse {
        var headers = ["Accept": "application/json", "User-Agent": Self.userAgent]
        if let token, endpoint.owns(url) { headers["Authorization"] = token.authorization }
        let request = HTTPRequest(url: url, headers: headers, timeout: policy.requestTimeout)
        var failures = 0
        var rateLimited = 0
        // Bounded: each turn either returns, throws, or uses up one of the two budgets.
        while true {
            let response: HTTPResponse
            do {
                response = try transport.get(request)
            } catch {
                if error.isFinal {
                    throw SyncError("GET \(Self.shortURL(url)): \(error.message); not retried", url: url)
                }
                failures += 1
                guard failures <= policy.maxRetries else {
                    throw SyncError("GET \(Self.shortURL(url)): \(error.message) (gave up after \(failures) attempts)", url: url)
                }
                wait(policy.jitter(policy.backoff(attempt: failures)), reason: "\(error.message), retry \(failures) of \(policy.maxRetries)", url: url)
                continue
            }
            if accepting.contains(response.status) { return response }
            switch response.status {
            case 200..<300:
                return response
            case 429:
                rateLimited += 1
                guard rateLimited <= policy.maxRateLimitWaits else {
                    throw SyncError("GET \(Self.shortURL(url)): still rate limited (429) after \(rateLimited - 1) waits; try again later", url: url, status: 429)
                }
                let asked = RateLimitHeader.waitSeconds(rateLimit: response.header("RateLimit"), retryAfter: response.header("Retry-After"))
                // One second more than asked, so the window has surely reset.
                let seconds = min(policy.maxRateLimitWait, asked.map { Double($0) + 1 } ?? policy.defaultRateLimitWait)
                wait(seconds, reason: "rate limited (429)" + (asked.map { ", quota resets in \($0) s" } ?? ""), url: url)
            case 408, 500..<600:
                failures += 1
                guard failures <= policy.maxRetries else {
                    throw SyncError(
                        "GET \(Self.shortURL(url)): HTTP \(response.status)\(Self.excerpt(response)) (gave up after \(failures) attempts)",
                        url: url, status: response.status)
                }
                wait(policy.jitter(policy.backoff(attempt: failures)), reason: "HTTP \(response.status), retry \(failures) of \(policy.maxRetries)", url: url)
            case 401, 403:
                let hint = token == nil
                    ? "the Hub wants a token: set HF_TOKEN or use --token-file"
                    : "the Hub refused the token from \(token!.source)"
                throw SyncError("GET \(Self.shortURL(url)): HTTP \(response.status): \(hint)", url: url, status: response.status)
            case 404:
                throw SyncError(
                    "GET \(Self.shortURL(url)): HTTP 404 not found; is \(endpoint) a Hugging Face Hub (check --endpoint or HF_ENDPOINT)?",
                    url: url, status: 404)
            default:
                throw SyncError("GET \(Self.shortURL(url)): HTTP \(response.status)\(Self.excerpt(response))", url: url, status: response.status)
            }
        }
    }

    /// Sleeps `seconds`, reporting the remaining time about once a second.
    private func wait(_ seconds: Double, reason: String, url: URL) {
        var remaining = max(0, seconds)
        while remaining > 0 {
            onWait(HubSyncProgress.Wait(remaining: remaining, reason: reason, url: Self.shortURL(url)))
            let step = min(1, remaining)
            policy.sleep(step)
            remaining -= step
        }
        onWait(nil)
    }

    /// `: <start of the body>` for an error message, on one line; empty for an empty body. An HTML page
    /// is named as such (with its title) instead of being quoted.
    package static func excerpt(_ response: HTTPResponse) -> String {
        if let html = HubAPIPage.nonJSONProblem(response.body) { return ": " + html }
        let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "" : ": " + MessageText.escapeControls(text) + (response.body.count > 200 ? "…" : "")
    }

    /// A listing URL short enough for a message: origin and path, and of the query only the page `cursor`
    /// (cut to 40 characters); the `expand[]` fields and filters, the same on every page, are left out.
    /// `https://huggingface.co/api/models?…&cursor=eyJ…` → `https://huggingface.co/api/models?cursor=eyJ…`.
    package static func shortURL(_ url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            return MessageText.escapeControls(String(url.absoluteString.prefix(120)))
        }
        var text = (components.scheme ?? "") + "://" + (components.host ?? "")
        if let port = components.port { text += ":\(port)" }
        text += components.percentEncodedPath
        if let query = components.percentEncodedQuery, !query.isEmpty {
            let cursor = query.split(separator: "&").first { $0.hasPrefix("cursor=") }
            if let cursor {
                text += "?" + (cursor.count > 47 ? cursor.prefix(47) + "…" : cursor)
            } else {
                text += "?…"
            }
        }
        return MessageText.escapeControls(text)
    }
}
