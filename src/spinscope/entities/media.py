"""The medium of a statement: the outlet or audience it was given to ("told RT", "in an interview
with Sputnik", "told reporters"), linked to its entity, or inferred from the page ("told this
newspaper")."""
from __future__ import annotations

import re

from ..model import Article, Attribution, Entity, Span
from .aliases import AliasTable
from .names import OUTLET_KINDS, PLATFORMS, ROLE_NOUNS, clean_surface, singular

# Alias-table labels that are never speakers (events, products).
NOT_SPEAKER_LABELS = frozenset({"EVENT", "PRODUCT"})


# "X told RT", "said in an interview with Sputnik": the medium right after the cue.
_MEDIUM_AFTER_CUE = re.compile(r"^\s*(?:to\s+|in\s+an\s+interview\s+with\s+|on\s+|in\s+)?$")
# "said in a Telegram post", "told in an RT interview", "wrote in a Facebook post on Monday"
_MEDIUM_BEFORE_NOUN = re.compile(r"^\s*(?:in|during)\s+(?:an?|the|his|her|its|their)\s+$", re.I)
_MEDIUM_NOUN_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:exclusive\s+)?(?:interview|post|statement|video|broadcast|op-ed|"
                                r"column|article|appearance|show|message|tweet|comment|comments|address|story|report)\b", re.I)


def _infer_medium(article: Article, a: Attribution, table: AliasTable) -> None:
    """Fill a missing medium from a MEDIA entity right after the cue ("told RT")."""
    if a.medium or a.medium_span is not None or a.cue is None:
        return
    if a.source is not None and a.source.start >= a.cue.end:
        return  # "according to The Guardian": the outlet after the cue is the source itself
    for e in article.entities:
        if e.label == "MEDIA" and e.start >= a.cue.end and e.start - a.cue.end <= 30 \
                and (_MEDIUM_AFTER_CUE.match(article.text[a.cue.end:e.start])
                     or (_MEDIUM_BEFORE_NOUN.match(article.text[a.cue.end:e.start])
                         and _MEDIUM_NOUN_AFTER.match(article.text, e.end))):
            a.medium_span = Span.of(article.text, e.start, e.end)
            a.medium = e.canonical
            return
    # no entity there (NER missed it): a MEDIA name of the alias table right after the cue
    m = re.match(r"(\s*(?:to\s+|in\s+an\s+interview\s+with\s+|on\s+|in\s+)?)"
                 r"((?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})", article.text[a.cue.end:])
    if m:
        words = m.group(2).rstrip(".").split()
        for n in range(len(words), 0, -1):  # longest name first
            entry = table.lookup(" ".join(words[:n]))
            if entry is not None and entry.label == "MEDIA":
                start = a.cue.end + m.start(2)
                surface = " ".join(words[:n])
                end = article.text.find(surface, start) + len(surface)
                a.medium_span = Span.of(article.text, end - len(surface), end)
                a.medium = entry.canonical
                return


_OUTLET_ANAPHOR = re.compile(r"the\s+(?:news\s+)?(?:outlet|newspaper|paper|broadcaster|channel|agency|magazine|"
                             r"website|site|daily|network|station|publication|tabloid)")


# Words that make an ORG name a news outlet's ("Washington Times", "Daily Mail", "Fox News").
_OUTLET_WORDS = frozenset("""times post news journal herald tribune gazette telegraph guardian mail express daily
observer chronicle press star sun mirror independent standard magazine radio tv television network agency
broadcasting broadcaster reuters""".split())


def _is_outlet(e: Entity) -> bool:
    if e.canonical in PLATFORMS:
        return False  # ("posted on his Telegram channel ... The outlet also reported": not Telegram)
    return e.label == "MEDIA" or (e.label == "ORG" and any(w.casefold() in _OUTLET_WORDS
                                                           for w in re.findall(r"[\w\-]+", e.canonical)))


# One or two capitalised words after a medium's name that may complete it ("Russia" + "Today")
_LONGER_MEDIUM = re.compile(r"[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?")


