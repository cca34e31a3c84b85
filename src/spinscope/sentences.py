"""Cheap, dependency-free sentence boundaries, shared by the attribution extractor (which
parses sentence by sentence) and the technique model (trained on PTC's one sentence a line).

A sentence ends at end punctuation (optionally a closing quote) followed by space and a
capital, quote, bracket or digit, or at a line break; not after a known abbreviation or a
single capital initial ("Mr.", "U.S.", "John F. Kennedy"), and not before a speech tag that
belongs to the quoted sentence ('“Why?” Trump asked.'); an ellipsis ends one only before an
opening quotation ('... leaving the city … "This is a deliberate policy," the general said'; not
'“plunged the stadium into silence … At half-time, ...”', where the quotation goes on).
"""
from __future__ import annotations

import re

SENT_END = re.compile(r"(?:\u2026(?=\s+[\"\u201c])|[.!?]+)(?:'''|''|[\"”’'])?(?=\s+[\"“‘'(\[A-Z0-9])|\n+")
ABBREV = frozenset("""mr mrs ms dr sen rep gov gen lt col sgt st jr sr prof no vs u.s
u.n u.k e.g i.e inc corp co ltd pres sept oct nov dec jan feb aug gen adm rev fig est
maj brig capt cmdr cpl pvt supt insp det amb hon messrs""".split())
_WORD = re.compile(r"[A-Za-z]+")
# What follows a clock time in the same sentence: a time zone ("PT", "GMT", "AEST") or a day or month
_AFTER_CLOCK = re.compile(r"\s+(?:[A-Z]{1,3}[SD]?T|GMT|UTC|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|"
                          r"March|April|May|June|July|August|September|October|November|December)\b")
# A speech tag right after a closing quote: up to five words, a common speech verb, at most
# five more words, then punctuation ('“Why?” Trump asked, smiling.'; not '” The mayor insisted the ...').
SPEECH_TAG = re.compile(
    r"\s+(?:[\w.'’-]+,?\s+){0,5}?(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|explained|noted|"
    r"continued|recalled|replied|responded|insisted|argued|stated|declared|shouted|joked|quipped|concluded|"
    r"warned|claimed|exclaimed|remarked|observed|countered|tweeted)(?:\s+[\w’'-]+){0,5}?\s*[,.;!?]")


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (with or without its dot) is an abbreviation no sentence ends at:
    "Mr.", "U.S", "Lt.-Gen." (the part after the last hyphen counts)."""
    return word.rsplit("-", 1)[-1].rstrip(".").lower() in ABBREV


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as (start, end) character offsets, surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENT_END.finditer(text):
        end = m.end()
        if m.group().startswith("."):
            w = _WORD.findall(text[max(start, m.start() - 12):m.start() + 1])
            before = text[max(start, m.start() - 6):m.start()].lower().split()
            last = before[-1] if before else ""
            if is_abbreviation(last) or (len(w) and len(w[-1]) == 1 and w[-1].isupper()):
                continue
            if last.endswith(("a.m", "p.m")) and _AFTER_CLOCK.match(text, m.end()):
                continue  # "just after 2 p.m. PT, saying ...", "at 9 a.m. Friday"
        if m.group()[-1:] in "\"”’'" and SPEECH_TAG.match(text, end):
            continue  # '“Why?” Trump asked.': the tag belongs to the quoted sentence
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def one_sentence_per_line(text: str) -> str:
    """``text`` with a line break at every sentence boundary inside a line, same length and offsets.

    The whitespace character right after a sentence that another follows on the same line
    becomes ``\\n``; everything else is untouched, so any offset into the result is an offset
    into ``text``. Models trained on one sentence a line (PTC) see real news's paragraphs so.
    """
    chars = None
    spans = sentence_spans(text)
    for (_s, e), (s2, _e2) in zip(spans, spans[1:]):
        gap = text[e:s2]
        if "\n" in gap or not gap:
            continue
        if chars is None:
            chars = list(text)
        chars[e] = "\n"
    return text if chars is None else "".join(chars)
