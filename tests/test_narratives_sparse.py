"""The sparse narrative path against dense references: clustering, similarity graph, approximation.

The dense references below are the stage's former ``n x n`` implementations, kept here as
oracles: the sparse graph must hold exactly the pairs with a non-zero combined similarity,
with the same values, and sparse average-link clustering must return exactly the clusters
of the dense one, ties included.
"""
from __future__ import annotations

import heapq
import random

import numpy as np
import pytest

from spinscope.model import Article
from spinscope.narratives.cluster import SimilarityGraph, average_link
from spinscope.narratives.features import outlet_key
from spinscope.narratives.similarity import SparseVectors, eligible_df, tfidf, weighted_concat
from spinscope.narratives.stage import CorpusFeatures, NarrativeOptions, NarrativeStage, candidate_max_df
from test_narratives import CORPUS, PLACES, art


def dense_average_link(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """The former dense UPGMA: heap of pairs at or above the threshold, Lance-Williams rows."""
    n = sim.shape[0]
    s = np.array(sim, dtype=np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    ii, jj = np.nonzero(np.triu(s >= threshold, 1))
    heap = [(-float(s[i, j]), i, j) for i, j in zip(ii.tolist(), jj.tolist())]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if not (active[i] and active[j]) or -neg != s[i, j]:
            continue
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


def graph_of(sim: np.ndarray) -> SimilarityGraph:
    i, j = np.nonzero(np.triu(sim, 1))
    return SimilarityGraph(len(sim), i, j, sim[i, j])


def dense_of(graph: SimilarityGraph) -> np.ndarray:
    sim = np.zeros((graph.n, graph.n))
    sim[graph.i, graph.j] = graph.value
    return sim + sim.T


def random_similarity(rng: random.Random, n: int, density: float, grid: bool) -> np.ndarray:
    """Symmetric, zero diagonal; on a coarse grid many values tie exactly."""
    sim = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < density:
                sim[i, j] = sim[j, i] = rng.choice((0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0)) if grid \
                    else rng.random()
    return sim


@pytest.mark.parametrize("seed", range(12))
def test_sparse_average_link_equals_dense(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 70)
    sim = random_similarity(rng, n, rng.choice((0.05, 0.2, 0.6)), grid=seed % 2 == 0)
    for threshold in (0.1, 0.25, 0.3, 0.5, 0.55):
        assert average_link(graph_of(sim), threshold) == dense_average_link(sim, threshold)


def test_ties_break_by_lower_index_as_in_the_dense_version():
    # Four items, every pair 0.5: (0, 1) merges first, then 2 and 3 join on equal means.
    sim = np.full((4, 4), 0.5)
    np.fill_diagonal(sim, 0)
    assert average_link(graph_of(sim), 0.5) == dense_average_link(sim, 0.5) == [[0, 1, 2, 3]]
    # Two equal candidates for item 1: it goes with 0 (lower index), leaving 2 alone at 0.3.
    sim = np.array([[0, .6, 0, 0], [.6, 0, .6, 0], [0, .6, 0, 0], [0, 0, 0, 0]])
    assert average_link(graph_of(sim), 0.31) == dense_average_link(sim, 0.31) == [[0, 1], [2], [3]]


def test_pairs_across_strong_components_are_never_needed():
    # Weak pairs joining two strong groups must not change either group.
    sim = np.zeros((6, 6))
    for a, b, v in ((0, 1, .9), (1, 2, .7), (3, 4, .8), (4, 5, .35), (2, 3, .29), (0, 5, .1), (1, 4, .2)):
        sim[a, b] = sim[b, a] = v
    assert average_link(graph_of(sim), 0.3) == dense_average_link(sim, 0.3)
    assert average_link(SimilarityGraph(0, np.zeros(0, int), np.zeros(0, int), np.zeros(0)), 0.3) == []


# --- the stage's similarity graph against the former dense matrix ------------------------

def dense_cosine(vec: SparseVectors) -> np.ndarray:
    d = np.zeros((vec.n, len(vec.features)))
    d[vec.rows, vec.cols] = vec.vals
    sim = d @ d.T
    np.fill_diagonal(sim, 0.0)
    return sim


def dense_media_links(articles: list[Article], corpus: CorpusFeatures) -> np.ndarray:
    """The former ``media_links``: shared cited medium, or one article is by a medium the other cites."""
    n = len(articles)
    links = np.zeros((n, n))
    citing: dict[str, set[int]] = {}
    for i, f in enumerate(corpus.features):
        for m in f.media:
            citing.setdefault(outlet_key(m), set()).add(i)
    for key, cite in citing.items():
        own = {i for i, a in enumerate(articles) if a.outlet and outlet_key(a.outlet) == key} - cite
        c, w = sorted(cite), sorted(own)
        links[np.ix_(c, c)] = 1.0
        if w:
            links[np.ix_(c, w)] = 1.0
            links[np.ix_(w, c)] = 1.0
    np.fill_diagonal(links, 0.0)
    return links


def dense_similarity(corpus: CorpusFeatures, o: NarrativeOptions) -> np.ndarray:
    """The combined similarity of docs/narratives.md for every pair, as the stage computed it before."""
    speakers = tfidf([dict.fromkeys(f.speakers, 1) for f in corpus.features], sublinear=False)
    topical = o.text_weight * dense_cosine(corpus.terms) + o.entity_weight * dense_cosine(corpus.entities)
    sources = o.speaker_weight * dense_cosine(speakers) + o.media_weight * dense_media_links(corpus.articles, corpus)
    sim = topical + np.where(topical >= o.source_gate, sources, 0.0)
    short = np.array([sum(f.terms.values()) < o.min_content_words for f in corpus.features])
    sim[short, :] = 0.0
    sim[:, short] = 0.0
    return sim


TOPICS = {
    "dam": "dam flood reservoir divers sabotage waterline engineer valley harvest farmers explosive wall navy",
    "fair": "cheese fair visitors stall goat smoked dairy tasting bread market square harbour crowd",
    "cup": "cup penalties stadium goalkeeper striker crossbar defence trophy supporters coach match",
    "code": "software database engine licence sensors disk storage format developers libraries release",
}
# General words: any two articles may share some, so most pairs have a small non-zero similarity.
COMMON = [a + b + c for a in ("gov", "offi", "regi", "pub", "nati") for b in ("ar", "el", "on") for c in ("ta", "mo")]


def random_corpus(seed: int, n: int) -> list[Article]:
    """Articles mixing a topic's words and places with general words; a few exact duplicates for ties."""
    rng = random.Random(seed)
    outlets = ["Radio Kest", "Lumen Courier", "Pradel Today", "Saltmere Gazette", "Sport Daily"]
    people = [("Tomas Brill", "Radio Kest"), ("Ilka Varne", "Lumen Courier"), ("Marta Quell", None),
              ("Petra Lanz", "Radio Kest")]  # one per topic
    arts = []
    for k in range(n):
        topic = rng.randrange(len(TOPICS))
        words = TOPICS[sorted(TOPICS)[topic]].split()
        body = [rng.choice(words) if rng.random() < 0.75 else rng.choice(COMMON) for _ in range(rng.randint(15, 45))]
        places = rng.sample(PLACES[2 * topic:2 * topic + 2], rng.randint(0, 2))  # each topic its own places
        speaker = people[topic] if rng.random() < 0.5 else None
        text = " ".join(body + places) + "." + (f" {speaker[0]} said so." if speaker else "")
        arts.append(art(f"Story {k}", text, rng.choice(outlets), f"2025-05-{1 + k % 28:02d}",
                        speakers=(speaker,) if speaker else (), source=f"s{seed}-{k}.txt"))
    for k in range(0, n, 9):  # the same text under another file name: equal similarities everywhere
        a = arts[k]
        arts.append(art(a.title or "", a.text, "Pradel Today", a.published, source=f"s{seed}-{k}-copy.txt"))
    return arts


def within_components(sim: np.ndarray, strong: np.ndarray) -> np.ndarray:
    """Non-zero pairs (upper triangle) whose items are linked through ``strong`` pairs."""
    n = len(sim)
    strong = strong | strong.T
    label = np.arange(n)
    for _ in range(n):  # propagate the lowest index along strong pairs
        label = np.minimum(label, np.where(strong, label[None, :], n).min(axis=1))
    linked = (label[:, None] == label[None, :]) & strong.any(axis=1)[:, None]
    return np.triu(linked & (sim > 0), 1)


@pytest.mark.parametrize("corpus_of", [lambda: list(CORPUS), *[(lambda s=s: random_corpus(s, 40)) for s in range(4)]])
def test_stage_graph_and_clusters_equal_the_dense_reference(corpus_of):
    stage = NarrativeStage(NarrativeOptions())
    corpus = stage.analyse(corpus_of())
    assert corpus.candidate_max_df is None  # small corpora are exact
    expected = dense_similarity(corpus, stage.options)
    graph = corpus.similarity
    assert (graph.i < graph.j).all() and (graph.value > 0).all()
    # exactly the non-zero pairs inside the strong components, with their values
    found = np.zeros_like(expected, dtype=bool)
    found[graph.i, graph.j] = True
    assert (found == within_components(expected, expected >= stage.options.threshold)).all()
    assert np.allclose(graph.value, expected[graph.i, graph.j], atol=1e-9)
    assert average_link(graph, 0.3) == dense_average_link(expected.astype(np.float32), 0.3)
    assert [c for c in average_link(graph, 0.3) if len(c) > 1]  # the comparison is not vacuous


# --- the approximation for very large corpora ---------------------------------------------

def test_exact_while_the_products_fit_the_budget():
    stage = NarrativeStage(NarrativeOptions())
    corpus = stage.analyse(random_corpus(9, 60))
    eligible = np.array([sum(f.terms.values()) >= 20 for f in corpus.features])
    dfs = np.concatenate([eligible_df(v, eligible) for v in (corpus.terms, corpus.entities)])
    needed = int(sum(d * (d - 1) // 2 for d in dfs.tolist()))
    vectors = weighted_concat([corpus.terms, corpus.entities], [0.5, 0.5])
    assert candidate_max_df(vectors, eligible, needed) is None
    cap = candidate_max_df(vectors, eligible, needed - 1)
    assert cap is not None and cap < dfs.max()  # one product short: the most frequent features go
    assert sum(d * (d - 1) // 2 for d in dfs.tolist() if 2 <= d <= cap) <= needed - 1
    cap = candidate_max_df(vectors, eligible, 0)
    assert cap is not None and not ((dfs >= 2) & (dfs <= cap)).any()  # nothing enumerated


@pytest.mark.parametrize("share", [2, 4, 20])
def test_capped_search_misses_only_strong_pairs_sharing_no_kept_feature(share):
    articles = random_corpus(5, 60)
    exact = NarrativeStage(NarrativeOptions()).analyse([Article.from_dict(a.to_dict()) for a in articles])
    eligible = np.array([sum(f.terms.values()) >= 20 for f in exact.features])
    topical = weighted_concat([exact.terms, exact.entities], [0.5, 0.5])
    df = eligible_df(topical, eligible)
    needed = int(sum(d * (d - 1) // 2 for d in df.tolist()))
    per_article = needed // share // int(eligible.sum())
    capped = NarrativeStage(NarrativeOptions(pair_products_per_article=per_article)).analyse(articles)
    cap = capped.candidate_max_df
    assert cap is not None
    full = dense_of(exact.similarity)
    got = capped.similarity
    # Components can only split: every pair kept is a pair of the exact graph, with its exact value.
    assert (full[got.i, got.j] > 0).all()
    assert np.allclose(got.value, full[got.i, got.j], atol=1e-9)
    # The strong pairs searched are those sharing a feature kept in the search; the graph
    # holds every pair inside the components they link.
    d = np.zeros((topical.n, len(topical.features)))
    kept = (df[topical.cols] >= 2) & (df[topical.cols] <= cap)
    d[topical.rows[kept], topical.cols[kept]] = 1
    searched = np.triu(full >= 0.3, 1) & ((d @ d.T) > 0)
    found = np.zeros_like(searched)
    found[got.i, got.j] = True
    assert (found == within_components(full, searched)).all()


def test_zero_budget_finds_no_pairs_and_no_narrative():
    assert NarrativeStage(NarrativeOptions(pair_products_per_article=0))(list(CORPUS)) == []
    assert len(NarrativeStage(NarrativeOptions())(list(CORPUS))) == 1
