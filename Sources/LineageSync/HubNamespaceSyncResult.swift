import LineageSupport
/// What one `lineage sync --namespaces` did.
public struct HubNamespaceSyncResult: Sendable, Equatable {
    /// Namespaces asked in this run, and what the Hub said.
    public var asked = 0
    public var users = 0
    public var organizations = 0
    /// Neither overview exists (renamed or deleted accounts).
    public var notFound = 0
    /// Answers stored, and the transactions that stored them.
    public var stored = 0
    public var batches = 0
    /// Skipped: answered by an earlier run (unless refreshing), or holding a row the user added.
    public var answeredBefore = 0
    public var keptUserRows = 0
    /// Not asked because of the run's limit; the next run asks them.
    public var left = 0
    /// Names that cannot be Hub namespaces, never sent.
    public var invalid: [String] = []
    public var seconds: Double = 0

    public init() {}

    /// `namespaces: 120 asked (100 users, 18 organizations, 2 not found); 30 answered before; …`.
    public var text: String {
        var line = "namespaces: \(Formatting.group(asked)) asked (\(Formatting.group(users)) users, "
            + "\(Formatting.group(organizations)) organizations, \(Formatting.group(notFound)) not found)"
        if answeredBefore > 0 { line += "; \(Formatting.group(answeredBefore)) answered before (--restart asks again)" }
        if keptUserRows > 0 { line += "; \(Formatting.group(keptUserRows)) with a row you added, kept" }
        if !invalid.isEmpty {
            let shown = invalid.prefix(3).map(Self.printable).joined(separator: ", ")
            line += "; \(invalid.count) not namespaces, skipped (\(shown)\(invalid.count > 3 ? ", …" : ""))"
        }
        line += left > 0 ? "; \(Formatting.group(left)) left for the next run (--limit)" : "; done"
        return line
    }

    /// `name` safe for a terminal: control and non-ASCII characters as `\u{…}`.
    public static func printable(_ name: String) -> String {
        name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
    }
}
