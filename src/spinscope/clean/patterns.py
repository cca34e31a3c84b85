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


def _first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a match of ``pattern`` can start with (case-folded), or None when any can.

    Read from the parsed regex (``re._parser``): literals, classes, branches, groups and
    optional repeats; anything else (``.``, negated classes, categories, backrefs) gives
    None. The answer is a superset, so skipping a rule whose set lacks the line's first
    character never changes which rule matches first. Any failure also gives None.
    """
    try:
        from re import _parser  # private but stable since 3.11; failure -> no index
        tree = _parser.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - any problem only disables the speed-up
        return None

    def seq(items) -> tuple[set[str] | None, bool]:
        out: set[str] | None = set()
        for item in items:
            first, nullable = one(item)
            out = None if out is None or first is None else out | first
            if not nullable:
                return out, False
        return out, True

    def one(item) -> tuple[set[str] | None, bool]:
        op, av = item
        name = str(op)
        if name == "LITERAL":
            return {chr(av)}, False
        if name == "IN":
            chars: set[str] = set()
            for sub_op, sub_av in av:
                sub = str(sub_op)
                if sub == "LITERAL":
                    chars.add(chr(sub_av))
                elif sub == "RANGE" and sub_av[1] - sub_av[0] <= 256:
                    chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
                elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_DIGIT":
                    chars.update("0123456789")  # plus non-ASCII digits: those lines get every rule
                elif sub == "CATEGORY" and str(sub_av) == "CATEGORY_SPACE":
                    chars.update(" \t\n\r\f\v")
                else:
                    return None, False
            return chars, False
        if name == "BRANCH":
            out: set[str] | None = set()
            nullable = False
            for branch in av[1]:
                first, n = seq(branch)
                out = None if out is None or first is None else out | first
                nullable = nullable or n
            return out, nullable
        if name == "SUBPATTERN":
            return seq(av[-1])
        if name == "ATOMIC_GROUP":
            return seq(av)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            first, n = seq(av[2])
            return first, n or av[0] == 0
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return set(), True
        return None, False

    try:
        first, _ = seq(tree)
    except Exception:  # noqa: BLE001
        return None
    if first is None:
        return None
    # Only ASCII keys are looked up (a line starting with a non-ASCII character gets every rule).
    return frozenset(k for k in (c.casefold()[0] for c in first) if k.isascii())


class RuleIndex:
    """Rules in order, indexed by the (ASCII, case-folded) first character a match can start with.

    About 150 rules are tried on every line; most fail on the first character, but a Python
    call per rule per line is most of the cleaner's time. ``candidates(line)`` keeps only the
    rules that can start with the line's first character, in the original order, so the
    first matching rule is the same as with the full list. Lines starting with a non-ASCII
    character get the full list.
    """

    def __init__(self, rules: tuple[DebrisPattern, ...]) -> None:
        self.rules = rules
        firsts = [_first_chars(r.regex.pattern) for r in rules]
        self._by_char = {
            chr(c): tuple(r for r, f in zip(rules, firsts) if f is None or chr(c) in f)
            for c in range(128)
        }

    def candidates(self, line: str) -> tuple[DebrisPattern, ...]:
        if not line:
            return self.rules
        c = line[0]
        if not c.isascii():
            return self.rules
        return self._by_char[c.casefold()]


def match_line(line: str, rules: tuple[DebrisPattern, ...], max_chars: int) -> tuple[DebrisPattern, re.Match[str]] | None:
    """The first rule whose regex matches the whole line, with its match; None if none does."""
    if len(line) > max_chars:
        return None
    for rule in rules:
        m = rule.regex.fullmatch(line)
        if m:
            return rule, m
    return None
