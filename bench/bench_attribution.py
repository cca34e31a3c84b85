"""Throughput of the attribution stage on the PolNeAR dev texts, 1 and 2 workers.

    nice -n 10 .venv/bin/python bench/bench_attribution.py --data /work/shared/data/polnear --repeats 3 [--model accurate]

Each worker process loads the spaCy pipeline once (not timed), warms up on a few
texts, then every repeat runs all texts split across the workers. Prints articles/s
as mean ± sd over the repeats.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("SPINSCOPE_THREADS", "1")  # one ONNX Runtime thread per worker process

_EXTRACTOR = None
_TAGGER = "fast"


def _init() -> None:
    global _EXTRACTOR
    from spinscope.attribution.extract import AttributionExtractor, ExtractorOptions

    _EXTRACTOR = AttributionExtractor(options=ExtractorOptions(tagger=_TAGGER))
    _EXTRACTOR("Officials said the bridge was closed. “It will reopen,” she said.")


def _work(texts: list[str]) -> int:
    assert _EXTRACTOR is not None
    return sum(len(a) for a in _EXTRACTOR.pipe(texts))


def _chunks(texts: list[str], n: int) -> list[list[str]]:
    return [texts[i::n] for i in range(n)]


def bench(texts: list[str], workers: int, repeats: int) -> list[float]:
    rates = []
    with mp.get_context("fork").Pool(workers, initializer=_init) as pool:
        pool.map(_work, _chunks(texts[: 2 * workers], workers))  # warm-up
        for _ in range(repeats):
            t0 = time.perf_counter()
            pool.map(_work, _chunks(texts, workers))
            rates.append(len(texts) / (time.perf_counter() - t0))
    return rates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/shared/data/polnear")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--model", dest="tagger", default="fast", help="fast, accurate or a tagger directory")
    args = ap.parse_args()
    global _TAGGER
    _TAGGER = args.tagger
    folder = Path(args.data) / args.split / "text"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words} words ({words / len(texts):.0f} per text), cpu_count={os.cpu_count()}, tagger={args.tagger}")
    for w in (int(x) for x in args.workers.split(",")):
        rates = bench(texts, w, args.repeats)
        sd = statistics.stdev(rates) if len(rates) > 1 else 0.0
        print(f"workers={w}: {statistics.mean(rates):.1f} ± {sd:.1f} articles/s "
              f"({statistics.mean(rates) * words / len(texts):.0f} words/s) over {len(rates)} repeats")


if __name__ == "__main__":
    main()
