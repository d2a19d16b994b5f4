// LineageKit: the umbrella the `lineage` command imports. Each room of the library is its own module;
// this file re-exports them so `import LineageKit` brings the whole public API.
@_exported import LineageAnalysis
@_exported import LineageCatalog
@_exported import LineageClaims
@_exported import LineageExport
@_exported import LineageGraph
@_exported import LineageHistory
@_exported import LineageHub
@_exported import LineageIngest
@_exported import LineageMaps
@_exported import LineageRender
@_exported import LineageReport
@_exported import LineageStore
@_exported import LineageSupport
@_exported import LineageSync
@_exported import LineageTimeline