def _link_medium(article: Article, a: Attribution, table: AliasTable) -> None:
    _infer_medium(article, a, table)
    if not a.medium and a.medium_span is None:
        return
    span = a.medium_span
    if span is None and a.medium:
        # find the medium named after the source/cue in the same stretch of text
        anchor = (a.cue or a.source or a.content).start
        i = article.text.find(a.medium, max(0, anchor - 200))
        if i != -1:
            span = Span.of(article.text, i, i + len(a.medium))
            a.medium_span = span
    if span is not None:
        longer = _LONGER_MEDIUM.match(article.text, span.end)
        if longer is not None:
            ext = table.lookup(clean_surface(article.text[span.start:longer.end()]))
            if ext is not None and ext.label == "MEDIA":
                # "told Russia Today": the parser read "Today" as a time word
                span = a.medium_span = Span.of(article.text, span.start, longer.end())
    if span is not None:
        kind = _OUTLET_KIND_AFTER.search(span.text)
        end = span.start + kind.start() if kind is not None else span.start
        if kind is not None and kind.start() > 0 and span.text[:kind.start()].split()[-1][:1].isupper() and not any(
                e.label in _PLACE_LABELS and e.start < end <= e.end for e in article.entities):
            # "AFP news agency", "Al-Ahed news website": the name before the kind of outlet (not
            # "British newspaper")
            span = a.medium_span = Span.of(article.text, span.start, end)
    surface = clean_surface(span.text if span else (a.medium or ""))
    entry = table.lookup(surface)
    if entry is not None and entry.label in NOT_SPEAKER_LABELS:
        a.medium = a.medium_span = None  # "warning about the dangers to Brexit": an event is no audience
        return
    if span is not None:
        hits = [e for e in article.entities if e.start < span.end and span.start < e.end]
        hit = next((e for e in hits if e.label not in _PLACE_LABELS), hits[0] if hits else None)
        named_after = _NAME_AFTER_DESCRIPTOR.search(span.text) if hit is not None and hit.label in _PLACE_LABELS \
            and hit.end < span.end else None
        if named_after is not None and named_after.start(1) >= hit.end - span.start:
            # "Lebanese daily Al-Akhbar", "Iranian news website Tasnim": the name after the
            # nationality and the kind of outlet is the outlet
            span = a.medium_span = Span.of(article.text, span.start + named_after.start(1), span.end)
            surface = clean_surface(span.text)
            entry, hit = table.lookup(surface), None
        if hit is not None and hit.label in ("NORP", "GPE") and hit.end < span.end and re.fullmatch(r"[\s\w\-]*\s[a-z][\w\-]*", span.text[hit.end - span.start:]):
            # "Republican and Democrat leaders", "Russian media": a nationality or place
            # modifies an audience, it is not the audience
            a.medium = clean_surface(span.text)
            return
        if hit is not None and hit.end < span.end and _OFFICE_AFTER.fullmatch(span.text[hit.end - span.start:]) \
                and singular(span.text.split()[-1]) in ROLE_NOUNS - _NEWS_ROLES:
            # "Ogunsanya tells APC chair": the party's chair, a person, is the audience, not the party
            a.medium = clean_surface(span.text)
            return
        if hit is not None and hit.label in ("NORP", "GPE", "LOC") and (hit.start > span.start or hit.end < span.end) \
                and all(w[:1].isupper() for w in surface.split()):
            # "Sources to Karsia Today": a place inside an outlet's name is not the outlet
            a.medium = entry.canonical if entry else surface
            return
        if hit is None and _OUTLET_ANAPHOR.fullmatch(span.text.casefold()):
            named = [e for e in article.entities if _is_outlet(e) and e.end <= span.start
                     and span.start - e.end <= 2000]
            if named:  # "told the outlet": the last outlet named before
                a.medium = max(named, key=lambda e: e.end).canonical
                return
        if hit is None and entry is None and not any(w[:1].isupper() for w in surface.split()):
            a.medium = surface  # "told reporters", "an approving audience": an audience, not an entity
            return
        if hit is None:
            label = entry.label if entry else "ORG"
            canonical = entry.canonical if entry else surface
            article.entities.append(Entity(span.start, span.end, span.text, label, canonical))
            article.entities.sort(key=lambda e: e.start)
            a.medium = canonical
            return
        if entry is not None and hit.label != entry.label:
            hit.label, hit.canonical = entry.label, entry.canonical
        a.medium = hit.canonical
        return
    a.medium = entry.canonical if entry else surface


_PLACE_LABELS = ("NORP", "GPE", "LOC")
# One lower-case role after a name ("APC chair"); roles of the press leave the outlet the medium
_OFFICE_AFTER = re.compile(r"\s+[a-z]+")
_NEWS_ROLES = frozenset("journalist reporter correspondent editor columnist commentator blogger anchor presenter host "
                        "writer broadcaster".split())

# The kind of outlet after its name ("AFP news agency", "Al-Ahed news website").
_OUTLET_KIND_AFTER = re.compile(r"\s+(?:news\s+)?(?:" + "|".join(sorted(OUTLET_KINDS)) + ")$")

# Lower-case words (the kind of outlet), then a capitalised name to the end of a medium phrase.
_NAME_AFTER_DESCRIPTOR = re.compile(r"(?:\s[a-z][\w\-]*)+\s((?:[A-Z][\w\-'\u2019.]*)(?:\s[A-Z][\w\-'\u2019.]*)*)$")
