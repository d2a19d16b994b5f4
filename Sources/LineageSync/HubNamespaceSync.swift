import Foundation
import LineageCatalog
import LineageGraph
import LineageHub
import LineageStore
import LineageSupport

/// Asks the Hub whether each author namespace is a user or an organization (`lineage sync --namespaces`),
/// and records each answer in the store's registry table as one more source (`hub-api`).
///
/// It calls the endpoints the official `huggingface_hub` client uses for `get_user_overview` and
/// `get_organization_overview`: `GET /api/users/{name}/overview` first (most authors are users), and on a
/// 404 `GET /api/organizations/{name}/overview`. A 200 from the first is a user, unless its `type` says
/// `org`; a 200 from the second is an organization; a 404 from both means the Hub knows no such account
/// (renamed or deleted), recorded without a kind so the next run does not ask again. The requests go
/// through the listing sync's fetcher: the same token handling, rate-limit waits and retries.
///
/// Answers become rows `namespace, name (the account's full name), kind individual|organization, source
/// hub-api, evidence` in batches, each batch one transaction; a run that stops loses at most the batch in
/// flight, and the next run skips the namespaces already answered (`refresh` asks them again). Rows a user
/// added to the store are never replaced, and `OrganizationRegistry` keeps every answer beneath the
/// bundled registry, so a curated kind or country is never overridden.
public struct HubNamespaceSync {
    public var endpoint: HubEndpoint
    public var token: HubToken?
    public var policy: SyncPolicy
    public var transport: any HTTPTransport
    /// Ask at most this many namespaces in this run; the next run continues with the rest.
    public var limit: Int?
    /// Ask again the namespaces the Hub has answered before.
    public var refresh = false
    /// Answers committed per transaction.
    public var batchSize = 50

    /// The Hub's answer about one namespace.
    public enum Answer: Sendable, Equatable {
        case user(fullname: String?)
        case organization(fullname: String?)
        /// Both overviews answered 404.
        case notFound
    }

    public init(endpoint: HubEndpoint, token: HubToken? = nil, policy: SyncPolicy = SyncPolicy(), transport: any HTTPTransport = URLSessionTransport()) {
        self.endpoint = endpoint
        self.token = token
        self.policy = policy
        self.transport = transport
    }

    // MARK: - Which namespaces

    /// The author namespaces of the store's models (externally named parents left out): a model's
    /// `author`, else the part of its id before `/`. Most downloaded first (all their models' 30-day
    /// downloads), so that a `limit`ed run asks about the namespaces that weigh most.
    /// - Complexity: O(models + namespaces · log namespaces).
    public static func namespaces(of store: LineageStore) throws -> [String] {
        let data = try LoadedGraph(store: store).data
        var downloads: [String: (name: String, downloads: Int64)] = [:]
        for i in 0..<data.nodeCount where !data.isExternal[i] {
            let a = data.authorIndex[i]
            let namespace = a >= 0 ? data.authors[Int(a)] : data.names[i].split(separator: "/", maxSplits: 1).count == 2
                ? String(data.names[i].prefix { $0 != "/" }) : ""
            guard !namespace.isEmpty else { continue }
            downloads[namespace.lowercased(), default: (namespace, 0)].downloads.addSaturating(max(0, data.downloads[i]))
        }
        return downloads.values.sorted { ($0.downloads, $1.name.lowercased()) > ($1.downloads, $0.name.lowercased()) }.map(\.name)
    }

