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
STANDFIRST_MIN_WORDS = 10
STANDFIRST_LOWER_SHARE = 0.6
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


# The signature line under an embedded post ("— Nina Kralj (@NinaKraljSI) May 3, 2024"), up to
# the handle: it closes the post above it and is never glued to it (the attribution stage reads
# the post's author from it, with the date: ``spinscope.attribution.layout.embedded_posts``).
POST_SIGNATURE_HEAD = r"(?P<dash>[\u2014\u2013-]{1,2})[ \t]*(?P<name>[^\n()]{1,60}?)[ \t]*\((?P<handle>@\w{1,30})\)"
_POST_SIGNATURE_LINE = re.compile(POST_SIGNATURE_HEAD)


def is_post_signature(line: str) -> bool:
    return bool(_POST_SIGNATURE_LINE.match(line))


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


def is_standfirst(line: str) -> bool:
    """A summary line under the headline, written as prose but without a full stop ("Washington
    has once again invoked the terrorist threat to explain its illegal military presence"):
    ten words or more, nearly all lower-case after the first, no separators of a menu or a
    teaser list or a title with its site."""
    ws = words(line)
    if len(ws) < STANDFIRST_MIN_WORDS or any(ch in line for ch in "|:•»›") or line.rstrip().endswith(")") \
            or any(sep in line for sep in (" - ", " \u2014 ", " \u2013 ")):  # ("Title - Site", "Name — role")
        return False
    return sum(1 for w in ws[1:] if w[0].islower()) >= STANDFIRST_LOWER_SHARE * (len(ws) - 1)


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
    r"(?:^|(?<=[\s.(\[|]))(?P<label>PHOTOGRAPH|Photograph|PHOTOS?|Photos?|Photo credit|PHOTO CREDIT|IMAGE|Image|"
    r"Image credit|Image source|Image copyright|Picture|PICTURE|Pic|PIC|Credit|CREDIT|Featured image|Header image|"
    r"Top image|Main image|Illustration|ILLUSTRATION|Screenshot|SCREENSHOT|Screengrab|Foto)\s*:\s*")
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
# ... except credits that say where a picture came from in words: "courtesy of the court
# file", "reader submission", "supplied by the family". These open with a fixed word.
_WORDY_CREDIT = re.compile(r"(?:courtesy|supplied|submitted|handout|file|reader|readers'?|author|family|"
                           r"the author|the family|our reader|used with permission|via)\b", re.IGNORECASE)
WORDY_CREDIT_MAX_WORDS = 8


def _credit_ok(credit: str) -> bool:
    ws = words(credit)
    if not (0 < len(credit) <= CREDIT_MAX_CHARS and any(w[0].isalpha() for w in ws)):
        return False
    if _WORDY_CREDIT.match(credit) and len(ws) <= WORDY_CREDIT_MAX_WORDS and not ends_like_sentence(credit):
        return True
    lower = sum(1 for w in ws if w[0].islower())
    return len(ws) <= CREDIT_MAX_WORDS and lower <= CREDIT_MAX_LOWER_WORDS


# A credit in brackets ending a caption: "... home end. (Pic: Mill Lane Media)",
# "... March 12 (photo: reader submission)", "(Image: Getty)", "(my photo)",
# "(Photo by the author)", "(Jonas Berg/City Archive)" is handled by _AGENCY_END / slash rule.
_PAREN_CREDIT = re.compile(
    r"\s*[(\[]\s*(?:(?P<label>photo(?:graph)?s?|pics?|pictures?|images?|foto|credit|illustration|screenshot|"
    r"screengrab|video|graphic)\s*(?:credit\s*)?(?::|\bby\b|\bcourtesy(?: of)?\b|\bvia\b|\bfrom\b)\s*"
    r"(?P<credit>[^()\[\]]{2,80}?)|(?P<own>(?:my|our|the author'?s?|author'?s?|own) "
    r"(?:photo(?:graph)?s?|pics?|pictures?|images?)))\s*[)\]]\.?$", re.IGNORECASE)
