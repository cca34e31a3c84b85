"""Technique-specific model inputs: training targets per word piece and the hand-made span
features. The windows themselves (:class:`~spinscope.encoder.Segment`) come from
:mod:`spinscope.encoder`, shared with the attribution tagger. PTC has one sentence a line.
"""
from __future__ import annotations

import numpy as np

from ..encoder import Segment
from ..sentences import one_sentence_per_line

# Word pieces per window, without [CLS]/[SEP]. PTC sentences rarely exceed it;
# longer lines are cut into consecutive windows.
MAX_TOKENS = 126


def token_targets(segment: Segment, spans: list[tuple[str, int, int]], techniques: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Training targets for one segment: inside-any-span (n,) and per-technique (n, T) as 0/1 floats.

    A word piece counts as inside a span when their character ranges overlap.
    """
    n = len(segment.ids)
    inside = np.zeros(n, dtype=np.float32)
    tech = np.zeros((n, len(techniques)), dtype=np.float32)
    index = {t: i for i, t in enumerate(techniques)}
    seg_s, seg_e = segment.starts[0], segment.ends[-1]
    for technique, s, e in spans:
        if e <= seg_s or s >= seg_e:
            continue
        hit = (segment.starts < e) & (segment.ends > s)
        inside[hit] = 1.0
        if technique in index:
            tech[hit, index[technique]] = 1.0
    return inside, tech


def model_text(text: str) -> str:
    """The text as technique models read it in training and inference: one sentence a line.

    PTC, the training data, has one sentence a line; real news has paragraphs. Breaking the
    lines at sentence ends (same length, same offsets) keeps the inputs alike: on the 30
    held-out PTC train articles laid out as 2-5 sentence paragraphs, the shipped `accurate`
    model scored SI F1 0.388 reading paragraphs and 0.423 reading sentences (0.427 on the
    original layout). Windows, the "line" span features and spans' extent all follow the
    sentence lines.
    """
    return one_sentence_per_line(text)


# Hand-made span features appended to the pooled encoder states before the span
# classifier; the article context they carry (repetition) is what one sentence can't see.
N_EXTRA_FEATURES = 6
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def extra_span_features(text: str, start: int, end: int, text_lower: str | None = None) -> np.ndarray:
    """Features of span ``text[start:end]`` in its article: length, repetition, line cover, quotes, ! and ?."""
    span = text[start:end]
    lower = text_lower if text_lower is not None else text.lower()
    needle = span.strip().lower().strip(".,;:!?\"'\u201c\u201d\u2018\u2019 ")
    repeats = max(lower.count(needle) - 1, 0) if len(needle) >= 3 else 0
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_len = max(len(text[line_start:line_end].strip()), 1)
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    quoted = before in _QUOTES or after in _QUOTES or any(q in span for q in _QUOTES)
    return np.array([
        np.log1p(len(span)) / 5.0,
        np.log1p(repeats),
        float(len(span.strip()) >= 0.9 * line_len),
        float(quoted),
        float("!" in span),
        float("?" in span),
    ], dtype=np.float32)
