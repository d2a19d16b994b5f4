/// Writes a `ReportContent` as one self-contained HTML file: no script, no external style, font or image.
///
/// Everything but the Graphviz SVG goes through `HTMLEscape`; the SVG loses its XML prolog and doctype
/// (which name a DTD URL) and gets `role="img"` and a label, so screen readers announce it as one image
/// with the figure's description. The same content gives the same bytes.
public enum HTMLReport {
    /// The document.
    /// - Complexity: O(size of the content).
    public static func render(_ content: ReportContent) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(HTMLEscape.text(content.title))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTMLEscape.text(content.title))</h1>
            <p class="store">Store: \(HTMLEscape.text(content.store))</p>
            </header>
            <main>

            """
        if !content.figures.isEmpty {
            html += "<section aria-labelledby=\"figures\">\n<h2 id=\"figures\">Headline figures</h2>\n<dl class=\"figures\">\n"
            for figure in content.figures {
                html += "<div><dt>\(HTMLEscape.text(figure.label))</dt><dd>\(HTMLEscape.text(figure.value))</dd></div>\n"
            }
            html += "</dl>\n</section>\n"
        }
        if let map = content.map {
            html += "<section aria-labelledby=\"map\">\n<h2 id=\"map\">Lineage map</h2>\n<figure>\n<div class=\"map\">\n"
            html += inlineSVG(map.svg, label: map.description)
            html += "\n</div>\n<figcaption>\(HTMLEscape.text(map.description))</figcaption>\n</figure>\n</section>\n"
        }
        for (index, section) in content.sections.enumerated() {
            let id = "s\(index + 1)"
            html += "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTMLEscape.text(section.heading))</h2>\n"
            for paragraph in section.paragraphs { html += "<p>\(HTMLEscape.text(paragraph))</p>\n" }
            if let table = section.table { html += render(table) }
            html += "</section>\n"
        }
        html += "</main>\n<footer>\n<p>\(HTMLEscape.text(content.provenance))</p>\n</footer>\n</body>\n</html>\n"
        return html
    }

    static func render(_ table: ReportContent.Table) -> String {
        var html = "<div class=\"table\">\n<table>\n<caption>\(HTMLEscape.text(table.caption))</caption>\n<thead><tr>"
        for (column, name) in table.header.enumerated() {
            html += "<th scope=\"col\"\(table.numeric.contains(column) ? " class=\"num\"" : "")>\(HTMLEscape.text(name))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (row, cells) in table.rows.enumerated() {
            html += "<tr>"
            for (column, cell) in cells.enumerated() {
                var text = HTMLEscape.text(cell)
                if column == 0, row < table.links.count, let url = table.links[row].flatMap(HTMLEscape.link) {
                    text = "<a href=\"\(url)\">\(text)</a>"
                }
                if column == 0 {
                    html += "<th scope=\"row\">\(text)</th>"
                } else {
                    html += "<td\(table.numeric.contains(column) ? " class=\"num\"" : "")>\(text)</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// Graphviz's SVG without what precedes `<svg` (prolog, doctype, comment), labelled for screen readers.
    static func inlineSVG(_ svg: String, label: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        body.replaceSubrange(
            body.startIndex..<body.index(body.startIndex, offsetBy: 4),
            with: "<svg role=\"img\" aria-label=\"\(HTMLEscape.text(label))\"")
        return body.trimmingTrailingNewlines()
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
