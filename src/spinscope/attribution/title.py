"""Attributed statements of a title (headline), offsets into the title.

The article's own extractor runs on the title twice: as published, and as a sentence
would be written (:func:`spinscope.headline.parser_case`: same length, so the offsets are
the same), because the parser reads a Title Case verb ("Journalist Claims ISIS ...") as a
name. Statements of the second reading are added where they do not overlap the first's.
One headline convention the body never uses is added on top: a role or a vague group,
a colon, then a clause ("Experts: US let Iron Dawn escape", "Officials: ...").
"""
from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from ..entities.names import ROLE_NOUNS, singular
from ..headline import parser_case
from ..model import Attribution, Span

# Heads of "Experts: ..."-style headline sources that are not roles of one person.
GROUP_SOURCES = frozenset("""
expert analyst official source insider critic witness observer scientist researcher study report poll
survey resident diplomat lawmaker doctor economist
""".split())
_DOCUMENT_SOURCES = frozenset("report study poll survey".split())
_COLON_HEADLINE = re.compile(
    r"^(?P<src>(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*)"
    r"(?:\s+to\s+(?P<medium>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}))?"  # "Sources to Al Mayadeen: ..."
    r"\s*(?P<cue>:)\s+(?P<content>\S.*\S)\s*$")
_MIN_CONTENT_WORDS = 4


def _restore(a: Attribution, title: str, cased: str) -> Attribution:
    """Spans and names found in the parser-cased title, written as the title has them."""
    def span(s: Span | None) -> Span | None:
        return None if s is None else Span.of(title, s.start, s.end)

    def name(value: str | None) -> str | None:
        if not value:
            return value
        i = cased.find(value)
        return title[i:i + len(value)] if i != -1 else value

    a.source, a.cue, a.medium_span = span(a.source), span(a.cue), span(a.medium_span)
    a.content = span(a.content)  # type: ignore[assignment]
    a.content_parts = [Span.of(title, p.start, p.end) for p in a.content_parts]
    a.speaker, a.speaker_description, a.medium = name(a.speaker), name(a.speaker_description), name(a.medium)
    return a


def _overlaps(a: Attribution, b: Attribution) -> bool:
    return a.content.start < b.content.end and b.content.start < a.content.end


def _colon_statement(title: str) -> Attribution | None:
    """ "Experts: US let Iron Dawn escape ..." -> source "Experts", cue ":", the clause;
    "Sources to Al Mayadeen: ..." -> also the medium."""
    m = _COLON_HEADLINE.match(title)
    if not m or len(m.group("content").split()) < _MIN_CONTENT_WORDS:
        return None
    head = m.group("src").split()[-1].casefold()
    base = singular(head)
    if base not in GROUP_SOURCES and base not in ROLE_NOUNS:
        return None  # "Paris Attacks: The Violence ...", "Abaaoud: Profile of ...": a topic, not a speaker
    words = m.group("src").split()
    if base in _DOCUMENT_SOURCES and len(words) > 1 and words[0].casefold() not in ("new", "latest", "leaked"):
        return None  # "FBI IG Report: A Slap On The Wrist": a named report is the topic ("Report: ..." speaks)
    plural = base != head
    a = Attribution(
        speaker=m.group("src"), speaker_description=None,
        source=Span.of(title, m.start("src"), m.end("src")),
        cue=Span.of(title, m.start("cue"), m.end("cue")),
        content=Span.of(title, m.start("content"), m.end("content")),
        kind="indirect", unnamed=plural or base in ("report", "study", "poll", "survey", "source"),
        flags=["headline"])
    if m.group("medium"):
        a.medium, a.medium_span = m.group("medium"), Span.of(title, m.start("medium"), m.end("medium"))
    return a


# "US weaponizing the dollar – Lavrov", "Flight MH370 'crashed in south Indian Ocean' - Malaysia PM",
# "Iran seized the tanker: report": the source after a dash or a colon at the end.
_TRAILING_SOURCE = re.compile(
    r"^(?P<content>\S.*?\S)\s*(?P<cue>[\u2013\u2014]|(?<=\s)-(?=\s)|:)\s*"
    r"(?P<src>[\w.\-\u2019']+(?:\s+[\w.\-\u2019']+){0,3})\s*$")
_QUOTES = "\"'\u2018\u2019\u201c\u201d"


def _match_source(pattern: re.Pattern, title: str, names: Collection[str]) -> tuple[re.Match, list[str], str, bool] | None:
    """A headline convention's match (a content of three words or more), the source's words,
    its singular head and whether the body names it."""
    m = pattern.match(title)
    if not m or len(m.group("content").split()) < 3:
        return None
    src = m.group("src")
    words = src.split()
    known = src in names or src.removeprefix("the ").removeprefix("The ") in names
    return m, words, singular(words[-1].strip(".").casefold()), known


