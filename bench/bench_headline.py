"""Cost of analysing the title (headline) per article, by layer, against the whole pipeline.

    .venv/bin/python bench/bench_headline.py                 # examples/
    .venv/bin/python bench/bench_headline.py DIR [DIR ...]

Runs the default pipeline once (narratives off), then times only the title parts the stages
add (title entities, title statements, title speakers, the technique model on the title),
best of 5, and the whole per-article pipeline, best of 3. Timing the parts directly is far
less sensitive to a busy machine than comparing two whole-pipeline runs.
"""
from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from spinscope.attribution.title import body_names, title_attributions
    from spinscope.entities.title import link_title_speakers, title_entities
    from spinscope.ingest.readers import read_inputs
    from spinscope.model import Article
    from spinscope.pipeline import Pipeline, PipelineConfig

    paths = sys.argv[1:] or [str(ROOT / "examples")]
    inputs = [x for x in read_inputs(paths) if isinstance(x, Article)]
    pipeline = Pipeline(PipelineConfig(disabled=("narratives",)))
    done = [pipeline(copy.deepcopy(a)) for a in inputs]
    stage = {s.name: s for s in pipeline.stages}

    def title_parts() -> dict[str, float]:
        t = dict.fromkeys(("entities", "attributions", "speakers", "techniques"), 0.0)
        for a in done:
            t0 = time.perf_counter()
            title_entities(a.title, a.entities, stage["entities"].table)
            t1 = time.perf_counter()
            keep = body_names(a.text, [e.text for e in a.entities])
            title_attributions(stage["attributions"].extractor, a.title, keep)
            t2 = time.perf_counter()
            link_title_speakers(a, stage["speakers"].table)
            t3 = time.perf_counter()
            if a.title:
                stage["techniques"].model.predict(a.title)
            t4 = time.perf_counter()
            for k, dt in zip(t, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                t[k] += dt
        return t

    title_parts()  # warm-up
    runs = [title_parts() for _ in range(5)]
    n = len(done)
    for k in runs[0]:
        print(f"title {k}: {min(r[k] for r in runs) / n * 1000:.1f} ms/article (best of 5)")
    print(f"all title parts: {min(sum(r.values()) for r in runs) / n * 1000:.1f} ms/article ({n} articles)")
    whole = []
    for _ in range(3):
        batch = [copy.deepcopy(a) for a in inputs]
        t0 = time.perf_counter()
        for a in batch:
            pipeline(a)
        whole.append(time.perf_counter() - t0)
    print(f"whole pipeline (title included, narratives off): {min(whole) / n * 1000:.0f} ms/article (best of 3)")


if __name__ == "__main__":
    main()
