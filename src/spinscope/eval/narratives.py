"""``spinscope eval narratives``: the narratives corpus stage scored as a clustering.

The texts go through the real pipeline (``spinscope.commands.analyze.analyze``: clean,
entities, attributions, speakers, techniques), then the narratives stage runs with its
shipped defaults (or as a ``--config`` pipeline file says). Its narratives are compared
with gold clusters.

Datasets (``--format``):

* ``wikiref``: ``DIR/<topic>.<n>.txt`` (also ``<topic> (<n>).txt``); the topic is the
  gold cluster. WikiRef220 has 5 large topics and 11 small noise topics.
* ``semeval2025``: SemEval-2025 Task 10 subtask 2 (English). ``DIR`` is the dataset root
  or its ``train/`` folder; documents from ``raw-documents/``, labels from
  ``labels/subtask-2-annotations.txt``. The gold cluster is the first-level narrative;
  only documents with exactly one first-level narrative (other than ``Other``) are used.
  These labels are rhetorical frames, not events: see docs/narratives.md.

Scoring. The stage only returns groups of at least two articles; an article in no
narrative (or one the pipeline rejected) is scored as a singleton cluster of its own.
Metrics, all on the partition of the gold articles:

* pairwise precision/recall/F1 over pairs of articles put in one cluster;
* B-cubed precision/recall/F1 (Bagga & Baldwin 1998; Amigo et al. 2009), per-item
  averages;
* adjusted Rand index (Hubert & Arabie 1985);
* V-measure (Rosenberg & Hirschberg 2007): homogeneity, completeness, their harmonic mean.

Everything is computed from the contingency table in numpy; no scikit-learn.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Hashable, Sequence

import numpy as np

from ..errors import E_BAD_WORKERS, E_NO_EVAL_DATA, SpinscopeError

FORMATS = ("wikiref", "semeval2025")
DEFAULT_DATA = "../shared/data/wikiref/WikiRef220"
_WIKIREF_NAME = re.compile(r"^(?P<topic>.+?)(?:\.(?P<n>\d+)| \((?P<m>\d+)\))\.txt$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", default=DEFAULT_DATA,
                        help=f"dataset folder (default {DEFAULT_DATA})")
    parser.add_argument("--format", choices=FORMATS, default="wikiref",
                        help="wikiref: the topic in the file name is the gold cluster; semeval2025: the "
                        "first-level narrative of SemEval-2025 Task 10 subtask 2 (single-narrative documents only). "
                        "Default: wikiref")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="use N documents, taken round-robin over the gold clusters (a quick check; "
                        "the numbers are not comparable with a full run)")
    parser.add_argument("--workers", "-w", type=int, default=2, help="processes for the per-article pipeline (default 2)")
    parser.add_argument("--config", metavar="FILE",
                        help="pipeline configuration (JSON), as for `spinscope analyze --config`; default: the shipped pipeline")
    parser.add_argument("--disable", action="append", default=[], metavar="STAGE",
                        help="skip a per-article stage (e.g. techniques); repeatable. The narratives stage cannot be disabled")
    parser.add_argument("--store", metavar="PATH",
                        help="SQLite store of analysed articles, reused on the next run with the same pipeline "
                        "(default: none, everything analysed afresh)")
    parser.add_argument("--sweep", metavar="T1,T2,...",
                        help="DIAGNOSTIC ONLY: also score the narratives stage at these merge thresholds on the same "
                        "analysed articles. Picking a default from this would be tuning on the evaluation data")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar on standard error")


# --------------------------------------------------------------------------- data


def load_wikiref(folder: Path) -> list[tuple[str, str]]:
    """(path, topic) for every ``<topic>.<n>.txt`` / ``<topic> (<n>).txt`` in ``folder``."""
    docs = []
    for p in sorted(folder.iterdir()):
        m = _WIKIREF_NAME.match(p.name)
        if p.is_file() and m:
            docs.append((str(p), m.group("topic")))
    return docs


def load_semeval2025(folder: Path) -> list[tuple[str, str]]:
    """(path, first-level narrative) for documents with exactly one first-level narrative."""
    root = folder / "train" if (folder / "train" / "labels").is_dir() else folder
    labels = root / "labels" / "subtask-2-annotations.txt"
    docs_dir = root / "raw-documents"
    if not labels.is_file() or not docs_dir.is_dir():
        raise SpinscopeError(E_NO_EVAL_DATA, f"no SemEval-2025 subtask-2 data under {folder} "
                             "(expected labels/subtask-2-annotations.txt and raw-documents/)")
    docs = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        narratives = {x.strip() for x in parts[1].split(";") if x.strip()} - {"Other"}
        path = docs_dir / parts[0].strip()
        if len(narratives) == 1 and path.is_file():
            docs.append((str(path), next(iter(narratives))))
    return sorted(docs)


def round_robin(docs: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    """The first ``limit`` documents taking one from each gold cluster in turn (clusters by name)."""
    by_label: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d in docs:
        by_label[d[1]].append(d)
    queues = [by_label[k] for k in sorted(by_label)]
    out: list[tuple[str, str]] = []
    depth = 0
    while len(out) < limit and any(depth < len(q) for q in queues):
        for q in queues:
            if depth < len(q) and len(out) < limit:
                out.append(q[depth])
        depth += 1
    return sorted(out)


# --------------------------------------------------------------------------- metrics


def contingency(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> np.ndarray:
    """Counts n[i, j] of items in gold cluster i and predicted cluster j."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred must have the same length")
    g_ids = {g: i for i, g in enumerate(dict.fromkeys(gold))}
    p_ids = {p: j for j, p in enumerate(dict.fromkeys(pred))}
    table = np.zeros((len(g_ids), len(p_ids)), dtype=np.int64)
    for g, p in zip(gold, pred):
        table[g_ids[g], p_ids[p]] += 1
    return table