def _trailing_statement(title: str, names: Collection[str]) -> Attribution | None:
    """A headline ending in its source: a role or group word ("report", "PM", "officials"), or
    a name the article's body has as an entity or speaker ("Lavrov", "Kremlin")."""
    found = _match_source(_TRAILING_SOURCE, title, names)
    if found is None:
        return None
    m, words, head, known = found
    if not (known or head in GROUP_SOURCES or head in ROLE_NOUNS or head in ("pm", "media", "sources")):
        return None
    if not (known or all(w[:1].isupper() or w.casefold() in ("of", "the", "and") for w in words[:-1])
            or len(words) == 1):
        return None  # (a lower-case group head after names is fine: "DPR officials", "US sources")
    return _headline_statement(title, m, known)


def _headline_statement(title: str, m: re.Match, known: bool) -> Attribution:
    """The statement of a headline convention matched by ``m`` (groups src, cue, content)."""
    words = m.group("src").split()
    head = singular(words[-1].strip(".").casefold())
    content = m.group("content")
    plural = head != words[-1].strip(".").casefold()
    return Attribution(
        speaker=m.group("src"), speaker_description=None, source=Span.of(title, m.start("src"), m.end("src")),
        cue=Span.of(title, m.start("cue"), m.end("cue")),
        content=Span.of(title, m.start("content"), m.end("content")),
        kind="direct" if content[:1] in _QUOTES and content[-1:] in _QUOTES else "indirect",
        unnamed=not known and (plural or head in ("report", "study", "poll", "survey", "source", "media")),
        flags=["headline"])


# "NATO preparing provocation in Black Sea, Russian expert warns": headlinese (no auxiliary),
# a comma, then a short source and a present-tense speech verb. The parser reads the part
# before the comma as an adverbial clause, so no statement is found there.
_COMMA_TAG = re.compile(
    r"^(?P<content>\S.*?\S),\s+(?P<src>[\w.\-\u2019']+(?:\s+[\w.\-\u2019']+){0,3}?)\s+"
    r"(?P<cue>(?:warn|say|claim|insist|argue|admit|suggest|reveal|believe|fear|predict|allege|charge|deny|"
    r"urge|write|note|stresse?|concede|declare|state)s?|denies|tells?\s+[\w\-]+|told\s+[\w\-]+|"
    r"said|warned|claimed)\s*$")


def _comma_tag_statement(title: str, names: Collection[str]) -> Attribution | None:
    found = _match_source(_COMMA_TAG, title, names)
    if found is None:
        return None
    m, words, head, known = found
    if not (known or head in GROUP_SOURCES or head in ROLE_NOUNS or words[-1][:1].isupper()):
        return None  # "..., the road warns": not a source
    cue_text = m.group("cue").split()
    medium = cue_text[1] if len(cue_text) == 2 and cue_text[1][:1].isupper() else None
    a = _headline_statement(title, m, known)
    if medium:
        i = m.end("cue") - len(medium)
        a.medium, a.medium_span = medium, Span.of(title, i, m.end("cue"))
    return a


def title_attributions(extractor: Any, title: str | None, keep: Collection[str] = (),
                       names: Collection[str] = ()) -> list[Attribution]:
    """Statements of ``title`` (offsets into it). ``keep``: names the body writes with a capital,
    left as written when the title is put in sentence case; ``names``: the body's entity and
    speaker names (a headline may end in its source: "... – Lavrov")."""
    if not title or not title.strip():
        return []
    found = list(extractor(title))
    cased = parser_case(title, keep)
    if cased != title:
        for a in extractor(cased):
            a = _restore(a, title, cased)
            if not any(_overlaps(a, b) for b in found):
                found.append(a)
    colon = _colon_statement(title)
    if colon is not None and not any(_overlaps(colon, b) for b in found):
        found.append(colon)
    tagged = _comma_tag_statement(title, names)
    if tagged is not None and not any(_overlaps(tagged, b) for b in found):
        found.append(tagged)
    trailing = _trailing_statement(title, names)
    if trailing is not None:
        # the whole headline is the statement: a reading of its first part alone loses to it
        found = [b for b in found if not (trailing.content.start <= b.content.start
                                          and b.content.end <= trailing.content.end)]
        found.append(trailing)
    return sorted(found, key=lambda a: a.content.start)


_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][\w\-]*(?:['\u2019]s)?")


def body_names(text: str, entity_texts: Collection[str] = ()) -> set[str]:
    """Words the body writes with a capital inside a sentence (names), and the words of its
    entity mentions: what a Title Case title keeps capitalised."""
    keep = {re.sub(r"['\u2019]s$", "", w) for w in _CAPITALISED.findall(text)}
    for t in entity_texts:
        keep.update(re.findall(r"[\w\-]+", t))
    return keep