# A credit sentence ending a caption: "Crowds on Main Street last year. Image via Wikimedia Commons".
_TAIL_CREDIT = re.compile(
    r"(?<=[.!?…])\s+(?P<credit>(?:photo(?:graph)?s?|pics?|pictures?|images?|illustration|screenshot)\s+"
    r"(?:by|via|courtesy(?: of)?|from)\s+(?-i:[A-Z@]).{1,80})$", re.IGNORECASE)


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
    m = _PAREN_CREDIT.search(line) if line.endswith((")", ").", "]")) else None
    if m and m.start() > 0:
        caption = line[: m.start()].strip()
        credit = (m.group("credit") or m.group("own") or "").strip()
        if credit and (m.group("own") or _credit_ok(credit)):
            return CaptionParts(caption, credit)
    m = _TAIL_CREDIT.search(line, max(0, len(line) - CREDIT_MAX_CHARS - 10))
    if m and not ends_like_sentence(m.group("credit")) and _credit_ok(m.group("credit")):
        return CaptionParts(line[: m.start()].strip(), m.group("credit").strip())
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


_SOURCE_CUT = re.compile(r"\.\s|\s+(?:under a |and is (?:re)?published|with permission|read the original)|"
                         r"\s+on\s+(?:\w+day,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
                         re.IGNORECASE)  # ("first published by RT on November 3, 2016")


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


# ---------------------------------------------------------------- title line with a caption
# "Fishermen Say ... the Cod PHOTOGRAPH: harbourlights/Flickr | Trawlers tied up ...": some
# sites flatten the lead image's credit and caption onto the headline's line. Only labels in
# capitals or title case, after a space, with a headline of at least this many words before.
TITLE_CAPTION_MIN_WORDS = 3
_TITLE_CAPTION_LABEL = re.compile(
    r"\s(?P<label>PHOTOGRAPH|Photograph|PHOTOS?|Photo|IMAGE|Image|PICTURE|Picture|Pic|PIC|CREDIT|Credit|"
    r"FILE PHOTO|File photo|Photo credit|Image credit|Image source)\s*:\s*\S")


def split_title_caption(title: str) -> tuple[str, str] | None:
    """``Headline PHOTOGRAPH: credit | caption`` -> (headline, ``PHOTOGRAPH: ...``); else None."""
    m = _TITLE_CAPTION_LABEL.search(title)
    if not m:
        return None
    head = title[: m.start()].strip().rstrip("|–—-").strip()
    if len(words(head)) < TITLE_CAPTION_MIN_WORDS:
        return None
    return head, title[m.start("label"):].strip()


# ------------------------------------------------------------------ breadcrumbs and menus
# "Home » Health » New Study Links ...", "Sport > Football > Championship", "News › Health".
# Separators: » › always; > | / only with spaces around them (dates, "and/or", "A>B").
_CRUMB_SEP = re.compile(r"\s*[»›]\s*|\s+[>|/]\s+")
_CRUMB_HOME = re.compile(r"(?:home|homepage|home page|front page|start|index|main)$", re.IGNORECASE)
CRUMB_MAX_WORDS = 4  # a section name ("Local News", "Arts & Culture")
CRUMB_LAST_MAX_WORDS = 16  # the last crumb may be the article's headline


def is_breadcrumb(line: str) -> bool:
    """A navigation trail: 3+ short crumbs (or ``Home`` + 1) joined by », ›, >, | or /."""
    if not any(ch in line for ch in "»›>|/"):
        return False
    parts = [p.strip() for p in _CRUMB_SEP.split(line)]
    if any(not p for p in parts[1:-1]):
        return False
    parts = [p for p in parts if p]
    if len(parts) < 2 or (len(parts) == 2 and not _CRUMB_HOME.match(parts[0])):
        return False
    for i, part in enumerate(parts):
        ws = words(part)
        limit = CRUMB_LAST_MAX_WORDS if i == len(parts) - 1 else CRUMB_MAX_WORDS
        if not ws or len(ws) > limit or ends_like_sentence(part) or not (part[0].isupper() or part[0].isdigit()):
            return False
    return True


# A flattened menu or widget row: "Help · Status · About · Careers", "Reply | Quote | Report".
_MENU_SEP = re.compile(r"\s+[·•|]\s+|\s*[·•]\s*")
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 5


def is_menu_line(line: str) -> bool:
    """Three or more short items separated by ·, • or |, none of them a sentence."""
    if not any(ch in line for ch in "·•|"):
        return False
    parts = [p.strip() for p in _MENU_SEP.split(line)]
    parts = [p for p in parts if p]
    if len(parts) < MENU_MIN_ITEMS:
        return False
    return all(len(words(p)) <= MENU_ITEM_MAX_WORDS and not ends_like_sentence(p) for p in parts)
