"""A learned span tagger for attribution roles: cue, source and content, per word piece.

The tagger is a small transformer encoder (fine-tuned from all-MiniLM-L6-v2 on PolNeAR
train by :mod:`.train_tagger`) run with ONNX Runtime: no PyTorch at inference. For every
word piece it gives six probabilities: *begins* and *inside* a span of each role
(:data:`ROLES`). :class:`AttributionTagger` turns them into word-level spans; the
extractor (:mod:`.extract`) uses them to decide which words are cues and to set the
edges of the cue, source and content spans that its dependency rules link together.

A model directory holds ``config.json``, ``tokenizer.json`` and ``encoder.onnx``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import E_MODEL_MISSING, SpinscopeError
from ..encoder import Segment, batch_arrays, load_model_dir, onnx_session, segment_text, special_ids
from .brat import BratDocument

ROLES = ("Cue", "Source", "Content")
# Output columns: (begin, inside) for each role, in ROLES order.
N_OUTPUTS = 2 * len(ROLES)
TAGGER_DIR = Path(__file__).parent / "models" / "tagger"
# Word pieces per window without [CLS]/[SEP]: a PolNeAR paragraph rarely needs more.
MAX_TOKENS = 254
BATCH_SEGMENTS = 16


@dataclass
class WordSpan:
    """A decoded span of whole words: character offsets and mean inside probability."""

    start: int
    end: int
    score: float


def targets(segment: Segment, gold: BratDocument) -> np.ndarray:
    """Training targets (n, 6) of one segment: begin/inside of every role, 0/1 floats.

    A word piece is inside a role when it overlaps one of the role's fragments; it begins
    one when its first character is the first character of such a span (its first fragment).
    """
    n = len(segment.ids)
    y = np.zeros((n, N_OUTPUTS), dtype=np.float32)
    seg_s, seg_e = segment.starts[0], segment.ends[-1]
    for k, role in enumerate(ROLES):
        for frags in gold.spans_of(role):
            for s, e in frags:
                if e <= seg_s or s >= seg_e:
                    continue
                y[(segment.starts < e) & (segment.ends > s), 2 * k + 1] = 1.0
            first = min(s for s, _e in frags)
            y[(segment.starts <= first) & (segment.ends > first), 2 * k] = 1.0
    return y


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass
class Tagged:
    """Word-level probabilities of one text: arrays over its words, in text order."""

    starts: np.ndarray  # (W,) char start of each word
    ends: np.ndarray  # (W,) char end
    lines: np.ndarray  # (W,) segment line index (spans never cross lines)
    probs: np.ndarray  # (W, 6) begin/inside per role, from the word's first piece

    def prob_at(self, role: str, start: int, end: int) -> float:
        """Largest inside probability of ``role`` over the words overlapping [start, end)."""
        k = 2 * ROLES.index(role) + 1
        hit = (self.starts < end) & (self.ends > start)
        return float(self.probs[hit, k].max()) if hit.any() else 0.0

    def probs_at(self, start: int, end: int) -> np.ndarray:
        """The six probabilities (begin/inside for Cue, Source, Content), each the largest over
        the words overlapping [start, end); zeros where no word does."""
        lo = int(np.searchsorted(self.ends, start, side="right"))
        hi = int(np.searchsorted(self.starts, end, side="left"))
        if hi <= lo:
            return np.zeros(self.probs.shape[1])
        return self.probs[lo:hi].max(axis=0)

    def spans(self, role: str, threshold: float, begin_threshold: float | None = None) -> list[WordSpan]:
        """Maximal runs of words inside ``role``; a word whose begin probability passes
        ``begin_threshold`` starts a new span even right after another."""
        k = ROLES.index(role)
        b_th = threshold if begin_threshold is None else begin_threshold
        out: list[WordSpan] = []
        cur: list[int] = []

        def flush() -> None:
            if cur:
                out.append(WordSpan(int(self.starts[cur[0]]), int(self.ends[cur[-1]]),
                                    float(self.probs[cur, 2 * k + 1].mean())))
                cur.clear()

        for w in range(len(self.starts)):
            inside = self.probs[w, 2 * k + 1] >= threshold
            if not inside:
                flush()
                continue
            if cur and (self.lines[w] != self.lines[cur[-1]] or self.probs[w, 2 * k] >= b_th):
                flush()
            cur.append(w)
        flush()
        return out


class AttributionTagger:
    """The ONNX attribution tagger loaded from a model directory."""

    def __init__(self, path: str | Path, threads: int | None = None) -> None:
        self.path = Path(path)
        self.config, self.tokenizer = load_model_dir(self.path, "attribution tagger")
        self.max_tokens = int(self.config.get("max_tokens", MAX_TOKENS))
        self.thresholds: dict[str, float] = {r: float(self.config.get("thresholds", {}).get(r, 0.5)) for r in ROLES}
        self.cls_id, self.sep_id, self.pad_id = special_ids(self.tokenizer)
        self.session = onnx_session(self.path, self.config, threads, "attribution tagger")

    def __call__(self, text: str) -> Tagged:
        return self.tag_segments(segment_text(text, self.tokenizer, self.max_tokens))

    def tag_segments(self, segments: list[Segment]) -> Tagged:
        if not segments:
            z = np.zeros(0, dtype=np.int64)
            return Tagged(z, z, z, np.zeros((0, N_OUTPUTS)))
        order = sorted(range(len(segments)), key=lambda i: len(segments[i].ids))
        logits: list = [None] * len(segments)
        for b in range(0, len(order), BATCH_SEGMENTS):
            idx = order[b:b + BATCH_SEGMENTS]
            ids, mask = batch_arrays([segments[i] for i in idx], self.cls_id, self.sep_id, self.pad_id)
            (out,) = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})
            for row, i in enumerate(idx):
                logits[i] = out[row, 1:len(segments[i].ids) + 1]
        starts, ends, lines, probs = [], [], [], []
        for seg, lg in zip(segments, logits):
            p = _sigmoid(lg.astype(np.float64))
            prev = None
            for j, w in enumerate(seg.word_ids):
                if w != -1 and w == prev:
                    ends[-1] = int(seg.ends[j])  # later piece of the same word
                    continue
                prev = w
                starts.append(int(seg.starts[j]))
                ends.append(int(seg.ends[j]))
                lines.append(seg.line)
                probs.append(p[j])
        return Tagged(np.asarray(starts), np.asarray(ends), np.asarray(lines), np.stack(probs))


# Extractor names: "fast" is the parse-only extractor (no tagger), "accurate" the shipped tagger.
MODEL_NAMES = ("fast", "accurate")


def resolve_tagger_path(name_or_path: str | None) -> Path | None:
    """``None``/``"fast"``/``"none"``: no tagger; ``"accurate"``: the shipped tagger; else a
    model directory (``config.json``, ``tokenizer.json``, ``encoder.onnx``)."""
    if name_or_path in (None, "", "fast", "none"):
        return None
    p = TAGGER_DIR if name_or_path == "accurate" else Path(name_or_path)
    if not (p / "config.json").is_file():
        raise SpinscopeError(E_MODEL_MISSING, f"no attribution tagger at {p}: give 'fast', 'accurate' or a "
                             "directory with config.json, tokenizer.json and encoder.onnx (train one with "
                             "`python -m spinscope.attribution.train_tagger`)")
    return p


@lru_cache(maxsize=2)
def load_tagger(path: str) -> AttributionTagger:
    return AttributionTagger(path)
