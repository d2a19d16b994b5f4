import ArgumentParser
import Foundation
import LineageKit
import LineageStore


extension Lineage {
    /// `lineage registry list|show|add|import|conflicts|coverage`.
    struct Registry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The organization registry: country and kind of Hub namespaces, with sources.",
            discussion: """
                Layers, lowest first: the Hub's user/organization answers (`lineage sync --namespaces`, \
                source hub-api; they only fill a namespace or kind the next layer leaves unknown), the \
                bundled registry (ATOM, Epoch AI and curated rows), the rows \
                added to the store with `registry add|import`, and a --registry FILE. A higher layer's \
                row replaces a lower one's for its namespace; every such change of country or kind is \
                listed by `registry conflicts`, beside disagreements between the upstream sources.

                A registry CSV has the header namespace,name,country,kind,source,evidence. country is \
                an ISO 3166-1 alpha-2 code; kind is one of big-tech, startup, company, academic, \
                nonprofit, government, community, organization (an organization of unknown kind), individual. Empty means unknown.

                Examples:
                  lineage registry list --country CN
                  lineage registry show Qwen
                  lineage registry add acme-ai --country US --kind startup --name "Acme AI" --evidence "acme.ai/about"
                  lineage registry import my-orgs.csv
                  lineage registry coverage
                """,
            subcommands: [List.self, Show.self, Add.self, Import.self, Conflicts.self, Coverage.self],
            defaultSubcommand: List.self)
    }
}

/// Options shared by the registry subcommands: the store, `--registry` and the output format.
struct RegistryOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var registry: RegistryFileOption

    @Option(help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    /// The session: the registry is bundled, the store's rows when a store exists, then --registry.
    var session: LineageSession {
        LineageSession(locator: storeOptions.locator, registryFile: registry.file)
    }
}

extension Lineage.Registry {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registry's namespaces, with coverage of the store.")

        @OptionGroup var owners: OwnerFilterOptions

        @Flag(help: "Only namespaces with no known country.")
        var unknown = false

        @OptionGroup var options: RegistryOptions

