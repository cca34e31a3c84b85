"""Time and memory of the narratives stage on synthetic corpora of N analysed articles.

    .venv/bin/python bench/bench_narratives.py                              # 1,000 5,000 20,000
    .venv/bin/python bench/bench_narratives.py --sizes 50000 --no-reposts
    .venv/bin/python bench/bench_narratives.py --sizes 5000 --compare-budget 1000000   # exact against the default

Each size runs in a fresh process: the corpus is generated, then the stage (spinscope's
``spinscope.narratives.v1``, default options unless told) runs once on it. Reported:
seconds for the stage, the growth of the process's peak resident memory during it
(``ru_maxrss``, so the figure includes numpy and Python objects alike), the narratives
found and, where the stage exposes its similarity graph, the pairs in it and the
document-frequency cap it used (``exact`` when none). ``--compare-budget B`` also runs
the stage with ``pair_products_per_article=B`` and says how many narratives come out identical.

The corpus is built straight as analysed ``Article`` objects (entities and attributions
filled, no NLP): a Zipfian general vocabulary of 30,000 words shared by every article,
one topic per 200 articles with its own Zipfian vocabulary, places, organisations and
people, and in each topic three storylines carried by about 5 % of its articles each,
with their own words, entities, speakers and a medium the speakers talk to. Articles
have 250-450 content words (a 600-word news article has about that many after
stopwords) and 8-20 entity mentions. The same seed gives the same corpus.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from typing import Any

import numpy as np

_CONSONANTS = "bdfgklmnprtvz"
_VOWELS = "aeiou"


def _words(rng: np.random.Generator, count: int, syllables: int, taken: set[str]) -> list[str]:
    """Distinct pronounceable words ending in a vowel (no plural folding, no stopwords)."""
    from spinscope.narratives.features import stopwords

    out: list[str] = []
    while len(out) < count:
        w = "".join(rng.choice(list(_CONSONANTS)) + rng.choice(list(_VOWELS)) for _ in range(syllables))
        if w not in taken and w not in stopwords():
            taken.add(w)
            out.append(w)
    return out


def _zipf(size: int, exponent: float = 1.0) -> np.ndarray:
    p = 1.0 / np.arange(1, size + 1) ** exponent
    return p / p.sum()


class _Vocab:
    """Words (or names) with Zipfian probabilities."""

    def __init__(self, items: list[str], exponent: float = 1.0) -> None:
        self.items = items
        self.p = _zipf(len(items), exponent)

    def draw(self, rng: np.random.Generator, k: int) -> list[str]:
        return [self.items[i] for i in rng.choice(len(self.items), size=k, p=self.p)]


def make_corpus(n: int, seed: int = 1) -> list[Any]:
    """``n`` analysed articles in topics and storylines (see the module docstring)."""
    from spinscope.model import Article, Attribution, Entity, Span

    rng = np.random.default_rng(seed)
    taken: set[str] = set()
    general = _Vocab(_words(rng, 30_000, 3, taken), 1.0)
    names = lambda k: [w.capitalize() for w in _words(rng, k, 3, taken)]  # noqa: E731
    world = _Vocab(names(2_000), 1.0)  # countries and organisations everybody mentions
    outlets = _Vocab([f"{w} News" for w in names(300)], 1.0)
    media = _Vocab(names(60), 1.2)  # media speakers talk to ("told Rutaka")
    topics = []
    for _ in range(max(5, n // 200)):
        topic = {"words": _Vocab(_words(rng, 400, 3, taken), 1.0), "places": _Vocab(names(30), 1.0),
                 "people": _Vocab([f"{a} {b}" for a, b in zip(names(20), names(20))], 1.0), "stories": []}
        for _ in range(3):
            topic["stories"].append({"words": _Vocab(_words(rng, 40, 3, taken), 0.7),
                                     "entities": _Vocab(names(5), 0.5),
                                     "people": [f"{a} {b}" for a, b in zip(names(3), names(3))],
                                     "medium": media.draw(rng, 1)[0]})
        topics.append(topic)
    articles = []
    for k in range(n):
        t = int(rng.integers(len(topics)))
        topic = topics[t]
        s = int(rng.integers(3)) if rng.random() < 0.15 else -1
        story = topic["stories"][s] if s >= 0 else None
        length = int(rng.integers(250, 451))
        share = (0.55, 0.30, 0.15) if story else (0.6, 0.4, 0.0)
        counts = rng.multinomial(length, share)
        words = general.draw(rng, counts[0]) + topic["words"].draw(rng, counts[1])
        if story:
            words += story["words"].draw(rng, counts[2])
        rng.shuffle(words)
        n_ents = int(rng.integers(8, 21))
        ents = [(e, "GPE") for e in world.draw(rng, n_ents // 2)] + \
            [(e, "GPE") for e in topic["places"].draw(rng, n_ents - n_ents // 2)]
        if story:
            ents += [(e, "ORG") for e in story["entities"].draw(rng, 4)]
        speakers = []
        for _ in range(int(rng.integers(1, 5))):
            if story and rng.random() < 0.6:
                speakers.append((story["people"][int(rng.integers(3))],
                                 story["medium"] if rng.random() < 0.7 else None))
            else:
                speakers.append((topic["people"].draw(rng, 1)[0],
                                 media.draw(rng, 1)[0] if rng.random() < 0.2 else None))
        articles.append(_article(k, words, ents, speakers, outlets.draw(rng, 1)[0], int(rng.integers(365)),
                                 Article, Attribution, Entity, Span))
        articles[-1].meta["synthetic"] = f"{t}/{s}"  # topic/storyline (-1: none), for calibration
    return articles


def _article(k: int, words: list[str], ents: list[tuple[str, str]], speakers: list[tuple[str, str | None]],
             outlet: str, day: int, Article: Any, Attribution: Any, Entity: Any, Span: Any) -> Any:
    """One article: sentences of 18 words, then the entity names and the speakers' sentences."""
    parts: list[str] = []
    entities, attributions = [], []
    pos = 0

    def add(piece: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(piece)
        pos += len(piece)
        return start, pos

    for i in range(0, len(words), 18):
        add(" ".join(words[i:i + 18]).capitalize() + ". ")
    for name, label in ents:
        s, e = add(name)
        entities.append(Entity(s, e, name, label, name))
        add(" was mentioned. ")
    for name, medium in speakers:
        s, e = add(name)
        add(f" said it was true{' in an interview with ' + medium if medium else ''}. ")
        entities.append(Entity(s, e, name, "PERSON", name))
        attributions.append(Attribution(speaker=name, speaker_description=None, source=Span(s, e, name), cue=None,
                                        content=Span(s, e, name), kind="indirect", medium=medium,
                                        speaker_entity=name, speaker_label="PERSON"))
    a = Article(source=f"synthetic-{k}.txt", text="".join(parts), title=f"Story {k}", outlet=outlet,
                published=f"2025-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}")
    a.entities, a.attributions = entities, attributions
    return a


def run_one(n: int, seed: int, options: dict[str, Any], compare_budget: int | None) -> dict[str, Any]:
    """Generate, run the stage once, measure; returns one result row (run in a fresh process)."""
    from spinscope.narratives.stage import make_narratives

    articles = make_corpus(n, seed)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stage = make_narratives(**options)
    t0 = time.perf_counter()
    narratives = stage(articles)
    seconds = time.perf_counter() - t0
    row: dict[str, Any] = {"articles": n, "seconds": round(seconds, 2),
                           "peak_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024, 1),
                           "narratives": len(narratives),
                           "in_narratives": sum(len(x.article_ids) for x in narratives)}
    corpus = stage.analyse(articles)  # not timed: the graph's size and the cap used
    graph = corpus.similarity
    if hasattr(graph, "value"):
        row["pairs"] = len(graph.value)
        row["cap"] = corpus.candidate_max_df or "exact"
    if compare_budget is not None:
        other = make_narratives(**{**options, "pair_products_per_article": compare_budget})
        got = {tuple(x.article_ids) for x in other(articles)}
        want = {tuple(x.article_ids) for x in narratives}
        row["compare"] = {"budget": compare_budget, "cap": other.analyse(articles).candidate_max_df or "exact",
                          "narratives": len(got), "identical": len(got & want), "of": len(want)}
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000], help="corpus sizes (articles)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=int, help="pair_products_per_article for the stage (default: the stage's own)")
    ap.add_argument("--no-reposts", action="store_true", help="leave repost detection out (reposts=false)")
    ap.add_argument("--compare-budget", type=int,
                    help="also run with this pair_products_per_article and compare narratives")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size in this process
    args = ap.parse_args()
    options: dict[str, Any] = {}
    if args.budget is not None:
        options["pair_products_per_article"] = args.budget
    if args.no_reposts:
        options["reposts"] = False
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.seed, options, args.compare_budget)))
        return
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)] + sys.argv[1:]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{n} articles: failed ({out.returncode}): {out.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        extra = f", graph {row['pairs']:,} pairs, cap {row['cap']}" if "pairs" in row else ""
        print(f"{n:>7,} articles: {row['seconds']:8.2f} s, peak +{row['peak_mb']:,.0f} MB, "
              f"{row['narratives']} narratives ({row['in_narratives']} articles){extra}")
        if "compare" in row:
            c = row["compare"]
            print(f"         pair_products_per_article={c['budget']:,} (cap {c['cap']}): {c['narratives']} narratives, "
                  f"{c['identical']} of {c['of']} identical")


if __name__ == "__main__":
    main()
