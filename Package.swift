// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Lineage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lineage", targets: ["LineageCLI"]),
        .library(name: "LineageKit", targets: ["LineageKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // Graphviz (libgvc) through pkg-config; the shim header only includes the system headers.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // zlib through pkg-config, for gzip input; the shim header only includes <zlib.h>.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Pure-Swift graph engine: compact CSR graph and algorithms. No I/O.
        .target(name: "LineageGraph"),
        // Hub metadata: record types and parsers for the input formats.
        .target(name: "LineageHub", dependencies: ["LineageGraph", "CZlib"]),
        // SQLite store: schema, migrations, snapshots.
        .target(
            name: "LineageStore",
            dependencies: [
                "LineageHub",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Rendering over Graphviz.
        .target(name: "LineageRender", dependencies: ["CGraphviz", "LineageGraph"]),
        // Internal utilities: the error type, number formatting, text tables, output formats, bundled files.
        .target(name: "LineageSupport", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The catalog: family table, organization registry, countries, renamed ids, re-upload links.
        .target(
            name: "LineageCatalog",
            dependencies: ["LineageSupport", "LineageGraph", "LineageHub", "LineageStore"],
            resources: [
                .copy("Resources/families.csv"),
                .copy("Resources/renames.csv"),
                .copy("Resources/organizations.csv"),
                .copy("Resources/organization-aliases.csv"),
                .copy("Resources/organization-conflicts.csv"),
            ]
        ),
        // Ingest: input files into a store, atomically; the bundled default snapshot.
        .target(
            name: "LineageIngest",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageGraph", "LineageHub", "LineageStore",
            ],
            resources: [.copy("Resources/default-hub.jsonl"), .copy("Resources/ATOM-LICENSE.txt")]
        ),
        // Sync: the live Hub API into a store, resumable.
        .target(
            name: "LineageSync",
            dependencies: ["LineageSupport", "LineageCatalog", "LineageGraph", "LineageHub", "LineageStore"]
        ),
        // Analysis: the session, questions, downstream entities and reports.
        .target(
            name: "LineageAnalysis",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageIngest", "LineageGraph", "LineageHub", "LineageStore",
            ],
            // A copy of queries/*.query (a test keeps the two equal), so saved queries work outside the checkout.
            resources: [.copy("Resources/queries")]
        ),
        // Maps: selecting, styling and drawing a lineage map.
        .target(
            name: "LineageMaps",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageGraph", "LineageStore", "LineageRender",
            ]
        ),
        // Export: GraphML, CSV/TSV and JSON Lines of the lineage graph; CycloneDX AI-BOMs with pedigree.
        .target(
            name: "LineageExport",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageGraph", "LineageHub", "LineageStore",
                "LineageMaps",
            ]
        ),
        // The library the CLI drives: re-exports the rooms above.
        .target(
            name: "LineageKit",
            dependencies: [
                "LineageSupport", "LineageGraph", "LineageHub", "LineageStore", "LineageRender", "LineageCatalog",
                "LineageIngest", "LineageSync", "LineageAnalysis", "LineageMaps", "LineageExport",
            ]
        ),
        // Not shipped in the library product: the synthetic Hub generator and the benchmarks.
        .target(
            name: "LineageSynth",
            dependencies: ["LineageSupport", "LineageCatalog", "LineageGraph", "LineageHub"]
        ),
        .target(
            name: "LineageBench",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageSynth", "LineageGraph", "LineageStore",
            ]
        ),
        .executableTarget(
            name: "LineageCLI",
            dependencies: [
                "LineageKit", "LineageSynth", "LineageBench", "LineageGraph", "LineageHub", "LineageStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LineageGraphTests", dependencies: ["LineageGraph"]),
        .testTarget(name: "LineageHubTests", dependencies: ["LineageHub", "CZlib"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LineageStoreTests",
            dependencies: ["LineageStore", "LineageHub", "LineageGraph", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "LineageRenderTests", dependencies: ["LineageRender", "CGraphviz"]),
        .testTarget(
            name: "LineageKitTests",
            dependencies: ["LineageKit", "LineageSynth", "LineageGraph", "LineageHub", "LineageStore", "LineageRender", "CZlib"]
        ),
        .testTarget(
            name: "LineageCLITests",
            dependencies: ["LineageKit", "LineageStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
