"""Line-level features used by the cleaning cascade: sentence shape, dates, credits.

Everything here looks at one normalised line. Thresholds are named constants
with the reason they have the value they have.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A real sentence has at least this many words: "He said no." is 3 words, but
# one- to three-word lines ending in a period are mostly chrome ("Log in.", "Read more.").
MIN_SENTENCE_WORDS = 4
# A sentence that long anchors the article body: debris clusters lie before the first
# and after the last anchor (trafilatura's "main text" intuition for plain text).
ANCHOR_MIN_CHARS = 80
# Lines up to this long (and not sentences) are "suspect" near debris clusters.
SUSPECT_MAX_CHARS = 120
# A photo credit is a name or an agency, not prose.
CREDIT_MAX_WORDS = 10
CREDIT_MAX_CHARS = 90
# Captions are short; a longer line is prose even when it carries a credit marker.
CAPTION_MAX_CHARS = 400

_CLOSERS = "\"'”’»)]*"
_TERMINAL = re.compile(r"[.!?…](?:[" + re.escape(_CLOSERS) + r"]*)$|[”\"»](?:[)\]]*)$")
_WORD = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)

MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A caption's dateline ending: "... Iraq November 2, 2016", "... on 2 November 2016", "... in 2016".
DATE_END = re.compile(
    r"(?:\b" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH
    + r",?\s+\d{4}|\b" + MONTH + r",?\s+\d{4}|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}/\d{2,4})\.?$",
    re.IGNORECASE)


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def ends_like_sentence(line: str) -> bool:
    """Ends with . ! ? … (optionally inside closing quotes/brackets) or with a closing quote."""
    return bool(_TERMINAL.search(line))


@lru_cache(maxsize=8192)
def is_sentence(line: str) -> bool:
    """A real sentence: enough words, some lower-case ones (prose, not a headline), and a
    sentence ending. Such a line is never removed by a weak rule or a position heuristic."""
    ws = words(line)
    if len(ws) < MIN_SENTENCE_WORDS or not ends_like_sentence(line):
        return False
    lower = sum(1 for w in ws if w[0].islower())
    return lower >= 1


def is_anchor(line: str) -> bool:
    return len(line) >= ANCHOR_MIN_CHARS and is_sentence(line)


_BULLET = re.compile(r"^[*•·▪‣◦-]\s+\S")


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_suspect(line: str) -> bool:
    """Short and not a sentence: a heading, a teaser title, a menu entry or a widget label."""
    return len(line) <= SUSPECT_MAX_CHARS and not is_sentence(line)


def ends_with_date(line: str) -> bool:
    return bool(DATE_END.search(line))


@dataclass
class CaptionParts:
    """A line split into a photo caption and/or a credit (either may be empty)."""

    caption: str
    credit: str


# Labels that introduce a credit ("Photograph: Name/Agency") - case-sensitive on purpose:
# "photo:" in running prose is rarer in capitalised form at these positions.
_CREDIT_LABEL = re.compile(
    r"(?:^|(?<=[\s.(\[|]))(?P<label>PHOTOGRAPH|Photograph|PHOTOS?|Photos?|Photo credit|PHOTO CREDIT|IMAGE|"
    r"Image credit|Image source|Image copyright|Picture|PICTURE|Credit|CREDIT|Featured image|Header image|"
    r"Top image|Main image|Illustration|Foto)\s*:\s*")
# Agency/photographer credits that end a caption: "REUTERS/Kevin Lamarque", "(AP Photo/Evan Vucci)".
_AGENCIES = (r"REUTERS|Reuters|AP Photo|AP|AFP|Getty Images|EPA-EFE|EPA|ANADOLU AGENCY|Anadolu Agency|Anadolu|"
             r"Sputnik|TASS|RIA Novosti|Xinhua|SANA|UPI|Bloomberg|Shutterstock|Wikimedia Commons|Wikimedia|"
             r"Flickr|Pixabay|Unsplash|Pool|NurPhoto|SOPA Images|Zuma Press|ZUMA|PA|PA Images|Handout")
_AGENCY_END = re.compile(
    r"\s*(?P<credit>[(\[]?\s*(?:©\s*)?(?:(?:" + _AGENCIES + r")(?:\s*/\s*[\w.'’ -]{2,40}){1,3}|"
    r"[\w.'’ -]{2,40}(?:\s*/\s*(?:" + _AGENCIES + r"))(?:\s*/\s*[\w.'’ -]{2,40})?|"
    r"(?:" + _AGENCIES + r")\s+(?:via|for)\s+(?:" + _AGENCIES + r"))\s*[)\]]?)\.?$")
# A whole line that is only a credit: "Getty Images", "© Sputnik / Ramil Sitdikov", "Photo by X/AFP".
_CREDIT_ONLY = re.compile(
    r"(?:©\s*)?(?:" + _AGENCIES + r")(?:\s*/\s*[\w.'’ -]{2,40}){0,3}|"
    r"(?:photo|image|picture|photograph)s?\s+(?:by|courtesy(?: of)?|via|from)\s+.{2,80}",
    re.IGNORECASE)
_CAPTION_PREFIX = re.compile(
    r"(?:(?P<bbc>image caption|image copyright|media caption)\s*[:\-–—]?|"
    r"(?P<label>caption|file photo|file picture|file)\s*[:\-–—])\s+", re.IGNORECASE)


# Credits name people and agencies; lower-case words are only linkers ("via", "courtesy of").
CREDIT_MAX_LOWER_WORDS = 3


def _credit_ok(credit: str) -> bool:
    ws = words(credit)
    lower = sum(1 for w in ws if w[0].islower())
    return (0 < len(credit) <= CREDIT_MAX_CHARS and len(ws) <= CREDIT_MAX_WORDS
            and lower <= CREDIT_MAX_LOWER_WORDS and any(w[0].isalpha() for w in ws))


def split_caption_credit(line: str) -> CaptionParts | None:
    """Recognise a caption line by its credit or caption marker; None for anything else.

    ``Peshmerga raise the flag PHOTOGRAPH: Name/Flickr``, ``PHOTO: Name | caption``,
    ``Caption text. REUTERS/Name``, ``Image caption Caption text``, ``Getty Images``.
    """
    if len(line) > CAPTION_MAX_CHARS:
        return None
    if _CREDIT_ONLY.fullmatch(line) and _credit_ok(line):
        return CaptionParts("", line.strip())
    m = _CAPTION_PREFIX.match(line)
    if m:
        rest = line[m.end():].strip()
        if not rest:
            return None
        if (m.group("bbc") or "").lower() == "image copyright":
            return CaptionParts("", rest)
        inner = split_caption_credit(rest)
        return inner if inner is not None else CaptionParts(rest, "")
    m = _CREDIT_LABEL.search(line) if ":" in line else None
    if m:
        before = line[: m.start()].strip().rstrip("([|").strip()
        after = line[m.end():].strip()
        credit, _, tail = after.partition("|")
        credit = credit.strip().rstrip(")]").strip()
        tail = tail.strip()
        label = m.group("label").lower()
        if not _credit_ok(credit):
            # "Photo: Protesters gather outside parliament" - the label introduces a caption.
            if label.startswith(("photo", "picture", "image")) and not before:
                return CaptionParts(after, "")
            return None
        caption = " ".join(p for p in (before, tail) if p)
        return CaptionParts(caption, credit)
    # The credit is at most CREDIT_MAX_CHARS long: search only the line's tail (speed).
    offset = max(0, len(line) - CREDIT_MAX_CHARS - 10)
    tail = line[offset:]
    m = _AGENCY_END.search(line, offset) if ("/" in tail or " via " in tail or " for " in tail) else None
    if m and m.start() > 0:
        credit = m.group("credit").strip().strip("()[]").strip()
        caption = line[: m.start()].strip()
        if caption.endswith("/") and _credit_ok(line):
            return CaptionParts("", line.strip())  # "M Kornmesser/ESO/Flickr": one credit
        if _credit_ok(credit) and caption:
            return CaptionParts(caption, credit)
    return None


_SOURCE_CUT = re.compile(r"\.\s|\s+(?:under a |and is (?:re)?published|with permission|read the original)", re.IGNORECASE)


def clean_source_name(source: str) -> str:
    """``Consortium News. Read the original.`` -> ``Consortium News``."""
    source = source.strip()
    m = _SOURCE_CUT.search(source)
    if m:
        source = source[: m.start()]
    source = source.strip().strip("\"'“”‘’").rstrip(".,;:!").strip()
    for lead in ("the website ", "the site ", "the blog "):
        if source.lower().startswith(lead):
            source = source[len(lead):]
    if source.lower() in ("here", "this site", "our site", ""):
        return ""
    return source
