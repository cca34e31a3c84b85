"""End-to-end throughput of `spinscope analyze` (all stages, no store), 1 and 2 workers.

    .venv/bin/python bench/bench_pipeline.py                      # examples/ (16 articles)
    .venv/bin/python bench/bench_pipeline.py --data DIR --repeats 3 --workers 1 2

Model loading is not timed: a warm-up run loads everything first (with 2 workers the
worker processes load their own models inside the timed run, as `analyze --workers 2`
does; that start-up cost is reported separately as `first batch`). Prints articles/s as
mean ± sd over the repeats.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / "examples"), help="folder or files to analyse")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    from spinscope.commands.analyze import analyze

    analyze([args.data])  # warm-up: load spaCy and the models in this process
    for w in args.workers:
        rates = []
        n = 0
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            res = analyze([args.data], workers=w)
            dt = time.perf_counter() - t0
            n = len(res.articles)
            rates.append(n / dt)
        sd = statistics.stdev(rates) if len(rates) > 1 else 0.0
        print(f"workers={w}: {statistics.mean(rates):.2f} ± {sd:.2f} articles/s "
              f"({n} articles, {args.repeats} repeats, narratives included)")


if __name__ == "__main__":
    main()
