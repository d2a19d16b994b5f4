import Foundation
import LineageSupport

/// The Hub the sync talks to, and the URLs and scopes of its listings.
public struct HubEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// Scheme, host, port and any path prefix, without a trailing slash: `https://huggingface.co`.
    public let base: URL

    public static let defaultURL = "https://huggingface.co"

    /// `--endpoint`, else `HF_ENDPOINT` (as the official clients read it), else https://huggingface.co.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> HubEndpoint {
        let fromEnvironment = environment["HF_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        let text = explicit ?? fromEnvironment ?? defaultURL
        let origin = explicit != nil ? "--endpoint" : fromEnvironment != nil ? "HF_ENDPOINT" : "the default endpoint"
        return try HubEndpoint(text, origin: origin)
    }

    public init(_ text: String, origin: String = "the endpoint") throws {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil, components.password == nil,
              let url = components.url
        else {
            throw SyncError("\(origin) \"\(text)\" is not an http(s) URL like \(Self.defaultURL)")
        }
        base = url
    }

    public var description: String { base.absoluteString }

    /// Whether requests go over plain http to a machine other than this one.
    public var isInsecureRemote: Bool {
        base.scheme?.lowercased() == "http" && !["127.0.0.1", "localhost", "::1", "[::1]"].contains(base.host?.lowercased() ?? "")
    }

    // MARK: - Listings

    /// Fields asked of `/api/models` with `expand[]`: what `hub-json` reads, lineage included
    /// (`tags` carry `base_model:`, `cardData` carries `base_model`; `baseModels` is only on single-model pages).
    package static let modelFields = [
        "author", "cardData", "createdAt", "downloads", "downloadsAllTime", "lastModified", "library_name",
        "likes", "pipeline_tag", "safetensors", "tags",
    ]
    /// Fields asked of `/api/spaces`: `models` are the models a Space uses.
    package static let spaceFields = ["author", "createdAt", "lastModified", "likes", "models", "sdk", "tags"]

    /// The first page of a listing, newest modification first, so an incremental sync can stop early.
    ///
    /// `expand[]` names every field wanted: with it the Hub returns exactly those (plus `id`), and it
    /// leaves out the per-file `siblings` lists that `full=true` would add to every object.
    public func firstPage(of kind: HubSyncOptions.Kind, author: String?, search: String?, pageSize: Int) -> URL {
        var query: [(String, String)] = []
        if let author { query.append(("author", author)) }
        if let search { query.append(("search", search)) }
        query += [("sort", "lastModified"), ("direction", "-1"), ("limit", String(pageSize))]
        for field in kind == .models ? Self.modelFields : Self.spaceFields { query.append(("expand[]", field)) }
        let encoded = query.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return URL(string: base.absoluteString + "/api/" + kind.rawValue + "?" + encoded)!
    }

    /// Identifies what a sync covers, for its cursor: kind, endpoint and filters (never the token).
    public func scope(of kind: HubSyncOptions.Kind, author: String?, search: String?) -> String {
        "\(kind.rawValue) \(base.absoluteString) author=\(author ?? "*") search=\(search ?? "*")"
    }

    /// Whether `url` is on this endpoint's origin (scheme, host, port): only then is the token sent.
    public func owns(_ url: URL) -> Bool { Self.sameOrigin(base, url) }

    package static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func port(_ url: URL) -> Int? { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : url.scheme?.lowercased() == "http" ? 80 : nil) }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && port(a) == port(b)
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    package static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
