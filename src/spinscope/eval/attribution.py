"""``spinscope eval attribution``: Source/Cue/Content and relation scores on brat data.

Data layout: ``DIR/<split>/text/*.txt`` with ``DIR/<split>/attributions/*.ann`` (or
``DIR/text`` + ``DIR/attributions``). PolNeAR names annotation files
``<text stem>_<annotator>.ann``; a text annotated by several people has several files.

Scoring conventions
- Spans: the gold Source/Cue/Content T-lines (of relations) per document, deduplicated by
  offsets. A discontinuous gold span is compared through its envelope (first start to
  last end), which is also this extractor's convention for split quotes.
- Exact match: identical (start, end) after stripping surrounding whitespace.
- Overlap match: at least one shared character; matching is one-to-one (greedy by
  overlap size), so one long prediction cannot match many gold spans.
- Relation: a predicted statement matches a gold one when the contents overlap and the
  sources overlap, or both have no source; one-to-one, greedy.
- Several annotator files for one text (``--annotators first``, the default): the file
  whose name sorts first is the gold, so every text counts once. ``--annotators all``
  scores each annotator file as a separate document.
- Human agreement (``--agreement``): on the texts with several annotation files, each
  further file is scored as a prediction against the first, with the same measures; the
  system is scored on the same texts beside it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..attribution.brat import BratDocument, Fragments, read_ann
from ..errors import E_NO_EVAL_DATA, SpinscopeError
from ..model import Attribution

ROLES = ("Source", "Cue", "Content")
Offsets = tuple[int, int]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="PolNeAR-style folder (with text/ and attributions/)")
    parser.add_argument("--split", default="dev", help="sub-folder to score (default dev; never tune on it)")
    parser.add_argument("--annotators", choices=("first", "all"), default="first",
                        help="several .ann files for one text: score the first (sorted) or each")
    parser.add_argument("--baseline", choices=("none", "textacy"), default="none",
                        help="also score textacy's direct_quotations on the same split")
    parser.add_argument("--agreement", action="store_true",
                        help="also score the corpus's annotators against each other (each further annotation "
                             "file of a text against the first) and the system on those same texts")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts")
    parser.add_argument("--model", dest="tagger", default=os.environ.get("SPINSCOPE_ATTRIBUTION_MODEL", "fast"),
                        metavar="NAME|DIR",
                        help="'fast' (default: dependency rules and linear models), 'accurate' (adds the shipped "
                             "transformer tagger: better recall, about 4-5x slower) or a tagger directory "
                             "(also SPINSCOPE_ATTRIBUTION_MODEL; see docs/attribution.md)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def annotator_files(data: str | Path, split: str = "dev") -> dict[Path, list[Path]]:
    """Each text file of a split with its annotation files, sorted by name (the first is the gold)."""
    root = Path(data)
    for cand in (root / split, root):
        if (cand / "text").is_dir() and (cand / "attributions").is_dir():
            root = cand
            break
    else:
        raise SpinscopeError(E_NO_EVAL_DATA, f"no text/ and attributions/ under {data} (split {split!r})")
    texts = {p.stem: p for p in (root / "text").glob("*.txt")}
    files: dict[Path, list[Path]] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem
        txt = texts.get(stem)
        if txt is None and "_" in stem:
            txt = texts.get(stem.rsplit("_", 1)[0])
        if txt is not None:
            files.setdefault(txt, []).append(ann)
    return files


def find_pairs(data: str | Path, split: str = "dev", annotators: str = "first",
               multi_only: bool = False) -> list[tuple[Path, Path]]:
    """(text file, ann file) pairs of a split; ``multi_only`` keeps the texts that several
    annotators marked up."""
    pairs: list[tuple[Path, Path]] = []
    for txt, anns in annotator_files(data, split).items():
        if multi_only and len(anns) < 2:
            continue
        pairs.extend((txt, ann) for ann in (anns if annotators == "all" else anns[:1]))
    return pairs


def annotator_agreement(data: str | Path, split: str = "dev") -> dict[str, Any]:
    """How far the corpus's annotators agree with each other, with the same scorer: on every
    text with several annotation files, each further file is scored as a prediction against
    the first one (the file ``--annotators first`` takes as gold)."""
    pairs = []
    n_texts = 0
    for txt, anns in annotator_files(data, split).items():
        if len(anns) < 2:
            continue
        n_texts += 1
        text = txt.read_text(encoding="utf-8")
        first = gold_from_brat(read_ann(anns[0]), text)
        pairs.extend((gold_from_brat(read_ann(ann), text), first) for ann in anns[1:])
    if not pairs:
        raise SpinscopeError(E_NO_EVAL_DATA, f"no text under {data} (split {split!r}) has several annotation files")
    result = score(pairs)
    result.update(documents=len(pairs), texts=n_texts, seconds=0.0, split=split,
                  annotators="each further file vs the first")
    return result


def _envelope(frags: Fragments | None, text: str) -> Offsets | None:
    if not frags:
        return None
    s, e = min(f[0] for f in frags), max(f[1] for f in frags)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e)


def gold_from_brat(doc: BratDocument, text: str) -> dict[str, Any]:
    rels = []
    for r in doc.relations:
        content = _envelope(r.content, text)
        if content is None:
            continue
        rels.append({"Source": _envelope(r.source, text), "Cue": _envelope(r.cue, text), "Content": content})
    return _as_sets(rels)


def pred_from_attributions(atts: Iterable[Attribution]) -> dict[str, Any]:
    rels = []
    for a in atts:
        rels.append({"Source": (a.source.start, a.source.end) if a.source else None,
                     "Cue": (a.cue.start, a.cue.end) if a.cue else None,
                     "Content": (a.content.start, a.content.end)})
    return _as_sets(rels)


def _as_sets(rels: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"relations": rels}
    for role in ROLES:
        out[role] = sorted({r[role] for r in rels if r[role] is not None})
    return out


def _ov(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _greedy_matches(scored: Iterable[tuple[int, int, int]]) -> int:
    """Number of one-to-one matches among (score, pred index, gold index) triples, taking
    the highest-scoring pairs first; pairs scoring 0 never match."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    n = 0
    for _o, i, j in sorted((t for t in scored if t[0] > 0), reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        n += 1
    return n


def match_overlap(pred: list[Offsets], gold: list[Offsets]) -> int:
    """Number of one-to-one overlap matches (greedy by overlap size)."""
    return _greedy_matches((_ov(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold))


def match_relations(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> int:
    def ok(p: dict[str, Any], g: dict[str, Any]) -> int:
        o = _ov(p["Content"], g["Content"])
        if o == 0:
            return 0
        ps, gs = p["Source"], g["Source"]
        if ps is None and gs is None:
            return o
        if ps is not None and gs is not None and _ov(ps, gs) > 0:
            return o
        return 0

    return _greedy_matches((ok(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold))


class Counts:
    def __init__(self) -> None:
        self.tp_pred = 0
        self.tp_gold = 0
        self.n_pred = 0
        self.n_gold = 0

    def add(self, matched: int, n_pred: int, n_gold: int) -> None:
        self.tp_pred += matched
        self.tp_gold += matched
        self.n_pred += n_pred
        self.n_gold += n_gold

    def prf(self) -> dict[str, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": self.n_pred, "gold": self.n_gold}


def score(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Micro-averaged scores over (prediction, gold) document pairs."""
    counts = {f"{role}_{m}": Counts() for role in ROLES for m in ("exact", "overlap")}
    rel = Counts()
    for pred, gold in pairs:
        for role in ROLES:
            p, g = pred[role], gold[role]
            counts[f"{role}_exact"].add(len(set(p) & set(g)), len(p), len(g))
            counts[f"{role}_overlap"].add(match_overlap(p, g), len(p), len(g))
        rel.add(match_relations(pred["relations"], gold["relations"]),
                len(pred["relations"]), len(gold["relations"]))
    out = {k: c.prf() for k, c in counts.items()}
    out["relation"] = rel.prf()
    return out


def evaluate_attribution(data: str | Path, split: str = "dev", annotators: str = "first",
                         extract: Callable[[list[str]], Iterable[list[Attribution]]] | None = None,
                         limit: int = 0, multi_only: bool = False) -> dict[str, Any]:
    """Run an extractor over a split and score it.

    ``extract`` maps a list of texts to one list of attributions per text (default:
    spinscope's extractor). Offsets are into each text file as read (UTF-8). ``multi_only``
    scores only the texts with several annotation files (those ``annotator_agreement`` uses).
    """
    pairs = find_pairs(data, split, annotators, multi_only)
    if limit:
        pairs = pairs[:limit]
    if not pairs:
        raise SpinscopeError(E_NO_EVAL_DATA, f"no annotated texts found under {data} (split {split!r})")
    texts = [p[0].read_text(encoding="utf-8") for p in pairs]
    if extract is None:
        from ..attribution.extract import AttributionExtractor

        ex = AttributionExtractor()
        extract = ex.pipe
    t0 = time.perf_counter()
    preds = [pred_from_attributions(a) for a in extract(texts)]
    elapsed = time.perf_counter() - t0
    golds = [gold_from_brat(read_ann(ann), text) for (_t, ann), text in zip(pairs, texts)]
    result = score(list(zip(preds, golds)))
    result["documents"] = len(pairs)
    result["seconds"] = round(elapsed, 2)
    result["split"] = split
    result["annotators"] = annotators
    return result


def textacy_extract(texts: list[str]) -> Iterator[list[Attribution]]:
    """textacy's ``direct_quotations`` as Attribution lists (the baseline)."""
    from textacy.extract.triples import direct_quotations

    from ..model import Span
    from ..nlp import get_nlp

    nlp = get_nlp()
    for text in texts:
        doc = nlp(text)
        out: list[Attribution] = []
        try:
            quotes = list(direct_quotations(doc))
        except Exception:  # textacy raises on odd quote counts; score that text as empty
            quotes = []
        for q in quotes:
            sp, cue, content = q.speaker, q.cue, q.content
            src = Span.of(text, sp[0].idx, sp[-1].idx + len(sp[-1])) if sp else None
            cu = Span.of(text, cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None
            if not content:
                continue
            out.append(Attribution(speaker=src.text if src else None, speaker_description=None, source=src,
                                   cue=cu, content=Span.of(text, content.start_char, content.end_char),
                                   kind="direct"))
        yield out


def format_scores(name: str, r: dict[str, Any]) -> str:
    texts = f", {r['texts']} texts" if "texts" in r else ""
    lines = [f"{name}: {r['documents']} documents{texts} ({r['split']}, annotators={r['annotators']}), "
             f"{r['seconds']} s"]
    lines.append(f"  {'':18} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
    for key in [f"{role}_{m}" for role in ROLES for m in ("exact", "overlap")] + ["relation"]:
        s = r[key]
        lines.append(f"  {key:18} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['pred']:6d} {s['gold']:6d}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..attribution.extract import AttributionExtractor, ExtractorOptions

    ex = AttributionExtractor(options=ExtractorOptions(tagger=args.tagger))
    results = {"spinscope": evaluate_attribution(args.data, args.split, args.annotators, extract=ex.pipe,
                                                 limit=args.limit)}
    if args.agreement:
        results["annotators"] = annotator_agreement(args.data, args.split)
        results["spinscope, same texts"] = evaluate_attribution(args.data, args.split, args.annotators, extract=ex.pipe,
                                                                multi_only=True)
    if args.baseline == "textacy":
        results["textacy"] = evaluate_attribution(args.data, args.split, args.annotators,
                                                  extract=textacy_extract, limit=args.limit)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        print("\n\n".join(format_scores(k, v) for k, v in results.items()))
    return 0