def _pairs(x: np.ndarray) -> float:
    return float((x * (x - 1) // 2).sum())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def pairwise_prf(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Precision/recall/F1 over unordered pairs of items placed in one cluster.

    With no predicted pairs precision is 1 (nothing wrong was claimed); with no gold pairs
    recall is 1.
    """
    n = contingency(gold, pred)
    tp = _pairs(n)
    pred_pairs = _pairs(n.sum(axis=0))
    gold_pairs = _pairs(n.sum(axis=1))
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return {"precision": p, "recall": r, "f1": _f(p, r), "true_pairs": int(tp),
            "predicted_pairs": int(pred_pairs), "gold_pairs": int(gold_pairs)}


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed: per item, the share of its predicted cluster that shares its gold cluster
    (precision) and the share of its gold cluster that shares its predicted cluster
    (recall), each averaged over items. Every item counts itself."""
    n = contingency(gold, pred).astype(np.float64)
    total = n.sum()
    if total == 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    col = n.sum(axis=0)
    row = n.sum(axis=1)
    p = float((n ** 2 / col[None, :]).sum() / total)
    r = float((n ** 2 / row[:, None]).sum() / total)
    return {"precision": p, "recall": r, "f1": _f(p, r)}


def adjusted_rand(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Hubert-Arabie adjusted Rand index; 1.0 when both partitions are trivial and equal."""
    n = contingency(gold, pred)
    total = int(n.sum())
    if total < 2:
        return 1.0
    index = _pairs(n)
    a = _pairs(n.sum(axis=1))
    b = _pairs(n.sum(axis=0))
    all_pairs = total * (total - 1) / 2
    expected = a * b / all_pairs
    maximum = (a + b) / 2
    if maximum == expected:  # both all-singletons or both one cluster
        return 1.0
    return float((index - expected) / (maximum - expected))


def v_measure(gold: Sequence[Hashable], pred: Sequence[Hashable], beta: float = 1.0) -> dict[str, float]:
    """Homogeneity, completeness and V-measure (natural logs; the ratio does not depend on the base)."""
    n = contingency(gold, pred).astype(np.float64)
    total = n.sum()
    if total == 0:
        return {"homogeneity": 1.0, "completeness": 1.0, "v_measure": 1.0}
    row = n.sum(axis=1)
    col = n.sum(axis=0)

    def entropy(counts: np.ndarray) -> float:
        q = counts[counts > 0] / total
        return float(-(q * np.log(q)).sum())

    nz = n > 0
    # H(G|P) = -sum n_ij/N log(n_ij / n_.j);  H(P|G) = -sum n_ij/N log(n_ij / n_i.)
    h_g_given_p = float(-(n[nz] / total * np.log(n[nz] / np.broadcast_to(col, n.shape)[nz])).sum())
    h_p_given_g = float(-(n[nz] / total * np.log(n[nz] / np.broadcast_to(row[:, None], n.shape)[nz])).sum())
    h_g, h_p = entropy(row), entropy(col)
    homogeneity = 1.0 - h_g_given_p / h_g if h_g > 0 else 1.0
    completeness = 1.0 - h_p_given_g / h_p if h_p > 0 else 1.0
    denom = beta * homogeneity + completeness
    v = (1 + beta) * homogeneity * completeness / denom if denom > 0 else 0.0
    return {"homogeneity": homogeneity, "completeness": completeness, "v_measure": v}


def score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, Any]:
    """All clustering scores of ``pred`` against ``gold`` (item-aligned label lists)."""
    return {"pairwise": pairwise_prf(gold, pred), "bcubed": bcubed(gold, pred),
            "ari": adjusted_rand(gold, pred), **v_measure(gold, pred)}


# --------------------------------------------------------------------------- running


def predicted_labels(sources: Sequence[str], articles: Sequence[Any], narratives: Sequence[Any]) -> list[str]:
    """One label per source: ``n<k>`` for the k-th narrative, ``single:<source>`` otherwise."""
    ids_of: dict[str, str] = {a.source: a.ensure_id() for a in articles}
    narrative_of: dict[str, str] = {}
    for k, nar in enumerate(narratives):
        for aid in nar.article_ids:
            narrative_of.setdefault(aid, f"n{k}")
    return [narrative_of.get(ids_of.get(s, ""), f"single:{s}") for s in sources]


def _evaluate(sources: list[str], gold: list[str], articles: list[Any], narratives: list[Any]) -> dict[str, Any]:
    pred = predicted_labels(sources, articles, narratives)
    sizes = Counter(gold)
    clustered_gold = [i for i, g in enumerate(gold) if sizes[g] >= 2]
    unassigned = [i for i, p in enumerate(pred) if p.startswith("single:")]
    clusters = []
    members: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pred):
        if not p.startswith("single:"):
            members[p].append(i)
    for k, nar in enumerate(narratives):
        idx = members.get(f"n{k}", [])
        if not idx:
            continue
        comp = Counter(gold[i] for i in idx)
        top, top_n = comp.most_common(1)[0]
        clusters.append({"label": nar.label, "size": len(idx), "majority_gold": top,
                         "purity": top_n / len(idx), "gold": dict(comp.most_common())})
    per_gold = {}
    for g in sorted(sizes, key=lambda x: (-sizes[x], x)):
        idx = [i for i, x in enumerate(gold) if x == g]
        got = Counter(pred[i] for i in idx if not pred[i].startswith("single:"))
        per_gold[g] = {"size": sizes[g], "unassigned": sum(pred[i].startswith("single:") for i in idx),
                       "narratives": len(got), "largest_share": (got.most_common(1)[0][1] / sizes[g]) if got else 0.0}
    return {
        "documents": len(sources),
        "gold_clusters": len(sizes),
        "gold_clusters_size_ge2": sum(1 for v in sizes.values() if v >= 2),
        "predicted_narratives": len(clusters),
        "unassigned": len(unassigned),
        "unassigned_gold_clustered": sum(1 for i in clustered_gold if pred[i].startswith("single:")),
        "gold_clustered": len(clustered_gold),
        "gold_singletons_put_in_a_narrative": sum(1 for i, g in enumerate(gold)
                                                  if sizes[g] == 1 and not pred[i].startswith("single:")),
        "scores": score(gold, pred),
        # SemEval labels are "URW: ..." / "CC: ...": the prefix is the topic (Ukraine war or
        # climate change), a coarser, topic-like gold partition scored alongside.
        **({"scores_domain": score([g.split(":", 1)[0] for g in gold], pred)}
           if all(":" in g for g in gold) else {}),
        # Reference points: V-measure and B-cubed F1 are high for "nothing clustered" when
        # most gold clusters are small, so the two trivial partitions are scored too.
        "baselines": {"all_singletons": score(gold, list(range(len(gold)))),
                      "one_cluster": score(gold, [0] * len(gold))},
        "clusters": sorted(clusters, key=lambda c: -c["size"]),
        "per_gold": per_gold,
    }


def run(args: argparse.Namespace) -> int:
    from ..commands.analyze import AnalysisResult, analyze, load_config
    from ..errors import InputRejected
    from ..ingest import read_inputs
    from ..pipeline import run_corpus_stages
    from ..progress import Progress
    from ..store import Store, input_key

    folder = Path(args.data)
    if not folder.is_dir():
        raise SpinscopeError(E_NO_EVAL_DATA, f"no evaluation data at {folder} (--data)")
    if args.workers < 1:
        raise SpinscopeError(E_BAD_WORKERS, "--workers must be at least 1")
    docs = load_wikiref(folder) if args.format == "wikiref" else load_semeval2025(folder)
    if not docs:
        raise SpinscopeError(E_NO_EVAL_DATA, f"no {args.format} documents found in {folder}")
    if args.limit:
        docs = round_robin(docs, args.limit)
    sources = [d[0] for d in docs]
    gold = [d[1] for d in docs]
    if "narratives" in args.disable:
        raise SpinscopeError(E_NO_EVAL_DATA, "--disable narratives: that is the stage under evaluation")

    # Per-article stages first (narratives held back so the corpus stage can be timed on its own).
    config = load_config(args.config, args.disable)
    per_article = load_config(args.config, args.disable)
    per_article.disabled = tuple(per_article.disabled) + tuple(
        s["name"] for s in per_article.corpus_stages if s["name"] not in per_article.disabled)
    progress = None if args.quiet or args.json else Progress(len(sources), label="analysing", stream=sys.stderr)
    t0 = time.perf_counter()
    cached: list[Any] = []
    todo = sources
    store = Store(args.store) if args.store else None
    fingerprint = per_article.fingerprint()
    if store:  # looked up here, in this thread: analyze's own store lookups run in the pool's feeder thread
        todo = []
        for item in read_inputs(sources):
            hit = None if isinstance(item, InputRejected) else store.get_reusable(input_key(item, fingerprint))
            if hit is None:
                todo.append(item.source)
            else:
                cached.append(hit)
    try:
        result = analyze(todo, per_article, workers=args.workers, store=None, progress=progress) if todo \
            else AnalysisResult()
    finally:
        if progress:
            progress.close()
    if store:
        by_source = {a.source: a for a in result.articles}
        for item in read_inputs(todo):
            if not isinstance(item, InputRejected) and item.source in by_source:
                store.put(input_key(item, fingerprint), by_source[item.source], fingerprint)
        store.close()
    result.reused = len(cached)
    result.articles = cached + result.articles
    t1 = time.perf_counter()
    narratives, corpus_errors = run_corpus_stages(result.articles, config)
    t2 = time.perf_counter()
    if corpus_errors:
        raise SpinscopeError(corpus_errors[0].code, f"narratives stage failed: {corpus_errors[0].message}")

    stage_errors = Counter(f"{e.stage}: {e.code}" for a in result.articles for e in a.errors)
    report: dict[str, Any] = {
        "format": args.format,
        "data": str(folder),
        "limit": args.limit,
        "config": args.config or "default",
        "disabled": list(args.disable),
        "rejected": [{"source": r.source, "reason": r.reason} for r in result.rejected],
        "stage_errors": dict(stage_errors),
        "seconds": {"analyze": round(t1 - t0, 1), "narratives": round(t2 - t1, 2), "total": round(t2 - t0, 1)},
        "workers": args.workers,
        "reused_from_store": result.reused,
        **_evaluate(sources, gold, result.articles, narratives),
    }
    if args.sweep:
        report["sweep_diagnostic"] = _sweep(args.sweep, config, sources, gold, result.articles)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_table(report)
    return 0


def _sweep(spec: str, config: Any, sources: list[str], gold: list[str], articles: list[Any]) -> list[dict[str, Any]]:
    from ..pipeline import run_corpus_stages

    rows = []
    for t in [float(x) for x in spec.split(",") if x.strip()]:
        cfg = type(config)(stages=config.stages, disabled=config.disabled,
                           corpus_stages=[dict(s, options={**s.get("options", {}), "threshold": t})
                                          if s["name"] == "narratives" else s for s in config.corpus_stages])
        narratives, errors = run_corpus_stages(articles, cfg)
        if errors:
            rows.append({"threshold": t, "error": errors[0].message})
            continue
        ev = _evaluate(sources, gold, articles, narratives)
        rows.append({"threshold": t, "predicted_narratives": ev["predicted_narratives"],
                     "unassigned": ev["unassigned"], "scores": ev["scores"]})
    return rows


def _print_table(r: dict[str, Any]) -> None:
    s = r["scores"]
    pw, b3 = s["pairwise"], s["bcubed"]
    out = sys.stdout
    print(f"narratives on {r['format']} ({r['data']}): {r['documents']} documents, {r['gold_clusters']} gold clusters "
          f"({r['gold_clusters_size_ge2']} with >= 2 documents)", file=out)
    print(f"  config: {r['config']}; disabled: {', '.join(r['disabled']) or 'none'}; "
          f"rejected: {len(r['rejected'])}; stage errors: {r['stage_errors'] or 'none'}", file=out)
    print(f"  time: analyse {r['seconds']['analyze']}s with {r['workers']} workers"
          f"{' (%d reused from the store)' % r['reused_from_store'] if r.get('reused_from_store') else ''}, "
          f"narratives stage {r['seconds']['narratives']}s, total {r['seconds']['total']}s", file=out)
    print(f"  predicted narratives: {r['predicted_narratives']}; articles in no narrative (scored as singletons): "
          f"{r['unassigned']}, of them {r['unassigned_gold_clustered']} of the {r['gold_clustered']} "
          f"gold-clustered; gold singletons put in a narrative: {r['gold_singletons_put_in_a_narrative']}", file=out)
    print(f"  {'':<10} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    print(f"  {'pairwise':<10} {pw['precision']:6.3f} {pw['recall']:6.3f} {pw['f1']:6.3f}   "
          f"({pw['true_pairs']} right of {pw['predicted_pairs']} predicted pairs, {pw['gold_pairs']} gold pairs)", file=out)
    print(f"  {'B-cubed':<10} {b3['precision']:6.3f} {b3['recall']:6.3f} {b3['f1']:6.3f}", file=out)
    print(f"  ARI {s['ari']:.3f}   V-measure {s['v_measure']:.3f} (homogeneity {s['homogeneity']:.3f}, "
          f"completeness {s['completeness']:.3f})", file=out)
    for name, b in r.get("baselines", {}).items():
        print(f"  baseline {name.replace('_', ' ')}: pairwise F1 {b['pairwise']['f1']:.3f}, B-cubed F1 "
              f"{b['bcubed']['f1']:.3f}, ARI {b['ari']:.3f}, V-measure {b['v_measure']:.3f}", file=out)
    if "scores_domain" in r:
        d = r["scores_domain"]
        print(f"  against the domain only (URW / CC): pairwise P {d['pairwise']['precision']:.3f} "
              f"R {d['pairwise']['recall']:.3f}; B-cubed P {d['bcubed']['precision']:.3f} R {d['bcubed']['recall']:.3f}; "
              f"ARI {d['ari']:.3f}; V {d['v_measure']:.3f}", file=out)
    print("  predicted narratives (size, purity, gold make-up, label):", file=out)
    for c in r["clusters"]:
        makeup = ", ".join(f"{g} {n}" for g, n in c["gold"].items())
        print(f"    {c['size']:>3}  {c['purity']:.2f}  [{makeup}]  {c['label']}", file=out)
    print("  gold clusters (size, in no narrative, narratives they are spread over, largest share):", file=out)
    for g, v in r["per_gold"].items():
        print(f"    {v['size']:>3}  {v['unassigned']:>3}  {v['narratives']:>3}  {v['largest_share']:.2f}  {g}", file=out)
    for row in r.get("sweep_diagnostic", []):
        if row is r["sweep_diagnostic"][0]:
            print("  DIAGNOSTIC threshold sweep (not used to set the default):", file=out)
            print(f"    {'thr':>5} {'narr':>5} {'single':>6} {'pwF1':>6} {'B3F1':>6} {'ARI':>6} {'V':>6}", file=out)
        if "error" in row:
            print(f"    {row['threshold']:5.2f} error: {row['error']}", file=out)
            continue
        sc = row["scores"]
        print(f"    {row['threshold']:5.2f} {row['predicted_narratives']:>5} {row['unassigned']:>6} "
              f"{sc['pairwise']['f1']:6.3f} {sc['bcubed']['f1']:6.3f} {sc['ari']:6.3f} {sc['v_measure']:6.3f}", file=out)
