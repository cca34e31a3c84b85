"""TF-IDF vectors over string features and their pairwise cosine similarity, in numpy.

Vectors are kept sparse (coordinate arrays). The ``n x n`` similarity matrix is built
in two parts so that its cost follows the overlap between articles, not the vocabulary:

* features shared by few articles (document frequency below ``dense_df_min``): every
  pair of articles that shares one gets ``w_i * w_j`` added, enumerated per feature;
* frequent features: a dense ``articles x features`` block per column chunk and a
  matrix product (BLAS), where pair enumeration would be quadratic.

Features held by one article only change its vector norm, never a dot product, so
they are not enumerated at all.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# Features in at least this many articles go through the dense matrix product.
DENSE_DF_MIN = 24
# Columns per dense chunk: bounds memory at n * DENSE_CHUNK * 4 bytes.
DENSE_CHUNK = 1024


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


def cosine_matrix(vec: SparseVectors, dense_df_min: int = DENSE_DF_MIN) -> np.ndarray:
    """The ``n x n`` cosine similarity matrix of row-normalised sparse vectors (float32, zero diagonal)."""
    n = vec.n
    sim = np.zeros((n, n), dtype=np.float32)
    if n < 2 or not len(vec.vals):
        return sim
    df_of_nz = vec.df[vec.cols]
    # Rare shared features: enumerate the pairs, grouped by document frequency so that
    # each group reshapes to a (features x df) table of postings.
    rare = (df_of_nz >= 2) & (df_of_nz < dense_df_min)
    if rare.any():
        order = np.lexsort((vec.rows[rare], vec.cols[rare]))
        r_rows, r_cols, r_vals = vec.rows[rare][order], vec.cols[rare][order], vec.vals[rare][order]
        r_df = vec.df[r_cols].astype(np.int64)
        flat = sim.reshape(-1)
        for k in np.unique(r_df):
            sel = r_df == k
            post_rows = r_rows[sel].reshape(-1, k)
            post_vals = r_vals[sel].reshape(-1, k)
            iu, ju = np.triu_indices(int(k), 1)
            a, b = post_rows[:, iu].ravel(), post_rows[:, ju].ravel()
            w = (post_vals[:, iu] * post_vals[:, ju]).ravel().astype(np.float32)
            np.add.at(flat, a * n + b, w)
        sim += sim.T  # the pairs were added to the upper triangle only (a < b)
    # Frequent features: dense column chunks and a matrix product.
    freq_feats = np.flatnonzero(vec.df >= dense_df_min)
    if len(freq_feats):
        col_pos = np.full(len(vec.features), -1, dtype=np.int64)
        col_pos[freq_feats] = np.arange(len(freq_feats))
        sel = col_pos[vec.cols] >= 0
        f_rows, f_pos, f_vals = vec.rows[sel], col_pos[vec.cols[sel]], vec.vals[sel]
        for start in range(0, len(freq_feats), DENSE_CHUNK):
            in_chunk = (f_pos >= start) & (f_pos < start + DENSE_CHUNK)
            block = np.zeros((n, min(DENSE_CHUNK, len(freq_feats) - start)), dtype=np.float32)
            block[f_rows[in_chunk], f_pos[in_chunk] - start] = f_vals[in_chunk]
            sim += block @ block.T
    np.fill_diagonal(sim, 0.0)
    return sim
