"""Reposts: articles whose text is largely copied from another, and notes that say so.

Two kinds of evidence, used together:

* **Shared text.** Word 5-gram shingles; ``containment = |A & B| / min(|A|, |B|)``, the
  share of the shorter text found in the longer one (a repost that drops a paragraph or
  adds a paragraph of its own still scores high). Candidate pairs come from an
  inverted index shingle -> articles, so the cost follows the shared text, not n^2.
* **Repost notes.** "This article originally appeared on X", "first published by X",
  "Republished from X", "Source: X", "(via X)" ... in the text or among the fragments the
  cleaner removed (``reason == "repost_note"``, which also fills ``meta["repost_of"]``).
  The original may be outside the corpus: then ``original_id`` is ``None``.

Direction: the earlier-dated article is the original; without dates, an article whose
note names the other's outlet is the copy; otherwise the shorter text (the one more
contained in the other) is taken as the copy and the evidence says the direction is a guess.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Article
from .features import outlet_key, same_outlet

SHINGLE_SIZE = 5
# Share of the shorter text found in the other for a repost (verbatim reposts score
# 0.8-1.0; two outlets rewriting the same wire copy usually stay under 0.3).
MIN_CONTAINMENT = 0.5
# At least this many shared shingles, so that two short briefs sharing a stock phrase
# or a long quotation do not count as copies.
MIN_SHARED_SHINGLES = 15
# A shingle found in more than this many articles is a stock phrase or boilerplate, not
# copied text; skipping it also bounds the pair enumeration.
MAX_SHINGLE_DF = 50
# Containment enough to link a repost note to a corpus article of the named outlet.
NOTE_MIN_CONTAINMENT = 0.2
# A repost note is a short paragraph of its own; longer paragraphs are prose.
NOTE_MAX_WORDS = 40

_TOKEN = re.compile(r"\w+")
_ARTICLE_NOUN = r"(?:article|story|post|piece|essay|report|column|op-?ed|commentary|interview|text|analysis|feature)"
# The source name: a short capitalised run (optionally a domain), up to the end of the clause.
_NAME_WORD = r"[A-Z0-9][\w&'’\-]*(?:\.[\w\-]+)*"
_DOMAIN = r"(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+(?:/[^\s)]*)?"
_SOURCE = (rf"(?P<source>{_DOMAIN}(?=[\s).,;]|$)|(?:the\s+)?{_NAME_WORD}"
           rf"(?:\s+(?:of|for|and|the|&|{_NAME_WORD})){{0,6}})")
_NOTE_PATTERNS = [
    re.compile(p, re.IGNORECASE if flags else 0) for p, flags in [
        (rf"\b(?:this|the)\s+{_ARTICLE_NOUN}\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally|first|previously)\s+"
         rf"(?:appeared|published|posted|ran|appears)\s+(?:on|in|at|by|with)\s+", 1),
        # bare "Originally published by X" only as a sentence of its own
        (r"(?:^|[.!?]\s+)\s*(?:originally|first|previously)\s+(?:published|posted|appeared|ran)\s+"
         r"(?:on|in|at|by|with)\s+", 1),
        (r"\b(?:republished|reprinted|reposted|cross-?posted|syndicated|reproduced)\s+(?:here\s+)?"
         r"(?:with\s+(?:kind\s+)?permission\s+)?(?:from|by|courtesy\s+of|with\s+permission\s+(?:of|from))\s+", 1),
        (r"\bread\s+the\s+original\s+(?:article|story|post|report)?\s*(?:at|on)\s+", 1),
    ]
]
# The name after the cue must start with a capital (or a digit/domain) even though the
# cue itself is matched without case.
_SOURCE_AFTER = re.compile(_SOURCE)
# Line-shaped cues: a short "Source: X" / "Via: X" line, or "(via X)" closing a paragraph.
_SOURCE_LINE = re.compile(r"^\s*(?:source|sourced\s+from|via)\s*:\s*" + _SOURCE + r"\s*\.?\s*$",
                          re.IGNORECASE | re.MULTILINE)
_VIA_PAREN = re.compile(r"\(\s*via\s+" + _SOURCE + r"\s*\)\s*\.?\s*$", re.MULTILINE)
_TRAILING_JUNK = re.compile(r"(?:\s+(?:on|in|at|and|the|of|for|&))+$|[.\s]+$", re.IGNORECASE)
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([\w\-]+(?:\.[\w\-]+)+)")


@dataclass
class RepostNote:
    """A repost note found in one article: the outlet it names and the text that says so."""

    outlet: str
    evidence: str


def _clean_source(name: str) -> str:
    name = name.strip()
    m = _URL_HOST.match(name)
    if m and "." in m.group(1) and " " not in name:
        return m.group(1).lower()
    prev = None
    while prev != name:
        prev = name
        name = _TRAILING_JUNK.sub("", name).strip(" ,;:'\"“”‘’")
    return name


def find_note(article: Article) -> RepostNote | None:
    """The repost note of an article, if it has one (its text or its removed fragments)."""
    removed_notes = [r.text for r in article.removed if r.reason == "repost_note"]
    for text in [*removed_notes, article.text]:
        note = _note_in(text)
        if note:
            return note
    source = article.meta.get("repost_of") if isinstance(article.meta, dict) else None
    if isinstance(source, str) and source.strip():
        return RepostNote(source.strip(), removed_notes[0] if removed_notes else f"repost_of: {source}")
    return None


def _note_in(text: str) -> RepostNote | None:
    """A repost note in a text; only short paragraphs are searched.

    A note is a line of its own; in running prose "a report first published by the
    Guardian in 2019" cites a source, it does not mark a repost. "Source: X" and
    "(via X)" count only in the first two or last three paragraphs (elsewhere they credit
    a chart or a quotation).
    """
    paras = [p for p in text.split("\n") if p.strip()] if text else []
    for k, para in enumerate(paras):
        if len(para.split()) > NOTE_MAX_WORDS:
            continue
        edge = k < 2 or k >= len(paras) - 3
        note = _note_in_paragraph(para, line_cues=edge)
        if note:
            return note
    return None


def _note_in_paragraph(text: str, line_cues: bool = True) -> RepostNote | None:
    for pat in _NOTE_PATTERNS:
        for m in pat.finditer(text):
            after = _SOURCE_AFTER.match(text, m.end())
            if after:
                name = _clean_source(after.group("source"))
                if name and not name.lower().startswith(("this", "our", "his", "her")):
                    return RepostNote(name, _sentence_around(text, m.start(), after.end()))
    for pat in (_SOURCE_LINE, _VIA_PAREN) if line_cues else ():
        m = pat.search(text)
        if m:
            name = _clean_source(m.group("source"))
            if name:
                return RepostNote(name, _sentence_around(text, m.start(), m.end()))
    return None


def _sentence_around(text: str, start: int, end: int, limit: int = 200) -> str:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return " ".join(text[left:right].split())[:limit]


def shingle_sets(texts: Sequence[str], size: int = SHINGLE_SIZE) -> list[np.ndarray]:
    """Per text, the sorted unique 64-bit hashes of its word ``size``-grams (lowercased)."""
    vocab: dict[str, int] = {}
    out = []
    # Polynomial hash of the word ids, wrapping mod 2**64 (collisions are negligible).
    mult = np.r_[np.uint64(1), np.cumprod(np.full(size - 1, 1_000_003, dtype=np.uint64))].astype(np.uint64)
    for text in texts:
        ids = np.array([vocab.setdefault(w, len(vocab) + 1) for w in _TOKEN.findall(text.lower())],
                       dtype=np.uint64)
        if len(ids) < size:
            out.append(np.zeros(0, dtype=np.uint64))
            continue
        windows = np.lib.stride_tricks.sliding_window_view(ids, size)
        out.append(np.unique((windows * mult).sum(axis=1, dtype=np.uint64)))
    return out


@dataclass
class SharedText:
    """Two articles (indices, i < j) and their shared shingle count and containment."""

    i: int
    j: int
    shared: int
    containment: float


def shared_text_pairs(shingles: Sequence[np.ndarray], min_containment: float = MIN_CONTAINMENT,
                      min_shared: int = MIN_SHARED_SHINGLES, max_df: int = MAX_SHINGLE_DF) -> list[SharedText]:
    """Article pairs whose containment reaches ``min_containment`` (via an inverted index)."""
    n = len(shingles)
    if n < 2:
        return []
    hashes = np.concatenate(shingles) if n else np.zeros(0, dtype=np.uint64)
    docs = np.concatenate([np.full(len(s), i, dtype=np.int64) for i, s in enumerate(shingles)])
    if not len(hashes):
        return []
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    # Group equal hashes: start of each group and its size (document frequency).
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    keep = (sizes >= 2) & (sizes <= max_df)
    pair_keys: list[np.ndarray] = []
    for k in np.unique(sizes[keep]).tolist():
        group_starts = starts[keep & (sizes == k)]
        post = docs[group_starts[:, None] + np.arange(k)]  # (groups x k), rows ascending
        iu, ju = np.triu_indices(k, 1)
        pair_keys.append(post[:, iu].ravel() * n + post[:, ju].ravel())
    if not pair_keys:
        return []
    keys, counts = np.unique(np.concatenate(pair_keys), return_counts=True)
    lens = np.array([len(s) for s in shingles], dtype=np.int64)
    i, j = keys // n, keys % n
    smaller = np.minimum(lens[i], lens[j])
    containment = counts / np.maximum(smaller, 1)
    ok = (counts >= min_shared) & (containment >= min_containment)
    return [SharedText(int(a), int(b), int(c), float(r))
            for a, b, c, r in zip(i[ok], j[ok], counts[ok], containment[ok])]


def _date(article: Article) -> str | None:
    return article.published[:10] if article.published else None


def detect_reposts(articles: Sequence[Article], min_containment: float = MIN_CONTAINMENT,
                   min_shared: int = MIN_SHARED_SHINGLES, shingle_size: int = SHINGLE_SIZE,
                   max_df: int = MAX_SHINGLE_DF) -> list[dict]:
    """One record per copied article (at most one original each), in article order.

    Each record: ``article_id``, ``outlet``, ``original_id`` (``None`` when the original is
    not in the corpus), ``original_outlet``, ``containment`` (``None`` for a note alone)
    and ``evidence``.
    """
    n = len(articles)
    shingles = shingle_sets([a.text for a in articles], shingle_size)
    notes = [find_note(a) for a in articles]
    # candidates[copy] -> list of (original index, containment, shared, direction-evidence)
    candidates: dict[int, list[tuple[int, float, int, str]]] = {}
    for p in shared_text_pairs(shingles, min_containment, min_shared, max_df):
        copy, orig, why = _direction(articles, notes, shingles, p.i, p.j)
        candidates.setdefault(copy, []).append((orig, p.containment, p.shared, why))
    records: list[dict] = []
    for idx in range(n):
        art, note = articles[idx], notes[idx]
        cands = candidates.get(idx, [])
        if cands:
            # The earliest original (then the highest containment): with a wire story
            # copied by several outlets, every copy points at the same first source.
            orig, cont, shared, why = min(
                cands, key=lambda c: (_date(articles[c[0]]) or "9999", -c[1], articles[c[0]].id))
            evidence = f"{cont:.0%} of the shorter text's {shingle_size}-word sequences are shared ({shared}); {why}"
            if note:
                evidence += f"; note: “{note.evidence}”"
            records.append(_record(art, articles[orig], articles[orig].outlet or note_outlet(note), cont, evidence))
        elif note and not same_outlet(note.outlet, art.outlet):
            orig_idx = _note_target(articles, shingles, idx, note)
            if orig_idx is not None:
                cont = _containment(shingles[idx], shingles[orig_idx])
                records.append(_record(art, articles[orig_idx], articles[orig_idx].outlet, cont,
                                       f"note: “{note.evidence}”; {cont:.0%} shared text"))
            else:
                records.append(_record(art, None, note.outlet, None, f"note: “{note.evidence}”"))
    return records


def note_outlet(note: RepostNote | None) -> str | None:
    return note.outlet if note else None


def _record(art: Article, orig: Article | None, orig_outlet: str | None, cont: float | None,
            evidence: str) -> dict:
    return {
        "article_id": art.ensure_id(),
        "outlet": art.outlet,
        "original_id": orig.ensure_id() if orig is not None else None,
        "original_outlet": orig_outlet,
        "containment": None if cont is None else round(cont, 3),
        "evidence": evidence,
    }


def _containment(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def _note_target(articles: Sequence[Article], shingles: Sequence[np.ndarray], idx: int,
                 note: RepostNote) -> int | None:
    """The corpus article a note points at: same outlet as named, and some shared text."""
    best: tuple[float, int] | None = None
    for k, other in enumerate(articles):
        if k == idx or not same_outlet(other.outlet, note.outlet):
            continue
        cont = _containment(shingles[idx], shingles[k])
        if cont >= NOTE_MIN_CONTAINMENT and (best is None or cont > best[0]):
            best = (cont, k)
    return best[1] if best else None


def _direction(articles: Sequence[Article], notes: Sequence[RepostNote | None],
               shingles: Sequence[np.ndarray], i: int, j: int) -> tuple[int, int, str]:
    """(copy, original, why) for a pair sharing text."""
    di, dj = _date(articles[i]), _date(articles[j])
    if di and dj and di != dj:
        return (j, i, "the original is dated earlier") if di < dj else (i, j, "the original is dated earlier")
    for copy, orig in ((i, j), (j, i)):
        note = notes[copy]
        if note and same_outlet(note.outlet, articles[orig].outlet):
            return copy, orig, "the copy's note names the original's outlet"
    li, lj = len(shingles[i]), len(shingles[j])
    if li != lj:
        return (i, j, "direction guessed: no dates, the copy is the shorter text") if li < lj else \
            (j, i, "direction guessed: no dates, the copy is the shorter text")
    a, b = sorted((i, j), key=lambda k: (articles[k].ensure_id(), outlet_key(articles[k].outlet or "")))
    return b, a, "direction unknown: same date and length"
