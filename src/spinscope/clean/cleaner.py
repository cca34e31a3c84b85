"""The plain-text cleaning cascade: decoded input text -> clean body, title and debris.

The cascade, in order (each step is a named function below; docs/cleaning.md
explains why each exists):

1. ``normalize_text``: line ends, odd spaces, invisible characters.
2. ``_pick_title``: keep the given title unless it is itself boilerplate; else the
   first non-boilerplate line becomes the title.
3. ``_classify_line`` on every line: repeated title (whole line or prefix), strong and
   trailing boilerplate patterns, caption/credit markers, weak patterns (only on lines
   that are not real sentences).
4. ``_cut_trailing_blocks``: once a comment form starts after the article has begun,
   the rest of the text is comment form.
5. ``_cut_signatures``: a forum signature after a ``--`` / ``_____`` separator.
6. ``_position_rules``: before the first and after the last anchor sentence, a
   caption with a dateline ending is a caption, and runs of short non-sentence lines
   that sit between debris (or debris and the text's edge) are debris too.
7. ``_assemble``: kept lines become paragraphs separated by a blank line.

Precision comes first: a line that reads like a real sentence is only ever removed by
a strong (specific) pattern, a caption/credit marker, or the trailing comment block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import E_NO_TEXT_AFTER_CLEANING, SpinscopeError
from ..entities.names import split_title
from ..model import Removed
from . import lines as L
from .normalize import normalize_line, normalize_text, squash
from .patterns import DebrisPattern, RuleIndex, load_patterns

# Lines longer than this are prose, never matched by a boilerplate pattern.
MAX_PATTERN_CHARS = 300
# A forum signature is a few short lines after its separator.
SIGNATURE_MAX_LINES = 4
SIGNATURE_MAX_CHARS = 200
# "--" is the classic signature separator: what follows is a signature, sentence or not.
# A rule of underscores is also used by news sites before an author bio, so after it only
# non-sentence lines count as a signature.
_SIGNATURE_SEPARATOR = re.compile(r"--|-- ")
_RULE_SEPARATOR = re.compile(r"_{5,}|—{3,}")
# A title is only stripped from the front of a longer line when it has this many words:
# a two-word title ("Breaking News") also begins ordinary sentences.
TITLE_PREFIX_MIN_WORDS = 3
TITLE_MAX_WORDS = 30  # a first line this long that ends like a sentence is body text, not a headline
# A first line this long is body text even when it does not end like a sentence (a paragraph
# cut off mid-sentence, a whole article pasted on one line): no headline runs to this length.
TITLE_HARD_MAX_WORDS = 60


def too_long_for_a_title(line: str) -> bool:
    """Whether a first line is body text by its length alone: TITLE_MAX_WORDS words ending like
    a sentence, or TITLE_HARD_MAX_WORDS words however it ends."""
    n = len(L.words(line))
    return n >= TITLE_HARD_MAX_WORDS or (n >= TITLE_MAX_WORDS and L.ends_like_sentence(line))


# "Headline | Site Name": the site part is short; the headline keeps at least 3 words.
_TITLE_SITE_SUFFIX = re.compile(r"\s+\|\s+(?P<site>[^|]{2,50})$")
TITLE_SITE_MAX_WORDS = 5
SITE_LABEL_MAX_WORDS = 3  # a site label line above the headline ("Press TV", "Al Mayadeen English")
# Hard-wrapped text: lines of similar width up to this many characters.
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 40
WRAP_FULL_RATIO = 0.7  # a wrapped line fills at least this share of the widest line
WRAP_MIN_SHARE = 0.6  # ... and at least this share of a block's lines do
# Caption heuristic before the first anchor: a line ending in a dateline, with this many words.
LEAD_CAPTION_MIN_WORDS = 6
# Reasons that describe a list/menu: short lines next to them take the same reason.
_LIST_REASONS = {"related_teaser", "navigation", "tags", "share_prompt", "comment_form",
                 "newsletter", "byline", "advertisement", "forum_signature", "copyright"}
# A one-word comment heading ("Comments", "Discussion") may also be an in-text subheading,
# so it only opens a trailing block when it lies in the second half of the text.
_GENERIC_TRAILING = re.compile(r"(comments?( \(\d+\))?|discussion)[.:]*", re.IGNORECASE)
GENERIC_TRAILING_MIN_POSITION = 0.5
# "Source: Name" after the body: where the article came from (repost note).
_SOURCE_LINE = re.compile(r"(?:source|via|sourced from|from)\s*:\s*(?P<source>[^,;]{2,60})", re.IGNORECASE)
SOURCE_MAX_WORDS = 6
_TITLE_SITE_REST = re.compile(r"[|–—·:-]\s*(?P<site>[^.!?|]{2,50})")
# A sign-off: one to four capitalised words ("Global Times", "RT", "Staff Writer", "Ends").
_SIGN_OFF = re.compile(r"[—–-]?\s*(?:[A-Z][\w.&'’-]*)(?:(?:\s+|\s*/\s*)(?:[A-Z][\w.&'’-]*|of|the|and|&)){0,3}\s*")
_BYLINE_NAMES = re.compile(r"^(?:written\s+|posted\s+|reported\s+|writing\s+|reporting\s+)?by\s+(?P<names>[^;]+?)"
                           r"(?:\s*[,|–—-]\s+.*|\s+(?:published|posted|updated|last updated|on|at|in|for)\b.*|\s*;.*)?$",
                           re.IGNORECASE)
# A wire dateline alone on its line above the text ("ANKARA", "GAZA CITY", "KYIV, Ukraine").
_DATELINE_LINE = re.compile(r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?")
# The writer's bio closing an opinion piece: an author of the byline, then what they are or do.
_BIO_VERBS = r"(?:is|was|has|had|writes|worked|works|served|serves|teaches|holds|covers|lives)"
AUTHOR_BIO_MAX_WORDS = 80


@dataclass
class CleanOptions:
    """Options of the cleaning stage (one object, passed down the cascade)."""

    extra_patterns: str | None = None  # path of a user rule file (same format as the built-in one)
    max_pattern_chars: int = MAX_PATTERN_CHARS
    position_rules: bool = True  # the debris-cluster heuristics of step 6
    strip_site_suffix: bool = True  # "Headline | Site" -> "Headline"


# A sentence start inside a line: end punctuation (and a closing quote), space, a capital.
_SENTENCE_START = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+(?=[A-Z\u201c\"])")
# Boilerplate that may arrive glued to the last sentence of a paragraph.
_GLUED_TAIL_REASONS = frozenset({"other", "copyright", "share_prompt", "newsletter", "advertisement"})


@dataclass
class CleanResult:
    """What the cleaner produced for one text."""

    text: str
    title: str | None
    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    byline_lines: list[str] = field(default_factory=list)  # removed byline/dateline lines, in order
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Line:
    text: str
    block: int
    reason: str | None = None  # None: kept
    rule: str = ""  # which rule decided (for debugging and `removed` explanations)
    pieces: list[Removed] = field(default_factory=list)  # what was cut from this line


class Cleaner:
    """Reusable cleaner: rules are loaded once."""

    def __init__(self, options: CleanOptions | None = None) -> None:
        self.options = options or CleanOptions()
        rules = load_patterns(self.options.extra_patterns)
        self.strong_rules = tuple(r for r in rules if not r.weak)
        self.weak_rules = tuple(r for r in rules if r.weak)
        self._strong_index = RuleIndex(self.strong_rules)
        self._weak_index = RuleIndex(self.weak_rules)

    # ------------------------------------------------------------------ public
    def clean(self, raw_text: str, title: str | None = None, input_format: str = "text",
              authors: list[str] | None = None) -> CleanResult:
        """Clean one article's text.

        Args:
            raw_text: the decoded input text (title line already taken off for plain text).
            title: the title if known; None to take it from the first usable line.
            input_format: ``text``, ``html`` (one paragraph a line) or ``jsonl``.
            authors: authors known from the input's metadata (an HTML page's author tag): with
                those found in the text's bylines, a closing paragraph about one of them is
                the writer's bio.
        Returns:
            A :class:`CleanResult`.
        Raises:
            SpinscopeError: ``E_NO_TEXT_AFTER_CLEANING`` when no body text is left.
        """
        result = CleanResult(text="", title=None, paragraphs=[])
        body = self._split_lines(normalize_text(raw_text or ""))
        result.title = self._pick_title(title, body, result)
        for line in body:
            self._classify_line(line, result)
        self._cut_trailing_blocks(body)
        self._cut_signatures(body)
        self._cut_glued_tails(body)
        if self.options.position_rules:
            self._position_rules(body, result, list(authors or ()))
        self._collect(body, result)
        result.paragraphs = self._assemble(body, input_format)
        result.text = "\n\n".join(result.paragraphs)
        from_body = result.title is not None and (title is None or squash(title) != squash(result.title))
        if not result.text and from_body and (
                (title is None and not result.removed) or L.is_sentence(result.title)):
            # a one-paragraph input ("Smith said ..."), or one whose title line was a label
            # taken off as debris ("Report"): its only line is the text, not a title
            result.text, result.title = result.title, None
            result.paragraphs = [result.text]
        if not result.text:
            raise SpinscopeError(E_NO_TEXT_AFTER_CLEANING,
                                 f"no article text left after cleaning ({len(result.removed)} fragments removed)")
        return result

    # ------------------------------------------------------------ step helpers
    @staticmethod
    def _split_lines(text: str) -> list[_Line]:
        out: list[_Line] = []
        block = 0
        for raw in text.split("\n"):
            if not raw:
                block += 1
                continue
            out.append(_Line(raw, block))
        return out

    def _match(self, text: str, weak: bool) -> tuple[DebrisPattern, dict[str, str | None]] | None:
        """The first (weak or strong/trailing) rule matching the whole line, and its named groups."""
        if len(text) > self.options.max_pattern_chars:
            return None
        for rule in (self._weak_index if weak else self._strong_index).candidates(text):
            m = rule.regex.fullmatch(text)
            if m:
                return rule, m.groupdict()
        return None

    def _boilerplate_reason(self, text: str, strong_only: bool = False) -> str | None:
        hit = self._match(text, weak=False)
        if hit:
            return hit[0].reason
        if not strong_only and not L.is_sentence(text):
            if L.split_caption_credit(text) is not None:
                return "caption"
            hit = self._match(text, weak=True)
            if hit:
                return hit[0].reason
        return None

    def _pick_title(self, title: str | None, body: list[_Line], result: CleanResult) -> str | None:
        """Step 2: the given title, unless it is boilerplate; else the first usable line (but
        not a sentence of the body when the given title was boilerplate: "Home" over a pasted
        article leaves it untitled)."""
        rejected_given = False
        if title is not None:
            title = normalize_line(title)
            # A given title is replaced only on a strong rule ("View this email in your
            # browser"): weak rules (dates, "Re: ...") are too broad for headlines.
            reason = self._boilerplate_reason(title, strong_only=True) if title else None
            if reason == "related_teaser":
                reason = None  # "WATCH: John Bolton Promises ...": a headline style, not a teaser
            if reason:
                result.removed.append(Removed(title, reason))
                title = None
                rejected_given = True
        if title and not rejected_given and body and body[0].block == 0 and L.is_suspect(title) \
                and len(L.words(title)) <= SITE_LABEL_MAX_WORDS and _SIGN_OFF.fullmatch(title) \
                and SITE_LABEL_MAX_WORDS < len(L.words(body[0].text)) < TITLE_MAX_WORDS \
                and not L.ends_like_sentence(body[0].text) and self._boilerplate_reason(body[0].text) is None:
            # "Press TV" over "Saudi warplanes pound residential areas in Yemen's Sa'ada": a site
            # label on the line above the headline (no blank line between them)
            result.meta.setdefault("site_name", title)
            result.removed.append(Removed(title, "navigation"))
            title = body.pop(0).text
        while not title and body:
            first = body[0]
            reason = self._boilerplate_reason(first.text)
            if reason:
                body.pop(0)
                result.removed.append(Removed(first.text, reason))
                continue
            if too_long_for_a_title(first.text):
                break  # a pasted paragraph without a headline: no title, the line is body text
            if rejected_given and L.ends_like_sentence(first.text) and L.is_sentence(first.text):
                break  # the title line was a label ("Home", "Share"): the next line is body text
            body.pop(0)
            title = first.text
        if title:
            split = L.split_title_caption(title)
            if split is not None:
                title, rest = split
                parts = L.split_caption_credit(rest) or L.CaptionParts(rest, "")
                if parts.caption:
                    result.removed.append(Removed(parts.caption, "caption"))
                    result.captions.append(parts.caption)
                if parts.credit:
                    result.removed.append(Removed(parts.credit, "credit"))
                    result.credits.append(parts.credit)
        if title and self.options.strip_site_suffix:
            m = _TITLE_SITE_SUFFIX.search(title)
            if m and len(L.words(m.group("site"))) <= TITLE_SITE_MAX_WORDS \
                    and len(L.words(title[: m.start()])) >= 3:
                result.meta["site_name"] = m.group("site").strip()
                title = title[: m.start()].strip()
        return title or None

    def _strip_title(self, line: _Line, title: str | None) -> bool:
        """Repeated title: the whole line (True) or its prefix (line shortened, False)."""
        if not title:
            return False
        key, text = _title_key(title), squash(line.text)
        if text in (key, "re: " + key, "re:" + key):
            line.reason, line.rule = "repeated_title", "repeated_title"
            line.pieces.append(Removed(line.text, "repeated_title"))
            return True
        n = len(title.split())
        if n >= TITLE_PREFIX_MIN_WORDS and text.startswith(key + " "):
            tokens = line.text.split()
            rest = " ".join(tokens[n:])
            # "Headline - Site Name" / "Headline | Site": the title repeated with the site's name.
            m = _TITLE_SITE_REST.fullmatch(rest)
            if m and len(L.words(m.group("site"))) <= TITLE_SITE_MAX_WORDS:
                line.reason, line.rule = "repeated_title", "repeated_title_site"
                line.pieces.append(Removed(line.text, "repeated_title"))
                return True
            line.pieces.append(Removed(" ".join(tokens[:n]), "repeated_title"))
            line.text = rest
        return False

    def _classify_line(self, line: _Line, result: CleanResult) -> None:
        """Step 3: line-level rules, most specific first."""
        if self._strip_title(line, result.title):
            return
        hit = self._match(line.text, weak=False)
        if hit:
            self._apply_rule(line, *hit, result)
            return
        parts = L.split_caption_credit(line.text)
        if parts is not None:
            self._apply_caption(line, parts, "caption_credit_marker")
            return
        if not L.is_sentence(line.text):
            hit = self._match(line.text, weak=True)
            if hit:
                self._apply_rule(line, *hit, result)
            elif len(line.text) <= self.options.max_pattern_chars and L.is_breadcrumb(line.text):
                line.reason, line.rule = "navigation", "breadcrumb"
                line.pieces.append(Removed(line.text, "navigation"))

    def _apply_rule(self, line: _Line, rule: DebrisPattern, groups: dict[str, str | None],
                    result: CleanResult) -> None:
        line.reason, line.rule = rule.reason, f"{rule.strength}:{rule.origin}"
        if rule.trailing:
            line.rule = "trailing:" + rule.origin
        if groups.get("caption") or groups.get("credit"):
            self._apply_caption(line, L.CaptionParts(groups.get("caption") or "", groups.get("credit") or ""),
                                line.rule)
            return
        line.pieces.append(Removed(line.text, rule.reason))
        if rule.reason == "repost_note" and groups.get("source"):
            source = L.clean_source_name(groups["source"])
            if source:
                result.meta.setdefault("repost_of", source)
        if rule.reason == "repost_note" and groups.get("names"):
            result.authors.extend(n.strip() for n in re.split(r"\s+and\s+", groups["names"]) if n.strip())
        if rule.reason == "byline":
            result.byline_lines.append(line.text)
            m2 = _BYLINE_NAMES.match(line.text)
            if m2:
                names = re.split(r",\s*|\s+and\s+", m2.group("names"), flags=re.I)
                # ("By ROBERT HARDMAN FOR MAILONLINE": Robert Hardman)
                result.authors.extend(n.strip().title() if n.isupper() else n.strip() for n in names if n.strip())

    @staticmethod
    def _apply_caption(line: _Line, parts: L.CaptionParts, rule: str) -> None:
        line.reason = "caption" if parts.caption else "credit"
        line.rule = rule
        if parts.caption:
            line.pieces.append(Removed(parts.caption, "caption"))
        if parts.credit:
            line.pieces.append(Removed(parts.credit, "credit"))

    @staticmethod
    def _anchors(body: list[_Line]) -> list[int]:
        return [i for i, ln in enumerate(body) if ln.reason is None and L.is_anchor(ln.text)]

    def _cut_trailing_blocks(self, body: list[_Line]) -> None:
        """Step 4: a comment form that starts after the article began runs to the end."""
        anchors = self._anchors(body)
        if not anchors:
            return
        total = sum(len(ln.text) for ln in body) or 1
        seen = 0
        for i, ln in enumerate(body):
            seen += len(ln.text)
            if i > anchors[0] and ln.rule.startswith("trailing:"):
                if _GENERIC_TRAILING.fullmatch(ln.text) and seen / total < GENERIC_TRAILING_MIN_POSITION:
                    continue
                for later in body[i + 1:]:
                    if later.reason is None:
                        later.reason, later.rule = ln.reason, "after:" + ln.rule
                        later.pieces.append(Removed(later.text, ln.reason))
                return

    def _cut_glued_tails(self, body: list[_Line]) -> None:
        """Step 5b: boilerplate glued to the end of a kept paragraph (plain-text corpora lose the
        line break): "... swift and brutal. Views expressed in this article are the opinions of
        the author ..." -> the last sentences are cut when a strong rule matches them whole."""
        for ln in body:
            if ln.reason is not None or len(ln.text) < 60:
                continue
            starts = [m.end() for m in _SENTENCE_START.finditer(ln.text)][-3:]
            for cut in starts:  # the longest tail first
                tail = ln.text[cut:]
                hit = self._match(tail, weak=False)
                if hit is None or hit[0].reason not in _GLUED_TAIL_REASONS:
                    continue
                if len(ln.text[:cut].split()) < 5:
                    break
                ln.pieces.append(Removed(tail, hit[0].reason))
                ln.text = ln.text[:cut].rstrip()
                break

    @staticmethod
    def _cut_signatures(body: list[_Line]) -> None:
        """Step 5: ``--`` then a few short lines (to the end of that block) is a signature."""
        for i, ln in enumerate(body):
            if ln.reason is not None and not (ln.reason == "other" and _RULE_SEPARATOR.fullmatch(ln.text)):
                continue  # (a rule of underscores is debris on its own, and may open a signature)
            strict = bool(_RULE_SEPARATOR.fullmatch(ln.text))
            if not strict and not _SIGNATURE_SEPARATOR.fullmatch(ln.text):
                continue
            following = body[i + 1: i + 1 + SIGNATURE_MAX_LINES]
            if not following:
                continue
            block = following[0].block
            sig = []
            for nxt in following:
                if nxt.block != block or nxt.reason is not None or len(nxt.text) > SIGNATURE_MAX_CHARS \
                        or (strict and L.is_sentence(nxt.text)):
                    break
                sig.append(nxt)
            if not sig:
                continue
            for s in [ln, *sig]:
                s.reason, s.rule = "forum_signature", "signature_separator"
                s.pieces[:] = [Removed(s.text, "forum_signature")]

    @staticmethod
    def _position_rules(body: list[_Line], result: CleanResult, known_authors: list[str] = ()) -> None:
        """Step 6: captions, source notes and debris clusters before the first / after the last anchor."""
        anchors = [i for i, ln in enumerate(body) if ln.reason is None and L.is_anchor(ln.text)]
        if not anchors:
            return  # no clear article body: position heuristics would be guesses
        first, last = anchors[0], anchors[-1]
        for ln in body[last + 1:]:
            m = _SOURCE_LINE.fullmatch(ln.text)
            if ln.reason is None and m and len(L.words(m.group("source"))) <= SOURCE_MAX_WORDS:
                ln.reason, ln.rule = "repost_note", "trailing_source_line"
                ln.pieces.append(Removed(ln.text, "repost_note"))
                source = L.clean_source_name(m.group("source"))
                if source:
                    result.meta.setdefault("repost_of", source)
        for ln in body[:first]:
            if ln.reason is None and not L.is_sentence(ln.text) and L.ends_with_date(ln.text):
                ws = L.words(ln.text)
                if len(ws) >= LEAD_CAPTION_MIN_WORDS and sum(w[0].islower() for w in ws) >= 2:
                    ln.reason, ln.rule = "caption", "lead_caption_dateline"
                    ln.pieces.append(Removed(ln.text, "caption"))
        # A wire dateline alone on a line above the text ("ANKARA") belongs to the byline block.
        for ln in body[:first]:
            if ln.reason is None and _DATELINE_LINE.fullmatch(ln.text) and any(ch.isalpha() for ch in ln.text) \
                    and ln.text.split(",")[0].isupper():
                ln.reason, ln.rule = "byline", "dateline_line"
                ln.pieces.append(Removed(ln.text, "byline"))
        # The last paragraph, when it says who an author of the byline is ("Finian Cunningham has
        # written extensively on ...", "Jane Doe is a journalist based in ..."): the writer's bio.
        kept = [ln for ln in body if ln.reason is None]
        authors = [*result.authors, *known_authors]
        if len(kept) >= 3 and authors:
            bio = kept[-1]
            # (the name without its title: "Prof Michel Chossudovsky" writes "Michel Chossudovsky is ...")
            names = "|".join(re.escape(n) for a in authors for n in {a, split_title(a)[1]} if len(n.split()) >= 2)
            if names and len(L.words(bio.text)) <= AUTHOR_BIO_MAX_WORDS and re.match(
                    rf"(?:{names})(?:,\s[^,]{{2,80}},)?\s+{_BIO_VERBS}\b", bio.text):
                bio.reason, bio.rule = "byline", "author_bio"
                bio.pieces.append(Removed(bio.text, "byline"))
        # A short name line right under a byline, before the text, is the byline's organisation
        # ("By LOLITA C. BALDOR and SUSANNAH GEORGE" / "Associated Press").
        for prev, ln in zip(body[:first], body[1:first]):
            if prev.reason == "byline" and ln.reason is None and L.is_suspect(ln.text) and _SIGN_OFF.fullmatch(ln.text):
                ln.reason, ln.rule = "byline", "byline_organisation"
                ln.pieces.append(Removed(ln.text, "byline"))
        # A short name line after the last paragraph, with nothing kept after it, is the site's or
        # the writer's sign-off ("Global Times" above "Follow us on Twitter"), not article text.
        tail = [ln for ln in body[last + 1:] if ln.reason is None]
        if len(tail) == 1 and L.is_suspect(tail[0].text) and _SIGN_OFF.fullmatch(tail[0].text):
            tail[0].reason, tail[0].rule = "other", "trailing_sign_off"
            tail[0].pieces.append(Removed(tail[0].text, "other"))
        # A heading that introduces only removed lines ("Note from the author:" above a membership
        # appeal) goes with them.
        for i in range(last + 1, len(body)):
            ln, rest = body[i], body[i + 1:]
            if ln.reason is None and ln.text.rstrip().endswith(":") and L.is_suspect(ln.text) and rest \
                    and all(r.reason is not None for r in rest):
                ln.reason, ln.rule = rest[0].reason, "heading_of_removed"
                ln.pieces.append(Removed(ln.text, rest[0].reason))
        zones = [range(0, first), range(last + 1, len(body))]
        # Outside the body, a row of short items separated by · • | is a flattened menu
        # ("Help · Status · About", "Reply | Quote | Report"), not article text.
        for zone in zones:
            for ln in body[zone.start:zone.stop]:
                if ln.reason is None and L.is_suspect(ln.text) and L.is_menu_line(ln.text):
                    ln.reason, ln.rule = "navigation", "menu_line"
                    ln.pieces.append(Removed(ln.text, "navigation"))
        for zone in zones:
            lead = zone.start == 0

            def suspect(ln: _Line) -> bool:
                # Bullets before the body are the story's highlights, not a menu; a prose line
                # there is the standfirst, not a teaser.
                return ln.reason is None and L.is_suspect(ln.text) and not (
                    lead and (L.is_bullet(ln.text) or L.is_standfirst(ln.text)))

            i = zone.start
            while i < zone.stop:
                if not suspect(body[i]):
                    i += 1
                    continue
                j = i
                while j < zone.stop and suspect(body[j]):
                    j += 1
                # run body[i:j]; its neighbours: debris, the text's edge, or article text
                before = body[i - 1] if i > 0 else None
                after = body[j] if j < len(body) else None
                sides = [before, after]
                bounded = all(s is None or s.reason is not None for s in sides)
                touches = [s for s in sides if s is not None and s.reason is not None]
                if bounded and touches:
                    near = touches[0] if zone.start > 0 or len(touches) == 1 else touches[-1]
                    reason = near.reason if near.reason in _LIST_REASONS else "other"
                    for ln in body[i:j]:
                        ln.reason, ln.rule = reason, "debris_cluster"
                        ln.pieces.append(Removed(ln.text, reason))
                i = j

    @staticmethod
    def _collect(body: list[_Line], result: CleanResult) -> None:
        for ln in body:
            for piece in ln.pieces:
                result.removed.append(piece)
                if piece.reason == "caption" and ln.reason in ("caption", "credit"):
                    result.captions.append(piece.text)
                elif piece.reason == "credit":
                    result.credits.append(piece.text)

    @staticmethod
    def _assemble(body: list[_Line], input_format: str) -> list[str]:
        """Step 7: kept lines -> paragraphs. Removed lines and blank lines split paragraphs."""
        groups: list[list[str]] = []
        prev: _Line | None = None
        for ln in body:
            if ln.reason is None and ln.text:
                if prev is not None and prev.reason is None and prev.block == ln.block and groups:
                    groups[-1].append(ln.text)
                else:
                    groups.append([ln.text])
            prev = ln
        paragraphs: list[str] = []
        for g in groups:
            if input_format == "html" or len(g) == 1:
                paragraphs.extend(g)
            else:
                paragraphs.extend(_join_lines(g))
        return [p for p in paragraphs if p]


