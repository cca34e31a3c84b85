"""Cleaning speed: ``python bench/bench_clean.py [--passes N] [GLOB ...]`` prints articles/s and chars/s.

Default input: the PTC articles under ../shared/data (read-only; nothing is copied).
One warm-up pass, then N timed passes (default 3); mean and spread of the passes, and the
best pass, which is the steadier figure on a shared, loaded machine.
"""
from __future__ import annotations

import glob
import statistics
import sys
import time

from spinscope.clean import clean_text
from spinscope.errors import SpinscopeError

DEFAULT = "/work/shared/data/ptc/articles/*.txt"
PASSES = 3


def main(argv: list[str]) -> int:
    passes = PASSES
    if argv[:1] == ["--passes"] and len(argv) >= 2:
        passes, argv = max(1, int(argv[1])), argv[2:]
    files = sorted(f for g in (argv or [DEFAULT]) for f in glob.glob(g))
    texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
    if not texts:
        print("no input files", file=sys.stderr)
        return 2
    docs = [(t.split("\n", 1) + [""])[:2] for t in texts]
    chars = sum(len(t) for t in texts)

    def one_pass() -> float:
        t0 = time.perf_counter()
        for title, body in docs:
            try:
                clean_text(body, title)
            except SpinscopeError:
                pass
        return time.perf_counter() - t0

    one_pass()  # warm-up: rule compilation, caches
    times = [one_pass() for _ in range(passes)]
    mean = statistics.mean(times)
    sd = statistics.stdev(times) if len(times) > 1 else 0.0
    best = min(times)
    print(f"{len(texts)} articles, {chars / 1e6:.2f} M chars; {passes} passes: "
          f"{mean:.2f} s ± {sd:.2f} -> {len(texts) / mean:.0f} articles/s, {chars / mean / 1e6:.2f} M chars/s; "
          f"best pass {best:.2f} s -> {len(texts) / best:.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
