"""Shared by the peer scripts: reading Lineage's CSV export, timing, and the result line.

Each peer script loads the export written by `lineage bench-compare --export DIR` (nodes.csv
`idx,id,author`, edges.csv `parent,child,relation`, roots.csv `idx`: the largest family's roots),
times the load, then runs "descendants of the family, grouped by author" REPEATS times and prints one
JSON line: peer, load_s, query_s (best), query_median_s, members, authors, top_authors, peak_rss_mb.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import statistics
import sys
import time


def args() -> tuple[str, int]:
    if len(sys.argv) < 2:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} EXPORT_DIR [REPEATS]")
    return sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5


def read_nodes(directory: str) -> list[str]:
    """Author per node index ('' when unknown)."""
    with open(os.path.join(directory, "nodes.csv"), newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return [row[2] for row in reader]


def read_edges(directory: str) -> list[tuple[int, int]]:
    with open(os.path.join(directory, "edges.csv"), newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return [(int(row[0]), int(row[1])) for row in reader]


def read_roots(directory: str) -> list[int]:
    with open(os.path.join(directory, "roots.csv")) as f:
        next(f)
        return [int(line) for line in f if line.strip()]


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def run(peer: str, load, query, repeats: int) -> None:
    """`load()` returns state; `query(state)` returns {author: count}. Prints the result line."""
    start = time.perf_counter()
    state = load()
    load_s = time.perf_counter() - start
    timings = []
    groups: dict[str, int] = {}
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        groups = query(state)
        timings.append(time.perf_counter() - start)
    top = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(json.dumps({
        "peer": peer,
        "load_s": round(load_s, 4),
        "query_s": round(min(timings), 5),
        "query_median_s": round(statistics.median(timings), 5),
        "repeats": len(timings),
        "members": sum(groups.values()),
        "authors": len(groups),
        "top_authors": [{"author": a, "models": c} for a, c in top],
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }))
