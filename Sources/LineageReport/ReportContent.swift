import LineageSupport

/// What one HTML report says, before it is written: figures, a map, tables and the lines that qualify them.
///
/// Every string is plain text; `HTMLReport` escapes it. Only `map.svg` is markup, and it must come from
/// Graphviz (which escapes what it draws).
public struct ReportContent: Sendable, Equatable {
    /// One headline figure: a label and its value as printed (`617,210`).
    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A table with a caption; `numeric` marks right-aligned columns; `links` holds an optional URL per row
    /// for the first cell.
    public struct Table: Sendable, Equatable {
        public var caption: String
        public var header: [String]
        public var rows: [[String]]
        public var numeric: Set<Int>
        public var links: [String?]
        public init(caption: String, header: [String], rows: [[String]], numeric: Set<Int> = [], links: [String?] = []) {
            self.caption = caption
            self.header = header
            self.rows = rows
            self.numeric = numeric
            self.links = links
        }
    }

    /// A lineage map drawn by Graphviz as SVG, with what it shows in words (the figure's caption and alt text).
    public struct Map: Sendable, Equatable {
        public var svg: String
        public var description: String
        public init(svg: String, description: String) {
            self.svg = svg
            self.description = description
        }
    }

    /// A titled part of the report: paragraphs, then an optional table.
    public struct Section: Sendable, Equatable {
        public var heading: String
        public var paragraphs: [String]
        public var table: Table?
        public init(heading: String, paragraphs: [String] = [], table: Table? = nil) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.table = table
        }
    }

    public var title: String
    /// The store and what it was built from, e.g. `bundled default (hub-stats 2026-…)`.
    public var store: String
    public var figures: [Figure]
    public var map: Map?
    public var sections: [Section]
    /// The line every page ends with: how the report was made (the command), never a timestamp, so the
    /// same store and question give the same bytes.
    public var provenance: String

    public init(title: String, store: String, figures: [Figure] = [], map: Map? = nil, sections: [Section] = [], provenance: String) {
        self.title = title
        self.store = store
        self.figures = figures
        self.map = map
        self.sections = sections
        self.provenance = provenance
    }
}
