"""The corpus stage ``spinscope.narratives.v1``: storylines across outlets, and reposts.

Reads analysed articles (text, title, entities, attributions with speakers and media)
and returns :class:`~spinscope.model.Narrative` objects: groups of at least two articles
that carry the same storyline, with their outlets, dates, named speakers, the media those
speakers talked to, shared entities, keywords and the reposts among them. See
``docs/narratives.md`` for the algorithm and its limits.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from ..errors import E_BAD_CONFIG, SpinscopeError
from ..model import Article, Narrative
from ..registry import corpus_stages
from .cluster import SimilarityGraph, average_link, is_strong, strong_components
from .features import ArticleFeatures, article_features, outlet_key
from .reposts import MAX_SHINGLE_DF, MIN_CONTAINMENT, MIN_SHARED_SHINGLES, SHINGLE_SIZE, detect_reposts
from .similarity import (BLOCK_PRODUCTS, PairDots, SharedFeaturePairs, SparseVectors, blocks, eligible_df, tfidf,
                         weighted_concat)

# Entity labels preferred in a narrative's label: places, groups and organisations say
# what a storyline is about; people and media say who carries it.
_LABEL_ENTITY_KINDS = ("GPE", "LOC", "ORG", "EVENT", "FAC", "PRODUCT", "LAW")
# Default of ``pair_products_per_article``; the measurements behind it are in docs/narratives.md.
PAIR_PRODUCTS_PER_ARTICLE = 10_000


@dataclass
class NarrativeOptions:
    """Options of the narrative stage; the defaults are argued in docs/narratives.md."""

    # Average-link merge threshold on the combined similarity.
    threshold: float = 0.3
    # Combined similarity = text_weight * TF-IDF cosine of content words
    #                     + entity_weight * IDF-weighted cosine of canonical entities
    #                     + (when that topical part reaches source_gate)
    #                       speaker_weight * cosine of named speakers
    #                     + media_weight * [a medium in common, or one article is by the
    #                                       medium the other's speakers talked to].
    text_weight: float = 0.5
    entity_weight: float = 0.5
    speaker_weight: float = 0.1
    media_weight: float = 0.2
    source_gate: float = 0.15
    min_articles: int = 2
    # Articles with fewer content words than this take no part in clustering: two stubs
    # sharing "extra" and "word" would have cosine 1.
    min_content_words: int = 20
    # Work budget of the search for strong pairs, in (article pair, shared feature) products
    # per clustered article. A corpus needing more leaves its most frequent features out of
    # the search until the rest fit; the search, and so the run time, then grows linearly
    # with the corpus instead of quadratically. See docs/narratives.md for what it costs.
    pair_products_per_article: int = PAIR_PRODUCTS_PER_ARTICLE
    # Distinct outlets a narrative needs (an article without an outlet counts as its own).
    min_outlets: int = 1
    max_keywords: int = 8
    max_entities: int = 10
    label_parts: int = 4
    # Reposts.
    reposts: bool = True
    repost_containment: float = MIN_CONTAINMENT
    min_shared_shingles: int = MIN_SHARED_SHINGLES
    shingle_size: int = SHINGLE_SIZE
    max_shingle_df: int = MAX_SHINGLE_DF

    @classmethod
    def from_config(cls, **config: Any) -> "NarrativeOptions":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(config) - known)
        if unknown:
            raise SpinscopeError(E_BAD_CONFIG, f"spinscope.narratives.v1: unknown option(s) {unknown}; "
                                               f"options are {sorted(known)}")
        opts = cls(**config)
        if not 0.0 < opts.threshold <= 2.0:
            raise SpinscopeError(E_BAD_CONFIG, f"narratives threshold must be in (0, 2], got {opts.threshold}")
        if opts.min_articles < 2:
            raise SpinscopeError(E_BAD_CONFIG, "narratives min_articles must be at least 2")
        if opts.pair_products_per_article < 0:
            raise SpinscopeError(E_BAD_CONFIG, "narratives pair_products_per_article must be at least 0")
        if opts.shingle_size < 2:
            raise SpinscopeError(E_BAD_CONFIG, "narratives shingle_size must be at least 2")
        return opts


@dataclass
class CorpusFeatures:
    """Everything clustering and description need, for articles in canonical order."""

    articles: list[Article]
    features: list[ArticleFeatures]
    terms: SparseVectors
    entities: SparseVectors
    # Pairs inside the connected components of the strong graph, which is all clustering reads.
    similarity: SimilarityGraph
    # Features in more articles than this were left out of the strong-pair search (None: exact).
    candidate_max_df: int | None = None


class NarrativeStage:
    """Callable ``list[Article] -> list[Narrative]``; also sets ``meta["repost_of"]`` on copies."""

    name = "narratives"

    def __init__(self, options: NarrativeOptions) -> None:
        self.options = options

    def __call__(self, articles: list[Article]) -> list[Narrative]:
        corpus = self.analyse(articles)
        clusters = [c for c in average_link(corpus.similarity, self.options.threshold)
                    if len({corpus.articles[i].id for i in c}) >= self.options.min_articles
                    and _outlet_count(corpus.articles[i] for i in c) >= self.options.min_outlets]
        reposts: list[dict[str, Any]] = []
        if self.options.reposts:
            reposts = detect_reposts(corpus.articles, self.options.repost_containment,
                                     self.options.min_shared_shingles, self.options.shingle_size,
                                     self.options.max_shingle_df)
            _mark_reposts(corpus.articles, reposts)
        narratives = [self._describe(corpus, c, reposts) for c in clusters]
        narratives.sort(key=lambda n: (-len(n.article_ids), n.dates[0] if n.dates else "9999", n.id))
        return narratives

    def analyse(self, articles: list[Article]) -> CorpusFeatures:
        """Features and the combined similarity graph, with articles in a canonical order.

        Sorting by id (a hash of the text) first makes every later step independent of the
        order the articles came in.
        """
        ordered = sorted(articles, key=lambda a: (a.ensure_id(), a.outlet or "", a.source, a.title or ""))
        feats = [article_features(a) for a in ordered]
        terms = tfidf([f.terms for f in feats])
        ents = tfidf([f.entity_counts for f in feats])
        eligible = np.array([sum(f.terms.values()) >= self.options.min_content_words for f in feats], dtype=bool)
        topical = weighted_concat([terms, ents], [self.options.text_weight, self.options.entity_weight])
        budget = self.options.pair_products_per_article * int(eligible.sum())
        max_df = candidate_max_df(topical, eligible, budget)
        graph = self._similarity_graph(ordered, feats, topical, eligible, max_df)
        return CorpusFeatures(ordered, feats, terms, ents, graph, max_df)

    def _similarity_graph(self, articles: list[Article], feats: list[ArticleFeatures], topical: SparseVectors,
                          eligible: np.ndarray, max_df: int | None) -> SimilarityGraph:
        """The combined similarity of every pair that average-link clustering can read; all others are 0.

        Clusters only ever merge inside a connected component of the strong graph (pairs at
        or above the threshold; see cluster.py). So a first pass scores every eligible pair
        sharing a word or an entity (when capped: one in at most ``max_df`` articles) and
        keeps only the strong pairs; a second pass scores every pair inside each component
        exactly. Memory follows the strong pairs and the components, never the weak pairs
        between unrelated articles.
        """
        speakers = PairDots(tfidf([dict.fromkeys(f.speakers, 1) for f in feats], sublinear=False))
        media = MediaLinks(articles, feats)
        left_out = PairDots(topical, eligible_df(topical, eligible) > max_df) if max_df is not None else None
        strong = self._score_pairs(topical, speakers, media, eligible, max_df, None, left_out)
        component = strong_components(len(articles), strong.i, strong.j)
        return self._score_pairs(topical, speakers, media, eligible & (component >= 0), None, component)

    def _score_pairs(self, topical: SparseVectors, speakers: PairDots, media: "MediaLinks", eligible: np.ndarray,
                     max_df: int | None, group: np.ndarray | None,
                     left_out: PairDots | None = None) -> SimilarityGraph:
        """Combined similarity of the eligible pairs (inside one group) that share an enumerable feature.

        The first pass (``group`` None) keeps the strong pairs only. When features were left
        out, a pair's enumerated part is a lower bound and adding the Cauchy-Schwarz bound of
        the left-out part gives an upper one; the exact left-out share is computed only for
        the pairs the two bounds leave undecided, so every pair found is classed exactly.
        Rows are processed in blocks of about ``BLOCK_PRODUCTS`` products, so the temporary
        arrays stay bounded whatever the corpus size.
        """
        n = len(eligible)
        strong_only = group is None
        shared = SharedFeaturePairs(topical, eligible, max_df, group)
        parts_i, parts_j, parts_v = [], [], []
        for r0, r1 in blocks(shared.row_products, BLOCK_PRODUCTS):
            keys, part = shared.dots(r0, r1)
            i, j = np.divmod(keys, n)
            value = self._combined(part, i, j, speakers, media)
            if left_out is not None:
                upper = self._combined(part + left_out.norms[i] * left_out.norms[j], i, j, speakers, media)
                open_ = np.flatnonzero(~is_strong(value, self.options.threshold)
                                       & is_strong(upper, self.options.threshold))
                value[open_] = self._combined(part[open_] + left_out(i[open_], j[open_]), i[open_], j[open_],
                                              speakers, media)
            keep = is_strong(value, self.options.threshold) if strong_only else slice(None)
            parts_i.append(i[keep].astype(np.int32))
            parts_j.append(j[keep].astype(np.int32))
            parts_v.append(value[keep])
        if not parts_v:
            return SimilarityGraph(n, np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0))
        return SimilarityGraph(n, np.concatenate(parts_i), np.concatenate(parts_j), np.concatenate(parts_v))

    def _combined(self, topical: np.ndarray, i: np.ndarray, j: np.ndarray, speakers: PairDots,
                  media: "MediaLinks") -> np.ndarray:
        """``topical`` plus the source terms where it reaches the gate (shared sources count
        only between articles that already share a topic)."""
        o = self.options
        value = topical.copy()
        gated = np.flatnonzero(topical >= o.source_gate)
        value[gated] += o.speaker_weight * speakers(i[gated], j[gated]) + o.media_weight * media(i[gated], j[gated])
        return value

    def _describe(self, corpus: CorpusFeatures, members: list[int], reposts: list[dict[str, Any]]) -> Narrative:
        o = self.options
        arts = [corpus.articles[i] for i in members]
        feats = [corpus.features[i] for i in members]
        by_date = sorted(arts, key=lambda a: (a.published or "9999", a.id))
        article_ids = list(dict.fromkeys(a.id for a in by_date))
        entities = _top_terms(corpus.entities, members, o.max_entities)
        speakers = _ranked(Counter(s for f in feats for s in f.named_speakers))
        media_counts = Counter(m for f in feats for m in _dedupe_media(f.media_all))
        media = [m for m in _ranked(media_counts) if media_counts[m] >= 2] or _ranked(media_counts)
        # Keywords say what is claimed; names are listed under entities, speakers and media.
        name_words = {w for f in feats for e in [*f.entities, *f.speakers, *f.media_all] for w in _words(e)}
        keywords = [t for t in _top_terms(corpus.terms, members, o.max_keywords + len(name_words))
                    if t not in name_words][:o.max_keywords]
        who = {outlet_key(x) for x in media}
        ids = set(article_ids)
        return Narrative(
            id="n-" + hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:12],
            label=_label([e for e in entities if outlet_key(e) not in who], feats,
                         [_as_written(k, arts) for k in keywords], o.label_parts),
            article_ids=article_ids,
            outlets=sorted({a.outlet for a in arts if a.outlet}),
            dates=sorted({a.published[:10] for a in arts if a.published}),
            speakers=speakers,
            media=media,
            entities=entities,
            keywords=keywords,
            reposts=[r for r in reposts if r["article_id"] in ids],
        )


def _outlet_count(articles: Any) -> int:
    return len({outlet_key(a.outlet) if a.outlet else f"?{a.id}" for a in articles})


def candidate_max_df(vec: SparseVectors, eligible: np.ndarray, budget: int) -> int | None:
    """The largest document frequency whose features can be enumerated within ``budget`` products.

    None when every feature fits (the graph is exact). Otherwise features are left out most
    frequent first: the cost of a feature in ``df`` articles is ``df (df - 1) / 2`` pairs.
    """
    df = np.sort(eligible_df(vec, eligible))
    df = df[df >= 2].astype(np.int64)
    cost = np.cumsum(df * (df - 1) // 2)
    if not len(df) or cost[-1] <= budget:
        return None
    first_over = int(np.searchsorted(cost, budget, side="right"))
    return max(1, int(df[first_over]) - 1)  # every feature of that frequency is left out


class MediaLinks:
    """1 where two articles share a named medium, or one is published by a medium the other cites.

    The second case links laundering to its origin: "analyst X told Orbis24" in one outlet
    and Orbis24's own interview with X. Media are compared by ``outlet_key``; an
    article's own outlet is never among its cited media ("told the Tribune" in the
    Tribune is its own reporting).
    """

    def __init__(self, articles: list[Article], feats: list[ArticleFeatures]) -> None:
        self.cited = [frozenset(outlet_key(m) for m in f.media) for f in feats]
        self.own = [outlet_key(a.outlet) if a.outlet else None for a in articles]

    def __call__(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        cited, own = self.cited, self.own
        return np.array([1.0 if cited[a] & cited[b] or own[b] in cited[a] or own[a] in cited[b] else 0.0
                         for a, b in zip(i.tolist(), j.tolist())])


def _dedupe_media(media: set[str]) -> set[str]:
    """One spelling per medium ("the Tribune" and "Tribune" count once)."""
    seen: dict[str, str] = {}
    for m in sorted(media, key=lambda x: (len(x), x)):
        seen.setdefault(outlet_key(m), m)
    return set(seen.values())


def _ranked(counts: Counter[str]) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _cluster_scores(vec: SparseVectors, members: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The features of the cluster's articles, their summed weight there, and how many articles have each."""
    sel = vec.entries_of(sorted(members))
    features, inverse = np.unique(vec.cols[sel], return_inverse=True)
    weight = np.bincount(inverse, weights=vec.vals[sel], minlength=len(features))
    cover = np.bincount(inverse, minlength=len(features))
    return features, weight, cover


