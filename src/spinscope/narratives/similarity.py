"""TF-IDF vectors over string features, and dot products of the article pairs that share one.

Vectors are kept sparse (coordinate arrays). No ``n x n`` array is ever built: two
articles sharing no feature have cosine 0, so an inverted index (feature -> articles)
enumerates exactly the pairs with a non-zero cosine, and the cost follows the number of
(pair, shared feature) products, not ``n²``. Features held by one article only change its
vector norm, never a dot product, so they are not enumerated at all.

Very common features ("government" in every second article) make that enumeration
quadratic, so :class:`SharedFeaturePairs` can leave features above a document frequency
out (:class:`PairDots` then adds their share to the pairs found, where it matters), and
can restrict pairs to groups of articles (see ``docs/narratives.md``).

Every dot product sums its terms in feature order over the two articles' own vectors, so
two identical articles get bit-identical similarities to every third one: exact ties stay
ties, and clustering breaks them by index as it would on paper.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

# Products (pair x shared feature) handled per block: bounds the temporary arrays at
# roughly 60 bytes per product, about 60 MB.
BLOCK_PRODUCTS = 1 << 20
# A block sums its products in one slot per (row, article) when that takes at most this
# many slots per product (memset and scan are cheaper than sorting the pair keys).
DENSE_ACCUMULATOR = 8


@dataclass
class SparseVectors:
    """Row-normalised weighted vectors in coordinate form, plus the feature table."""

    n: int
    rows: np.ndarray  # article index of each non-zero
    cols: np.ndarray  # feature index of each non-zero
    vals: np.ndarray  # weight (after normalisation)
    features: list[str]  # feature index -> name
    df: np.ndarray  # document frequency per feature
    idf: np.ndarray  # idf per feature
    _by_row: tuple[np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False, compare=False)

    def entries_of(self, rows: Sequence[int]) -> np.ndarray:
        """Positions of the non-zeros of ``rows`` (taken in that order), each row's in stored order.

        Costs the rows' own non-zeros (after a one-off sort), not a pass over every article.
        """
        if self._by_row is None:
            order = np.argsort(self.rows, kind="stable")
            self._by_row = order, np.searchsorted(self.rows[order], np.arange(self.n + 1))
        order, start = self._by_row
        parts = [order[start[r]:start[r + 1]] for r in rows]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def idf_of(df: np.ndarray, n: int) -> np.ndarray:
    """Smoothed idf, ``log((1 + n) / (1 + df)) + 1``: positive even when every article has the feature."""
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def tfidf(docs: Sequence[Mapping[str, float]], sublinear: bool = True) -> SparseVectors:
    """L2-normalised TF-IDF vectors of feature -> count mappings (one mapping per article)."""
    n = len(docs)
    vocab = sorted({f for d in docs for f in d})
    index = {f: i for i, f in enumerate(vocab)}
    parts_c, parts_t, parts_r = [], [], []
    for r, d in enumerate(docs):
        items = [(index[f], c) for f, c in d.items() if c > 0]
        if not items:
            continue
        c_arr, t_arr = np.array(items, dtype=np.float64).T
        parts_c.append(c_arr.astype(np.int64))
        parts_t.append(t_arr)
        parts_r.append(np.full(len(items), r, dtype=np.int64))
    cols = np.concatenate(parts_c) if parts_c else np.zeros(0, dtype=np.int64)
    tf = np.concatenate(parts_t) if parts_t else np.zeros(0, dtype=np.float64)
    rows = np.concatenate(parts_r) if parts_r else np.zeros(0, dtype=np.int64)
    df = np.bincount(cols, minlength=len(vocab)).astype(np.float64)
    idf = idf_of(df, n)
    vals = (1.0 + np.log(tf) if sublinear else tf) * idf[cols] if len(cols) else tf
    norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=n))
    if len(vals):
        vals = vals / np.where(norms[rows] > 0, norms[rows], 1.0)
    return SparseVectors(n, rows, cols, vals, vocab, df, idf)


def weighted_concat(vectors: Sequence[SparseVectors], weights: Sequence[float]) -> SparseVectors:
    """The vectors side by side, each scaled by the square root of its weight.

    The dot product of two concatenated rows is the weighted sum of the parts' dot
    products, so one enumeration gives ``text_weight * cos(words) + entity_weight *
    cos(entities)`` at once. Feature names get the part's index as a prefix.
    """
    offsets = np.cumsum([0] + [len(v.features) for v in vectors])
    return SparseVectors(
        vectors[0].n,
        np.concatenate([v.rows for v in vectors]),
        np.concatenate([v.cols + off for v, off in zip(vectors, offsets)]),
        np.concatenate([v.vals * np.sqrt(w) for v, w in zip(vectors, weights)]),
        [f"{k}:{f}" for k, v in enumerate(vectors) for f in v.features],
        np.concatenate([v.df for v in vectors]),
        np.concatenate([v.idf for v in vectors]),
    )


def eligible_df(vec: SparseVectors, eligible: np.ndarray) -> np.ndarray:
    """Document frequency of each feature among the eligible articles (the ones that get pairs)."""
    return np.bincount(vec.cols[eligible[vec.rows]], minlength=len(vec.features))


class SharedFeaturePairs:
    """Inverted index of one kind of vector, restricted to eligible articles and enumerable features.

    ``dots(r0, r1)`` gives, for articles ``i`` in ``[r0, r1)``, every ``j > i`` sharing an
    enumerable feature with ``i`` and the dot product over those features. With ``group``
    (a label per article), only pairs inside one group are enumerated: postings are sorted
    by group, so an entry's partners are the rest of its group's run in the posting list.
    ``row_products`` is the work per article, used to cut the rows into bounded blocks.
    """

    def __init__(self, vec: SparseVectors, eligible: np.ndarray, max_df: int | None = None,
                 group: np.ndarray | None = None) -> None:
        self.n = vec.n
        df = eligible_df(vec, eligible)
        keep = eligible[vec.rows] & (df[vec.cols] >= 2)
        if max_df is not None:
            keep &= df[vec.cols] <= max_df
        rows, cols, vals = vec.rows[keep], vec.cols[keep], vec.vals[keep]
        groups = np.zeros(len(rows), dtype=np.int64) if group is None else group[rows]
        by_feature = np.lexsort((rows, groups, cols))  # postings: by feature, group, then article
        self.post_rows, self.post_vals = rows[by_feature], vals[by_feature]
        position = np.empty(len(rows), dtype=np.int64)
        position[by_feature] = np.arange(len(rows))
        run_end = _run_ends(cols[by_feature], groups[by_feature])
        by_row = np.lexsort((cols, rows))  # each article's features in feature order
        self.entry_pos = position[by_row]  # where the entry sits in its posting list
        # articles after this one in its run: the pairs this entry contributes to
        self.entry_count = run_end[self.entry_pos] - self.entry_pos - 1
        self.row_start = np.searchsorted(rows[by_row], np.arange(self.n + 1))
        self.row_products = np.bincount(rows[by_row], weights=self.entry_count, minlength=self.n).astype(np.int64)

    def dots(self, r0: int, r1: int) -> tuple[np.ndarray, np.ndarray]:
        """Pair keys ``i * n + j`` (sorted, ``r0 <= i < r1``, ``i < j``) and their dot products."""
        a, b = self.row_start[r0], self.row_start[r1]
        count = self.entry_count[a:b]
        total = int(count.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        src = np.repeat(self.entry_pos[a:b], count)
        tgt = src + np.arange(total) - np.repeat(np.cumsum(count) - count, count) + 1
        local = (self.post_rows[src] - r0) * self.n + self.post_rows[tgt]
        products = self.post_vals[src] * self.post_vals[tgt]
        # bincount adds in input order, which is feature order within each pair
        if (r1 - r0) * self.n <= DENSE_ACCUMULATOR * total:
            # few rows with many products each: one slot per (row, article) beats sorting
            sums = np.bincount(local, weights=products, minlength=(r1 - r0) * self.n)
            found = np.flatnonzero(sums)
            return found + r0 * self.n, sums[found]
        unique, inverse = np.unique(local, return_inverse=True)
        return unique + r0 * self.n, np.bincount(inverse.ravel(), weights=products, minlength=len(unique))


def _run_ends(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each position of two parallel sorted keys, the end (exclusive) of its run of equal keys."""
    if not len(a):
        return np.zeros(0, dtype=np.int64)
    new_run = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])]
    ends = np.r_[np.flatnonzero(new_run)[1:], len(a)]
    return ends[np.cumsum(new_run) - 1]


