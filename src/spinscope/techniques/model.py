"""Inference for technique models: ONNX Runtime + tokenizers + numpy, no PyTorch.

A model directory holds ``config.json``, ``tokenizer.json``, ``encoder.onnx``
(token tagger: inside-a-span logits, per-technique logits and hidden states),
``span_head.npz`` (a linear span classifier over pooled states and hand-made
span features) and, optionally, ``lexical_head.npz`` (a text-only span classifier,
see :mod:`spinscope.techniques.lexical`). ``load_model(None)`` gives the default shipped model.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import E_MODEL_MISSING, SpinscopeError
from ..model import Technique
from ..encoder import Segment, batch_arrays, load_model_dir, onnx_session, segment_text
from .encoding import N_EXTRA_FEATURES, extra_span_features, model_text
from .lexical import LexicalHead

MODELS_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = "accurate"
# Segments per ONNX Runtime call; segments are sorted by length so padding stays small.
BATCH_SEGMENTS = 32


@dataclass
class Encoded:
    """Token-level model outputs for one text, flattened over its segments."""

    starts: np.ndarray  # (n,) char offsets of word pieces
    ends: np.ndarray
    line_ids: np.ndarray  # (n,) segment's line index, to keep spans inside one line
    word_keys: np.ndarray  # (n,) a unique id per pre-tokenised word
    inside: np.ndarray  # (n,) probability of being inside a technique span
    tech_logits: np.ndarray  # (n, T)
    hidden: np.ndarray  # (n, H)
    seg_index: np.ndarray  # (n,) segment of each token
    cls: np.ndarray  # (S, H) [CLS] state of each segment
    view: str | None = None  # the text as the model read it (TechniqueModel.view), when encoded from text


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


class TechniqueModel:
    """A persuasion-technique span tagger and span classifier loaded from a model directory."""

    def __init__(self, path: str | Path, threads: int | None = None) -> None:
        self.path = Path(path)
        self.config, self.tokenizer = load_model_dir(self.path, "technique model")
        try:
            head = np.load(self.path / "span_head.npz")
        except (OSError, ValueError) as e:
            raise SpinscopeError(E_MODEL_MISSING, f"technique model at {self.path} is incomplete: {e}") from e
        self.name = self.config.get("name", self.path.name)
        self.techniques: tuple[str, ...] = tuple(self.config["techniques"])
        self.threshold = float(self.config.get("threshold", 0.5))
        # Hysteresis: a span starts at a word passing ``threshold`` and grows over neighbouring
        # words passing ``threshold_low`` (default: the same threshold, i.e. no hysteresis).
        self.threshold_low = float(self.config.get("threshold_low", self.threshold))
        self.min_words = int(self.config.get("min_words", 1))
        # Weight of the largest per-technique token probability mixed into the inside probability.
        self.inside_tech_weight = float(self.config.get("inside_tech_weight", 0.0))
        self.max_gap_words = int(self.config.get("max_gap_words", 0))
        self.min_chars = int(self.config.get("min_chars", 1))
        # Weight of the token technique head (mean over the span) mixed into the span head's probabilities.
        self.token_weight = float(self.config.get("tc_token_weight", 0.0))
        # Factor on P(Repetition) for spans whose text recurs in the article (chosen on held-out data):
        # the span head underuses this article-level signal.
        self.repetition_boost = float(self.config.get("repetition_boost", 1.0))
        self.max_tokens = int(self.config.get("max_tokens", 126))
        # The model reads one sentence a line, as PTC is laid out (see encoding.model_text);
        # False: read lines as they are.
        self.sentence_lines = bool(self.config.get("sentence_lines", True))
        self.cls_id, self.sep_id, self.pad_id = (int(self.config[k]) for k in ("cls_id", "sep_id", "pad_id"))
        self.head_w, self.head_b = head["weight"], head["bias"]
        # Exponent of the lexical head's probabilities multiplied into the span probabilities.
        self.lexical_weight = float(self.config.get("lexical_weight", 0.0))
        lex_file = self.path / "lexical_head.npz"
        try:
            self.lexical = LexicalHead.load(lex_file) if lex_file.exists() else None
        except (OSError, ValueError, KeyError) as e:
            raise SpinscopeError(E_MODEL_MISSING, f"technique model at {self.path} has a bad lexical head: {e}") from e
        self.session = onnx_session(self.path, self.config, threads, "technique model")

    # -- encoding -------------------------------------------------------------------------
    def view(self, text: str) -> str:
        """``text`` as the model reads it: one sentence a line, same offsets (:func:`.encoding.model_text`)."""
        return model_text(text) if self.sentence_lines else text

    def encode(self, text: str) -> Encoded:
        """Run the encoder over every sentence line of ``text``."""
        view = self.view(text)
        enc = self.encode_segments(segment_text(view, self.tokenizer, self.max_tokens))
        enc.view = view
        return enc

    def encode_segments(self, segments: list[Segment]) -> Encoded:
        n_t = len(self.techniques)
        if not segments:
            h = int(self.head_w.shape[1] - N_EXTRA_FEATURES) // 2
            z = np.zeros(0)
            return Encoded(z.astype(np.int64), z.astype(np.int64), z.astype(np.int64), z.astype(np.int64), z,
                           np.zeros((0, n_t)), np.zeros((0, h)), z.astype(np.int64), np.zeros((0, h)))
        order = sorted(range(len(segments)), key=lambda i: len(segments[i].ids))
        inside: list = [None] * len(segments)
        tech: list = [None] * len(segments)
        hidden: list = [None] * len(segments)
        cls: list = [None] * len(segments)
        for b in range(0, len(order), BATCH_SEGMENTS):
            idx = order[b:b + BATCH_SEGMENTS]
            ids, mask = batch_arrays([segments[i] for i in idx], self.cls_id, self.sep_id, self.pad_id)
            out_inside, out_tech, out_hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            for row, i in enumerate(idx):
                n = len(segments[i].ids)
                inside[i] = out_inside[row, 1:n + 1]
                tech[i] = out_tech[row, 1:n + 1]
                hidden[i] = out_hidden[row, 1:n + 1]
                cls[i] = out_hidden[row, 0]
        line_ids = [np.full(len(seg.ids), seg.line) for seg in segments]
        # Word pieces of one word share a key; the line keeps keys of different lines apart.
        word_keys = [np.asarray(seg.word_ids, dtype=np.int64) + 1_000_000 * (seg.line + 1) for seg in segments]
        seg_index = [np.full(len(seg.ids), si) for si, seg in enumerate(segments)]
        return Encoded(
            np.concatenate([s.starts for s in segments]), np.concatenate([s.ends for s in segments]),
            np.concatenate(line_ids), np.concatenate(word_keys),
            _sigmoid(np.concatenate(inside).astype(np.float64)), np.concatenate(tech), np.concatenate(hidden),
            np.concatenate(seg_index), np.stack(cls))

    # -- span classification --------------------------------------------------------------
    def span_components(self, text: str, enc: Encoded, spans: Sequence[tuple[int, int]]) -> dict:
        """The parts :meth:`combine` mixes, for character spans of ``text``.

        ``head``: span head softmax (n, T); ``token``: softmax of the token technique logits
        averaged over the span (n, T); ``recurs``: whether the span's text recurs (n,);
        ``lexical``: the lexical head's probabilities (n, T) or None without one.
        """
        n_t = len(self.techniques)
        text = enc.view if enc.view is not None and len(enc.view) == len(text) else self.view(text)
        # ("line" features are about the span's sentence)
        lower = text.lower()
        feats, token_logits, recurs = [], [], []
        h = enc.hidden.shape[1] if enc.hidden.ndim == 2 else 0
        for s, e in spans:
            hit = (enc.starts < e) & (enc.ends > s)
            if hit.any():
                span_h = enc.hidden[hit].mean(axis=0)
                cls_h = enc.cls[np.unique(enc.seg_index[hit])].mean(axis=0)
                token_logits.append(enc.tech_logits[hit].mean(axis=0))
            else:
                span_h = np.zeros(h, dtype=np.float32)
                cls_h = np.zeros(h, dtype=np.float32)
                token_logits.append(np.zeros(n_t, dtype=np.float32))
            extra = extra_span_features(text, s, e, lower)
            recurs.append(extra[1] > 0)
            feats.append(np.concatenate([span_h, cls_h, extra]))
        if not len(spans):
            empty = np.zeros((0, n_t))
            return {"head": empty, "token": empty, "recurs": np.zeros(0, dtype=bool),
                    "lexical": empty if self.lexical is not None else None}
        x = np.stack(feats).astype(np.float32)
        return {
            "head": _softmax((x @ self.head_w.T + self.head_b).astype(np.float64)),
            "token": _softmax(np.stack(token_logits).astype(np.float64)),
            "recurs": np.asarray(recurs, dtype=bool),
            "lexical": self.lexical.probs(text, list(spans), lower) if self.lexical is not None else None,
        }

    def combine(self, parts: dict, token_weight: float | None = None, repetition_boost: float | None = None,
                lexical_weight: float | None = None) -> np.ndarray:
        """Technique probabilities from :meth:`span_components` (defaults: the model's config)."""
        w = self.token_weight if token_weight is None else token_weight
        boost = self.repetition_boost if repetition_boost is None else repetition_boost
        lw = self.lexical_weight if lexical_weight is None else lexical_weight
        probs = parts["head"]
        if not len(probs):
            return probs
        if w:
            probs = (1.0 - w) * probs + w * parts["token"]
        if boost != 1.0 and "Repetition" in self.techniques:
            probs = probs.copy()
            probs[parts["recurs"], self.techniques.index("Repetition")] *= boost
            probs = probs / probs.sum(axis=1, keepdims=True)
        if lw and parts["lexical"] is not None:
            z = np.log(probs + 1e-9) + lw * np.log(parts["lexical"] + 1e-9)
            z = np.exp(z - z.max(axis=1, keepdims=True))
            probs = z / z.sum(axis=1, keepdims=True)
        return probs

    def span_probs(self, text: str, enc: Encoded, spans: Sequence[tuple[int, int]],
                   token_weight: float | None = None, repetition_boost: float | None = None,
                   lexical_weight: float | None = None) -> np.ndarray:
        """Technique probabilities (len(spans), T) for character spans of ``text``.

        The span head's softmax, mixed with weight ``token_weight`` (default: the model's
        ``tc_token_weight``) with the softmax of the token technique logits averaged over the span;
        then P(Repetition) is multiplied by ``repetition_boost`` where the span's text recurs;
        then, with a lexical head, multiplied by its probabilities to the power ``lexical_weight``
        and renormalised.
        """
        if not len(spans):
            return np.zeros((0, len(self.techniques)))
        return self.combine(self.span_components(text, enc, spans), token_weight, repetition_boost, lexical_weight)

    def classify_spans(self, text: str, spans: Sequence[tuple[int, int]], enc: Encoded | None = None) -> list[str]:
        """One technique per given span; a span given k times gets its k most likely techniques."""
        enc = enc if enc is not None else self.encode(text)
        unique = sorted(set((int(s), int(e)) for s, e in spans))
        probs = dict(zip(unique, self.span_probs(text, enc, unique)))
        used: dict[tuple[int, int], int] = {}
        out = []
        for s, e in spans:
            key = (int(s), int(e))
            rank = used.get(key, 0)
            used[key] = rank + 1
            order = np.argsort(-probs[key])
            out.append(self.techniques[int(order[min(rank, len(order) - 1)])])
        return out

    # -- span identification --------------------------------------------------------------
    def word_probs(self, enc: Encoded, tech_weight: float | None = None) -> list[tuple[int, int, int, float]]:
        """Words (start, end, line, probability of being inside a span).

        A word's probability is the mean over its pieces of the inside probability, mixed with
        weight ``tech_weight`` (default: the model's ``inside_tech_weight``) with the largest
        per-technique token probability.
        """
        if not len(enc.starts):
            return []
        a = self.inside_tech_weight if tech_weight is None else tech_weight
        p = enc.inside
        if a:
            tech = 1.0 / (1.0 + np.exp(-enc.tech_logits.astype(np.float64)))
            p = (1.0 - a) * p + a * tech.max(axis=1)
        keys, first = np.unique(enc.word_keys, return_index=True)
        first = np.sort(first)
        bounds = np.append(first, len(enc.starts))
        means = np.add.reduceat(p, first) / np.diff(bounds)
        return list(zip(enc.starts[first].tolist(), enc.ends[bounds[1:] - 1].tolist(),
                        enc.line_ids[first].tolist(), means.tolist()))

    def decode_words(self, words: list[tuple[int, int, int, float]], threshold: float, max_gap_words: int,
                     threshold_low: float, min_words: int = 1) -> list[tuple[int, int, float]]:
        """Spans (start, end, score) from :meth:`word_probs` (see :meth:`find_spans`)."""
        thr, low, gap = threshold, min(threshold_low, threshold), max_gap_words
        spans = []
        cur: list | None = None
        pending_gap = 0
        for ws, we, line, p in words:
            if cur is not None and line != cur[2]:
                spans.append(cur)
                cur, pending_gap = None, 0
            if p >= thr or (cur is not None and p >= low):
                if cur is None:
                    cur = [ws, we, line, [p]]
                else:
                    cur[1] = we
                    cur[3].append(p)
                pending_gap = 0
            elif cur is not None:
                pending_gap += 1
                if pending_gap > gap:
                    spans.append(cur)
                    cur, pending_gap = None, 0
        if cur is not None:
            spans.append(cur)
        return [(s, e, float(np.mean(ps))) for s, e, _, ps in spans if e - s >= self.min_chars and len(ps) >= min_words]

    def find_spans(self, enc: Encoded, threshold: float | None = None, max_gap_words: int | None = None,
                   threshold_low: float | None = None, min_words: int | None = None,
                   tech_weight: float | None = None) -> list[tuple[int, int, float]]:
        """Spans (start, end, score) of consecutive words of one line whose inside probability passes.

        A span opens at a word passing ``threshold`` and continues forwards over words passing
        ``threshold_low`` (hysteresis), bridging at most ``max_gap_words`` words below it; spans
        of fewer than ``min_words`` words are dropped. The score is the mean word probability.
        Defaults: the model's config (``threshold_low`` defaults to ``threshold`` when only
        ``threshold`` is given).
        """
        thr = self.threshold if threshold is None else threshold
        low = (self.threshold_low if threshold is None else thr) if threshold_low is None else threshold_low
        gap = self.max_gap_words if max_gap_words is None else max_gap_words
        min_words = self.min_words if min_words is None else min_words
        return self.decode_words(self.word_probs(enc, tech_weight), thr, gap, low, min_words)

    def predict(self, text: str, enc: Encoded | None = None) -> list[Technique]:
        """Technique spans of ``text`` (offsets into ``text``), each with its most likely technique.

        The score is P(span) x P(technique | span).
        """
        enc = enc if enc is not None else self.encode(text)
        spans = [(s2, e2, p) for s, e, p in self.find_spans(enc) for s2, e2 in [snap_to_words(text, s, e)] if e2 > s2]
        probs = self.span_probs(text, enc, [(s, e) for s, e, _ in spans])
        out = []
        for (s, e, p_span), p in zip(spans, probs):
            k = int(np.argmax(p))
            out.append(Technique(self.techniques[k], s, e, round(float(p_span * p[k]), 4), text[s:e]))
        return out


_TRAILING = ".,;:!?\"'\u201d\u2019)]"
_DANGLING = re.compile(r"\s+(?:the|a|an|of|to|in|on|at|by|for|with|and|or|that|from|as|its|his|her|their)$", re.I)
_APOSTROPHES = "'\u2019"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A span cut inside a word (the model's words are word pieces' words, split at punctuation)
    widened or narrowed to whole words: a start after a possessive's apostrophe moves to the next
    word ("party’s| outrage" -> "outrage"), another start inside a word moves back to its start
    ("anti-|Trump" -> "anti-Trump"); an end inside a word moves to the word's end, trailing
    punctuation left out; a function word left dangling at the end is dropped ('"crippling" the'
    -> '"crippling"')."""
    if 0 < start < end and not text[start - 1].isspace():
        if text[start - 1] in _APOSTROPHES and start >= 2 and text[start - 2].isalnum():
            while start < end and not text[start].isspace():
                start += 1
            while start < end and text[start].isspace():
                start += 1
        elif text[start - 1].isalnum() or text[start - 1] in "-\u2010\u2011":
            while start > 0 and not text[start - 1].isspace():
                start -= 1
    if start < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        k = end
        while k < len(text) and not text[k].isspace():
            k += 1
        while k > end and text[k - 1] in _TRAILING:
            k -= 1
        end = k
    while True:  # no dangling function word at the end ('"crippling" the', 'shot itself in the')
        m = _DANGLING.search(text, start, end)
        if m is None or m.start() <= start:
            break
        end = m.start()
    return start, end


def resolve_model_path(name_or_path: str | None) -> Path:
    """A shipped model name (``accurate``...) or a local directory -> the model directory."""
    name = name_or_path or os.environ.get("SPINSCOPE_TECHNIQUES_MODEL") or DEFAULT_MODEL
    p = Path(name)
    if p.is_dir():
        return p
    shipped = MODELS_DIR / name
    if shipped.is_dir():
        return shipped
    known = sorted(d.name for d in MODELS_DIR.iterdir() if d.is_dir()) if MODELS_DIR.is_dir() else []
    raise SpinscopeError(E_MODEL_MISSING, f"no technique model {name!r}: not a directory and not shipped "
                         f"(shipped: {', '.join(known) or 'none'}); train one with `spinscope train techniques`")


@lru_cache(maxsize=4)
def _load_cached(path: str) -> TechniqueModel:
    return TechniqueModel(path)


def load_model(name_or_path: str | None = None) -> TechniqueModel:
    """Load (once per process) a technique model by shipped name or directory."""
    return _load_cached(str(resolve_model_path(name_or_path).resolve()))
