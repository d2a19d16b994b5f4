import ArgumentParser
import Foundation
import LineageHub
import LineageKit
import LineageStore

extension Lineage {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the store up to date from the live Hugging Face Hub API.",
            discussion: """
                Pages through GET /api/models (and /api/spaces with --spaces), newest change first, \
                following the Link rel="next" header, and commits every page as it arrives into one \
                snapshot per sync. Lineage comes from base_model: tags and cardData.base_model.

                Incremental: without --since, a sync reads only what changed after the last completed \
                sync of the same endpoint and filters. Resumable: the next page's URL is saved with each \
                page, so after ^C, a crash, --limit or an error, `lineage sync` continues where it stopped \
                (--restart starts over).

                Token: --token-file, else HF_TOKEN, else the token `huggingface-cli login` saved. It is sent \
                as a bearer header to the endpoint only, and never printed or stored. Endpoint: --endpoint, \
                else HF_ENDPOINT, else https://huggingface.co.

                Politeness: a 429 is waited out for as long as its RateLimit header says; 5xx answers and \
                connection failures are retried with exponential backoff and jitter, a bounded number of \
                times. Waits show on the progress line.

                --namespaces asks the Hub, for each author namespace of the store's models (most downloaded \
                first) or for the NAMESPACEs given, whether it is a user or an organization (GET \
                /api/users/NAME/overview, then /api/organizations/NAME/overview, as huggingface_hub's \
                get_user_overview and get_organization_overview do). Each answer is stored as a registry row \
                with source hub-api: kind individual or organization. It never overrides the bundled registry \
                or your rows; `lineage registry conflicts` lists where it disagrees. Answered namespaces are \
                skipped on the next run (--restart asks again).

                Examples:
                  lineage sync                                      # models changed since the last sync
                  lineage sync --author Qwen --limit 5000           # one namespace, at most 5,000 models now
                  lineage sync --models --spaces --since 2025-01-01 # models and Spaces changed since a date
                  HF_TOKEN=hf_... lineage sync --store hub.sqlite
                  lineage sync --status                             # how current each synced scope is
                  lineage sync --namespaces --limit 500             # user or organization, for 500 authors
                  lineage sync --namespaces TheBloke QuantFactory   # just these
                """)

        @Flag(help: "Sync models (the default when neither --models nor --spaces is given).")
        var models = false

        @Flag(help: "Sync Spaces and the models they use (with --models too, models first).")
        var spaces = false

        @Option(help: ArgumentHelp("Only repositories of this namespace (user or organization).", valueName: "namespace"))
        var author: String?

        @Option(help: ArgumentHelp("Only repositories whose id contains this text.", valueName: "text"))
        var search: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this many items of each kind; the next sync continues.", valueName: "n"))
        var limit: Int?

        @Option(help: ArgumentHelp("Fetch what changed since this date (YYYY-MM-DD or an ISO 8601 time) instead of since the last sync.", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("The Hub to read (default: $HF_ENDPOINT, else https://huggingface.co).", valueName: "url"))
        var endpoint: String?

        @Option(help: ArgumentHelp("Read the access token from this file instead of $HF_TOKEN.", valueName: "path"))
        var tokenFile: String?

        @Flag(help: "Start a new run instead of continuing a stopped one.")
        var restart = false

        @Flag(help: "Show what each sync scope has stored and where a stopped run stands, then exit.")
        var status = false

        @Flag(help: "Ask the Hub whether each author namespace is a user or an organization, and record the answers in the registry (source hub-api).")
        var namespaces = false

        @Argument(help: ArgumentHelp("With --namespaces: only these namespaces (default: every author in the store).", valueName: "namespace"))
        var names: [String] = []

        @OptionGroup var storeOptions: StoreOptions

        @OptionGroup var reporting: QuietFlag

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
            if let since, HubTimestamp.parse(since) == nil {
                throw ValidationError("--since \"\(since)\" is not a date like 2025-01-31 or 2025-01-31T12:00:00Z")
            }
            if let author, author.isEmpty || author.contains("/") { throw ValidationError("--author takes a namespace, like Qwen") }
            if !names.isEmpty, !namespaces { throw ValidationError("namespaces given without --namespaces: `lineage sync --namespaces \(names.joined(separator: " "))`") }
            if namespaces, models || spaces || author != nil || search != nil || since != nil {
                throw ValidationError("--namespaces asks about authors only; run --models, --spaces, --author, --search or --since in a separate sync")
            }
            if let bad = names.first(where: { !HubNamespaceSync.isNamespace($0) }) {
                throw ValidationError("'\(HubNamespaceSyncResult.printable(bad))' is not a Hub namespace (letters, digits, '-', '_', '.')")
            }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let path = storeOptions.locator.writePath
            if status {
                print(HubSyncStatusText.render(try LineageStore.open(path: path).syncCursors(), storePath: path))
                return
            }
            let hub = try HubEndpoint.resolve(explicit: endpoint, environment: environment)
            var options = HubSyncOptions(endpoint: hub)
            options.kinds = (models || !spaces ? [.models] : []) + (spaces ? [.spaces] : [])
            options.author = author
            options.search = search
            options.limit = limit
            options.since = since.flatMap(HubTimestamp.parse)
            options.restart = restart
            options.token = try HubToken.resolve(tokenFile: tokenFile, environment: environment)
            if let token = options.token, hub.isInsecureRemote, !reporting.quiet {
                FileHandle.standardError.write(Data("warning: sending the token (\(token.source)) over plain http to \(hub)\n".utf8))
            }
            let store = try LineageStore.openOrCreate(path: path)
            if namespaces {
                try syncNamespaces(hub: hub, token: options.token, store: store, path: path)
                return
            }
            let progress = reporting.quiet ? nil : HubSyncProgressLine()
            defer { progress?.finish() }
            let result = try HubSync(options: options).run(into: store, progress: progress.map { line in { line.update($0) } })
            progress?.finish()
            if !reporting.quiet { print(HubSyncSummaryText.render(result, storePath: path, endpoint: hub, limit: limit)) }
        }

        /// `--namespaces`: asks the Hub about the given namespaces, or every author in the store.
        private func syncNamespaces(hub: HubEndpoint, token: HubToken?, store: LineageStore, path: String) throws {
            let list = names.isEmpty ? try HubNamespaceSync.namespaces(of: store) : names
            if list.isEmpty {
                throw LineageError("\(path) holds no models to take authors from: ingest or sync models first, or name namespaces (`lineage sync --namespaces Qwen`)")
            }
            var sync = HubNamespaceSync(endpoint: hub, token: token)
            sync.limit = limit
            sync.refresh = restart
            let progress = reporting.quiet ? nil : HubSyncProgressLine()
            defer { progress?.finish() }
            let result = try sync.run(namespaces: list, into: store, progress: progress.map { line in { line.update($0) } })
            progress?.finish()
            guard !reporting.quiet else { return }
            let disagreements = try OrganizationRegistry.load(store: store).conflicts.filter { $0.otherSource == OrganizationRegistry.hubAPISource }.count
            print(result.text)
            print("From \(hub) into \(path) in \(String(format: "%.1f", result.seconds)) s; "
                + (disagreements == 0 ? "no answer disagrees with the registry." : "\(disagreements) answers disagree with the registry's kind (`lineage registry conflicts`)."))
        }
    }
}