class PairDots:
    """Dot products of given article pairs, over all features or those where ``features`` is true.

    Used for the speakers of the pairs that pass the topical gate, and for the share of
    the features left out of enumeration. Each pair looks its first article's features
    up among the second's, so the cost is the first article's feature count per pair,
    never a row of ``n``.
    """

    def __init__(self, vec: SparseVectors, features: np.ndarray | None = None) -> None:
        keep = np.ones(len(vec.cols), dtype=bool) if features is None else features[vec.cols]
        order = np.lexsort((vec.cols[keep], vec.rows[keep]))
        rows, self.cols, self.vals = vec.rows[keep][order], vec.cols[keep][order], vec.vals[keep][order]
        # Per article, the norm of its part over these features: bounds any dot product by
        # Cauchy-Schwarz without computing it.
        self.norms = np.sqrt(np.bincount(rows, weights=self.vals * self.vals, minlength=vec.n))
        self.width = len(vec.features) + 1
        self.entry_keys = rows * self.width + self.cols  # sorted
        self.row_start = np.searchsorted(rows, np.arange(vec.n + 1))

    def __call__(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        out = np.zeros(len(i))
        start = self.row_start[i]
        count_all = self.row_start[i + 1] - start
        for lo, hi in blocks(count_all, BLOCK_PRODUCTS):
            count = count_all[lo:hi]
            total = int(count.sum())
            if total == 0:
                continue
            pair = np.repeat(np.arange(lo, hi), count)
            entry = np.repeat(start[lo:hi] - (np.cumsum(count) - count), count) + np.arange(total)
            wanted = j[pair] * self.width + self.cols[entry]
            found = np.minimum(np.searchsorted(self.entry_keys, wanted), len(self.entry_keys) - 1)
            hit = self.entry_keys[found] == wanted
            out[lo:hi] = np.bincount(pair[hit] - lo, weights=self.vals[entry[hit]] * self.vals[found[hit]],
                                     minlength=hi - lo)
        return out


def blocks(work: np.ndarray, budget: int) -> Iterator[tuple[int, int]]:
    """Consecutive index ranges whose summed work stays near ``budget`` (at least one item each)."""
    ends = np.cumsum(work)
    lo = 0
    while lo < len(work):
        base = ends[lo - 1] if lo else 0
        hi = max(lo + 1, int(np.searchsorted(ends, base + budget, side="right")))
        yield lo, hi
        lo = hi
