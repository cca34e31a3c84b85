"""Cutting a text into model inputs and mapping token outputs back to characters.

Shared by training (PyTorch) and inference (ONNX Runtime) so that both see
exactly the same segments. A segment is one line of the text (PTC has one
sentence a line), cut further into windows of at most ``max_tokens`` word
pieces; every token keeps its character offsets into the whole text.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Word pieces per window, without [CLS]/[SEP]. PTC sentences rarely exceed it;
# longer lines are cut into consecutive windows.
MAX_TOKENS = 126


@dataclass
class Segment:
    """One model input window: word-piece ids and their character offsets in the text."""

    ids: list[int]  # without [CLS]/[SEP]
    starts: np.ndarray  # char start of each word piece (into the whole text)
    ends: np.ndarray
    word_ids: list[int]  # index of the pre-tokenised word each piece belongs to (-1 unknown)
    line: int = 0  # index of the text line the window comes from


def line_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-blank lines of ``text`` (stripped of surrounding spaces)."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lstripped = body.lstrip()
        s = pos + (len(body) - len(lstripped))
        e = pos + len(body.rstrip())
        if e > s:
            spans.append((s, e))
        pos += len(line)
    return spans


def segment_text(text: str, tokenizer, max_tokens: int = MAX_TOKENS) -> list[Segment]:
    """Tokenise ``text`` line by line into :class:`Segment` windows."""
    lines = line_spans(text)
    if not lines:
        return []
    encs = tokenizer.encode_batch([text[s:e] for s, e in lines], add_special_tokens=False)
    segments = []
    for line_no, ((ls, _), enc) in enumerate(zip(lines, encs)):
        ids = enc.ids
        if not ids:
            continue
        offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2) + ls
        wids = [-1 if w is None else w for w in enc.word_ids]
        for i in range(0, len(ids), max_tokens):
            segments.append(Segment(ids[i:i + max_tokens], offs[i:i + max_tokens, 0], offs[i:i + max_tokens, 1],
                                    wids[i:i + max_tokens], line_no))
    return segments


def batch_arrays(segments: list[Segment], cls_id: int, sep_id: int, pad_id: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Padded ``input_ids`` and ``attention_mask`` (int64) with [CLS] ... [SEP] around each segment."""
    width = max(len(s.ids) for s in segments) + 2
    ids = np.full((len(segments), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(segments), width), dtype=np.int64)
    for i, s in enumerate(segments):
        n = len(s.ids)
        ids[i, 0] = cls_id
        ids[i, 1:n + 1] = s.ids
        ids[i, n + 1] = sep_id
        mask[i, :n + 2] = 1
    return ids, mask


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


def onnx_session(path, config: dict, threads: int | None, what: str):
    """An ONNX Runtime CPU session on the encoder a model directory's ``config`` names.

    ``threads`` (else ``SPINSCOPE_THREADS``, else ONNX Runtime's default: all cores) sets the
    intra-op threads. ``what`` names the model in the error raised when the file is missing.
    """
    import os
    from pathlib import Path

    import onnxruntime as ort

    from ..errors import E_MODEL_MISSING, SpinscopeError

    opts = ort.SessionOptions()
    n = threads or int(os.environ.get("SPINSCOPE_THREADS", "0") or 0)
    if n:
        opts.intra_op_num_threads = n
        opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    onnx_file = Path(path) / config.get("encoder", "encoder.onnx")
    if not onnx_file.exists():
        raise SpinscopeError(E_MODEL_MISSING, f"{what} at {path} has no {onnx_file.name}")
    return ort.InferenceSession(str(onnx_file), opts, providers=["CPUExecutionProvider"])
