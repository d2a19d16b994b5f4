/// A problem in an input file, located by path and 1-based line: `models.jsonl:12: "downloads" must be a number`.
public struct HubParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}
