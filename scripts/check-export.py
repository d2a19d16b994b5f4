#!/usr/bin/env python3
"""Check `lineage export` on a store with the tools users load it into, and test the README recipes.

    .build/python/bin/python scripts/check-export.py --lineage .build/debug/lineage [--store S] [--target llama] [--workdir DIR]

1. `lineage descendants TARGET --format json` gives the seeds and descendants; `lineage export TARGET`
   writes GraphML, CSV and JSON Lines.
2. networkx reads the GraphML: its node count must equal seeds + descendants, its edge count the CSV's
   and the JSON Lines' edge rows, and every edge of the CSV must be an edge of the graph.
3. The DuckDB recipe of README "Beyond one machine" runs as written there (same SQL) on the CSV and on
   the JSON Lines and must agree with networkx.

Needs networkx and duckdb (`.ci/run` installs them into .build/python). Prints `N passed, M failed`.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import duckdb
import networkx as nx

# The README recipe, verbatim (README.md, "Beyond one machine").
DUCKDB_CSV = """
CREATE TABLE nodes AS SELECT * FROM read_csv('{stem}.nodes.csv', header = true, all_varchar = false);
CREATE TABLE edges AS SELECT * FROM read_csv('{stem}.edges.csv', header = true);
"""
DUCKDB_JSONL = """
CREATE TABLE nodes AS SELECT * FROM read_json('{stem}.jsonl') WHERE type = 'node';
CREATE TABLE edges AS SELECT source, target, relation, provenance FROM read_json('{stem}.jsonl') WHERE type = 'edge';
"""
DUCKDB_QUERY = """
-- every model below the roots, with its depth (longest chains are cut at 100 hops, cycles included)
WITH RECURSIVE below(id, depth) AS (
    SELECT id, 0 FROM nodes WHERE id NOT IN (SELECT target FROM edges)
    UNION
    SELECT e.target, b.depth + 1 FROM edges e JOIN below b ON e.source = b.id WHERE b.depth < 100
)
SELECT count(DISTINCT id) AS reached, max(depth) AS deepest FROM below;
"""


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {result.stderr.strip()}")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lineage", required=True)
    parser.add_argument("--store")
    parser.add_argument("--target", default="llama")
    parser.add_argument("--workdir")
    args = parser.parse_args()
    store = ["--store", args.store] if args.store else []
    work = args.workdir or tempfile.mkdtemp(prefix="lineage-export-")
    stem = os.path.join(work, args.target.replace("/", "_"))
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok    {what}")
        else:
            failed += 1
            print(f"FAIL  {what}")

    report = json.loads(run([args.lineage, "descendants", args.target, "--format", "json", "--limit", "1"] + store).stdout)
    expected_nodes = report["total"] + len(report["seeds"])
    for fmt, out in [("graphml", stem + ".graphml"), ("csv", stem + ".csv"), ("jsonl", stem + ".jsonl")]:
        start = time.time()
        run([args.lineage, "export", args.target, "--format", fmt, "-o", out, "--force"] + store)
        print(f"      export {fmt}: {time.time() - start:.1f} s")

    start = time.time()
    graph = nx.read_graphml(stem + ".graphml")
    print(f"      networkx read_graphml: {time.time() - start:.1f} s, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    check(graph.is_directed(), "GraphML is a directed graph")
    check(graph.number_of_nodes() == expected_nodes,
          f"networkx nodes {graph.number_of_nodes()} == seeds + descendants of `lineage descendants {args.target}` ({expected_nodes})")
    check(set(report["seeds"]) <= set(graph.nodes), "the seeds are nodes, by Hub id")

    con = duckdb.connect()
    con.execute(DUCKDB_CSV.format(stem=stem))
    csv_nodes, csv_edges = con.execute("SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM edges)").fetchone()
    csv_reached = con.execute(DUCKDB_QUERY).fetchone()
    missing = con.execute("SELECT count(*) FROM edges WHERE source NOT IN (SELECT id FROM nodes) OR target NOT IN (SELECT id FROM nodes)").fetchone()[0]
    edge_rows = con.execute("SELECT source, target, relation FROM edges").fetchall()
    check(csv_nodes == graph.number_of_nodes() and csv_edges == graph.number_of_edges(),
          f"DuckDB (CSV) counts {csv_nodes} nodes, {csv_edges} edges, as networkx")
    check(missing == 0, "every CSV edge joins two exported nodes")
    check(all(graph.has_edge(s, t) and graph.edges[s, t]["relation"] == r for s, t, r in edge_rows),
          "every CSV edge is a GraphML edge with the same relation")
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE nodes)").fetchall())
    check(types.get("downloads_30d") == "BIGINT" and types.get("created_at", "").startswith("TIMESTAMP"),
          f"DuckDB reads raw numbers and ISO dates as numbers and timestamps ({types.get('downloads_30d')}, {types.get('created_at')})")

    con2 = duckdb.connect()
    con2.execute(DUCKDB_JSONL.format(stem=stem))
    jl_nodes, jl_edges = con2.execute("SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM edges)").fetchone()
    check((jl_nodes, jl_edges) == (csv_nodes, csv_edges), f"DuckDB (JSON Lines) counts {jl_nodes} nodes, {jl_edges} edges, as the CSV")
    check(con2.execute(DUCKDB_QUERY).fetchone() == csv_reached, f"the recursive query gives the same answer on both ({csv_reached})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
