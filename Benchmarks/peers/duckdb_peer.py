#!/usr/bin/env python3
"""DuckDB peer: a recursive CTE over the edge table, grouped by author (an analyst's SQL over a dump).

Load: nodes, edges and roots tables from the CSV export (in-memory database, integer node ids).
Query: WITH RECURSIVE … UNION (not UNION ALL, so cycles terminate and shared descendants count once),
joined to nodes and grouped by author.
"""

import os

import duckdb

import common

QUERY = """
WITH RECURSIVE reach(node) AS (
    SELECT idx FROM roots
    UNION
    SELECT e.child FROM edges e JOIN reach r ON e.parent = r.node
)
SELECT coalesce(n.author, '') AS author, count(*) AS models
FROM reach JOIN nodes n ON n.idx = reach.node
GROUP BY 1
"""


def load(directory):
    con = duckdb.connect()
    for table in ("nodes", "edges", "roots"):
        path = os.path.join(directory, f"{table}.csv").replace("'", "''")
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true)")
    return con


def query(con):
    return dict(con.execute(QUERY).fetchall())


if __name__ == "__main__":
    directory, repeats = common.args()
    common.run("duckdb", lambda: load(directory), query, repeats)
