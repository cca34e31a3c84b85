"""Find quoted regions in raw text, straight or typographic, across paragraphs.

A quotation that runs over several paragraphs opens each paragraph and closes only
in the last one (the newspaper convention); such a chain becomes one region. A quote
mark that cannot be paired is reported, and only the paragraph it sits in is
affected: its region runs to the end of that paragraph and is flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
DOUBLE_APOS = "''"  # two apostrophes used as a double quote
_PARA = re.compile(r"[^\n]+")


@dataclass
class QuoteRegion:
    """Character span of a quotation including its quote marks."""

    start: int
    end: int
    balanced: bool = True


def _paragraph_marks(text: str, start: int, end: int) -> list[tuple[int, str, int]]:
    """Quote marks in text[start:end] as (offset, 'open'|'close', length).

    Two apostrophes (the New York Times convention in PolNeAR) count as one straight
    double quote; in a run of three while a quote is open, the first apostrophe closes
    an inner single quote and the pair closes the outer one.
    """
    marks: list[tuple[int, str, int]] = []
    straight_open = False
    typo_depth = 0  # typographic marks open in this paragraph
    i = start
    while i < end:
        ch = text[i]
        n = 1
        if ch in OPENERS:
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if ch == "“" and typo_depth > 0 and not prev.isspace() and prev not in "([{—–-" and (
                    nxt.isspace() or nxt in ",.;:!?)"):
                # “ glued to the end of a quotation closes it: German „…“, and the common
                # typo “It's unusual,“ said Noble.
                marks.append((i, "close", 1))
                typo_depth -= 1
            else:
                marks.append((i, "open", 1))
                typo_depth += 1
        elif ch in CLOSERS:
            marks.append((i, "close", 1))
            typo_depth = max(typo_depth - 1, 0)
        elif ch == STRAIGHT or text.startswith(DOUBLE_APOS, i):
            if ch == "'":
                n = 2
                if straight_open and text.startswith(DOUBLE_APOS + "'", i):
                    i += 1  # inner single quote, then the closing pair
            # Straight quotes alternate; a mark glued to a following word opens.
            prev = text[i - 1] if i > start else " "
            nxt = text[i + n] if i + n < end else " "
            if not straight_open and (prev.isspace() or prev in "([{—–-:" or not nxt.isspace()):
                marks.append((i, "open", n))
                straight_open = True
            else:
                marks.append((i, "close", n))
                straight_open = False
        i += n
    return marks


def find_quotes(text: str) -> list[QuoteRegion]:
    """Quoted regions of ``text`` (sorted, non-overlapping, outermost only)."""
    regions: list[QuoteRegion] = []
    carry_start: int | None = None  # an open quote continuing from the previous paragraph
    paragraphs = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    for pi, (ps, pe) in enumerate(paragraphs):
        marks = _paragraph_marks(text, ps, pe)
        depth = 0
        open_at: int | None = None
        if carry_start is not None:
            # The continuation paragraph normally re-opens with a mark at its start.
            if marks and marks[0][1] == "open" and marks[0][0] - ps <= 1:
                marks = marks[1:]
            depth, open_at = 1, carry_start
            carry_start = None
        for off, kind, n in marks:
            if kind == "open":
                if depth == 0:
                    open_at = off
                depth += 1
            else:
                if depth == 0:
                    continue  # stray closer: ignore
                depth -= 1
                if depth == 0 and open_at is not None:
                    regions.append(QuoteRegion(open_at, off + n))
                    open_at = None
        if depth > 0 and open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and (text[nxt[0]:nxt[0] + 1] in OPENERS + STRAIGHT
                                    or text.startswith(DOUBLE_APOS, nxt[0])):
                carry_start = open_at  # multi-paragraph quotation
            else:
                regions.append(QuoteRegion(open_at, pe, balanced=False))
        if carry_start is None:
            taken = [(r.start, r.end) for r in regions if r.end > ps]
            regions.extend(_single_quotes(text, ps, pe, taken))
    regions.sort(key=lambda r: r.start)
    return regions


# Typographic single quotes as the quotation marks (British style: ‘We will not surrender,’ says
# Ivanov). ’ is also the apostrophe, so a pair counts only when ‘ opens at a word start and ’
# closes after a sentence mark (‘…,’ ‘…?’) or right before punctuation or the line end
# (…‘stable’.): not in "don’t", "the players’ union" or a scare quote mid-sentence.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[{\u2014\u2013:-]))\u2018(?=\S)")
_SINGLE_CLOSE = re.compile(r"(?<=[,.!?\u2026])\u2019|(?<=\S)\u2019(?=[,.;:!?)\]]|\s*$)")


# The same with straight apostrophes, as British copy often types them ('If the Americans walk
# away, Putin will conclude ...,' he said.): never next to another apostrophe ('' is a double
# quote), and only in a paragraph without typographic single quotes.
_STRAIGHT_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[{\u2014\u2013:-]))'(?=[^\s'])")
_STRAIGHT_SINGLE_CLOSE = re.compile(r"(?<=[,.!?\u2026])'(?!')|(?<=[^\s'])'(?=[,.;:!?)\]]|\s*$)")


def _single_quotes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[QuoteRegion]:
    """Balanced ‘…’ quotations in one paragraph, outside the double-quoted regions (or '…'
    where the paragraph has no typographic single quote)."""
    out: list[QuoteRegion] = []
    para = text[start:end]
    opener, closer = _SINGLE_OPEN, _SINGLE_CLOSE
    if "\u2018" not in para and "\u2019" not in para and "''" not in para:
        opener, closer = _STRAIGHT_SINGLE_OPEN, _STRAIGHT_SINGLE_CLOSE
    pos = 0
    while True:
        m = opener.search(para, pos)
        if m is None:
            break
        c = closer.search(para, m.end())
        nxt_open = opener.search(para, m.end())
        if c is None or (nxt_open is not None and nxt_open.start() < c.start()):
            pos = m.end()  # unpaired: an apostrophe or a scare quote, not a quotation
            continue
        s, e = start + m.start(), start + c.end()
        if not any(a < e and s < b for a, b in taken):
            out.append(QuoteRegion(s, e))
        pos = c.end()
    return out
