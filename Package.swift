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
        // The library the CLI drives: ingest pipeline, stats, bundled default data.
        .target(
            name: "LineageKit",
            dependencies: [
                "LineageGraph", "LineageHub", "LineageStore", "LineageRender",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .copy("Resources/default-hub.jsonl"),
                .copy("Resources/families.csv"),
                .copy("Resources/renames.csv"),
                .copy("Resources/ATOM-LICENSE.txt"),
                .copy("Resources/organizations.csv"),
                .copy("Resources/organization-aliases.csv"),
                .copy("Resources/organization-conflicts.csv"),
                // A copy of queries/*.query (a test keeps the two equal), so saved queries work outside the checkout.
                .copy("Resources/queries"),
            ]
        ),
        .executableTarget(
            name: "LineageCLI",
            dependencies: ["LineageKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LineageGraphTests", dependencies: ["LineageGraph"]),
        .testTarget(name: "LineageHubTests", dependencies: ["LineageHub", "CZlib"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LineageStoreTests",
            dependencies: ["LineageStore", "LineageHub", "LineageGraph", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "LineageRenderTests", dependencies: ["LineageRender", "CGraphviz"]),
        .testTarget(name: "LineageKitTests", dependencies: ["LineageKit", "CZlib"]),
        .testTarget(name: "LineageCLITests", dependencies: ["LineageKit"]),
    ],
    swiftLanguageModes: [.v6]
)
