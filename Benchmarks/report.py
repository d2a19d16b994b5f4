#!/usr/bin/env python3
"""Build the comparison table of `Benchmarks/run.sh` from its measurement lines.

Input: a JSON-lines file, one measurement per line, written by run.sh:
  {"n": N, "step": "ingest|load|descendants|reach|ask|map", "tool": "lineage|networkx|igraph|duckdb",
   "wall_s": float|null, "rss_mb": float|null, "note": str}
Output: a Markdown table on standard output (and to --out FILE): per N and step, time and peak memory for
Lineage and each peer, and the ratio peer/Lineage; then the targets checked on the largest N.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys

STEPS = [
    ("ingest", "1. ingest JSONL → fresh store"),
    ("load", "2. graph load"),
    ("descendants", "3. descendants of largest family, by author"),
    ("reach", "4. reach of every root"),
    ("ask", "5. `ask` cold, whole process"),
    ("map", "6. 300-node map, whole process"),
]
PEERS = ["networkx", "igraph", "duckdb"]
PEER_NAMES = {"networkx": "networkx", "igraph": "igraph", "duckdb": "DuckDB"}


def fmt_time(s):
    if s is None:
        return "n/a"
    if s < 0.01:
        return f"{s * 1000:.2f} ms"
    if s < 1:
        return f"{s * 1000:.0f} ms"
    return f"{s:.2f} s"


def cell(m):
    if m is None:
        return "—"
    if m.get("wall_s") is None:
        return m.get("note") or "n/a"
    text = fmt_time(m["wall_s"])
    if m.get("rss_mb") is not None:
        text += f" / {m['rss_mb']:.0f} MB"
    if m.get("note"):
        text += f" ({m['note']})"
    return text


def ratio(peer, lineage):
    if not peer or not lineage or peer.get("wall_s") is None or not lineage.get("wall_s"):
        return "—"
    return f"{peer['wall_s'] / lineage['wall_s']:.1f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("measurements")
    parser.add_argument("--out")
    parser.add_argument("--header", default="")
    a = parser.parse_args()
    rows = [json.loads(line) for line in open(a.measurements) if line.strip()]
    by = {(r["n"], r["step"], r["tool"]): r for r in rows}
    sizes = sorted({r["n"] for r in rows})

    out = []
    if a.header:
        out += [a.header, ""]
    head = "| N | step | Lineage |"
    rule = "|---:|---|---|"
    for p in PEERS:
        head += f" {PEER_NAMES[p]} | {PEER_NAMES[p]}/Lineage |"
        rule += "---|---:|"
    out += [head, rule]
    for n in sizes:
        for step, label in STEPS:
            lineage = by.get((n, step, "lineage"))
            if lineage is None and not any((n, step, p) in by for p in PEERS):
                continue
            line = f"| {n:,} | {label} | {cell(lineage)} |"
            for p in PEERS:
                peer = by.get((n, step, p))
                line += f" {cell(peer)} | {ratio(peer, lineage)} |"
            out.append(line)
    out.append("")
    out.append("Times are wall clock; memory is the peak resident set of the process doing the step (for "
               "step 2, Lineage's resident set right after the load). Step 3 is the best of the repeats; "
               "peers load Lineage's CSV export of the same graph (step 2 for them is CSV → graph).")

    # Targets on the largest N.
    n = sizes[-1] if sizes else None
    if n is not None:
        out += ["", f"Targets at N = {n:,}:", ""]

        def get(step, tool="lineage"):
            return by.get((n, step, tool))

        ing = get("ingest")
        if ing and ing.get("wall_s"):
            rate = n / ing["wall_s"]
            out.append(f"- ingest ≥ 50,000 models/s: {rate:,.0f} models/s — {'met' if rate >= 50000 else 'MISSED'}")
        ask = get("ask")
        if ask and ask.get("wall_s") is not None:
            out.append(f"- cold `ask` ≤ 0.5 s: {ask['wall_s']:.2f} s — {'met' if ask['wall_s'] <= 0.5 else 'MISSED'}")
        else:
            out.append("- cold `ask` ≤ 0.5 s: n/a (command not available)")
        d = get("descendants")
        for p, want, label in (("networkx", 20, "≥ 20× faster than networkx"), ("duckdb", 3, "≥ 3× faster than DuckDB"),
                               ("igraph", 1, "no slower than igraph")):
            peer = get("descendants", p)
            if d and peer and d.get("wall_s") and peer.get("wall_s") is not None:
                r = peer["wall_s"] / d["wall_s"]
                out.append(f"- descendants+group-by {label}: {r:.1f}× — {'met' if r >= want else 'MISSED'}")
        peak = max((m["rss_mb"] for m in (get("load"), get("descendants"), get("reach")) if m and m.get("rss_mb")), default=None)
        if peak is not None:
            out.append(f"- peak memory of the loaded graph ≤ 1 GB: {peak:.0f} MB — {'met' if peak <= 1024 else 'MISSED'}")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
