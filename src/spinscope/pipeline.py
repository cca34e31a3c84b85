"""Pipelines: ordered stages, built from a config, streaming articles.

A stage is a small callable ``Article -> Article`` with ``name``, ``requires``
and ``assigns`` (the layers it reads and writes), like a spaCy component.
A failure inside one stage for one article is recorded on that article
(``Article.errors``) and never stops the batch.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
import multiprocessing as mp
import os
import signal
import threading
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Protocol

from . import registry
from .errors import E_STAGE_FAILED, E_TIMEOUT, REJECT_REASONS, InputRejected, SpinscopeError
from .model import Article, Narrative, StageError


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class CorpusStage(Protocol):
    name: str

    def __call__(self, articles: list[Article]) -> list[Narrative]: ...


# The default pipeline: (stage name, registered factory, options).
DEFAULT_STAGES: list[dict[str, Any]] = [
    {"name": "clean", "factory": "spinscope.clean.v1"},
    {"name": "entities", "factory": "spinscope.entities.v1"},
    {"name": "attributions", "factory": "spinscope.attributions.v1"},
    {"name": "speakers", "factory": "spinscope.speakers.v1"},
    {"name": "techniques", "factory": "spinscope.techniques.v1"},
]
DEFAULT_CORPUS_STAGES: list[dict[str, Any]] = [
    {"name": "narratives", "factory": "spinscope.narratives.v1"},
]


@dataclass
class PipelineConfig:
    """One options object for a pipeline run."""

    stages: list[dict[str, Any]] = field(default_factory=lambda: [dict(s) for s in DEFAULT_STAGES])
    corpus_stages: list[dict[str, Any]] = field(
        default_factory=lambda: [dict(s) for s in DEFAULT_CORPUS_STAGES])
    disabled: tuple[str, ...] = ()
    # Seconds one article may take through the stages (None: no limit). Past it, the stage at
    # work is stopped, the later ones are skipped and the article carries an E203 error. Not
    # part of the fingerprint: it changes no result, only whether one is finished.
    article_timeout: float | None = None

    def active(self) -> list[dict[str, Any]]:
        return [s for s in self.stages if s["name"] not in self.disabled]

    def fingerprint(self) -> str:
        """Identifies the configuration; stored results are reused only under the same one."""
        from . import __version__

        blob = json.dumps({"v": __version__, "stages": self.active(), "data": data_fingerprint(),
                           "disabled": sorted(self.disabled), "files": user_files_fingerprint(self.active())},
                          sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


_DATA_FP: str | None = None
# Environment variables that name files or models a stage reads (their contents count too).
_FILE_ENV = ("SPINSCOPE_ALIASES", "SPINSCOPE_TECHNIQUES_MODEL", "SPINSCOPE_SPACY_MODEL")


def _hash_path(h: Any, p: Path) -> None:
    if p.is_file():
        h.update(f"{p}\x1f".encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    elif p.is_dir():
        for f in sorted(p.rglob("*")):
            if f.is_file():
                st = f.stat()
                h.update(f"{f}\x1f{st.st_size}\x1f{st.st_mtime_ns}\n".encode())


def user_files_fingerprint(stages: list[dict[str, Any]]) -> str:
    """A hash of the files users point stages at (alias tables, pattern files, model
    directories: options ending in ``path`` or ``model``, and the matching environment
    variables), so that editing such a file invalidates stored results made with it."""
    h = hashlib.sha256()
    values: list[str] = [os.environ.get(k, "") for k in _FILE_ENV]
    for spec in stages:
        for key, value in sorted((spec.get("options") or {}).items()):
            if isinstance(value, str) and (key.endswith(("path", "model")) or key == "tagger"):
                values.append(value)
    for value in values:
        for part in value.split(os.pathsep):
            if part.strip():
                _hash_path(h, Path(part))
    return h.hexdigest()[:16]


def data_fingerprint() -> str:
    """A hash of the shipped models and data tables (names, sizes, mtimes) and of the
    package's own code (contents of its ``.py`` files).

    Retraining a model, editing an alias table or upgrading spinscope changes it, so stored
    results made with the old files or code are not reused.
    """
    global _DATA_FP
    if _DATA_FP is None:
        root = Path(__file__).parent
        h = hashlib.sha256()
        for f in sorted(root.rglob("*.py")):
            h.update(f"{f.relative_to(root)}\x1f".encode())
            h.update(hashlib.sha256(f.read_bytes()).digest())
        for sub in ("data", "techniques/models", "attribution/models"):
            base = root / sub
            if not base.is_dir():
                continue
            for f in sorted(base.rglob("*")):
                if f.is_file():
                    st = f.stat()
                    h.update(f"{f.relative_to(root)}\x1f{st.st_size}\x1f{st.st_mtime_ns}\n".encode())
        _DATA_FP = h.hexdigest()[:16]
    return _DATA_FP


class Pipeline:
    """Ordered stages; ``pipe`` streams articles through them."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.stages: list[Stage] = []
        for spec in self.config.active():
            if spec.get("factory") is None:
                continue
            factory = registry.stages.get(spec["factory"])
            stage = factory(**spec.get("options", {}))
            stage.name = spec["name"]
            self.stages.append(stage)
        self._check_requirements()

    def _check_requirements(self) -> None:
        have = {"text", "title", "raw_text"}
        for stage in self.stages:
            missing = [r for r in getattr(stage, "requires", ()) if r not in have]
            if missing:
                raise SpinscopeError(
                    "E011", f"stage {stage.name!r} requires {missing}, which no earlier stage assigns")
            have.update(getattr(stage, "assigns", ()))

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        at = "pipeline"
        limit = self.config.article_timeout
        try:
            with _time_limit(limit):
                for stage in self.stages:
                    at = stage.name
                    try:
                        article = stage(article)
                    except SpinscopeError as e:
                        article.errors.append(StageError(stage.name, e.code, e.message))
                        if e.code in REJECT_REASONS:
                            # The input itself is unusable (e.g. nothing left after cleaning):
                            # later stages would only work on nothing; the caller rejects it.
                            break
                    except Exception as e:  # noqa: BLE001 - one article's failure must not sink the batch
                        tb = traceback.format_exception_only(type(e), e)[-1].strip()
                        article.errors.append(StageError(stage.name, E_STAGE_FAILED, tb))
        except _Overtime:
            article.errors.append(StageError(at, E_TIMEOUT, f"the analysis was stopped after {limit:g} s "
                                             f"(--article-timeout), in stage {at!r}; later stages were skipped"))
        article.cache.clear()
        article.ensure_id()
        return article

    def pipe(self, articles: Iterable[Article], workers: int = 1,
             chunksize: int = 4) -> Iterator[Article]:
        """Stream articles through the stages; with ``workers > 1`` in N processes.

        Order is preserved. Each worker builds its own pipeline once.
        """
        if workers <= 1:
            for article in articles:
                yield self(article)
            return
        ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.config,)) as pool:
            yield from pool.imap(_run_worker, articles, chunksize=chunksize)


