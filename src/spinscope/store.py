"""The embedded default store: SQLite, one writer (the main process).

Results are keyed by the input's content, its source and the pipeline's
fingerprint, so a crashed or interrupted batch resumes without redoing or
duplicating work: inputs already stored are loaded, the rest analysed.
Workers never write; the main process writes each result as it arrives
(datasette's single-writer model).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from .model import Article

DEFAULT_STORE = ".spinscope/store.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,          -- input key: content + source + pipeline fingerprint
    article_id TEXT NOT NULL,
    source TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    analysed_at REAL NOT NULL,
    article_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_article ON results(article_id);
CREATE TABLE IF NOT EXISTS rejected (
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    seen_at REAL NOT NULL,
    PRIMARY KEY (source, code)
);
"""


def input_key(article: Article, fingerprint: str) -> str:
    """Identifies one input as read, under one pipeline configuration."""
    h = hashlib.sha256()
    for part in (article.source, article.title or "", article.raw_text, article.outlet or "",
                 article.published or "", article.url or "", fingerprint):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


class Store:
    """A SQLite file of analysed articles and rejected inputs."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # With --workers N the input side (lookups, rejections) runs in the process pool's
        # feeder thread while results are written from the main thread: one connection,
        # shared under a lock.
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(SCHEMA)

    def get(self, key: str) -> Article | None:
        with self.lock:
            row = self.conn.execute("SELECT article_json FROM results WHERE key = ?", (key,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def put(self, key: str, article: Article, fingerprint: str) -> None:
        data = article.to_dict()
        # Articles whose stages failed are stored too (the failure is part of the
        # result), but are retried on the next run: see `get_reusable`.
        with self.lock:
            self.conn.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?)",
                (key, data["id"], article.source, fingerprint, time.time(), json.dumps(data)))
            self.conn.commit()

    def get_reusable(self, key: str) -> Article | None:
        """A stored result worth reusing (none when its stages had failed)."""
        article = self.get(key)
        if article is None or article.errors:
            return None
        return article

    def reject(self, source: str, code: str, reason: str, message: str) -> None:
        with self.lock:
            self.conn.execute("INSERT OR REPLACE INTO rejected VALUES (?, ?, ?, ?, ?)",
                              (source, code, reason, message, time.time()))
            self.conn.commit()

    def count(self) -> int:
        with self.lock:
            return int(self.conn.execute("SELECT count(*) FROM results").fetchone()[0])

    def articles(self) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.conn.execute("SELECT article_json FROM results ORDER BY analysed_at").fetchall()
        return [json.loads(r[0]) for r in rows]

    def close(self) -> None:
        with self.lock:
            self.conn.close()
