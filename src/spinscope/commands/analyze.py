"""``spinscope analyze``: the main job, from inputs to a report."""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import (E_BAD_ALIAS_FILE, E_BAD_CONFIG, E_BAD_TIMEOUT, E_BAD_WORKERS, E_UNKNOWN_STAGE, InputRejected,
                      SpinscopeError)
from ..ingest import IngestOptions, expand_paths, read_inputs
from ..ingest.readers import describe_skipped
from ..model import SCHEMA_VERSION, Article, Narrative, StageError, corpus_to_dict
from ..pipeline import Pipeline, PipelineConfig, rejection_of, run_corpus_stages, timed_out
from ..progress import Progress
from ..store import DEFAULT_STORE, Store, input_key

FORMATS = ("text", "json", "jsonl", "html")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or directories (read recursively: .txt, .html, .jsonl); '-' reads standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="report format: text (terminal summary), json (the documented contract), jsonl (one "
                        "JSON object per line, written as each article is done: for large corpora; with "
                        "--disable narratives memory stays flat), html (one self-contained page). Default: text")
    p.add_argument("--out", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--workers", "-w", type=int, default=int(os.environ.get("SPINSCOPE_WORKERS", "1")),
                   help="number of processes (env SPINSCOPE_WORKERS; default 1)")
    p.add_argument("--store", metavar="PATH", default=os.environ.get("SPINSCOPE_STORE", DEFAULT_STORE),
                   help=f"SQLite store of results, used to resume an interrupted batch (env SPINSCOPE_STORE; default {DEFAULT_STORE})")
    p.add_argument("--no-store", action="store_true", help="analyse everything afresh and keep no store")
    p.add_argument("--max-bytes", type=int, default=None,
                   help="reject inputs larger than this many bytes (env SPINSCOPE_MAX_BYTES; default 5,000,000)")
    p.add_argument("--article-timeout", type=float, metavar="SECONDS",
                   default=float(os.environ["SPINSCOPE_ARTICLE_TIMEOUT"]) if os.environ.get("SPINSCOPE_ARTICLE_TIMEOUT") else None,
                   help="stop analysing an article after this many seconds: it is reported with error E203 "
                        "and the layers done so far, and not stored, so a rerun tries it again "
                        "(env SPINSCOPE_ARTICLE_TIMEOUT; default no limit; needs a Unix system)")
    p.add_argument("--outlet", help="outlet name to use for every input (overrides what the page says)")
    p.add_argument("--disable", action="append", default=[], metavar="STAGE",
                   help="skip a stage by name (clean, entities, attributions, speakers, techniques, narratives); repeatable")
    p.add_argument("--config", metavar="FILE", help="pipeline configuration (JSON): {\"stages\": [...], \"corpus_stages\": [...]}")
    p.add_argument("--attribution-model", metavar="NAME|DIR", default=os.environ.get("SPINSCOPE_ATTRIBUTION_MODEL"),
                   help="attribution extractor: 'fast' (default) or 'accurate' (adds the shipped transformer "
                        "tagger: better recall, slower) or a tagger directory")
    p.add_argument("--aliases", metavar="FILE", action="append", default=[],
                   help="an extra alias table (TSV: canonical, label, aliases; see docs/entities.md) "
                   "used before the shipped one; repeatable (env SPINSCOPE_ALIASES)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary on standard error")


@dataclass
class AnalysisResult:
    """What one analyze run produced."""

    articles: list[Article] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)
    rejected: list[InputRejected] = field(default_factory=list)
    corpus_errors: list[StageError] = field(default_factory=list)
    reused: int = 0
    seconds: float = 0.0
    # Running totals, kept even when the articles themselves are not (streamed output).
    n_articles: int = 0
    n_attributions: int = 0
    n_techniques: int = 0
    entity_keys: set[str] = field(default_factory=set)
    warnings: list[tuple[str, StageError]] = field(default_factory=list)
    # Files inside the named folders that were not read (other suffixes).
    skipped: list[str] = field(default_factory=list)

    def count(self, article: Article) -> None:
        self.n_articles += 1
        self.n_attributions += len(article.attributions)
        self.n_techniques += len(article.techniques)
        self.entity_keys.update(e.canonical for e in article.entities)
        self.warnings.extend((article.source, e) for e in article.errors)

    def to_dict(self) -> dict[str, Any]:
        d = corpus_to_dict(self.articles, self.narratives, [
            {"source": r.source, "code": r.code, "reason": r.reason, "message": r.message}
            for r in self.rejected])
        if self.corpus_errors:
            d["corpus_errors"] = [e.__dict__ for e in self.corpus_errors]
        return d


