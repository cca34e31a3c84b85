"""Time of each stage on hostile long inputs, made from the bundled examples (nothing is fetched).

    .venv/bin/python bench/bench_hostile.py                       # 50, 200 and 1000 KB
    .venv/bin/python bench/bench_hostile.py --sizes 200 --kinds one-line

Inputs (``--kinds``):
  one-line    every example article's text on one line, repeated: an article pasted without
              a line break (the worst case for anything that reads "the line around" a word)
  paragraphs  the examples' paragraphs, each made unique (a counter), blank lines between
  capitals    one line of capitalised words (a headline-like run) with acronyms and a speech tag

Models are loaded by a warm-up before timing. Prints seconds per stage and in all for each input;
one run each (these are minutes-scale figures, not micro-benchmarks).
"""
from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("one-line", "paragraphs", "capitals")


def example_paragraphs() -> list[str]:
    from spinscope.ingest.readers import read_inputs
    from spinscope.model import Article
    from spinscope.pipeline import Pipeline, PipelineConfig

    clean = Pipeline(PipelineConfig(disabled=("entities", "attributions", "speakers", "techniques")))
    paragraphs: list[str] = []
    for item in read_inputs([str(ROOT / "examples")]):
        if isinstance(item, Article):
            paragraphs += [p for p in clean(item).text.split("\n\n") if p.strip()]
    return paragraphs


def make(kind: str, size: int, paragraphs: list[str]) -> str:
    out: list[str] = []
    n = 0
    rng = random.Random(7)
    words = [w.capitalize() for p in paragraphs for w in re.findall(r"[a-z]{3,}", p)]
    while sum(map(len, out)) + len(out) < size:
        if kind == "one-line":
            out.append(paragraphs[n % len(paragraphs)])
        elif kind == "paragraphs":
            out.append(f"{paragraphs[n % len(paragraphs)]} ({n})")
        else:
            out.append(" ".join(rng.choice(words) for _ in range(40)) + rng.choice([" (NATO)", " (UN)", ""]))
        n += 1
    sep = "\n\n" if kind == "paragraphs" else " "
    text = sep.join(out)[:size]
    return text + (" said the Minister." if kind == "capitals" else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000], help="input sizes in KB")
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    args = ap.parse_args()

    from spinscope.ingest.readers import article_from_text
    from spinscope.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline(article_from_text("Warm-up\nThe minister said the talks would go on, officials told Reuters.", "w"))
    paragraphs = example_paragraphs()
    print(f"{'input':<12} {'KB':>5}  " + "  ".join(f"{s.name:>12}" for s in pipeline.stages) + f"  {'total':>8}")
    for kind in args.kinds:
        for kb in args.sizes:
            article = article_from_text(make(kind, kb * 1000, paragraphs), f"{kind}-{kb}")
            times = []
            for stage in pipeline.stages:
                t0 = time.perf_counter()
                article = stage(article)
                times.append(time.perf_counter() - t0)
            kept = len(article.text or "")
            print(f"{kind:<12} {kb:>5}  " + "  ".join(f"{t:>11.1f}s" for t in times)
                  + f"  {sum(times):>7.1f}s  ({kept // 1000} KB kept by cleaning, {len(article.errors)} errors)",
                  flush=True)


if __name__ == "__main__":
    main()
