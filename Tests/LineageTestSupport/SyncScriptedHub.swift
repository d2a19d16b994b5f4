import Foundation

/// A scripted Hub for sync tests: listing pages of recorded shape for `/api/models` and `/api/spaces`,
/// chained by `Link: <…?cursor=…>; rel="next"`, with faults (429, 5xx, bad bodies, hangs) served before
/// a page's real answer.
package final class ScriptedHub: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: [[String]]] = [:]
    private var faults: [String: [Int: [SyncTestServer.Response]]] = [:]

    package init(models: [[String]] = [], spaces: [[String]] = []) {
        pages["models"] = models
        pages["spaces"] = spaces
    }

    /// Replaces the pages of a listing (`models` or `spaces`).
    package func setPages(_ kind: String, _ newPages: [[String]]) {
        lock.lock()
        pages[kind] = newPages
        lock.unlock()
    }

    /// Serves `responses`, one per request, before page `page` (0-based) of `kind` answers normally.
    package func fail(_ kind: String = "models", page: Int, with responses: [SyncTestServer.Response]) {
        lock.lock()
        faults[kind, default: [:]][page, default: []] += responses
        lock.unlock()
    }

    /// The page a request asks for: no `cursor` is page 0, `cursor=page-N` is page N.
    package static func pageIndex(_ request: SyncTestServer.Request) -> Int {
        guard let cursor = request.query("cursor"), cursor.hasPrefix("page-") else { return 0 }
        return Int(cursor.dropFirst(5)) ?? -1
    }

    package var handler: SyncTestServer.Handler {
        { [self] request, _ in answer(request) }
    }

    private func answer(_ request: SyncTestServer.Request) -> SyncTestServer.Response {
        let kind: String
        switch request.path {
        case "/api/models": kind = "models"
        case "/api/spaces": kind = "spaces"
        default: return .json("{\"error\":\"Not Found\"}", status: 404)
        }
        let index = Self.pageIndex(request)
        lock.lock()
        defer { lock.unlock() }
        if var queued = faults[kind]?[index], !queued.isEmpty {
            let response = queued.removeFirst()
            faults[kind]![index] = queued
            return response
        }
        let listing = pages[kind] ?? []
        guard listing.indices.contains(index) else { return .json("{\"error\":\"bad cursor\"}", status: 400) }
        var headers: [(String, String)] = []
        if index + 1 < listing.count, let host = request.headers["host"] {
            // Like the Hub: the next page's absolute URL, the original query with a cursor.
            var components = URLComponents(string: "http://\(host)\(request.target)")!
            var items = (components.queryItems ?? []).filter { $0.name != "cursor" }
            items.append(URLQueryItem(name: "cursor", value: "page-\(index + 1)"))
            components.queryItems = items
            headers.append(("Link", "<\(components.url!.absoluteString)>; rel=\"next\""))
        }
        return .json("[" + listing[index].joined(separator: ",\n") + "]", headers: headers)
    }

    // MARK: - Objects of recorded shape

    /// A model object as `/api/models?expand[]=…` returns it. Lineage from `base_model:` tags (`parents`
    /// with `relation`) or from `cardData.base_model` (`cardBaseModels`, a list).
    package static func model(
        _ id: String, modified: String, parents: [String] = [], relation: String = "finetune",
        cardBaseModels: [String]? = nil, downloads: Int = 10, tags: [String] = []
    ) -> String {
        var object: [String: Any] = [
            "_id": String(id.hashValue, radix: 16), "id": id, "author": String(id.prefix { $0 != "/" }),
            "createdAt": "2025-01-01T00:00:00.000Z", "lastModified": modified, "downloads": downloads,
            "likes": 1, "library_name": "transformers", "pipeline_tag": "text-generation",
            "tags": tags + parents.map { "base_model:\(relation):\($0)" },
        ]
        if let cardBaseModels {
            object["cardData"] = ["license": "apache-2.0", "base_model": cardBaseModels, "base_model_relation": "merge"]
        }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A Space object as `/api/spaces?expand[]=models…` returns it.
    package static func space(_ id: String, modified: String, models: [String]) -> String {
        let object: [String: Any] = [
            "_id": String(id.hashValue, radix: 16), "id": id, "author": String(id.prefix { $0 != "/" }),
            "createdAt": "2025-01-01T00:00:00.000Z", "lastModified": modified, "likes": 3, "sdk": "gradio",
            "models": models, "tags": ["gradio", "region:us"],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Three pages of models, newest first: a base, fine-tunes of it, a merge whose `cardData.base_model`
    /// is a list, quantizations. 7 models, 6 lineage edges, 1 external parent (`outside/Parent`).
    package static func threeModelPages() -> [[String]] {
        [
            [
                model("org/Merge", modified: "2026-03-07T12:00:00.000Z", cardBaseModels: ["org/Tune-A", "outside/Parent"]),
                model("org/Quant", modified: "2026-03-07T11:00:00.000Z", parents: ["org/Tune-A"], relation: "quantized"),
                model("org/Tune-B", modified: "2026-03-06T10:00:00.000Z", parents: ["base/Root"]),
            ],
            [
                model("org/Tune-A", modified: "2026-03-05T10:00:00.000Z", parents: ["base/Root"], tags: ["arxiv:2401.00001"]),
                model("org/Adapter", modified: "2026-03-04T10:00:00.000Z", parents: ["base/Root"], relation: "adapter"),
            ],
            [
                model("org/Solo", modified: "2026-03-03T10:00:00.000Z"),
                model("base/Root", modified: "2026-03-01T10:00:00.000Z", downloads: 1000),
            ],
        ]
    }
}
