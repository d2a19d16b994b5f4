import Foundation

/// Files shipped in LineageKit's resource bundle, found without `Bundle.module` (which aborts the process
/// when the bundle is missing, e.g. after copying only the binary).
public enum BundledResource {
    /// The path of resource `name`: under `$LINEAGE_RESOURCES`, beside the executable (SwiftPM's resource
    /// bundle), or in the source tree (a development checkout).
    public static func path(
        _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LineageError) -> String {
        var candidates: [String] = []
        if let directory = environment["LINEAGE_RESOURCES"], !directory.isEmpty { candidates.append("\(directory)/\(name)") }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var directory = (executable as NSString).deletingLastPathComponent
        if directory.hasSuffix(".xctest") { directory = (directory as NSString).deletingLastPathComponent }
        for bundle in ["Lineage_LineageKit.resources", "Lineage_LineageKit.bundle", "Lineage_LineageKit.bundle/Contents/Resources"] {
            candidates.append("\(directory)/\(bundle)/\(name)")
        }
        if let url = Bundle.main.resourceURL {
            candidates.append(url.appendingPathComponent("Lineage_LineageKit.resources/\(name)").path)
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/\(name)").path)
        for candidate in candidates where FileManager.default.isReadableFile(atPath: candidate) {
            return candidate
        }
        throw LineageError("the bundled resource \(name) is missing from this installation; set LINEAGE_RESOURCES to the folder that holds it")
    }
}
