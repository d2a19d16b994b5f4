/// arXiv papers that model cards cite because a card template does, whatever the model: linked to a
/// family's models, they say nothing about where the models come from. Paper answers (`lineage ask`,
/// `lineage descendants --kind papers`, `lineage downstream --type paper`) leave them out and say so;
/// `--all-papers` lists them.
///
/// A paper belongs here only when a template inserts it independently of the model's content, with the
/// evidence below. Method papers that tools cite for the method actually used (mergekit's merge methods,
/// TRL's trainers) are real lineage facts and stay.
public enum BoilerplatePapers {
    /// One boilerplate paper, with why it is one.
    public struct Entry: Sendable, Equatable {
        /// The arXiv id as stored (no `arxiv:` prefix).
        public var id: String
        public var title: String
        /// Which template cites it, and how often it occurs.
        public var reason: String
    }

    /// The shipped list.
    public static let entries: [Entry] = [
        Entry(
            id: "1910.09700", title: "Quantifying the Carbon Emissions of Machine Learning",
            reason: "cited by the Hub's default model-card template (Environmental Impact section) on every card left as "
                + "generated: 56,525 of the 760,000 hub-2024-07 models, 31 times the next most tagged paper; 254 of the bundled 4,167"),
    ]

    /// The ids of `entries`.
    public static let ids: Set<String> = Set(entries.map(\.id))

    /// `Left out 1 paper that model-card templates cite (1910.09700); --all-papers lists it.`, or nil for none.
    public static func leftOutLine(_ ids: [String]) -> String? {
        guard !ids.isEmpty else { return nil }
        let one = ids.count == 1
        return "Left out \(ids.count) paper\(one ? "" : "s") that model-card templates cite whatever the model "
            + "(\(ids.joined(separator: ", "))); --all-papers lists \(one ? "it" : "them")."
    }
}
