"""A minimal progress bar on standard error (only on a terminal, only after a delay)."""
from __future__ import annotations

import sys
import time
from typing import TextIO

# Batches shorter than this show no bar at all.
SHOW_AFTER_SECONDS = 2.0
REDRAW_EVERY_SECONDS = 0.2


class Progress:
    def __init__(self, total: int, label: str = "", stream: TextIO | None = None) -> None:
        self.total = max(total, 0)
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self.start = time.monotonic()
        self.last_draw = 0.0
        self.drawn = False
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < SHOW_AFTER_SECONDS or now - self.last_draw < REDRAW_EVERY_SECONDS:
            return
        self.last_draw = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        total = max(self.total, self.done)
        frac = self.done / total if total else 1.0
        width = 30
        bar = "#" * int(frac * width) + "-" * (width - int(frac * width))
        rate = self.done / max(now - self.start, 1e-9)
        left = (total - self.done) / rate if rate > 0 and total > self.done else 0.0
        eta = f" eta {int(left // 60)}:{int(left % 60):02d}" if left else ""
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{total} {rate:.1f}/s{eta}   ")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.enabled and self.drawn:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
