"""HTML pages: main text via trafilatura, metadata from the page, dates via htmldate."""
from __future__ import annotations

import html as htmllib
import re

from ..clean.lines import split_caption_credit
from ..errors import E_NO_MAIN_TEXT, InputRejected
from ..headline import is_section_name
from ..model import Article

HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)", re.I)
TAG = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|script|meta|table)\b", re.I)
# A text with at least this many common tags per 1,000 characters is HTML even without <html>.
MIN_TAGS_PER_1000_CHARS = 2.0
# Fewer words than this in the extracted main text is navigation debris ("Home"), not an article.
MIN_MAIN_TEXT_WORDS = 5
# libxml2 (under lxml, under trafilatura) stops building the tree 256 elements deep: a page
# nested deeper loses everything below that depth and comes back with no main text.
PARSER_MAX_DEPTH = 255
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Layout-only containers: dropping their tags keeps the text and its paragraphs (<p>, headings).
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|font|center|section|main|table|tbody|tr|td)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:2000]
    if HTML_SNIFF.match(head):
        return True
    n = len(TAG.findall(text[:20000]))
    return n >= 5 and n / max(1, min(len(text), 20000)) * 1000 >= MIN_TAGS_PER_1000_CHARS


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_SITE_SEPARATOR = re.compile(r"^\s*(?:\||\u2014|\u2013|-|::|\u00b7|\u2022)\s*(?P<site>\S.{0,60}?)\s*$")
SITE_MAX_WORDS = 5


def site_from_title_tag(html: str, headline: str | None) -> str | None:
    """The site name a page's ``<title>`` adds after its headline ("Zakharova slams 'hysteria' —
    RT World News" -> "RT World News"), when the page gives no site name of its own."""
    m = _TITLE_TAG.search(html[:200_000])
    if m is None or not headline:
        return None
    full = " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    head = " ".join(headline.split())
    if not full.startswith(head) or len(full) == len(head):
        return None
    tail = _SITE_SEPARATOR.match(full[len(head):])
    if tail is None or len(tail.group("site").split()) > SITE_MAX_WORDS or not any(
            ch.isupper() for ch in tail.group("site")) or is_section_name(tail.group("site")):
        return None  # not "— World News": a section of an unnamed site
    return tail.group("site")


def nesting_depth(html: str) -> int:
    """The deepest element nesting of a page, counted from its tags (void elements and
    self-closing tags do not nest; a stray closing tag never makes the depth negative)."""
    depth = deepest = 0
    for closing, name, self_closing in _ANY_TAG.findall(html):
        if name.lower() in _VOID or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _main_text(html: str):
    import trafilatura

    # deduplicate=False: trafilatura's deduplication remembers text across calls in the
    # process, so a repost (or the same page read twice) would lose its paragraphs.
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False, favor_precision=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(re.findall(r"\w+", text)) < MIN_MAIN_TEXT_WORDS:
        return doc, None
    return doc, text


def article_from_html(html: str, source: str) -> Article:
    """Extract the main text and metadata of an HTML page (scripts and styles are dropped).

    A page nested deeper than the parser can follow is read again with its layout-only
    containers (div, span, table cells ...) removed, so its paragraphs come within reach."""
    doc, text = _main_text(html)
    flattened = False
    if text is None:
        depth = nesting_depth(html)
        if depth > PARSER_MAX_DEPTH:
            doc, text = _main_text(_LAYOUT_TAGS.sub("\n", html))
            flattened = text is not None
            if text is None:
                raise InputRejected(E_NO_MAIN_TEXT, f"HTML page nested {depth:,} elements deep, "
                                    f"beyond the parser's limit of {PARSER_MAX_DEPTH}, and no main "
                                    "text was found with its layout containers removed", source)
    if text is None:
        raise InputRejected(E_NO_MAIN_TEXT, "HTML page with no main text that could be extracted "
                            "(navigation, scripts or an empty body only)", source)
    article = Article(source=source, raw_text=text, input_format="html")
    if flattened:
        article.meta["html_flattened"] = True
    article.title = (doc.title or "").strip() or None
    article.url = doc.url or None
    article.outlet = (doc.sitename or "").strip() or None
    if doc.author:
        article.authors = [a.strip() for a in re.split(r";|\band\b", doc.author) if a.strip()]
    published = doc.date
    if not published:
        try:
            from htmldate import find_date

            published = find_date(html, original_date=True)
        except Exception:  # noqa: BLE001 - a date is optional
            published = None
    article.published = published[:10] if published else None
    if not article.outlet:
        article.outlet = site_from_title_tag(html, article.title)
    if not article.outlet and article.url:
        from .readers import outlet_from_url

        article.outlet = outlet_from_url(article.url)
    captions = re.findall(r"<figcaption[^>]*>(.*?)</figcaption>", html, flags=re.I | re.S)
    for cap in captions:
        clean = htmllib.unescape(" ".join(re.sub(r"<[^>]+>", " ", cap).split()))
        if not clean:
            continue
        caption, credit = _caption_and_credit(clean)
        if caption:
            article.captions.append(caption)
        if credit:
            article.credits.append(credit)
    return article


# A photo credit closing a caption: "... near Raqqa, October 2017 © Reuters", "... | Photo: AFP"
_TRAILING_CREDIT = re.compile(r"\s*(?:[|/\u2013\u2014-]\s*)?(?:©|\(c\)|(?:photo|image|picture)(?:\s+credit)?\s*:)\s*"
                              r"(?P<credit>[^©:]{2,60}?)\s*$", re.I)


def _caption_and_credit(text: str) -> tuple[str, str]:
    """A figcaption split into its caption and its photo credit (either may be empty)."""
    parts = split_caption_credit(text)
    if parts is not None:
        return parts.caption, parts.credit
    m = _TRAILING_CREDIT.search(text)
    if m is None:
        return text, ""
    return text[:m.start()].rstrip(" ,;|"), m.group("credit")
