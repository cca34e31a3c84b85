"""``spinscope eval techniques``: SemEval-2020 Task 11 scores on PTC-format data.

Three measures, as in the shared task and Da San Martino et al. (EMNLP 2019):

* SI (span identification): predicted and gold spans of an article are each
  merged where they overlap; precision sums ``|p & g| / |p|`` over all
  (pred, gold) pairs and divides by the number of predicted spans, recall sums
  ``|p & g| / |g|`` and divides by the number of gold spans.
* TC (technique classification): given the gold spans, micro-F1 over the 14
  labels. A span that carries k gold techniques is given k predictions; the
  predictions of one span are matched to its gold labels so that agreement is
  maximal (as the official scorer's ``align_annotations`` does).
* full task (FLC): the SI measure computed per technique (only same-technique
  pairs count; overlapping spans of one technique merged), micro-averaged.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Iterable, Mapping, Sequence

from ..techniques.data import TECHNIQUES, Label, PTCDocument, load_ptc

Interval = tuple[int, int]


@dataclass
class PRF:
    precision: float
    recall: float
    f1: float
    n_pred: int = 0
    n_gold: int = 0


@dataclass
class TechniquesReport:
    si: PRF
    tc: PRF
    flc: PRF
    tc_per_technique: dict[str, PRF] = field(default_factory=dict)
    flc_per_technique: dict[str, PRF] = field(default_factory=dict)
    n_articles: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def _prf(p_num: float, n_pred: int, r_num: float, n_gold: int) -> PRF:
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return PRF(p, r, f, n_pred, n_gold)


def merge_overlapping(spans: Iterable[Interval]) -> list[Interval]:
    """Merge spans that share at least one character (touching spans stay apart, as in the official scorer)."""
    merged: list[list[int]] = []
    for s, e in sorted((s, e) for s, e in spans if e > s):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _overlap_sums(pred: Sequence[Interval], gold: Sequence[Interval]) -> tuple[float, float]:
    p_sum = r_sum = 0.0
    for ps, pe in pred:
        for gs, ge in gold:
            inter = min(pe, ge) - max(ps, gs)
            if inter > 0:
                p_sum += inter / (pe - ps)
                r_sum += inter / (ge - gs)
    return p_sum, r_sum


def si_score(pred: Mapping[str, Sequence[Interval]], gold: Mapping[str, Sequence[Interval]]) -> PRF:
    """SemEval-2020 Task 11 SI precision/recall/F1 (character overlap, spans merged per article)."""
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for doc_id in set(pred) | set(gold):
        p = merge_overlapping(pred.get(doc_id, ()))
        g = merge_overlapping(gold.get(doc_id, ()))
        n_pred += len(p)
        n_gold += len(g)
        ps, rs = _overlap_sums(p, g)
        p_num += ps
        r_num += rs
    return _prf(p_num, n_pred, r_num, n_gold)


def flc_score(pred: Mapping[str, Sequence[Label]], gold: Mapping[str, Sequence[Label]],
              techniques: Sequence[str] = TECHNIQUES) -> tuple[PRF, dict[str, PRF]]:
    """Full-task score: the SI measure per technique (same-technique pairs only), micro-averaged."""
    per: dict[str, list[float]] = {t: [0.0, 0, 0.0, 0] for t in techniques}
    for doc_id in set(pred) | set(gold):
        for t in techniques:
            p = merge_overlapping((x.start, x.end) for x in pred.get(doc_id, ()) if x.technique == t)
            g = merge_overlapping((x.start, x.end) for x in gold.get(doc_id, ()) if x.technique == t)
            ps, rs = _overlap_sums(p, g)
            acc = per[t]
            acc[0] += ps
            acc[1] += len(p)
            acc[2] += rs
            acc[3] += len(g)
    total = [sum(v[i] for v in per.values()) for i in range(4)]
    return _prf(*total), {t: _prf(*v) for t, v in per.items()}


def tc_score(pred: Mapping[str, Sequence[Label]], gold: Mapping[str, Sequence[Label]],
             techniques: Sequence[str] = TECHNIQUES) -> tuple[PRF, dict[str, PRF]]:
    """Micro P/R/F1 of technique labels on the gold spans, with per-technique P/R/F1.

    Predictions are grouped by exact span; on a span with several gold labels the
    predicted labels are matched to gold as a multiset (maximal agreement). A
    gold label without a prediction counts as a miss, a prediction on no gold
    span as a false positive.
    """
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for doc_id in set(pred) | set(gold):
        g_by_span: dict[Interval, Counter] = defaultdict(Counter)
        p_by_span: dict[Interval, Counter] = defaultdict(Counter)
        for x in gold.get(doc_id, ()):
            g_by_span[(x.start, x.end)][x.technique] += 1
        for x in pred.get(doc_id, ()):
            p_by_span[(x.start, x.end)][x.technique] += 1
        for span in set(g_by_span) | set(p_by_span):
            g, p = g_by_span.get(span, Counter()), p_by_span.get(span, Counter())
            both = g & p
            tp.update(both)
            fp.update(p - both)
            fn.update(g - both)
    n_tp, n_fp, n_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = _prf(n_tp, n_tp + n_fp, n_tp, n_tp + n_fn)
    per = {t: _prf(tp[t], tp[t] + fp[t], tp[t], tp[t] + fn[t]) for t in techniques}
    return micro, per


def evaluate(docs: Sequence[PTCDocument], model) -> TechniquesReport:
    """Run ``model`` (a :class:`spinscope.techniques.model.TechniqueModel`) on ``docs`` and score it."""
    gold = {d.id: d.labels for d in docs}
    pred_flc: dict[str, list[Label]] = {}
    pred_tc: dict[str, list[Label]] = {}
    for d in docs:
        enc = model.encode(d.text)  # one encoder pass serves both tasks
        pred_flc[d.id] = [Label(t.technique, t.start, t.end) for t in model.predict(d.text, enc=enc)]
        spans = [(x.start, x.end) for x in d.labels]
        pred_tc[d.id] = [Label(t, s, e) for (s, e), t in zip(spans, model.classify_spans(d.text, spans, enc=enc))]
    si = si_score({k: [(x.start, x.end) for x in v] for k, v in pred_flc.items()},
                  {k: [(x.start, x.end) for x in v] for k, v in gold.items()})
    tc, tc_per = tc_score(pred_tc, gold)
    flc, flc_per = flc_score(pred_flc, gold)
    return TechniquesReport(si, tc, flc, tc_per, flc_per, len(docs))


def format_report(report: TechniquesReport, header: str = "") -> str:
    lines = [header] if header else []
    lines.append(f"articles: {report.n_articles}")
    lines.append(f"{'task':<8}{'P':>8}{'R':>8}{'F1':>8}{'#pred':>8}{'#gold':>8}")
    for name, s in (("SI", report.si), ("TC", report.tc), ("FLC", report.flc)):
        lines.append(f"{name:<8}{s.precision:8.4f}{s.recall:8.4f}{s.f1:8.4f}{s.n_pred:8d}{s.n_gold:8d}")
    lines.append("")
    lines.append(f"{'technique':<36}{'TC P':>7}{'TC R':>7}{'TC F1':>7}{'FLC F1':>8}{'#gold':>7}")
    for t in TECHNIQUES:
        s, f = report.tc_per_technique[t], report.flc_per_technique[t]
        lines.append(f"{t:<36}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{f.f1:8.3f}{s.n_gold:7d}")
    return "\n".join(lines)


def as_paragraphs(doc: PTCDocument, seed: int = 7) -> PTCDocument:
    """``doc`` laid out as real news is: its body's sentence lines joined into paragraphs of 2-5
    sentences (a seeded random grouping), blank lines between; the title line stays. Gold spans
    are mapped to the new offsets (a span crossing a line break keeps its ends)."""
    import random

    rng = random.Random(f"{seed}:{doc.id}")
    lines = doc.text.split("\n")
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    body = [k for k in range(1, len(lines)) if lines[k].strip()]
    groups = [[0]]
    while body:
        n = rng.randint(2, 5)
        groups.append(body[:n])
        body = body[n:]
    new_pos = [-1] * (len(doc.text) + 1)
    parts: list[str] = []
    at = 0
    for gi, group in enumerate(groups):
        for j, k in enumerate(group):
            sep = ("\n\n" if gi else "") if j == 0 else " "
            parts.append(sep)
            at += len(sep)
            for c in range(len(lines[k]) + 1):
                new_pos[starts[k] + c] = at + c
            parts.append(lines[k])
            at += len(lines[k])
    labels = []
    for x in doc.labels:
        s = new_pos[x.start]
        e = new_pos[x.end - 1] + 1 if x.end > x.start else s
        if s >= 0 and e > s:
            labels.append(Label(x.technique, s, e))
    return PTCDocument(doc.id, "".join(parts), labels, doc.split)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="PTC-format directory (articles/, labels-tc.tsv, split.tsv)")
    parser.add_argument("--split", default="dev", help="split of split.tsv to score (default: dev); 'all' for every article")
    parser.add_argument("--model", default=None, help="shipped model name or a local model directory (default: the default model)")
    parser.add_argument("--layout", choices=("lines", "paragraphs"), default="lines",
                        help="'lines': the corpus files as they are (one sentence a line); 'paragraphs': "
                             "each body regrouped into paragraphs of 2-5 sentences, as real news is laid out")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    from ..techniques.model import load_model

    docs = load_ptc(args.data, None if args.split == "all" else args.split)
    if args.layout == "paragraphs":
        docs = [as_paragraphs(d) for d in docs]
    model = load_model(args.model)
    t0 = time.perf_counter()
    report = evaluate(docs, model)
    secs = time.perf_counter() - t0
    if args.json:
        print(json.dumps({"model": model.name, "split": args.split, "layout": args.layout,
                          "seconds": round(secs, 2), **report.to_dict()}, indent=2))
    else:
        print(format_report(report, f"model: {model.name}  split: {args.split}  layout: {args.layout}  ({secs:.1f} s)"))
    return 0
