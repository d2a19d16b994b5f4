import Foundation

/// Files shipped in a module's resource bundle, found without `Bundle.module` (which aborts the process
/// when the bundle is missing, e.g. after copying only the binary).
///
/// Each module that ships data (`LineageCatalog`, `LineageIngest`, `LineageAnalysis`) keeps it in its own
/// `Resources/` folder, installed by SwiftPM as `Lineage_<module>.resources` beside the executable.
package enum BundledResource {
    /// The path of resource `name` of `module`: under `$LINEAGE_RESOURCES`, beside the executable
    /// (SwiftPM's resource bundle), or in the source tree (a development checkout).
    package static func path(
        _ name: String, module: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LineageError) -> String {
        var candidates: [String] = []
        if let directory = environment["LINEAGE_RESOURCES"], !directory.isEmpty { candidates.append("\(directory)/\(name)") }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var directory = (executable as NSString).deletingLastPathComponent
        if directory.hasSuffix(".xctest") { directory = (directory as NSString).deletingLastPathComponent }
        let bundleName = "Lineage_\(module)"
        for bundle in ["\(bundleName).resources", "\(bundleName).bundle", "\(bundleName).bundle/Contents/Resources"] {
            candidates.append("\(directory)/\(bundle)/\(name)")
        }
        if let url = Bundle.main.resourceURL {
            candidates.append(url.appendingPathComponent("\(bundleName).resources/\(name)").path)
        }
        // Sources/LineageSupport/BundledResource.swift → Sources/<module>/Resources/<name>
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("\(module)/Resources/\(name)").path)
        for candidate in candidates where FileManager.default.isReadableFile(atPath: candidate) {
            return candidate
        }
        throw LineageError("the bundled resource \(name) is missing from this installation; set LINEAGE_RESOURCES to the folder that holds it")
    }
}