    /// Whether `name` can be a Hub namespace: letters, digits, `-`, `_` and `.`, not only dots.
    public static func isNamespace(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 96 && name.contains { $0 != "." }
            && name.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || "-_.".unicodeScalars.contains($0) }
    }

    // MARK: - Asking

    /// Asks the Hub about each of `namespaces` (in order, each once) and stores the answers in `store`.
    /// Errors are one line, with the URL concerned, and never contain the token.
    public func run(namespaces: [String], into store: LineageStore, progress: ((HubSyncProgress) -> Void)? = nil) throws -> HubNamespaceSyncResult {
        let start = policy.now()
        var result = HubNamespaceSyncResult()
        var userRows = Set<String>()
        var answered = Set<String>()
        for row in try store.organizations() {
            if row.source == OrganizationRegistry.hubAPISource { answered.insert(row.namespace.lowercased()) } else { userRows.insert(row.namespace.lowercased()) }
        }
        var fetcher = HubSyncFetcher(transport: transport, policy: policy, endpoint: endpoint, token: token)
        func report(_ wait: HubSyncProgress.Wait?) {
            progress?(HubSyncProgress(kind: .models, label: "namespaces", pages: result.batches, items: result.asked,
                                      elapsed: policy.now().timeIntervalSince(start), wait: wait))
        }
        fetcher.onWait = report
        var batch: [OrganizationRow] = []
        func commit() throws {
            guard !batch.isEmpty else { return }
            try store.upsertOrganizations(batch, at: Int64(policy.now().timeIntervalSince1970))
            result.stored += batch.count
            result.batches += 1
            batch.removeAll()
            report(nil)
        }
        var seen = Set<String>()
        do {
            for namespace in namespaces {
                let key = namespace.lowercased()
                guard seen.insert(key).inserted else { continue }
                guard Self.isNamespace(namespace) else { result.invalid.append(namespace); continue }
                if userRows.contains(key) { result.keptUserRows += 1; continue }
                if answered.contains(key), !refresh { result.answeredBefore += 1; continue }
                if let limit, result.asked >= limit { result.left += 1; continue }
                let answer = try ask(namespace, fetcher: fetcher)
                result.asked += 1
                batch.append(row(namespace, answer))
                switch answer {
                case .user: result.users += 1
                case .organization: result.organizations += 1
                case .notFound: result.notFound += 1
                }
                if batch.count >= batchSize { try commit() }
            }
            try commit()
        } catch let error as SyncError {
            let kept = result.stored
            throw error.rewording {
                redact("namespaces sync stopped: \($0); \(Formatting.group(kept)) answers are stored; `lineage sync --namespaces` continues from there")
            }
        } catch {
            throw SyncError(redact("namespaces sync stopped: \(error); \(Formatting.group(result.stored)) answers are stored"))
        }
        result.seconds = policy.now().timeIntervalSince(start)
        return result
    }

    /// The Hub's answer about `namespace`: its user overview, else its organization overview.
    package func ask(_ namespace: String, fetcher: HubSyncFetcher) throws -> Answer {
        let userURL = overviewURL("users", namespace)
        let asUser = try fetcher.get(userURL, accepting: [404])
        if asUser.status != 404 {
            let overview = try Overview.decode(asUser.body, url: userURL)
            return overview.type == "org" ? .organization(fullname: overview.name) : .user(fullname: overview.name)
        }
        let orgURL = overviewURL("organizations", namespace)
        let asOrganization = try fetcher.get(orgURL, accepting: [404])
        if asOrganization.status == 404 { return .notFound }
        let overview = try Overview.decode(asOrganization.body, url: orgURL)
        return overview.type == "user" ? .user(fullname: overview.name) : .organization(fullname: overview.name)
    }

    package func overviewURL(_ collection: String, _ namespace: String) -> URL {
        URL(string: endpoint.base.absoluteString + "/api/\(collection)/" + HubEndpoint.encode(namespace) + "/overview")!
    }

    /// The registry row recording `answer`.
    package func row(_ namespace: String, _ answer: Answer) -> OrganizationRow {
        let day = HubTimestamp.formatDate(Int64(policy.now().timeIntervalSince1970))
        switch answer {
        case .user(let fullname):
            return OrganizationRow(namespace: namespace, name: fullname, kind: OrganizationKind.individual.rawValue, source: OrganizationRegistry.hubAPISource,
                                   evidence: "Hub API GET /api/users/\(namespace)/overview: a user account (\(day))")
        case .organization(let fullname):
            return OrganizationRow(namespace: namespace, name: fullname, kind: OrganizationKind.organization.rawValue, source: OrganizationRegistry.hubAPISource,
                                   evidence: "Hub API GET /api/organizations/\(namespace)/overview: an organization account (\(day))")
        case .notFound:
            return OrganizationRow(namespace: namespace, source: OrganizationRegistry.hubAPISource,
                                   evidence: "Hub API: no user or organization overview (404 on both, \(day))")
        }
    }

    private func redact(_ text: String) -> String { token?.redact(text) ?? text }

    /// The fields of an overview that matter here (the Hub sends many more).
    package struct Overview: Decodable {
        /// `user` or `org` when the Hub says.
        var type: String?
        var fullname: String?

        /// The account's full name, when it gives one.
        var name: String? {
            let trimmed = fullname?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }

        static func decode(_ body: [UInt8], url: URL) throws -> Overview {
            do {
                return try JSONDecoder().decode(Overview.self, from: Data(body))
            } catch {
                throw SyncError(
                    "GET \(url.absoluteString): the answer is not a JSON overview object\(HubSyncFetcher.excerpt(HTTPResponse(status: 200, body: body)))",
                    url: url, status: 200)
            }
        }
    }
}