@lru_cache(maxsize=64)
def _title_key(title: str) -> str:
    """``squash(title)``, computed once per title rather than once per line."""
    return squash(title)


def _is_hard_wrapped(lines: list[str]) -> bool:
    widest = max(len(x) for x in lines)
    if not WRAP_MIN_WIDTH <= widest <= WRAP_MAX_WIDTH:
        return False
    body = lines[:-1]
    full = sum(1 for x in body if len(x) >= WRAP_FULL_RATIO * widest)
    # Wrapping breaks lines mid-sentence; lines that all end sentences are paragraphs.
    mid_sentence = sum(1 for x in body if not L.ends_like_sentence(x))
    return full >= WRAP_MIN_SHARE * len(body) and mid_sentence >= WRAP_MIN_SHARE * len(body)


def _glue(a: str, b: str) -> str:
    # "well-" + "known": keep the hyphen, drop the line break (never guess a soft hyphen).
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].islower():
        return a + b
    return a + " " + b


def _join_lines(lines: list[str]) -> list[str]:
    """Lines of one block: one paragraph if hard-wrapped, else a line per paragraph,
    except that a line not ending a sentence continues into a lower-case next line. An
    embedded post's signature line ends the lines before it and stays a line of its own."""
    cut = next((i for i, x in enumerate(lines) if i and L.is_post_signature(x)), None)
    if cut is not None:
        return [*_join_lines(lines[:cut]), lines[cut], *(_join_lines(lines[cut + 1:]) if cut + 1 < len(lines) else [])]
    if _is_hard_wrapped(lines):
        out = lines[0]
        for nxt in lines[1:]:
            out = _glue(out, nxt)
        return [out]
    paras = [lines[0]]
    for nxt in lines[1:]:
        prev = paras[-1]
        if not L.ends_like_sentence(prev) and (nxt[:1].islower() or prev.endswith((",", ";", "-", "–", "—", "("))):
            paras[-1] = _glue(prev, nxt)
        else:
            paras.append(nxt)
    return paras


_DEFAULT_CLEANER: Cleaner | None = None


def clean_text(raw_text: str, title: str | None = None, input_format: str = "text",
               options: CleanOptions | None = None, authors: list[str] | None = None) -> CleanResult:
    """Clean one text with the default rules (or ``options``); see :class:`Cleaner`."""
    global _DEFAULT_CLEANER
    if options is not None:
        return Cleaner(options).clean(raw_text, title, input_format, authors)
    if _DEFAULT_CLEANER is None:
        _DEFAULT_CLEANER = Cleaner()
    return _DEFAULT_CLEANER.clean(raw_text, title, input_format, authors)
