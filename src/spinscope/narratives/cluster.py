"""Average-link agglomerative clustering over a sparse similarity graph, stopped at a threshold.

Two clusters merge while the mean similarity over all their cross pairs is at least
``threshold`` (UPGMA). Average link is chosen over single link (connected components)
because single link chains: A~B and B~C put A and C together even when they share
nothing, which is how a whole war's coverage collapses into one "narrative".

The graph lists the non-zero pairs only; a missing pair has similarity 0. Three facts
keep the work proportional to the graph, not to ``n²``:

* Only pairs at or above the threshold can start a merge (the mean of values below the
  threshold is below it), so the heap holds those pairs only (lazy deletion: an entry
  whose value has changed since is skipped when popped).
* For the same reason two clusters can only ever merge inside one connected component of
  the *strong* graph (pairs at or above the threshold): pairs across components are
  never read, and are dropped before clustering. (The strong graph is taken a millionth
  below the threshold, so that rounding in the means can never make a dropped pair count.)
* A merged cluster's similarities follow from the Lance-Williams update
  ``(|A| s(A,C) + |B| s(B,C)) / (|A| + |B|)``, over the clusters adjacent to A or B only;
  a missing value is 0. This is the arithmetic of the dense formulation, operation for
  operation, so the result is bit-identical to it, ties included.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

# Relative margin under the threshold for the strong graph: a mean of values below
# ``threshold * (1 - STRONG_MARGIN)`` cannot round up to the threshold (each merge adds a
# few units of 1e-16 of relative error; this allows for millions of nested merges).
STRONG_MARGIN = 1e-6


@dataclass
class SimilarityGraph:
    """Symmetric similarities of ``n`` items as the upper-triangle non-zero pairs ``i < j``."""

    n: int
    i: np.ndarray
    j: np.ndarray
    value: np.ndarray


def average_link(graph: SimilarityGraph, threshold: float) -> list[list[int]]:
    """Clusters (lists of item indices, ascending, ordered by their first item).

    Deterministic for a given graph: of equal similarities the pair with the lower
    indices merges first, and a merged cluster takes the lower index as its name.
    Singletons are returned too; the caller decides the minimum size.
    """
    rows = _adjacency(graph, _within_strong_components(graph, threshold))
    heap = [(-v, i, j) for i, row in rows.items() for j, v in row.items() if i < j and v >= threshold]
    heapq.heapify(heap)
    size: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in rows or j not in rows or rows[i].get(j) != -neg:
            continue  # stale entry: one side merged since, or the value changed
        # Merge j into i (i < j keeps the lower index as the cluster's name).
        ni, nj = size.get(i, 1), size.get(j, 1)
        row_i, row_j = rows[i], rows.pop(j)
        del row_i[j], row_j[i]
        for k in row_i.keys() | row_j.keys():
            v = (ni * row_i.get(k, 0.0) + nj * row_j.get(k, 0.0)) / (ni + nj)
            row_i[k] = v
            row_k = rows[k]
            row_k.pop(j, None)
            row_k[i] = v
            if v >= threshold:
                heapq.heappush(heap, (-v, min(i, k), max(i, k)))
        size[i] = ni + nj
        members.setdefault(i, [i]).extend(members.pop(j, [j]))
    merged_away = {m for c in members.values() for m in c[1:]}
    return [sorted(members.get(i, [i])) for i in range(graph.n) if i not in merged_away]


def strong_components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Connected component of each item through the given pairs, named by its lowest item; -1 if in none."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(i.tolist(), j.tolist()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    ends = np.unique(np.concatenate([i, j]))
    component = np.full(n, -1, dtype=np.int64)
    component[ends] = [root(x) for x in ends.tolist()]
    return component


def is_strong(values: np.ndarray, threshold: float) -> np.ndarray:
    """Pairs that may start a merge, with the margin of ``STRONG_MARGIN`` for rounding."""
    return values >= threshold * (1.0 - STRONG_MARGIN)


def _within_strong_components(graph: SimilarityGraph, threshold: float) -> np.ndarray:
    """Mask of the pairs whose two items are connected through pairs at or above the threshold."""
    strong = is_strong(graph.value, threshold)
    component = strong_components(graph.n, graph.i[strong], graph.j[strong])
    return (component[graph.i] >= 0) & (component[graph.i] == component[graph.j])


def _adjacency(graph: SimilarityGraph, keep: np.ndarray) -> dict[int, dict[int, float]]:
    """Neighbour -> similarity per item, both directions, for the kept pairs."""
    rows: dict[int, dict[int, float]] = {}
    for a, b, v in zip(graph.i[keep].tolist(), graph.j[keep].tolist(), graph.value[keep].tolist()):
        rows.setdefault(a, {})[b] = v
        rows.setdefault(b, {})[a] = v
    return rows
