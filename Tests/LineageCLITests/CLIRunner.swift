import Foundation

/// Runs the built `lineage` binary (next to the test bundle in `.build/<config>/`) as a child process.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var killedBySignal: Bool
    }

    static var binary: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On Linux the tests run from `.build/<config>/LineagePackageTests.xctest`.
        if directory.lastPathComponent.hasSuffix(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent("lineage").path
    }

    var environment: [String: String]
    /// The working directory of the child (this process's when nil).
    var currentDirectory: String?

    /// An environment in which the default store lives under `home` (so the user's real store is never touched).
    init(home: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_DATA_HOME"] = home + "/data"
        environment.removeValue(forKey: "LINEAGE_STORE")
        self.environment = environment
    }

    func run(_ arguments: [String]) throws -> Result {
        try finish(try start(arguments))
    }

    private final class Captured: @unchecked Sendable {
        var out = Data()
        var err = Data()
    }

    /// Starts the binary; read its output with `finish`.
    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    func finish(_ started: (Process, Pipe, Pipe)) throws -> Result {
        let (process, out, err) = started
        let captured = Captured()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            captured.err = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        captured.out = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: captured.out, as: UTF8.self),
            stderr: String(decoding: captured.err, as: UTF8.self),
            killedBySignal: process.terminationReason == .uncaughtSignal)
    }
}
