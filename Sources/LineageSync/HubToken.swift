import Foundation
import LineageSupport

/// A Hugging Face access token. It is sent as `Authorization: Bearer …` to the Hub and nowhere else, and
/// never printed: every description of it is redacted, and `redact` scrubs it from any text.
public struct HubToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String
    /// Where it came from (`HF_TOKEN`, a file path), for messages.
    public let source: String

    /// Checks a token's text (surrounding whitespace removed): it must be non-empty and hold no spaces or
    /// control characters (it goes into an HTTP header).
    public init(_ raw: String, source: String) throws {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw SyncError("\(source) holds no token") }
        guard value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw SyncError("\(source): the token contains spaces or control characters")
        }
        self.value = value
        self.source = source
    }

    /// The token to use: `--token-file`, else `HF_TOKEN`, else the file `HF_TOKEN_PATH` names, else the
    /// one `huggingface-cli login` saved (`$HF_HOME/token`, `~/.cache/huggingface/token`); nil when none.
    public static func resolve(tokenFile: String?, environment: [String: String]) throws -> HubToken? {
        if let tokenFile { return try read(file: tokenFile) }
        if let text = environment["HF_TOKEN"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return try HubToken(text, source: "HF_TOKEN")
        }
        if let path = environment["HF_TOKEN_PATH"], !path.isEmpty { return try read(file: path) }
        let home = environment["HF_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 + "/huggingface" })
            ?? environment["HOME"].map { $0 + "/.cache/huggingface" }
        if let home, FileManager.default.isReadableFile(atPath: home + "/token") {
            return try read(file: home + "/token")
        }
        return nil
    }

    private static func read(file: String) throws -> HubToken {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: file) else {
            throw SyncError("cannot read the token file \(file)")
        }
        return try HubToken(String(decoding: data, as: UTF8.self), source: "token file \(file)")
    }

    /// The `Authorization` header's value.
    package var authorization: String { "Bearer " + value }

    /// `text` with every occurrence of the token replaced by `<token>`.
    public func redact(_ text: String) -> String {
        text.replacingOccurrences(of: value, with: "<token>")
    }

    public var description: String { "<token from \(source)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
