"""Helpers for analysing an article's title (headline) with the body's tools.

Headlines are often written in Title Case ("Journalist Claims ISIS Given Escape Route From
Mosul"), which makes a parser trained on running text read every word as a name: "Claims"
becomes a proper noun and the statement is lost. :func:`parser_case` writes such a title
the way a sentence would be written (names kept), *character for character the same
length*, so every offset found in it is an offset into the title as published.
"""
from __future__ import annotations

import re
from collections.abc import Collection

# Words a Title Case headline leaves in lower case ("Escape Route From Mosul to Syria").
MINOR_WORDS = frozenset("""
a an the and or nor but of in on at to for from by with as vs via into onto over under up off out
is are was were be per than so if
""".split())
# At least this share of the headline's words (minor words aside) start with a capital,
# over at least this many words, for the title to count as Title Case.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
# After these a new clause starts ("Experts: US let ...", "Shock! Police ..."): its first
# word keeps its capital.
_CLAUSE_BREAK = re.compile(r"[:!?\u2014\u2013]\s*[\"'\u2018\u201c]?$|(?:^|\s)-\s+$|^[\"'\u2018\u201c]$")

# Words of a section name after a title's separator ("| Blog Posts", "— World News"), not a site's name.
SECTION_WORDS = frozenset("blog blogs post posts news world opinion opinions home latest video videos politics "
                          "business sport sports analysis comment features feature article articles the and & "
                          "live updates".split())


def is_section_name(site: str) -> bool:
    """Whether a title's site suffix is a section of a site ("World News"), not the site ("RT World News")."""
    return set(site.casefold().split()) <= SECTION_WORDS


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_title_case(title: str) -> bool:
    """Is ``title`` written in Title Case (most content words capitalised)?"""
    content = [w for w in words(title) if w.casefold() not in MINOR_WORDS]
    if len(content) < TITLE_CASE_MIN_WORDS:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= TITLE_CASE_SHARE and not title.isupper()


def parser_case(title: str, keep: Collection[str] = ()) -> str:
    """``title`` with its Title Case words lower-cased, as a sentence would be written.

    Kept as written: the first word of the title and of each clause (after a colon, a dash,
    a quotation mark), words in capitals or with inner capitals ("ISIS", "McLeish"), and
    every word in ``keep`` (the names the article's body uses). A title that is not Title
    Case is returned unchanged. The result has the same length as ``title``, character for
    character, so offsets found in it are offsets into ``title``.
    """
    if not is_title_case(title):
        return title
    out = list(title)
    for m in _WORD.finditer(title):
        w = m.group(0)
        if not w[0].isupper() or w[1:] != w[1:].lower() or w in keep:
            continue
        stem = re.sub(r"['\u2019]s$", "", w)
        if stem in keep:
            continue
        before = title[:m.start()].rstrip(" ")
        if not before or _CLAUSE_BREAK.search(title[:m.start()]) or before.endswith((":", "!", "?")):
            continue
        low = w.lower()
        if len(low) == len(w):  # never change the length (a few letters lower-case to two)
            out[m.start():m.end()] = low
    return "".join(out)
