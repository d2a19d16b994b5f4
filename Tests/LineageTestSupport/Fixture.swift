import Foundation

/// Committed input files shared by the test targets (`Tests/LineageTestSupport/Fixtures`): Hub files,
/// Spaces, BOMs and the fuzz seed corpus.
package enum Fixture {
    /// The folder beside this source file; test targets reach it through this type, not their own paths.
    package static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    package static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}
