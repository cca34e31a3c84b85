"""Average-link agglomerative clustering over a similarity matrix, stopped at a threshold.

Two clusters merge while the mean similarity over all their cross pairs is at least
``threshold`` (UPGMA). Average link is chosen over single link (connected components)
because single link chains: A~B and B~C put A and C together even when they share
nothing, which is how a whole war's coverage collapses into one "narrative".

Only pairs at or above the threshold can ever start a merge (the mean of values below
the threshold is below it), so the heap holds those pairs only; the merged cluster's
similarities follow from the Lance-Williams update, one vector operation per merge.
"""
from __future__ import annotations

import heapq

import numpy as np


def average_link(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Clusters (lists of row indices, ascending) of a symmetric similarity matrix.

    Deterministic for a given matrix: ties are broken by the lower index. Singletons
    are returned too; the caller decides the minimum size.
    """
    n = sim.shape[0]
    if n == 0:
        return []
    s = np.array(sim, dtype=np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    heap: list[tuple[float, int, int]] = []
    ii, jj = np.nonzero(np.triu(s >= threshold, 1))
    for i, j in zip(ii.tolist(), jj.tolist()):
        heap.append((-float(s[i, j]), i, j))
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if not (active[i] and active[j]) or -neg != s[i, j]:
            continue  # stale entry: one side merged since, or the value changed
        # Merge j into i (i < j keeps the lower index as the cluster's name).
        row = (size[i] * s[i] + size[j] * s[j]) / (size[i] + size[j])
        active[j] = False
        size[i] += size[j]
        members[i].extend(members.pop(j))
        row[~active] = -np.inf
        row[i] = -np.inf
        s[i, :] = row
        s[:, i] = row
        s[j, :] = -np.inf
        s[:, j] = -np.inf
        for k in np.flatnonzero(row >= threshold).tolist():
            a, b = (i, k) if i < k else (k, i)
            heapq.heappush(heap, (-float(row[k]), a, b))
    return [sorted(members[i]) for i in sorted(members)]
