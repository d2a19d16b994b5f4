import Foundation
import LineageRender
import LineageSupport

/// A timeline drawn as a line chart: one line per series, a legend, and each event inside the span
/// as a dashed vertical marker with its label and date. Written as SVG by hand (every text escaped);
/// PNG is that SVG rasterized by Graphviz's rsvg image loader and cairo renderer, in process.
public struct TimelineChart: Sendable {
    public var report: TimelineReport
    public var events: [TimelineEvent]
    public var width = 1000
    public var height = 560

    public init(report: TimelineReport, events: [TimelineEvent]) {
        self.report = report
        self.events = events
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]

    /// The events drawn: those whose date falls inside the report's span.
    public var shownEvents: [TimelineEvent] {
        guard let from = report.from, let through = report.through,
              let a = try? CivilDate.parseSpan(from).start, let b = try? CivilDate.parseSpan(through).start else { return [] }
        return events.filter { $0.date >= a && $0.date <= b }
    }

    /// The chart as an SVG document (with an XML declaration, which Graphviz needs to load it).
    /// - Complexity: O(buckets · series + events).
    public func svg() -> String {
        let left = 80.0, right = 24.0, top = 56.0, bottom = 96.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let n = report.buckets.count
        let isShare = report.metric == .metadata
        let maxValue = report.series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let (yMax, step) = isShare ? (1.0, 0.2) : Self.niceScale(maxValue)
        func x(_ position: Double) -> Double { left + (n <= 1 ? plotW / 2 : position / Double(n - 1) * plotW) }
        func y(_ value: Double) -> Double { top + plotH - (yMax == 0 ? 0 : value / yMax * plotH) }
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        s += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>\n"
        s += "<text x=\"\(f(left))\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(Self.escape(title))</text>\n"
        s += "<text x=\"\(f(left))\" y=\"42\" font-size=\"11\" fill=\"#555\">\(Self.escape("store: \(report.store)"))</text>\n"
        // Y grid and labels.
        var v = 0.0
        while v <= yMax + step / 2 {
            let yy = y(v)
            s += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + plotW))\" y2=\"\(f(yy))\" stroke=\"#e4e4e4\"/>\n"
            let text = isShare ? Formatting.percent(v) : Formatting.group(Int64(v.rounded()))
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" font-size=\"11\" text-anchor=\"end\">\(Self.escape(text))</text>\n"
            v += step
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
        s += "<text transform=\"translate(16 \(f(top + plotH / 2))) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\">\(Self.escape(report.metric.title))</text>\n"
        // X labels: at most ~14.
        let every = max(1, Int((Double(n) / 14).rounded(.up)))
        for i in stride(from: 0, to: n, by: every) {
            let xx = x(Double(i))
            s += "<line x1=\"\(f(xx))\" y1=\"\(f(top + plotH))\" x2=\"\(f(xx))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#333\"/>\n"
            s += "<text transform=\"translate(\(f(xx)) \(f(top + plotH + 16))) rotate(-35)\" font-size=\"11\" text-anchor=\"end\">\(Self.escape(report.buckets[i]))</text>\n"
        }
        // Event markers, labelled downward from the top of the plot.
        for event in shownEvents {
            let xx = x(position(of: event.date))
            let color = event.kind == "policy" ? "#c0392b" : "#555555"
            s += "<line x1=\"\(f(xx))\" y1=\"\(f(top))\" x2=\"\(f(xx))\" y2=\"\(f(top + plotH))\" stroke=\"\(color)\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>\n"
            s += "<text transform=\"translate(\(f(xx + 4)) \(f(top + 4))) rotate(90)\" "
                + "font-size=\"11\" fill=\"\(color)\">\(Self.escape("\(event.label) (\(event.dateText))"))</text>\n"
        }
        // Lines.
        for (k, line) in report.series.enumerated() {
            let color = Self.palette[k % Self.palette.count]
            var segments: [[String]] = [[]]
            for (i, value) in line.values.enumerated() {
                if let value { segments[segments.count - 1].append("\(f(x(Double(i)))),\(f(y(value)))") } else if !segments.last!.isEmpty { segments.append([]) }
            }
            for points in segments where !points.isEmpty {
                s += points.count == 1
                    ? "<circle cx=\"\(points[0].split(separator: ",")[0])\" cy=\"\(points[0].split(separator: ",")[1])\" r=\"3\" fill=\"\(color)\"/>\n"
                    : "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.2\"/>\n"
            }
        }
        // Legend, bottom left, one entry per series, then the marker kinds.
        var lx = left, ly = Double(height) - 18
        func entry(_ text: String, _ swatch: String) {
            s += swatch.replacingOccurrences(of: "{x}", with: f(lx)).replacingOccurrences(of: "{x2}", with: f(lx + 22)).replacingOccurrences(of: "{y}", with: f(ly - 4))
            s += "<text x=\"\(f(lx + 28))\" y=\"\(f(ly))\" font-size=\"12\">\(Self.escape(text))</text>\n"
            lx += 40 + Double(text.count) * 7
            if lx > Double(width) - 160 { lx = left; ly += 0 }
        }
        for (k, line) in report.series.enumerated() {
            entry(line.name, "<line x1=\"{x}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"\(Self.palette[k % Self.palette.count])\" stroke-width=\"3\"/>\n")
        }
        if shownEvents.contains(where: { $0.kind == "policy" }) {
            entry("policy event", "<line x1=\"{x}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#c0392b\" stroke-dasharray=\"5 4\" stroke-width=\"1.5\"/>\n")
        }
        if shownEvents.contains(where: { $0.kind != "policy" }) {
            entry("release or other event", "<line x1=\"{x}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#555555\" stroke-dasharray=\"5 4\" stroke-width=\"1.5\"/>\n")
        }
        s += "</svg>\n"
        return s
    }

    /// The chart as PNG bytes: the SVG in a temporary file, drawn as the image of a one-node graph.
    /// - Throws: `LineageError` when Graphviz lacks the cairo renderer or the rsvg loader.
    public func png() throws(LineageError) -> [UInt8] {
        let path = NSTemporaryDirectory() + "lineage-chart-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).svg"
        guard FileManager.default.createFile(atPath: path, contents: Data(svg().utf8)) else { throw LineageError("cannot write a temporary file in \(NSTemporaryDirectory())") }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dot = "digraph chart { graph [pad=0, margin=0, dpi=96]; node [shape=none, label=\"\", margin=0, image=\(DOTWriter.quote(path))]; chart }"
        let output: GraphvizOutput
        do { output = try GraphvizRenderer.shared.renderWithWarnings(dot, format: "png:cairo") } catch {
            throw LineageError("PNG needs Graphviz's cairo renderer and rsvg image loader (apt-get install graphviz librsvg2-common): \(error.message)")
        }
        if let problem = output.warnings.first(where: { $0.message.contains("image") }) {
            throw LineageError("Graphviz could not load the chart's SVG (is its rsvg plugin installed?): \(problem.message)")
        }
        return output.bytes
    }

    var title: String {
        let metric = report.metric.title
        return "\(metric.prefix(1).uppercased() + metric.dropFirst()) per \(report.period.rawValue)"
            + (report.from.map { ", \($0) .. \(report.through ?? "")" } ?? "")
    }

    /// Fractional bucket index of `date`.
    func position(of date: CivilDate) -> Double {
        guard let from = report.from, let start = try? CivilDate.parseSpan(from).start else { return 0 }
        let period = report.period
        let first = period.ordinal(of: start)
        let o = period.ordinal(of: date)
        let bucketStart = period.start(ofOrdinal: o).days, next = period.start(ofOrdinal: o + 1).days
        return Double(o - first) + Double(date.days - bucketStart) / Double(max(1, next - bucketStart))
    }

    /// A maximum and a step of 1, 2 or 5 × 10^k giving about five grid lines above `value`.
    static func niceScale(_ value: Double) -> (max: Double, step: Double) {
        guard value > 0 else { return (1, 1) }
        let raw = value / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        return ((value / step).rounded(.up) * step, step)
    }

    /// Text for SVG character data and attributes: `& < > " '` escaped, control characters dropped.
    public static func escape(_ text: String) -> String { MarkupEscape.text(text) }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
