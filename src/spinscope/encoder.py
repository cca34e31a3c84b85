"""Shared plumbing of the package's ONNX encoders (the technique model and the attribution
tagger): cutting a text into word-piece windows with character offsets, batching them, and
loading a model directory (``config.json``, ``tokenizer.json``, ``encoder.onnx``) for ONNX
Runtime. Training (PyTorch) and inference use the same windows, so both see the same inputs.

A segment is one line of the text, cut further into windows of at most ``max_tokens`` word
pieces; every piece keeps its character offsets into the whole text.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import E_MODEL_MISSING, SpinscopeError


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


def segment_text(text: str, tokenizer: Any, max_tokens: int) -> list[Segment]:
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


def special_ids(tokenizer: Any) -> tuple[int, int, int]:
    """``(cls, sep, pad)`` ids of a ``tokenizers`` tokenizer: BERT's ``[CLS]``/``[SEP]``/``[PAD]``
    or RoBERTa/MPNet's ``<s>``/``</s>``/``<pad>`` (101/102/0 when the vocabulary has neither)."""
    vocab = tokenizer.get_vocab()

    def first(names: tuple[str, str], default: int) -> int:
        return next((vocab[n] for n in names if n in vocab), default)

    return first(("[CLS]", "<s>"), 101), first(("[SEP]", "</s>"), 102), first(("[PAD]", "<pad>"), 0)


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


def export_sample(special: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A two-row batch, the second padded, to trace an encoder for ONNX export; ``special``:
    the tokenizer's ``(cls, sep, pad)`` ids (:func:`special_ids`)."""
    segments = [Segment(ids, np.zeros(len(ids)), np.zeros(len(ids)), [0] * len(ids))
                for ids in ([2023, 2003, 1037, 3231], [2023])]
    return batch_arrays(segments, *special)


def onnx_session(path, config: dict, threads: int | None, what: str):
    """An ONNX Runtime CPU session on the encoder a model directory's ``config`` names.

    ``threads`` (else ``SPINSCOPE_THREADS``, else ONNX Runtime's default: all cores) sets the
    intra-op threads. ``what`` names the model in the error raised when the file is missing.
    """
    import onnxruntime as ort

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


def load_model_dir(path: str | Path, what: str) -> tuple[dict[str, Any], Any]:
    """``(config, tokenizer)`` of a model directory, the tokenizer set to neither pad nor
    truncate (:func:`segment_text` cuts the windows); a missing or unreadable file raises
    ``E_MODEL_MISSING`` naming ``what``."""
    from tokenizers import Tokenizer

    path = Path(path)
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    except (OSError, ValueError) as e:
        raise SpinscopeError(E_MODEL_MISSING, f"{what} at {path} is incomplete: {e}") from e
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return config, tokenizer
