/// The file formats `lineage export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// GraphML (XML): one file with typed node and edge attributes; opens in Gephi, Cytoscape, networkx, igraph.
    case graphml
    /// Two RFC 4180 CSV files, a node list and an edge list, each with a header row.
    case csv
    /// As `csv`, tab-separated (tabs and line breaks in values become spaces).
    case tsv
    /// JSON Lines: one object per line, nodes first (`"type": "node"`), then edges (`"type": "edge"`).
    case jsonl

    /// The format a file name's extension names (`.graphml`/`.xml`, `.csv`, `.tsv`, `.jsonl`/`.ndjson`), or nil.
    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".graphml") || lowered.hasSuffix(".xml") { self = .graphml }
        else if lowered.hasSuffix(".csv") { self = .csv }
        else if lowered.hasSuffix(".tsv") { self = .tsv }
        else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { self = .jsonl }
        else { return nil }
    }

    /// Whether the format writes two files (node list and edge list) rather than one.
    public var isTwoFiles: Bool { self == .csv || self == .tsv }

    /// The extension of the files it writes, without the dot.
    public var fileExtension: String { rawValue }
}
