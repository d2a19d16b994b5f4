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
                "LineageSupport", "LineageGraph", "LineageHub",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Rendering over Graphviz.
        .target(name: "LineageRender", dependencies: ["CGraphviz"]),
        // Internal utilities: the error type, number formatting, text tables, output formats, bundled files.
        .target(name: "LineageSupport", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The catalog: family table, organization registry, countries, renamed ids, re-upload links.
        .target(
            name: "LineageCatalog",
            dependencies: ["LineageSupport", "LineageGraph", "LineageHub", "LineageStore"],
            resources: [
                .copy("Resources/countries.csv"),
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
        // Claims: public claims checked against a store, with their definitions, coverage and verdicts.
        .target(
            name: "LineageClaims",
            dependencies: ["LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageGraph", "LineageHub", "LineageStore"],
            // The shipped claims; a copy of queries/claims.txt (a test keeps the two equal).
            resources: [.copy("Resources/claims.txt")]
        ),
        // Maps: selecting, styling and drawing a lineage map.
        .target(
            name: "LineageMaps",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageGraph", "LineageStore", "LineageRender",
            ]
        ),
        // Reports: one self-contained HTML file with figures, the map and the organizations.
        .target(
            name: "LineageReport",
            dependencies: ["LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageMaps"]
        ),
        // History: what changed between two dates of a store (added and removed models, new edges).
        .target(
            name: "LineageHistory",
            dependencies: ["LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageGraph", "LineageHub", "LineageStore"]
        ),
        // Time: timelines of new derivatives, charts with dated events, before/after an event.
        .target(
            name: "LineageTimeline",
            dependencies: [
                "LineageSupport", "LineageCatalog", "LineageAnalysis", "LineageGraph", "LineageHub", "LineageStore",
                "LineageRender",
            ],
            resources: [.copy("Resources/events.csv")]
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
                "LineageIngest", "LineageSync", "LineageAnalysis", "LineageMaps", "LineageReport", "LineageHistory",
                "LineageTimeline", "LineageExport", "LineageClaims",
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
        // Shared by the test targets: fixtures, goldens, temporary directories, a scripted Hub server, fuzz mutator.
        .target(
            name: "LineageTestSupport",
            dependencies: ["LineageKit", "LineageStore", "CZlib"],
            path: "Tests/LineageTestSupport",
            exclude: ["Fixtures", "Goldens"]
        ),
        .testTarget(name: "LineageGraphTests", dependencies: ["LineageGraph"]),
        .testTarget(name: "LineageHubTests", dependencies: ["LineageHub", "LineageGraph", "LineageTestSupport", "CZlib"]),
        .testTarget(
            name: "LineageStoreTests",
            dependencies: [
                "LineageStore", "LineageHub", "LineageGraph", "LineageTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "LineageRenderTests", dependencies: ["LineageRender", "CGraphviz"]),
        .testTarget(name: "LineageCatalogTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(name: "LineageIngestTests", dependencies: ["LineageKit", "LineageTestSupport", "CZlib"]),
        .testTarget(name: "LineageSyncTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(name: "LineageAnalysisTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(name: "LineageMapsTests", dependencies: ["LineageKit", "LineageSynth", "LineageTestSupport"]),
        .testTarget(name: "LineageSynthTests", dependencies: ["LineageKit", "LineageSynth", "LineageTestSupport"]),
        .testTarget(name: "LineageTimelineTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(name: "LineageExportTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(name: "LineageReportTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(name: "LineageHistoryTests", dependencies: ["LineageKit", "LineageHub", "LineageStore", "LineageTestSupport"]),
        .testTarget(name: "LineageKitTests", dependencies: ["LineageKit"]),
        .testTarget(name: "LineageClaimsTests", dependencies: ["LineageKit", "LineageTestSupport"]),
        .testTarget(
            name: "LineageCLITests",
            dependencies: ["LineageKit", "LineageStore", "LineageTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
