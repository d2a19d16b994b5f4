/// A problem in an input file, located by path and 1-based line: `models.jsonl:12: "downloads" must be a number`,
/// or by byte offset where lines mean nothing (damaged gzip): `models.jsonl.gz: byte 4096: corrupt gzip data: …`.
public struct HubParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line; 0 when the problem concerns the whole file or a byte offset.
    public var line: Int
    /// Offset in the file as stored (compressed, for a gzip file) where the problem was found, when known.
    public var byteOffset: Int64?
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// A problem at a byte offset of the file as stored.
    public init(path: String, byteOffset: Int64, message: String) {
        self.path = path
        self.line = 0
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        if line > 0 { return "\(path):\(line): \(message)" }
        if let byteOffset { return "\(path): byte \(byteOffset): \(message)" }
        return "\(path): \(message)"
    }
}
