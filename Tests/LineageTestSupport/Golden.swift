import Foundation

/// Golden files (`Tests/LineageTestSupport/Goldens`): expected DOT, JSON and other outputs, byte for byte.
///
/// `LINEAGE_RECORD_GOLDENS=1 swift test --filter …` rewrites a golden with what the code produced and then
/// FAILS the test (a recording run never passes, so it cannot hide a regression); review the diff and run again.
package enum Golden {
    package static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    /// Why `actual` does not match golden `name` (a path under `Goldens/`), or nil when it matches.
    package static func mismatch(_ actual: String, name: String) -> String? {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LINEAGE_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try Data(actual.utf8).write(to: url) } catch { return "cannot record \(name): \(error)" }
            return "recorded \(name); check the diff, then run again without LINEAGE_RECORD_GOLDENS"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden \(name) is missing; LINEAGE_RECORD_GOLDENS=1 records it"
        }
        return actual == expected ? nil : "\(name) differs from the golden; LINEAGE_RECORD_GOLDENS=1 rewrites it"
    }
}
