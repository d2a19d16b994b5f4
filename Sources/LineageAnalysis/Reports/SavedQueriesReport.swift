import LineageSupport

/// What `lineage queries` prints: the saved queries found, with where each comes from.
public struct SavedQueriesReport: Sendable, Encodable, TabularReport {
    public struct Entry: Sendable, Encodable {
        /// What to pass to `lineage ask` to run it.
        public var file: String
        /// `./queries`, the folder given, or `bundled`.
        public var from: String
        public var description: String
        public var question: String
    }

    public var queries: [Entry]

    public init(_ found: [SavedQuery.Found]) {
        queries = found.map { Entry(file: $0.argument, from: $0.origin, description: $0.query.description, question: $0.query.question) }
    }

    public var summaryLines: [String] { [] }
    public var columns: [String] { ["file", "from", "description", "question"] }
    public var rows: [[String]] { queries.map { [$0.file, $0.from, $0.description, $0.question] } }
    public var numericColumns: Set<Int> { [] }
}
