"""Read inputs (files, directories, JSON Lines, standard input) into Articles.

Every input yields either an :class:`Article` or an :class:`InputRejected`
carrying a specific reason; one bad input never stops the others.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator
from urllib.parse import urlparse

from ..errors import (E_BAD_JSONL, E_EMPTY, E_NOT_FOUND, E_TOO_LARGE,
                      E_UNREADABLE, InputRejected)
from ..clean.cleaner import too_long_for_a_title
from ..model import Article
from .decode import decode_bytes
from .html import article_from_html, looks_like_html

# Default per-input size limit; hostile inputs can be huge. Override with
# --max-bytes or SPINSCOPE_MAX_BYTES.
DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Pages saved from dynamic sites keep their script's suffix ("story.php", "article.aspx"): HTML
# by content (sniffed like any file without a text suffix).
WEB_PAGE_SUFFIXES = {".php", ".asp", ".aspx", ".jsp", ".cfm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WEB_PAGE_SUFFIXES
# Sidecar metadata for plain-text files: article.txt + article.meta.json
SIDECAR_SUFFIX = ".meta.json"
ISO_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass
class IngestOptions:
    """Options for reading inputs."""

    max_bytes: int = DEFAULT_MAX_BYTES
    outlet: str | None = None  # force an outlet name for all inputs

    @classmethod
    def from_env(cls, **overrides: object) -> "IngestOptions":
        opts = cls()
        env = os.environ.get("SPINSCOPE_MAX_BYTES")
        if env and env.isdigit():
            opts.max_bytes = int(env)
        for k, v in overrides.items():
            if v is not None:
                setattr(opts, k, v)
        return opts


Item = Article | InputRejected


def expand_paths(paths: list[str], skipped: list[str] | None = None) -> Iterator[str]:
    """Files named directly, and files with known suffixes found under directories (sorted).

    Files a folder holds with other suffixes are appended to ``skipped`` when it is given, so
    that a command can say what it left out; hidden files, ``.meta.json`` sidecars and READMEs
    are passed over without a word (they are never articles)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                        continue
                    if name.lower().startswith("readme"):
                        continue  # a corpus's README is documentation, not an article
                    if Path(name).suffix.lower() in KNOWN_SUFFIXES:
                        yield str(Path(root) / name)
                    elif skipped is not None:
                        skipped.append(str(Path(root) / name))  # images, PDFs, .ann files, ...
        else:
            yield p


def describe_skipped(skipped: list[str]) -> str:
    """'3 files (2 .png, 1 without suffix)': the files of folders that were not read."""
    kinds = Counter(Path(s).suffix.lower() or "without suffix" for s in skipped)
    n = len(skipped)
    return (f"{n} file{'s' if n != 1 else ''} ("
            + ", ".join(f"{c} {k}" for k, c in kinds.most_common()) + ")")


