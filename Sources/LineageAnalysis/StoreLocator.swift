import Foundation
import LineageIngest
import LineageStore

/// Decides which store a command uses.
///
/// `--store PATH` or `$LINEAGE_STORE` names one. Without either, the default store in the user's data
/// directory is used when it exists; read-only commands otherwise answer from the bundled default snapshot.
public struct StoreLocator: Sendable {
    public var explicitPath: String?
    public var environment: [String: String]

    public init(explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.explicitPath = explicitPath
        self.environment = environment
    }

    /// The store a command reads, and a description of it for output.
    public enum Source: Sendable, Equatable {
        case file(String)
        case bundledDefault
    }

    public var readSource: Source {
        if let explicitPath { return .file(explicitPath) }
        let path = LineageStore.defaultPath(environment: environment)
        if environment["LINEAGE_STORE"].map({ !$0.isEmpty }) == true || FileManager.default.fileExists(atPath: path) {
            return .file(path)
        }
        return .bundledDefault
    }

    /// The path `lineage ingest` writes to.
    public var writePath: String {
        explicitPath ?? LineageStore.defaultPath(environment: environment)
    }

    /// Opens the store to read from.
    public func openForReading() throws -> (store: LineageStore, description: String) {
        switch readSource {
        case .file(let path): return (try LineageStore.open(path: path), path)
        case .bundledDefault: return (try BundledDefault.makeStore(), BundledDefault.description)
        }
    }
}