class _Overtime(BaseException):
    """Raised by the alarm of :func:`_time_limit` (a BaseException, so that no stage's own
    ``except Exception`` swallows it)."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Overtime` in this thread after ``seconds`` (a real-time alarm). Where
    alarms cannot be had (Windows, a thread other than the main one) there is no limit. The
    alarm is seen when control is back in Python: a long call inside the parser ends first
    (the parse of a long text is made in pieces of 50,000 characters)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Overtime()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed_out(article: Article) -> bool:
    """Whether the article's analysis was stopped by the time limit (its layers are partial)."""
    return any(e.code == E_TIMEOUT for e in article.errors)


_worker_pipeline: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _worker_pipeline
    # One thread per process: the processes are the parallelism.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _worker_pipeline = Pipeline(config)


def _run_worker(article: Article) -> Article:
    assert _worker_pipeline is not None
    return _worker_pipeline(article)


def rejection_of(article: Article) -> InputRejected | None:
    """The rejection an article's own errors amount to (an unusable input), if any."""
    for e in article.errors:
        if e.code in REJECT_REASONS:
            return InputRejected(e.code, e.message, article.source)
    return None


def run_corpus_stages(articles: list[Article], config: PipelineConfig) -> tuple[list[Narrative], list[StageError]]:
    """Run corpus-level stages (narratives, reposts) over the analysed articles."""
    narratives: list[Narrative] = []
    errors: list[StageError] = []
    for spec in config.corpus_stages:
        if spec["name"] in config.disabled:
            continue
        try:
            stage: Callable[[list[Article]], list[Narrative]] = registry.corpus_stages.get(
                spec["factory"])(**spec.get("options", {}))
            narratives.extend(stage(articles))
        except SpinscopeError as e:
            errors.append(StageError(spec["name"], e.code, e.message))
        except Exception as e:  # noqa: BLE001
            errors.append(StageError(spec["name"], E_STAGE_FAILED, repr(e)))
    return narratives, errors
