import Foundation
import LineageGraph
import LineageHub
import LineageStore
import LineageSupport

/// Crawls the Hub's listing API into a store, page by page (`lineage sync`).
///
/// Listings are read newest modification first (`sort=lastModified&direction=-1`), following the
/// `Link: <…>; rel="next"` header. A run stops at the first item older than the previous completed sync
/// (or `--since`), so a regular sync reads only what changed. Each page is one transaction that also saves
/// the next page's URL: ^C or a crash loses at most the page in flight, and the next sync of the same scope
/// continues the stopped run. A page that does not parse stops the sync with its URL; nothing of it is stored.
public struct HubSync {
    public var options: HubSyncOptions
    public var policy: SyncPolicy
    public var transport: any HTTPTransport

    public init(options: HubSyncOptions, policy: SyncPolicy = SyncPolicy(), transport: any HTTPTransport = URLSessionTransport()) {
        self.options = options
        self.policy = policy
        self.transport = transport
    }

    /// Syncs every kind in `options.kinds` into `store`, calling `progress` from the calling thread.
    /// Errors are one line, with the URL concerned, and never contain the token.
    public func run(into store: LineageStore, progress: ((HubSyncProgress) -> Void)? = nil) throws -> HubSyncResult {
        let start = policy.now()
        var result = HubSyncResult()
        do {
            try store.syncSession { writer in
                for kind in options.kinds {
                    result.kinds.append(try sync(kind, writer: writer, progress: progress))
                }
            }
        } catch let error as SyncError {
            throw error.rewording(redact)
        } catch let error as StoreError {
            // The token never reaches the store.
            throw error
        } catch {
            throw SyncError(redact("\(error)"))
        }
        result.seconds = policy.now().timeIntervalSince(start)
        return result
    }

    private func redact(_ text: String) -> String { options.token?.redact(text) ?? text }

    // MARK: - One kind

    private func sync(_ kind: HubSyncOptions.Kind, writer: SyncWriter, progress: ((HubSyncProgress) -> Void)?) throws -> HubSyncResult.Kind {
        let endpoint = options.endpoint
        let scope = endpoint.scope(of: kind, author: options.author, search: options.search)
        let cursor = try writer.cursor(scope: scope)
        let now = { Int64(policy.now().timeIntervalSince1970) }
        var run: SyncCursor.Run
        var resumedAtPage: Int?
        if let stopped = cursor?.run, stopped.status == "running", stopped.nextURL != nil, !options.restart,
           options.since == nil || options.since == stopped.stopAt {
            run = stopped
            resumedAtPage = stopped.pages
        } else {
            let firstURL = endpoint.firstPage(
                of: kind, author: options.author, search: options.search,
                pageSize: max(1, min(policy.pageSize, options.limit ?? Int.max)))
            run = try writer.startRun(
                scope: scope, kind: kind.rawValue, endpoint: endpoint.description, label: label(kind),
                format: kind == .models ? "hub-api" : "hub-api-spaces", firstURL: firstURL.absoluteString,
                stopAt: options.since ?? cursor?.watermark, now: now())
        }
        var result = HubSyncResult.Kind(
            kind: kind, scope: scope, runID: run.id, snapshotID: run.snapshotID, resumedAtPage: resumedAtPage,
            stopAt: run.stopAt)
        let started = policy.now()
        func report(_ wait: HubSyncProgress.Wait?) {
            progress?(HubSyncProgress(kind: kind, pages: result.pages, items: result.items,
                                      elapsed: policy.now().timeIntervalSince(started), wait: wait))
        }
        var fetcher = HubSyncFetcher(transport: transport, policy: policy, endpoint: endpoint, token: options.token)
        fetcher.onWait = report

        var seen = Set<String>()
        while let next = run.nextURL {
            if let limit = options.limit, result.items >= limit { break }
            guard let url = URL(string: next), url.scheme != nil else {
                throw SyncError("\(kind.rawValue) sync: the saved next page \(MessageText.quote(next)) is not a URL; start over with --restart")
            }
            seen.insert(next)
            var repeated: String?
            do {
                let response = try fetcher.get(url)
                let nextLink = response.header("Link").flatMap(LinkHeader.nextTarget).flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
                // A next link that comes back to a page of this run would loop forever: this page is the last.
                var followed = nextLink
                if let link = nextLink, seen.contains(link.absoluteString) {
                    repeated = HubSyncFetcher.shortURL(link)
                    followed = nil
                }
                let source = HubSyncFetcher.shortURL(url)
                if let problem = HubAPIPage.nonJSONProblem(response.body) {
                    throw HubParseError(path: source, line: 0, message: problem)
                }
                switch kind {
                case .models:
                    var records = try HubAPIPage.models(response.body, source: source)
                    let page = try plan(&records, run: &run, pageURL: url, nextLink: followed, lastModified: \.lastModified, done: result.items) {
                        guard let modified = $0.lastModified else { return false }
                        return try writer.hasModel($0.id, lastModified: modified)
                    }
                    let summary = try writer.commitModelPage(records, run: run, now: now())
                    result.newModels += summary.newModels
                    result.updatedModels += summary.replaced
                    result.keptNewer += summary.keptNewer
                    result.edges += summary.edges
                    result.newExternalParents += summary.newExternalParents
                    result.items += page
                case .spaces:
                    var spaces = try SpaceFileParser().parse(bytes: response.body, path: source).records
                    let page = try plan(&spaces, run: &run, pageURL: url, nextLink: followed, lastModified: \.lastModified, done: result.items) {
                        guard let modified = $0.lastModified else { return false }
                        return try writer.hasSpace($0.id, lastModified: modified)
                    }
                    let summary = try writer.commitSpacePage(spaces, run: run, now: now())
                    result.newSpaces += summary.newDownstream
                    result.updatedSpaces += summary.replaced
                    result.keptNewer += summary.keptNewer
                    result.uses += summary.uses
                    result.newExternalParents += summary.newExternalParents
                    result.items += page
                }
            } catch let error as HubParseError {
                throw SyncError("\(kind.rawValue) sync stopped: page \(error.path)\(error.line > 1 ? " line \(error.line)" : ""): \(error.message); "
                    + stored(run, kind) + "; nothing of this page was stored; `lineage sync` retries it", url: url)
            } catch let error as SyncError {
                throw error.rewording { "\(kind.rawValue) sync stopped: \($0); " + stored(run, kind) + "; `lineage sync` continues from there" }
            }
            result.pages += 1
            report(nil)
            if let repeated {
                let message = "\(kind.rawValue) sync failed: the Hub's next link leads back to a page this run already read (\(repeated)), "
                    + "so its pagination loops; " + stored(run, kind) + "; run #\(run.id) is marked failed and the next `lineage sync` starts a new run"
                try writer.failRun(run: run, error: message, now: now())
                throw SyncError(message, url: url)
            }
            if run.nextURL == nil {
                let watermark = run.highWater ?? cursor?.watermark
                result.snapshotKept = try writer.finishRun(scope: scope, run: run, watermark: watermark, now: now())
                result.complete = true
                result.watermark = watermark
            }
        }
        return result
    }

