import Foundation

/// The Python interpreter the export and BOM checks run: `.build/python` (made by `.ci/run` with
/// cyclonedx-python-lib, duckdb and networkx), else the system `python3`, when it imports every module asked for.
enum PythonTools {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Interpreters that import networkx, and cyclonedx's JSON validation, looked up once.
    static let withNetworkx = python(with: ["networkx"])
    static let withCycloneDX = python(with: ["cyclonedx.validation.json"])

    static func python(with modules: [String]) -> String? {
        for candidate in [repository.appendingPathComponent(".build/python/bin/python").path, "/usr/bin/python3"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            if (try? run(candidate, ["-c", modules.map { "import \($0)" }.joined(separator: "; ")]))?.status == 0 { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`; returns its exit status and standard output and error together.
    /// Output goes through a temporary file, not a pipe: reading a pipe with Foundation can trap on EINTR.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-python-\(UUID().uuidString).log").path
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
