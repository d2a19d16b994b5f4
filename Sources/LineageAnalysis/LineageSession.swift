import Foundation
import LineageCatalog
import LineageIngest
import LineageStore

/// What every read command opens, opened the same way for all of them: the store (``StoreLocator``:
/// `--store`, `$LINEAGE_STORE`, the default store, else the bundled default snapshot), the lineage graph
/// with re-uploads linked to family roots (``LineageQueries``), the family catalog (shipped rows and
/// `--families`) and the organization registry (bundled rows, the store's rows, then `--registry`).
///
/// Each part is opened when a command asks for it, once per call: `registry show` never loads a graph,
/// `reach` never reads the registry, and a `--registry` file is read only by commands that use it.
public struct LineageSession: Sendable {
    public var locator: StoreLocator
    /// A CSV of the user's families, added to the shipped ones (`--families`).
    public var familiesFile: String?
    /// A registry CSV layered over the bundled and the store's rows (`--registry`).
    public var registryFile: String?
    /// Leave out edges whose relation was inferred, and re-upload links (`--declared-only`).
    public var declaredOnly: Bool
    /// Keep models marked removed from the Hub in the graph (`--include-removed`; docs/STORE.md, History).
    public var includeRemoved: Bool

    public init(
        locator: StoreLocator, familiesFile: String? = nil, registryFile: String? = nil, declaredOnly: Bool = false,
        includeRemoved: Bool = false
    ) {
        self.locator = locator
        self.familiesFile = familiesFile
        self.registryFile = registryFile
        self.declaredOnly = declaredOnly
        self.includeRemoved = includeRemoved
    }

    /// The family catalog: the shipped rows, then the user's families file.
    public func catalog() throws -> FamilyCatalog {
        try FamilyCatalog.load(userFile: familiesFile)
    }

    /// The organization registry: bundled rows, the rows of the store when it exists on disk (the Hub's
    /// answers beneath the bundled rows, `registry add|import` above), then the `--registry` file.
    public func registry() throws -> OrganizationRegistry {
        try OrganizationRegistry.load(locator: locator, userFile: registryFile)
    }

    /// The store to read, and its description for output (a path, or the bundled default's name).
    public func openStore() throws -> (store: LineageStore, description: String) {
        try locator.openForReading()
    }

    /// The queries over the store's graph with the catalog's roots resolved and re-uploads linked (none
    /// with `declaredOnly`, which also drops inferred edges), and the store's description.
    public func queries() throws -> (queries: LineageQueries, store: String) {
        let catalog = try catalog()
        let (store, description) = try openStore()
        var data = try store.graphData(includeRemoved: includeRemoved)
        if declaredOnly { data = data.declaredOnly() }
        return (LineageQueries(loaded: LoadedGraph(data: data), catalog: catalog, linkReuploads: !declaredOnly), description)
    }

    /// Downstream entities of `queries` with this session's registry; papers that model-card templates
    /// cite whatever the model are left out unless `allPapers`.
    public func downstreamIndex(_ queries: LineageQueries, allPapers: Bool = false) throws -> DownstreamIndex {
        var index = DownstreamIndex(queries: queries, registry: try registry())
        if allPapers { index.excludedPapers = [] }
        return index
    }

    /// An answerer of questions over `queries` with this session's registry; its answers start with the
    /// note for a store with no or few Hub models.
    public func answerer(_ queries: LineageQueries, store: String, allPapers: Bool = false) throws -> QuestionAnswerer {
        var answerer = QuestionAnswerer(queries: queries, registry: try registry(), store: store)
        answerer.storeNote = StoreSizeNote.text(for: queries.loaded.data, store: store)
        answerer.allPapers = allPapers
        return answerer
    }
}
