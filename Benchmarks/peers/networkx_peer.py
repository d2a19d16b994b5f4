#!/usr/bin/env python3
"""networkx peer: descendants of the family's roots grouped by author (what the Hub-lineage studies use).

Load: a DiGraph from edges.csv with an `author` list by node index. Query: one multi-source BFS
(`nx.bfs_layers` from all roots, so shared descendants are visited once), then a Counter by author.
"""

from collections import Counter

import networkx as nx

import common


def load(directory):
    authors = common.read_nodes(directory)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(authors)))
    graph.add_edges_from(common.read_edges(directory))
    return graph, authors, common.read_roots(directory)


def query(state):
    graph, authors, roots = state
    counts = Counter()
    for layer in nx.bfs_layers(graph, roots):
        for node in layer:
            counts[authors[node]] += 1
    return counts


if __name__ == "__main__":
    directory, repeats = common.args()
    common.run("networkx", lambda: load(directory), query, repeats)
