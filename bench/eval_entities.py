"""Score entity merging and speaker resolution on the hand-written dev fixtures.

    .venv/bin/python bench/eval_entities.py [--fixtures tests/fixtures/entities_dev.jsonl] [-v]

The fixtures (12 short texts written for this project, no corpus text) are DEV data:
the rules were written while looking at them, so the numbers are optimistic.

Prints:
- mention recall: gold mentions found with the exact span;
- B-cubed precision/recall/F1 of canonical clusters, within each text (averaged over
  mentions) and across all texts (gold cluster keys are global, so this measures whether
  canonical forms are stable across articles); a gold mention the system missed is a
  singleton of its own;
- false entities: spans listed under "not_entities" ("US" in "LET US PRAY") that came out
  as entities;
- speaker accuracy: hand-built attributions whose resolved speaker equals the gold one
  (and whose ``unnamed`` flag matches).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from spinscope.entities.stage import make_entities, make_speakers
from spinscope.model import Article, Attribution, Span

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "entities_dev.jsonl"


def find(text: str, needle: str, nth: int, after: int = 0) -> int:
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text) if m.start() >= after]
    if len(hits) <= nth:
        raise ValueError(f"{needle!r} #{nth} not in text")
    return hits[nth]


def bcubed(items: list[tuple[str, str]]) -> tuple[float, float]:
    """items: (gold cluster, predicted cluster) per mention -> (precision, recall)."""
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for i, (g, p) in enumerate(items):
        by_gold[g].append(i)
        by_pred[p].append(i)
    prec = rec = 0.0
    for g, p in items:
        same_pred = by_pred[p]
        same_gold = by_gold[g]
        both = sum(1 for j in same_pred if items[j][0] == g)
        prec += both / len(same_pred)
        rec += both / len(same_gold)
    n = len(items) or 1
    return prec / n, rec / n


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(path: Path, verbose: bool = False) -> dict[str, float]:
    ents_stage, spk_stage = make_entities(), make_speakers()
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    global_items: list[tuple[str, str]] = []
    within_p = within_r = 0.0
    found = total = false_ents = spk_ok = spk_total = 0
    for d in docs:
        art = ents_stage(Article(source=d["id"], text=d["text"]))
        spans = {(e.start, e.end): e for e in art.entities}
        items = []
        for surface, nth, gold in d["mentions"]:
            s = find(d["text"], surface, nth)
            e = spans.get((s, s + len(surface)))
            total += 1
            found += e is not None
            pred = f"{d['id']}:{s}:missed" if e is None else e.canonical
            items.append((gold, pred))
            if verbose and (e is None or e.canonical != gold):
                print(f"  {d['id']} mention {surface!r}: gold {gold!r} got {pred!r}", file=sys.stderr)
        p, r = bcubed(items)
        within_p += p * len(items)
        within_r += r * len(items)
        global_items.extend(items)
        for surface, nth in d["not_entities"]:
            s = find(d["text"], surface, nth)
            if any(e.start < s + len(surface) and s < e.end for e in art.entities):
                false_ents += 1
                if verbose:
                    print(f"  {d['id']} false entity {surface!r}", file=sys.stderr)
        text = d["text"]
        art.attributions = []
        for source, cue, nth, _, _ in d["attributions"]:
            s = find(text, source, nth)
            c = find(text, cue, 0, after=s + len(source))
            end = text.find(".", c)
            art.attributions.append(Attribution(
                speaker=source, speaker_description=None, source=Span.of(text, s, s + len(source)),
                cue=Span.of(text, c, c + len(cue)), content=Span.of(text, c + len(cue), end),
                kind="indirect"))
        spk_stage(art)
        for a, (source, _, _, gold, gold_unnamed) in zip(art.attributions, d["attributions"]):
            spk_total += 1
            ok = a.speaker == gold and a.unnamed == gold_unnamed
            spk_ok += ok
            if verbose and not ok:
                print(f"  {d['id']} speaker {source!r}: gold {gold!r}/{gold_unnamed} got "
                      f"{a.speaker!r}/{a.unnamed}", file=sys.stderr)
    n = len(global_items)
    gp, gr = bcubed(global_items)
    wp, wr = within_p / n, within_r / n
    return {"texts": len(docs), "gold_mentions": total, "mention_recall": found / total,
            "within_p": wp, "within_r": wr, "within_f1": f1(wp, wr),
            "cross_p": gp, "cross_r": gr, "cross_f1": f1(gp, gr),
            "false_entities": false_ents, "speakers": spk_total, "speaker_accuracy": spk_ok / spk_total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixtures", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error on stderr")
    args = ap.parse_args(argv)
    r = evaluate(args.fixtures, args.verbose)
    kind = "DEV data: rules were written looking at them" if "dev" in args.fixtures.name else \
        "held-out: written before the system was run on them; do not tune on them"
    print(f"{args.fixtures.name}: {r['texts']} texts, {r['gold_mentions']} gold mentions, "
          f"{r['speakers']} attributions ({kind})")
    print(f"{'metric':<34}{'value':>8}")
    print(f"{'mention recall (exact span)':<34}{r['mention_recall']:>8.3f}")
    print(f"{'B-cubed within text  P / R / F1':<34}{r['within_p']:>8.3f} {r['within_r']:.3f} {r['within_f1']:.3f}")
    print(f"{'B-cubed across texts P / R / F1':<34}{r['cross_p']:>8.3f} {r['cross_r']:.3f} {r['cross_f1']:.3f}")
    print(f"{'false entities (guards)':<34}{r['false_entities']:>8d}")
    print(f"{'speaker accuracy':<34}{r['speaker_accuracy']:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
