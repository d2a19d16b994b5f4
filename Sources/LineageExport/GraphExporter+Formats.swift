/// The three encodings of a row: GraphML elements, delimited lines and JSON objects.
extension GraphExporter {
    /// GraphML attribute types of the node columns after `id` (`long` for counts, `string` otherwise).
    static let nodeKeyTypes: [String: String] = ["downloads_30d": "long", "downloads_all_time": "long", "likes": "long"]

    func writeGraphMLHeader(to sink: inout ExportSink) {
        sink.append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        for column in Self.nodeColumns.dropFirst() {
            sink.append("  <key id=\"\(column)\" for=\"node\" attr.name=\"\(column)\" attr.type=\"\(Self.nodeKeyTypes[column] ?? "string")\"/>\n")
        }
        for column in Self.edgeColumns.dropFirst(2) {
            sink.append("  <key id=\"\(column)\" for=\"edge\" attr.name=\"\(column)\" attr.type=\"string\"/>\n")
        }
        sink.append("  <graph id=\"lineage\" edgedefault=\"directed\">\n")
    }

    /// `<node id="…">` with one `<data>` per known value (unknown values are left out, as GraphML allows).
    func appendGraphML(_ row: NodeRow, to sink: inout ExportSink) {
        sink.append("    <node id=\"")
        ExportEscaping.appendXML(row.id, to: &sink.buffer)
        sink.append("\">")
        let cells = Self.cells(row)
        for (column, value) in zip(Self.nodeColumns, cells).dropFirst() where !value.isEmpty {
            sink.append("<data key=\"\(column)\">")
            ExportEscaping.appendXML(value, to: &sink.buffer)
            sink.append("</data>")
        }
        sink.append("</node>\n")
    }

    func appendGraphMLEdge(_ edge: (source: String, target: String, relation: String, provenance: String), to sink: inout ExportSink) {
        sink.append("    <edge source=\"")
        ExportEscaping.appendXML(edge.source, to: &sink.buffer)
        sink.append("\" target=\"")
        ExportEscaping.appendXML(edge.target, to: &sink.buffer)
        sink.append("\"><data key=\"relation\">\(edge.relation)</data><data key=\"provenance\">")
        ExportEscaping.appendXML(edge.provenance, to: &sink.buffer)
        sink.append("</data></edge>\n")
    }

    /// One CSV or TSV line.
    func appendDelimited(_ cells: [String], format: ExportFormat, to sink: inout ExportSink) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { sink.buffer.append(format == .tsv ? 0x09 : 0x2C) }
            if format == .tsv { ExportEscaping.appendTSV(cell, to: &sink.buffer) } else { ExportEscaping.appendCSV(cell, to: &sink.buffer) }
        }
        sink.buffer.append(0x0A)
    }

    /// `{"type":"node","id":…}`: counts as numbers, lists as arrays, unknown values null.
    func appendJSON(_ row: NodeRow, to sink: inout ExportSink) {
        func key(_ name: String) { sink.append(",\"\(name)\":") }
        func string(_ name: String, _ value: String?) {
            key(name)
            if let value { ExportEscaping.appendJSONString(value, to: &sink.buffer) } else { sink.append("null") }
        }
        func list(_ name: String, _ values: [String]) {
            key(name)
            sink.append("[")
            for (i, value) in values.enumerated() {
                if i > 0 { sink.append(",") }
                ExportEscaping.appendJSONString(value, to: &sink.buffer)
            }
            sink.append("]")
        }
        sink.append("{\"type\":\"node\"")
        string("id", row.id)
        string("kind", row.kind)
        string("author", row.author)
        string("author_kind", row.authorKind)
        string("author_country", row.authorCountry)
        string("author_source", row.authorSource)
        list("families", row.families)
        list("family_origin", row.familyOrigins)
        string("created_at", row.createdAt)
        sink.append(",\"downloads_30d\":\(row.downloads),\"downloads_all_time\":\(row.downloadsAllTime),\"likes\":\(row.likes)")
        string("removed_at", row.removedAt)
        sink.append("}\n")
    }

    func appendJSONEdge(_ edge: (source: String, target: String, relation: String, provenance: String), to sink: inout ExportSink) {
        sink.append("{\"type\":\"edge\",\"source\":")
        ExportEscaping.appendJSONString(edge.source, to: &sink.buffer)
        sink.append(",\"target\":")
        ExportEscaping.appendJSONString(edge.target, to: &sink.buffer)
        sink.append(",\"relation\":\"\(edge.relation)\",\"provenance\":")
        ExportEscaping.appendJSONString(edge.provenance, to: &sink.buffer)
        sink.append("}\n")
    }
}