def load_config(path: str | None, disabled: list[str]) -> PipelineConfig:
    config = PipelineConfig()
    if path:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise SpinscopeError(E_BAD_CONFIG, f"cannot read pipeline config {path}: {e}") from e
        if "stages" in data:
            config.stages = data["stages"]
        if "corpus_stages" in data:
            config.corpus_stages = data["corpus_stages"]
        disabled = list(disabled) + list(data.get("disabled", []))
    known = {s["name"] for s in config.stages} | {s["name"] for s in config.corpus_stages}
    unknown = [d for d in disabled if d not in known]
    if unknown:
        raise SpinscopeError(E_UNKNOWN_STAGE, f"--disable: unknown stage(s) {unknown}; stages are {sorted(known)}")
    config.disabled = tuple(disabled)
    return config


def analyze(paths: list[str], config: PipelineConfig | None = None, workers: int = 1,
            store: Store | None = None, ingest: IngestOptions | None = None,
            progress: Progress | None = None,
            on_article: Callable[[Article], None] | None = None,
            on_rejected: Callable[[InputRejected], None] | None = None,
            keep_articles: bool = True) -> AnalysisResult:
    """Analyse inputs; importable (the CLI is a thin layer over this).

    ``on_article`` / ``on_rejected`` are called as soon as each article is done (reused from
    the store or analysed) or rejected, in completion order. With ``keep_articles=False`` the
    articles are not kept in the result (only running totals), so memory does not grow with
    the corpus; the corpus stages (narratives) then see no articles and are skipped.
    """
    t0 = time.perf_counter()
    config = config or PipelineConfig()
    fingerprint = config.fingerprint()
    result = AnalysisResult()
    pipeline: Pipeline | None = None
    slots: list[Article | None] = []
    pending: collections.deque[tuple[int, str]] = collections.deque()

    def done(article: Article) -> None:
        result.count(article)
        if on_article is not None:
            on_article(article)

    def rejected_input(item: InputRejected) -> None:
        result.rejected.append(item)
        if store:
            store.reject(item.source, item.code, item.reason, item.message)
        if on_rejected is not None:
            on_rejected(item)

    def to_process() -> Iterator[Article]:
        for item in read_inputs(paths, ingest):
            if isinstance(item, InputRejected):
                rejected_input(item)
                if progress:
                    progress.advance()
                continue
            key = input_key(item, fingerprint)
            cached = store.get_reusable(key) if store else None
            slots.append(cached if keep_articles else None)
            if cached is not None:
                result.reused += 1
                done(cached)
                if progress:
                    progress.advance()
                continue
            pending.append((len(slots) - 1, key))
            yield item

    articles_in = to_process()
    # Build the pipeline lazily: an all-cached or all-rejected batch needs no models.
    first = next(articles_in, None)
    if first is not None:
        pipeline = Pipeline(config)

        def chained() -> Iterator[Article]:
            yield first
            yield from articles_in

        for article in pipeline.pipe(chained(), workers=workers):
            index, key = pending.popleft()
            rejected = rejection_of(article)
            if rejected is not None:
                rejected_input(rejected)
            else:
                if keep_articles:
                    slots[index] = article
                if store and not timed_out(article):  # (partial: a rerun tries it again)
                    store.put(key, article, fingerprint)
                done(article)
            if progress:
                progress.advance()
    result.articles = [a for a in slots if a is not None]
    if keep_articles:
        result.narratives, result.corpus_errors = run_corpus_stages(result.articles, config)
    result.seconds = time.perf_counter() - t0
    return result


