#!/usr/bin/env python3
"""igraph peer (C core): descendants of the family's roots grouped by author.

Load: a directed igraph.Graph from edges.csv, authors as a list by vertex. Query: igraph has no
multi-source BFS, so `subcomponent(root, mode="out")` per root (each a C BFS), united in a set,
then a Counter by author.
"""

from collections import Counter

import igraph as ig

import common


def load(directory):
    authors = common.read_nodes(directory)
    graph = ig.Graph(n=len(authors), edges=common.read_edges(directory), directed=True)
    return graph, authors, common.read_roots(directory)


def query(state):
    graph, authors, roots = state
    reached = set()
    for root in roots:
        if root not in reached:
            reached.update(graph.subcomponent(root, mode="out"))
    return Counter(authors[v] for v in reached)


if __name__ == "__main__":
    directory, repeats = common.args()
    common.run("igraph", lambda: load(directory), query, repeats)