def read_inputs(paths: list[str], options: IngestOptions | None = None,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Stream Articles (or rejections) from paths; ``-`` reads standard input."""
    options = options or IngestOptions.from_env()
    for p in expand_paths(paths):
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                yield InputRejected(E_TOO_LARGE, f"standard input is over the size limit of "
                                    f"{options.max_bytes:,} bytes (--max-bytes)", "<stdin>")
                continue
            yield from _from_bytes(data, "<stdin>", None, options)
            continue
        yield from read_path(Path(p), options)


def read_path(path: Path, options: IngestOptions) -> Iterator[Item]:
    source = str(path)
    if not path.exists():
        yield InputRejected(E_NOT_FOUND, "a symbolic link to nothing (its target is missing, or it "
                            "links back to itself)" if path.is_symlink() else "no such file or directory",
                            source)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, options)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield InputRejected(E_TOO_LARGE, f"{size:,} bytes is over the size limit of "
                                f"{options.max_bytes:,} bytes (raise it with --max-bytes)", source)
            return
        with path.open("rb") as f:
            data = f.read()
    except (PermissionError, IsADirectoryError, OSError) as e:
        yield InputRejected(E_UNREADABLE, f"cannot read: {e.strerror or e}", source)
        return
    yield from _from_bytes(data, source, path, options)


def _from_bytes(data: bytes, source: str, path: Path | None, options: IngestOptions) -> Iterator[Item]:
    try:
        decoded = decode_bytes(data, source)
    except InputRejected as e:
        yield e
        return
    text = decoded.text
    suffix = path.suffix.lower() if path else ""
    try:
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
            article = article_from_html(text, source)
        elif path is None and _looks_like_jsonl(text):
            yield from _jsonl_lines(text.splitlines(), source, options)
            return
        else:
            article = article_from_text(text, source)
    except InputRejected as e:
        yield e
        return
    article.meta["encoding"] = decoded.encoding
    if path is not None:
        _apply_sidecar(article, path)
        if not article.published:
            m = ISO_DATE_IN_NAME.search(path.name)
            if m:
                article.published = m.group(0)
                article.meta["published_from"] = "file name"
    if options.outlet:
        article.outlet = options.outlet
    yield article


def article_from_text(text: str, source: str) -> Article:
    """Plain text: the first non-empty line is the title, the rest is the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            title: str | None = " ".join(line.split())
            body = "\n".join(lines[i + 1:])
            break
    else:  # pragma: no cover - decode_bytes rejects blank input
        raise InputRejected(E_EMPTY, "the input has no text", source)
    if not body.strip() or too_long_for_a_title(title):
        # a one-paragraph paste, or a first line that is a long sentence: no headline to split
        # off; the cleaner decides (and keeps the text)
        title, body = None, "\n".join(lines[i:])
    return Article(source=source, title=title, raw_text=body, input_format="text")


def _apply_sidecar(article: Article, path: Path) -> None:
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if sidecar is None or not sidecar.is_file():
        return
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        article.meta["sidecar_error"] = f"{sidecar.name}: {e}"
        return
    _apply_metadata(article, meta)


def _apply_metadata(article: Article, meta: dict) -> None:
    for key in ("title", "outlet", "published", "url"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            setattr(article, key, value.strip())
    if isinstance(meta.get("authors"), list):
        article.authors = [str(a) for a in meta["authors"]]
    if article.published:
        article.published = normalise_date(article.published)
    if not article.outlet and article.url:
        article.outlet = outlet_from_url(article.url)


def normalise_date(value: str) -> str | None:
    """ISO 8601 date (YYYY-MM-DD) from a date or datetime string, else None."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return "-".join(m.groups())
    m = re.match(r"\s*(\d{1,2})[./](\d{1,2})[./](\d{4})", value)  # dd.mm.yyyy
    if m:
        d, mo, y = m.groups()
        return f"{y}-{int(mo):02d}-{int(d):02d}"
    try:
        from dateutil import parser as dparser  # type: ignore[import-untyped]

        return dparser.parse(value).date().isoformat()
    except Exception:  # noqa: BLE001 - unparseable dates become null, recorded by caller
        return None


def outlet_from_url(url: str) -> str | None:
    host = urlparse(url).hostname or ""
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[Item]:
    source = str(path)
    try:
        f = path.open("rb")
    except OSError as e:
        yield InputRejected(E_UNREADABLE, f"cannot read: {e.strerror or e}", source)
        return
    with f:
        def lines() -> Iterator[str]:
            for raw in f:
                if len(raw) > options.max_bytes:
                    yield "\x00TOO_LARGE"
                    continue
                try:
                    yield raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    yield "\x00UNDECODABLE"
        yield from _jsonl_lines(lines(), source, options)


def _jsonl_lines(lines, source: str, options: IngestOptions) -> Iterator[Item]:
    for n, line in enumerate(lines, start=1):
        where = f"{source}:{n}"
        if not line.strip():
            continue
        if line == "\x00TOO_LARGE":
            yield InputRejected(E_TOO_LARGE, f"line is over the size limit of {options.max_bytes:,} bytes", where)
            continue
        if line == "\x00UNDECODABLE":
            yield InputRejected(E_BAD_JSONL, "line is not valid UTF-8", where)
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield InputRejected(E_BAD_JSONL, f"not valid JSON ({e.msg} at column {e.colno})", where)
            continue
        if not isinstance(obj, dict):
            yield InputRejected(E_BAD_JSONL, "a line must be a JSON object with 'text' or 'html'", where)
            continue
        text, html = obj.get("text"), obj.get("html")
        try:
            if isinstance(html, str) and html.strip():
                article = article_from_html(html, where)
            elif isinstance(text, str) and text.strip():
                article = Article(source=where, raw_text=text, input_format="jsonl")
            else:
                raise InputRejected(E_EMPTY, "the line has no non-empty 'text' or 'html' field", where)
        except InputRejected as e:
            yield e
            continue
        if obj.get("id") is not None:
            article.meta["input_id"] = str(obj["id"])
        _apply_metadata(article, obj)
        if options.outlet:
            article.outlet = options.outlet
        article.meta["encoding"] = "utf-8"
        yield article
