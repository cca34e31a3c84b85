"""Known boilerplate families: named, documented regex rules read from a data file.

The built-in rules live in ``spinscope/data/debris_patterns.txt`` (its header
documents the format); users add their own file with the same format through the
stage option ``extra_patterns``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import SpinscopeError

REASONS = (
    "share_prompt", "related_teaser", "comment_form", "caption", "credit", "repeated_title",
    "newsletter", "cookie_notice", "advertisement", "navigation", "byline", "tags",
    "copyright", "repost_note", "forum_signature", "other",
)
STRENGTHS = ("strong", "weak", "trailing")
from ..errors import E_BAD_PATTERN_FILE as E_BAD_PATTERN


@dataclass(frozen=True)
class DebrisPattern:
    """One boilerplate rule: a whole-line regex with a reason and a strength."""

    reason: str
    strength: str  # strong | weak | trailing
    regex: re.Pattern[str]
    origin: str  # "file:line", for error messages and docs

    @property
    def trailing(self) -> bool:
        return self.strength == "trailing"

    @property
    def weak(self) -> bool:
        return self.strength == "weak"


def parse_patterns(text: str, origin: str = "<string>") -> list[DebrisPattern]:
    """Parse rules in the ``REASON STRENGTH REGEX`` format (``#`` starts a comment line).

    Raises:
        SpinscopeError: on an unknown reason or strength, or a regex that does not compile.
    """
    rules: list[DebrisPattern] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        where = f"{origin}:{n}"
        if len(parts) != 3:
            raise SpinscopeError(E_BAD_PATTERN, f"{where}: expected 'REASON STRENGTH REGEX', got {line!r}")
        reason, strength, expr = parts
        if reason not in REASONS:
            raise SpinscopeError(E_BAD_PATTERN, f"{where}: unknown reason {reason!r}; use one of {', '.join(REASONS)}")
        if strength not in STRENGTHS:
            raise SpinscopeError(E_BAD_PATTERN, f"{where}: unknown strength {strength!r}; use strong, weak or trailing")
        try:
            regex = re.compile(expr, re.IGNORECASE)
        except re.error as e:
            raise SpinscopeError(E_BAD_PATTERN, f"{where}: bad regex: {e}") from e
        rules.append(DebrisPattern(reason, strength, regex, where))
    return rules


@lru_cache(maxsize=1)
def builtin_patterns() -> tuple[DebrisPattern, ...]:
    """The rules shipped with spinscope."""
    text = resources.files("spinscope").joinpath("data/debris_patterns.txt").read_text(encoding="utf-8")
    return tuple(parse_patterns(text, "debris_patterns.txt"))


def load_patterns(extra: str | Path | None = None) -> tuple[DebrisPattern, ...]:
    """Built-in rules followed by the rules in ``extra`` (a file path), if given."""
    rules = builtin_patterns()
    if extra:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise SpinscopeError(E_BAD_PATTERN, f"cannot read pattern file {path}: {e}") from e
        # User rules first: a user's specific rule should win over a generic built-in one.
        rules = tuple(parse_patterns(text, str(path))) + rules
    return rules


def match_line(line: str, rules: tuple[DebrisPattern, ...], max_chars: int) -> tuple[DebrisPattern, re.Match[str]] | None:
    """The first rule whose regex matches the whole line, with its match; None if none does."""
    if len(line) > max_chars:
        return None
    for rule in rules:
        m = rule.regex.fullmatch(line)
        if m:
            return rule, m
    return None
