import LineageKit
import Testing

/// `import LineageKit` alone must bring every room of the library (Exports.swift re-exports them).
@Suite("LineageKit umbrella")
struct ExportsTests {
    @Test("one public type of each module is reachable through LineageKit alone")
    func reExportsEveryModule() throws {
        let types: [Any.Type] = [
            LineageGraph.self,  // LineageGraph
            ModelRecord.self,  // LineageHub
            LineageStore.self,  // LineageStore
            Graphviz.self,  // LineageRender
            TextTable.self,  // LineageSupport
            FamilyCatalog.self,  // LineageCatalog
            Ingestor.self,  // LineageIngest
            HubSync.self,  // LineageSync
            QuestionAnswerer.self,  // LineageAnalysis
            LineageMap.self,  // LineageMaps
        ]
        #expect(Set(types.map { String(reflecting: $0).split(separator: ".").first.map(String.init) ?? "" }).count == types.count)
    }
}
