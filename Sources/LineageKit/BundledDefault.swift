import Foundation
import LineageStore

/// The default snapshot shipped inside the package: 4,167 real Hub models from the hub-stats dump
/// (Apache-2.0), slimmed by `scripts/build-default-snapshot.py`.
public enum BundledDefault {
    /// The file name of the resource.
    public static let fileName = "default-hub.jsonl"
    /// What the snapshot is, for output.
    public static let description = "bundled default snapshot (hub-stats-2026, 4,167 Hub models)"

    /// Finds the resource without `Bundle.module`, which aborts the process when the bundle is missing.
    /// Looks at `$LINEAGE_DEFAULT_DATA`, then beside the executable (SwiftPM's resource bundle), then the
    /// source tree (a development checkout).
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) throws(LineageError) -> String {
        var candidates: [String] = []
        if let explicit = environment["LINEAGE_DEFAULT_DATA"], !explicit.isEmpty { candidates.append(explicit) }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let directory = (executable as NSString).deletingLastPathComponent
        for bundle in ["Lineage_LineageKit.resources", "Lineage_LineageKit.bundle", "Lineage_LineageKit.bundle/Contents/Resources"] {
            candidates.append("\(directory)/\(bundle)/\(fileName)")
        }
        if let url = Bundle.main.resourceURL {
            candidates.append(url.appendingPathComponent("Lineage_LineageKit.resources/\(fileName)").path)
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/\(fileName)").path)
        for candidate in candidates where FileManager.default.isReadableFile(atPath: candidate) {
            return candidate
        }
        throw LineageError("the bundled default snapshot (\(fileName)) is missing from this installation; set LINEAGE_DEFAULT_DATA to its path or use --store")
    }

    /// A fresh in-memory store holding the bundled default snapshot.
    public static func makeStore() throws -> LineageStore {
        let store = try LineageStore.inMemory()
        _ = try Ingestor().ingest(paths: [try path()], into: store)
        return store
    }
}
