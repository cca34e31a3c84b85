"""Find alias-table surface forms in running text (an EntityRuler-like pass), with guards.

spaCy's small model misses many aliases ("Daesh", "IS") and mislabels others ("RT" as
GPE). This pass matches every surface form of the table, longest first, case-sensitively
(short all-caps forms must be written in capitals; names longer than four characters
also match in ALL CAPS). Aliases marked ``!`` in the table are ordinary words too and
pass only the guards of :func:`accept_ambiguous`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from ..nlp import upos
from .aliases import AliasEntry, AliasTable
from .names import POSITIVE_NEXT

if TYPE_CHECKING:
    from spacy.tokens import Doc

# POS tags that show an ambiguous short form is being used as an ordinary word
# ("IS" the verb, "US" the pronoun).
WORD_USE_POS = frozenset({"AUX", "VERB", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART", "ADV", "INTJ"})
# A line whose letters are at least this share upper-case, over at least this many
# words, is a shouting headline: "LET US PRAY" says nothing about the United States.
SHOUTING_UPPER_SHARE = 0.8
SHOUTING_MIN_WORDS = 3
# Words near an ambiguous media acronym that show it is the news outlet.
REPORTING_WORDS = frozenset(
    "told tells reported reports reporting said says according quoted quoting cited citing "
    "wrote writes interview report reporter correspondent agency news photo photograph".split())


@dataclass
class TableMatch:
    start: int
    end: int
    entry: AliasEntry
    ambiguous: bool


def _surface_pattern(surface: str) -> str:
    out = []
    for ch in surface:
        if ch.isspace():
            out.append(r"\s+")
        elif ch in "-\u2010\u2011\u2012\u2013\u2014":
            out.append(r"[-\u2010-\u2014\s]")
        elif ch in "'\u2019\u2018":
            out.append("['\u2019\u2018]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def match_key(text: str) -> str:
    """Case and dots kept; whitespace, hyphens and apostrophes normalised."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"[\u2010-\u2014]", "-", text)
    return re.sub(r"[\u2019\u2018]", "'", text)


class AliasMatcher:
    """One compiled regular expression over all surface forms of a table."""

    def __init__(self, table: AliasTable) -> None:
        self.by_surface: dict[str, tuple[AliasEntry, bool]] = {}
        for surface, entry, ambiguous in table.surface_forms():
            variants = [surface]
            if len(surface) > 4 and surface.upper() != surface:
                variants.append(surface.upper())
            for v in variants:
                key = match_key(v).replace("-", " ")
                # an unambiguous spelling never loses to an ambiguous one
                if key in self.by_surface and not self.by_surface[key][1] and ambiguous:
                    continue
                self.by_surface[key] = (entry, ambiguous)
                self.by_surface.setdefault(match_key(v), (entry, ambiguous))
        surfaces = sorted({s for s, _, _ in table.surface_forms()}
                          | {s.upper() for s, _, _ in table.surface_forms() if len(s) > 4},
                          key=len, reverse=True)
        body = "|".join(_surface_pattern(s) for s in surfaces)
        self.pattern = re.compile(rf"(?<![\w&@#/])(?:{body})(?![\w&@#/]|\.\w)")

    def find(self, text: str) -> list[TableMatch]:
        out: list[TableMatch] = []
        for m in self.pattern.finditer(text):
            key = match_key(m.group(0))
            hit = self.by_surface.get(key) or self.by_surface.get(key.replace("-", " "))
            if hit is None:
                continue
            out.append(TableMatch(m.start(), m.end(), hit[0], hit[1]))
        return out


_MATCHERS: dict[int, tuple[AliasTable, AliasMatcher]] = {}


def matcher_for(table: AliasTable) -> AliasMatcher:
    cached = _MATCHERS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = (table, AliasMatcher(table))
        _MATCHERS[id(table)] = cached
    return cached[1]


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, (len(text) if le == -1 else le)


@lru_cache(maxsize=8)
def judged_lines(text: str, judge: Callable[[str], bool]) -> tuple[list[int], list[bool]]:
    """Each line's start offset and ``judge(line)``, worked out once per text: asked per
    mention, a hostile one-line article of 200 KB would be read thousands of times over."""
    starts, flags, offset = [], [], 0
    for line in text.split("\n"):
        starts.append(offset)
        flags.append(judge(line))
        offset += len(line) + 1
    return starts, flags


def is_shouting(text: str, start: int, end: int) -> bool:
    """Is the line around ``start:end`` written in capitals (a headline, a slogan)?"""
    starts, flags = judged_lines(text, _shouting)
    i = bisect_right(starts, start) - 1
    if i + 1 == len(starts) or starts[i + 1] > end:  # (the span is inside one line)
        return flags[i]
    ls, le = _line_bounds(text, start, end)
    return _shouting(text[ls:le])


def _shouting(line: str) -> bool:
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < SHOUTING_MIN_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return bool(letters) and upper / len(letters) >= SHOUTING_UPPER_SHARE


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s\-]*([A-Za-z]+)", text[end:end + 40])
    return m.group(1).casefold() if m else ""


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s,]*$", text[max(0, start - 40):start])
    return m.group(1).casefold() if m else ""


def accept_ambiguous(text: str, match: TableMatch, doc: "Doc | None",
                     ner_labels: dict[tuple[int, int], str]) -> bool:
    """Guards for aliases that are also ordinary words; see the module docstring."""
    nxt = _next_word(text, match.end)
    if nxt in POSITIVE_NEXT:
        return True  # "IS militants", "US troops"
    if is_shouting(text, match.start, match.end):
        return False  # "LET US PRAY", "THE WAR IS OVER"
    if doc is None:
        return False  # no tagger: only the strongest context above is trusted
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    if any(upos(t) in WORD_USE_POS for t in span):
        # the small tagger calls "fought IS in" AUX; but the verb "is" never follows a
        # full verb or a preposition, nor ends a clause
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt_tok = doc[span.end] if span.end < len(doc) else None
        after_verb = prev is not None and (upos(prev) == "ADP" or (upos(prev) == "VERB" and prev.tag_ != "MD"))
        clause_end = nxt_tok is None or nxt_tok.is_punct
        if not (after_verb or clause_end) or prev is not None and upos(prev) in ("PRON", "DET"):
            return False
    if match.entry.label == "MEDIA":
        # "AP" is also a school course, a points system, ...: want a reporting context
        if ner_labels.get((match.start, match.end)) in ("ORG", "MEDIA"):
            return True
        sent_words = {t.lower_ for t in span.sent} if span.sent is not None else set()
        return _prev_word(text, match.start) in ("the", "by", "told") or bool(sent_words & REPORTING_WORDS)
    return True


def table_matches(text: str, table: AliasTable, doc: "Doc | None",
                  ner_labels: dict[tuple[int, int], str] | None = None) -> list[TableMatch]:
    """Accepted alias-table matches in ``text`` (guards applied)."""
    ner_labels = ner_labels or {}
    out = []
    for match in matcher_for(table).find(text):
        if match.ambiguous and not accept_ambiguous(text, match, doc, ner_labels):
            continue
        out.append(match)
    return out


def describe(match: TableMatch) -> dict[str, Any]:  # for debugging and docs examples
    return {"start": match.start, "end": match.end, "canonical": match.entry.canonical,
            "label": match.entry.label, "ambiguous": match.ambiguous}