        func run() throws {
            let registry = try options.session.registry()
            let rows = registry.organizations(
                countries: try owners.countries(), kinds: try owners.kinds(), unknownCountryOnly: unknown)
            let (queries, store) = try options.session.openQueries()
            let coverage = DownstreamIndex(queries: queries, registry: registry).coverage()
            print(try RegistryListReport(registry: registry, organizations: rows, coverage: coverage, store: store).render(options.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one namespace: country, kind, source, evidence, overridden rows and conflicts.")

        @Argument(help: ArgumentHelp("The Hub namespace.", valueName: "namespace"))
        var namespace: String

        @OptionGroup var options: RegistryOptions

        func run() throws {
            print(try RegistryEntryReport(namespace: namespace, registry: try options.session.registry()).render(options.format))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or replace a namespace, or a BOM supplier, in the store's registry layer.",
            discussion: """
                A project ingested from a CycloneDX BOM is attributed to its supplier \
                (metadata.component.supplier.name). A supplier that is a company name rather than a Hub \
                namespace is registered by that name with --supplier; a name with spaces given in place \
                of the namespace is accepted too when a project of the store names it as its supplier.

                The store is created when absent, starting from the bundled default snapshot.

                Examples:
                  lineage registry add acme-ai --country US --kind startup --name "Acme AI" --evidence "acme.ai/about"
                  lineage registry add --supplier "Acme AI Inc." --country US --kind startup
                """)

        @Argument(help: ArgumentHelp("The Hub namespace.", valueName: "namespace"))
        var namespace: String?

        @Option(help: ArgumentHelp("A BOM supplier's name as its BOM spells it, instead of a namespace.", valueName: "name"))
        var supplier: String?

        @Option(help: ArgumentHelp("ISO 3166-1 alpha-2 country code.", valueName: "code"))
        var country: String?

        @Option(help: ArgumentHelp("Kind: \(OrganizationKind.list).", valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("The organization's name.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Where the country and kind come from (default: user).", valueName: "source"))
        var source = "user"

        @Option(help: ArgumentHelp("A short note a reader can check (a URL, a statement).", valueName: "text"))
        var evidence: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if (namespace == nil) == (supplier == nil) { throw ValidationError("Name a namespace, or a supplier with --supplier NAME (not both)") }
            if country == nil && kind == nil && name == nil { throw ValidationError("Give at least one of --country, --kind, --name") }
        }

        func run() throws {
            let locator = storeOptions.locator
            var key = supplier ?? namespace ?? ""
            var isSupplier = supplier != nil
            if !isSupplier, key.contains("/") || key.contains(where: \.isWhitespace) {
                // A company name typed where a namespace goes: fine when a project names it as its supplier.
                let suppliers = try Self.projectSuppliers(locator)
                guard let match = suppliers.first(where: { $0.lowercased() == key.trimmingCharacters(in: .whitespaces).lowercased() }) else {
                    throw LineageError("'\(key)' is not a Hub namespace (no '/' or spaces); to register a BOM supplier by its name, "
                        + "use `lineage registry add --supplier \"\(key)\" …`"
                        + (suppliers.isEmpty ? "" : " (suppliers of this store's projects: \(suppliers.prefix(5).joined(separator: ", ")))"))
                }
                key = match
                isSupplier = true
            }
            let organization = try OrganizationRegistry.validated(
                namespace: key, name: name ?? (isSupplier ? key : nil), country: country, kind: kind, source: source,
                evidence: evidence, layer: "store", supplier: isSupplier)
            let (path, _, startedFrom) = try OrganizationRegistry.addToStore([organization], locator: locator)
            if let startedFrom { print(IngestSummaryText.bundledDefaultLine(startedFrom)) }
            print("\(path): \(isSupplier ? "supplier " : "")\(organization.namespace) → country \(organization.country ?? "unknown"), kind "
                + "\(organization.kind?.rawValue ?? "unknown") (\(organization.source))")
        }

        /// The suppliers named by the projects of the store `locator` reads, when it exists.
        static func projectSuppliers(_ locator: StoreLocator) throws -> [String] {
            guard case .file(let path) = locator.readSource, FileManager.default.fileExists(atPath: path) else { return [] }
            return try LineageStore.open(path: path).projectSuppliers()
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or replace the rows of a registry CSV in the store's registry layer (all or nothing).")

        @Argument(help: ArgumentHelp("CSV with header namespace,name,country,kind,source,evidence.", valueName: "file"))
        var file: String

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let rows = try OrganizationRegistry.parse(
                contentsOf: file, layer: "store", defaultSource: "user file \((file as NSString).lastPathComponent)")
            let (path, replaced, startedFrom) = try OrganizationRegistry.addToStore(rows, locator: storeOptions.locator)
            if let startedFrom { print(IngestSummaryText.bundledDefaultLine(startedFrom)) }
            print("\(path): imported \(rows.count) rows from \(file) (\(rows.count - replaced) new, \(replaced) replaced)")
        }
    }

    struct Conflicts: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List where registry sources and layers disagree.")

        @OptionGroup var options: RegistryOptions

        func run() throws {
            print(try RegistryConflictsReport(conflicts: try options.session.registry().conflicts).render(options.format))
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Share of derivative models, and of their downloads, whose author has a known kind, a known country, or both.",
            discussion: """
                Derivative models are models with at least one parent; their author is the model's author, \
                else its id's namespace. Rows: a known kind (organization, an organization of unknown kind, \
                included), a kind more specific than organization, a known country, both, and the models of \
                organizations (any kind but individual) with the share of those that have a known country. \
                --format json gives every count and share.
                """)

        @OptionGroup var options: RegistryOptions

        func run() throws {
            let (queries, store) = try options.session.openQueries()
            let coverage = try options.session.downstreamIndex(queries).coverage()
            print(try RegistryCoverageReport(coverage: coverage, store: store).render(options.format))
        }
    }
}

/// Parsing and store access shared by the registry and downstream commands.
enum RegistryCommandSupport {
    /// `US,cn` → `{US, CN}`, `EU` → its members: every word of `CountryVocabulary`.
    static func countries(_ list: String) throws -> Set<String> {
        Set(try CountryVocabulary.bundled.countries(list: list).codes)
    }

    static func kinds(_ list: String) throws -> Set<OrganizationKind> {
        var out = Set<OrganizationKind>()
        for word in list.split(separator: ",").map(String.init) where !word.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let kind = OrganizationKind(word: word) else { throw ValidationError("unknown kind '\(word)': use \(OrganizationKind.list)") }
            out.insert(kind)
        }
        return out
    }

}
