/// The report's only style sheet, inlined: system fonts, no network, readable printed and on a phone.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1d2327; --muted: #57606a; --rule: #d0d7de; --band: #f6f8fa; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 70rem; padding: 1rem; color: var(--ink); background: #fff;
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        header { border-bottom: 2px solid var(--rule); margin-bottom: 1rem; }
        h1 { font-size: 1.6rem; margin: 0.2rem 0; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 1.6rem 0 0.4rem; }
        p.store, footer { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
        dl.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.6rem; margin: 0; }
        dl.figures div { background: var(--band); border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.7rem; }
        dl.figures dt { color: var(--muted); font-size: 0.85rem; }
        dl.figures dd { margin: 0; font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; }
        figure .map { overflow: auto; border: 1px solid var(--rule); border-radius: 6px; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 0.9rem; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        caption { text-align: left; color: var(--muted); padding: 0.3rem 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: var(--band); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        a { color: var(--accent); }
        @media (max-width: 40rem) { body { padding: 0.6rem; font-size: 15px; } dl.figures dd { font-size: 1.1rem; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          figure .map { overflow: visible; border: none; }
          h2 { break-after: avoid; } tr, figure { break-inside: avoid; }
        }
        """
}