def _min_cover(size: int) -> int:
    # A feature describes a narrative when at least two articles, and a third of them, have it.
    return max(2, -(-size // 3))


def _top_terms(vec: SparseVectors, members: list[int], k: int) -> list[str]:
    """Features that describe a cluster: frequent in it and rarer outside it.

    Score = summed TF-IDF weight in the cluster x log(1 + cluster share / outside share).
    The second factor matters in a corpus gathered around one topic, where idf alone
    cannot tell the storyline's words from the topic's.
    """
    size = len(members)
    features, weight, cover = _cluster_scores(vec, members)
    outside = vec.df[features] - cover
    share_in = cover / size
    share_out = (outside + 1.0) / (vec.n - size + 2.0)
    score = weight * np.log1p(share_in / share_out)
    ok = np.flatnonzero(cover >= _min_cover(size))
    order = sorted(ok.tolist(), key=lambda c: (-score[c], vec.features[features[c]]))
    return [vec.features[features[c]] for c in order[:k]]


def _label(entities: list[str], feats: list[ArticleFeatures], keywords: list[str], parts: int) -> str:
    """A short human label: up to two topical entities, then distinctive keywords.

    People and media are left out (they say who carries a storyline, not what it is), and
    so are adjectives of nationality unless nothing else is shared.
    """
    kinds: dict[str, Counter[str]] = {}
    for f in feats:
        for name, kind in f.entities.items():
            kinds.setdefault(name, Counter())[kind] += 1
    # NER labels are noisy ("Kelmora" tagged PERSON in one article, GPE in the next):
    # one topical label among an entity's articles is enough.
    topical = [e for e in entities if set(kinds.get(e, ())) & set(_LABEL_ENTITY_KINDS)]
    chosen = (topical or [e for e in entities if "NORP" in kinds.get(e, ())])[:2]
    covered = {w for e in chosen for w in _words(e)}
    for kw in keywords:
        if len(chosen) >= parts:
            break
        if kw not in covered:
            chosen.append(kw)
            covered.add(kw)
    return " · ".join(chosen) if chosen else "(unlabelled)"


def _as_written(word: str, articles: list[Article]) -> str:
    """A keyword in its most common spelling in the articles ("zarvak" -> "Zarvak")."""
    forms: Counter[str] = Counter()
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    for a in articles:
        forms.update(m.group(0) for m in pattern.finditer(a.text))
    return forms.most_common(1)[0][0] if forms else word


def _words(name: str) -> set[str]:
    from .features import content_words

    return set(content_words(name))


def _mark_reposts(articles: list[Article], reposts: list[dict[str, Any]]) -> None:
    by_id = {a.id: a for a in articles}
    originals = {a.id: a for a in articles}
    for r in reposts:
        art = by_id.get(r["article_id"])
        if art is None:
            continue
        orig = originals.get(r["original_id"]) if r["original_id"] else None
        name = r["original_outlet"] or (orig.title or orig.source if orig else None)
        if name:
            art.meta.setdefault("repost_of", name)
        if r["original_id"]:
            art.meta["repost_of_id"] = r["original_id"]
        if r["containment"] is not None:
            art.meta["repost_containment"] = r["containment"]


@corpus_stages.register("spinscope.narratives.v1")
def make_narratives(**config: Any) -> NarrativeStage:
    """Factory: keyword options of :class:`NarrativeOptions`."""
    return NarrativeStage(NarrativeOptions.from_config(**config))