    /// Decides what of a fetched page is stored and where the run goes next, updating `run` (pages, items,
    /// next URL, high water) for the commit.
    ///
    /// Items modified before the run's `stopAt` are current already: the first one ends the run. Items
    /// modified in the very second of `stopAt` are stored unless the store has them with that date already
    /// (`isStored`), so a sync with nothing new changes nothing. `--limit` may cut the page short; the rest
    /// of it is then skipped on the next visit (`nextSkip`).
    /// - Returns: how many items of the page are stored.
    private func plan<T>(
        _ items: inout [T], run: inout SyncCursor.Run, pageURL: URL, nextLink: URL?,
        lastModified: KeyPath<T, Int64?>, done: Int, isStored: (T) throws -> Bool
    ) throws -> Int {
        let skip = min(run.nextSkip, items.count)
        let fetched = items.count
        items.removeFirst(skip)
        var next = nextLink?.absoluteString
        var nextSkip = 0
        if let stopAt = run.stopAt, let boundary = items.firstIndex(where: { ($0[keyPath: lastModified] ?? .max) < stopAt }) {
            items.removeSubrange(boundary...)
            next = nil
        }
        if let limit = options.limit, done + items.count > limit {
            items.removeSubrange(max(0, limit - done)...)
            if skip + items.count < fetched {
                next = pageURL.absoluteString
                nextSkip = skip + items.count
            }
        }
        if let stopAt = run.stopAt {
            // After the --limit cut, so `nextSkip` still counts positions on the page.
            var changed: [T] = []
            for item in items {
                if item[keyPath: lastModified] == stopAt, try isStored(item) { continue }
                changed.append(item)
            }
            items = changed
        }
        if let newest = items.compactMap({ $0[keyPath: lastModified] }).max() {
            run.highWater = max(run.highWater ?? newest, newest)
        }
        run.pages += 1
        run.items += items.count
        run.nextURL = next
        run.nextSkip = nextSkip
        return items.count
    }

    private func label(_ kind: HubSyncOptions.Kind) -> String {
        var label = "sync \(kind.rawValue) \(options.endpoint.base.host ?? options.endpoint.description)"
        if let author = options.author { label += " author=\(author)" }
        if let search = options.search { label += " search=\(search)" }
        return label
    }

    private func stored(_ run: SyncCursor.Run, _ kind: HubSyncOptions.Kind) -> String {
        "\(run.pages) page\(run.pages == 1 ? "" : "s") (\(Formatting.group(run.items)) \(kind.rawValue)) of run #\(run.id) are stored"
    }
}