def run(args: argparse.Namespace) -> int:
    from ..render import render

    if args.workers < 1:
        raise SpinscopeError(E_BAD_WORKERS, "--workers must be at least 1")
    config = load_config(args.config, args.disable)
    if args.article_timeout is not None:
        if args.article_timeout <= 0:
            raise SpinscopeError(E_BAD_TIMEOUT, "--article-timeout must be a number of seconds above 0")
        config.article_timeout = args.article_timeout
    if args.aliases:
        for path in args.aliases:
            if not Path(path).is_file():
                raise SpinscopeError(E_BAD_ALIAS_FILE, f"--aliases: no such file: {path}")
        for spec in config.stages:
            if spec.get("factory") in ("spinscope.entities.v1", "spinscope.speakers.v1"):
                spec.setdefault("options", {})["aliases_path"] = os.pathsep.join(args.aliases)
    if args.attribution_model:
        from ..attribution.tagger import resolve_tagger_path

        resolve_tagger_path(args.attribution_model)  # a bad name fails here, before any work
        for spec in config.stages:
            if spec.get("factory") == "spinscope.attributions.v1":
                spec.setdefault("options", {})["tagger"] = args.attribution_model
    ingest = IngestOptions.from_env(max_bytes=args.max_bytes, outlet=args.outlet)
    store = None if args.no_store else Store(args.store)
    skipped: list[str] = []
    total = sum(1 for _ in expand_paths(args.paths, skipped))
    progress = None if args.quiet else Progress(total, label="analysing", stream=sys.stderr)
    if args.format == "jsonl":
        return _run_jsonl(args, config, ingest, store, progress, skipped)
    try:
        result = analyze(args.paths, config, args.workers, store, ingest, progress)
        result.skipped = skipped
    finally:
        if progress:
            progress.close()
        if store:
            store.close()
    report = render(result, args.format)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
        if not report.endswith("\n"):
            sys.stdout.write("\n")
    if not args.quiet:
        print_summary(result, args.out, store_path=None if args.no_store else args.store)
    return 1 if result.rejected else 0


def _run_jsonl(args: argparse.Namespace, config: PipelineConfig, ingest: IngestOptions, store: Store | None,
               progress: Progress | None, skipped: list[str]) -> int:
    """``--format jsonl``: one object per line, each article written (and flushed) when it is
    done; rejected inputs as they are found; narratives and corpus-stage errors at the end."""
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        fh = open(args.out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    else:
        fh = sys.stdout
    keep = any(s["name"] not in config.disabled for s in config.corpus_stages)

    def write(obj: dict[str, Any]) -> None:
        fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        fh.flush()

    def on_article(a: Article) -> None:
        write({"type": "article", "schema_version": SCHEMA_VERSION, **a.to_dict()})

    def on_rejected(r: InputRejected) -> None:
        write({"type": "rejected", "source": r.source, "code": r.code, "reason": r.reason, "message": r.message})

    try:
        result = analyze(args.paths, config, args.workers, store, ingest, progress,
                         on_article=on_article, on_rejected=on_rejected, keep_articles=keep)
        result.skipped = skipped
        for n in result.narratives:
            write({"type": "narrative", **n.to_dict()})
        for e in result.corpus_errors:
            write({"type": "corpus_error", **e.__dict__})
    finally:
        if progress:
            progress.close()
        if store:
            store.close()
        if fh is not sys.stdout:
            fh.close()
    if not args.quiet:
        print_summary(result, args.out, store_path=None if args.no_store else args.store)
    return 1 if result.rejected else 0


def print_summary(result: AnalysisResult, out: str | None, store_path: str | None) -> None:
    err = sys.stderr
    n = result.n_articles
    reasons = collections.Counter(r.reason for r in result.rejected)
    line = f"spinscope: analysed {n} article{'s' if n != 1 else ''}"
    if result.reused:
        line += f" ({result.reused} reused from the store)"
    line += f", rejected {len(result.rejected)}"
    if reasons:
        line += " (" + ", ".join(f"{c} {r}" for r, c in reasons.most_common()) + ")"
    line += f" in {result.seconds:.1f}s"
    print(line, file=err)
    for r in result.rejected:
        print(f"  rejected {r.source}: [{r.code}] {r.reason}: {r.message}", file=err)
    if result.skipped:
        shown = ", ".join(result.skipped[:3]) + (", ..." if len(result.skipped) > 3 else "")
        print(f"  not read in the folders: {describe_skipped(result.skipped)} of a suffix that is "
              f"not read ({shown}); name a file to read it", file=err)
    for source, e in result.warnings:
        print(f"  warning {source}: stage {e.stage} {e.outcome} [{e.code}] {e.message}", file=err)
    for e in result.corpus_errors:
        print(f"  warning: corpus stage {e.stage} failed [{e.code}] {e.message}", file=err)
    print(f"  {result.n_attributions} attributed statements, {result.n_techniques} technique spans, "
          f"{len(result.entity_keys)} distinct entities, {len(result.narratives)} "
          f"narrative{'s' if len(result.narratives) != 1 else ''}", file=err)
    if out:
        print(f"  report: {out}", file=err)
    if store_path:
        print(f"  store: {store_path}", file=err)
