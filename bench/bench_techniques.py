"""Speed of the technique models: articles/s and sentences (lines)/s, warm-up then repeats.

    .venv/bin/python bench/bench_techniques.py [--data DIR] [--models accurate ...] [--repeats 3] [--limit 45] [--threads 2]

Reads ``DIR/articles/*.txt`` (default: PTC's unlabelled SemEval test articles, so no
labels are involved) and prints a table: mean +- sd over the repeats. The models take turns
within each repeat, so a shared machine's changing load hits them alike; the load average
is printed at the end.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="/work/shared/data/ptc/unlabelled-articles",
                    help="folder of *.txt articles (searched recursively)")
    ap.add_argument("--models", nargs="+", default=None, help="shipped names or model directories (default: every shipped model)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--limit", type=int, default=45, help="articles per repeat")
    ap.add_argument("--threads", type=int, default=2, help="ONNX Runtime intra-op threads")
    args = ap.parse_args(argv)

    from spinscope.encoder import line_spans
    from spinscope.techniques.model import MODELS_DIR, TechniqueModel, resolve_model_path

    files = sorted(Path(args.data).rglob("*.txt"))[: args.limit]
    if not files:
        print(f"no *.txt under {args.data}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    n_lines = sum(len(line_spans(t)) for t in texts)
    n_words = sum(len(t.split()) for t in texts)
    names = args.models or sorted(d.name for d in MODELS_DIR.iterdir() if (d / "config.json").exists())
    print(f"{len(texts)} articles, {n_lines} sentences/lines, {n_words} words; {args.repeats} repeats; "
          f"{args.threads} threads; {os.cpu_count()} CPUs")
    print(f"{'model':<12}{'size MB':>9}{'load s':>8}{'articles/s':>18}{'sentences/s':>20}")
    # Load and warm every model first, then alternate the models within each repeat, so that a
    # change in the machine's load (it is shared) hits every model alike.
    loaded = []
    for name in names:
        path = resolve_model_path(name)
        size = sum(p.stat().st_size for p in path.iterdir() if p.is_file()) / 1e6
        t0 = time.perf_counter()
        model = TechniqueModel(path, threads=args.threads)
        load = time.perf_counter() - t0
        for t in texts[:3]:  # warm-up
            model.predict(t)
        loaded.append((name, size, load, model, []))
    for _ in range(args.repeats):
        for _, _, _, model, secs in loaded:
            t0 = time.perf_counter()
            for t in texts:
                model.predict(t)
            secs.append(time.perf_counter() - t0)
    sd = (lambda xs: statistics.stdev(xs) if len(xs) > 1 else 0.0)
    for name, size, load, _, secs in loaded:
        aps = [len(texts) / s for s in secs]
        sps = [n_lines / s for s in secs]
        print(f"{name:<12}{size:9.1f}{load:8.2f}{statistics.mean(aps):11.2f} +- {sd(aps):4.2f}"
              f"{statistics.mean(sps):13.1f} +- {sd(sps):5.1f}")
    if hasattr(os, "getloadavg"):
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
