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

from ..entities.names import ROLE_NOUNS, folded_words, singular
from ..headline import parser_case
from ..model import Attribution, Span

# Heads of "Experts: ..."-style headline sources that are not roles of one person.
GROUP_SOURCES = frozenset("""
expert analyst official source insider critic witness observer scientist researcher study report poll
survey resident diplomat lawmaker doctor economist camp
""".split())
_DOCUMENT_SOURCES = frozenset("report study poll survey".split())
# Kinds of body a headline names as its source ("farmers' federation says", "UN agency warns")
# (not "court": "Moscow court rejects appeal" is a ruling)
_BODY_SOURCES = frozenset("""police union federation inquiry ministry mission agency council commission department
government committee association authority regulator watchdog embassy""".split())
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


# "Issa: Hillary Clinton's 'Honesty Is In Question'", "Dr. Ben Carson: ...", "Gillibrand on Hillary's
# transcripts: 'I Think She Will'": a person who speaks in the body, a colon, what they said
_NAME_COLON_HEADLINE = re.compile(
    r"^(?P<src>(?:[A-Z][\w\-.\u2019']*\s+){0,3}[A-Z][\w\-\u2019']*)(?:\s+on\s+[^:]{1,80})?"
    r"\s*(?P<cue>:)\s+(?P<content>\S.*\S)\s*$")


# What opens a headline's topic after a name and a colon, not something the person said
_TOPIC_OPENERS = frozenset("""profile what who how why where when inside timeline everything a an the life obituary
portrait interview q&a explainer analysis""".split())


def _speaker_colon_statement(title: str, speakers: Collection[str]) -> Attribution | None:
    """A headline opening with the name (or surname) of someone who speaks in the body, then a
    colon and what they said; the source may carry a title ("OK Gov Fallin") and an "on <topic>"."""
    m = _NAME_COLON_HEADLINE.match(title)
    if not m or len(m.group("content").split()) < 3:
        return None
    words = m.group("src").split()
    tails = {" ".join(words[-2:]), words[-1]}
    known = {n for name in speakers for n in (name, name.split()[-1]) if len(n) >= 3}
    if not tails & known:
        return None
    name = words[-1] if words[-1] in known else " ".join(words[-2:])
    at = m.group("src").rindex(name)
    if any(w.casefold().endswith("ing") or w.casefold() in _NOT_SOURCE_WORDS for w in m.group("src")[:at].split()) \
            or m.group("content").split()[0].casefold().strip("\"'\u2018\u201c") in _TOPIC_OPENERS:
        return None  # ("Understanding Mueller: What you need to know", "Abaaoud: Profile Of Man Behind ...")
    return Attribution(
        speaker=m.group("src")[at:], speaker_description=None,
        source=Span.of(title, m.start("src"), m.end("src")), cue=Span.of(title, m.start("cue"), m.end("cue")),
        content=Span.of(title, m.start("content"), m.end("content")), kind="indirect", flags=["headline"])


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


# Headlinese speech verbs (present tense, no auxiliary): "Thai PM Thanakorn says ...", "Opposition
# calls it 'monument to corruption'", "Chinese mission to EU slams ...", "..., says adviser"
_HEADLINE_CUES = (r"says|say|warns|warn|claims|claim|insists|insist|urges|urge|calls\s+on|calls\s+for|calls|call"
                  r"|slams|slam|blasts|blast|accuses|accuse|blames|blame|denies|deny|vows|vow|pledges|pledge"
                  r"|rejects|reject|dismisses|dismiss|admits|admit|argues|argue|demands|demand|hails|hail"
                  r"|tells|tell|threatens|threaten|promises|promise|alleges|allege|confirms|confirm|finds|find"
                  r"|defends|defend|backs|back|condemns|condemn|criticises|criticizes|criticise|criticize|dares|dare"
                  r"|lashes\s+out\s+at|hits\s+out\s+at")
_CUE_WORD = re.compile(r"(?<![\w\-\u2019'])(?:" + _HEADLINE_CUES + r")(?![\w\-])", re.I)
# Where a headline's clauses meet: "; ", ", " (also after a closing quote mark: ",’ experts tell RT"),
# ", as X ...", " as X ...", a dash, a colon
# (a lower-case group after " as " too, when a speech verb follows it: "... as insiders claim ...")
_CLAUSE_START = re.compile(r"^|;\s+|,[\u2019'\"\u201d]?\s+(?:as\s+)?|\s+as\s+(?=[A-Z]|(?:[a-z\-]+\s+){1,2}"
                           r"(?:say|claim|warn|insist|allege|fear|believe|tell)s?\b)|\s+[\u2013\u2014|\-]\s+|:\s+")
_PRONOUN_SOURCES = frozenset("it this that he she they we i you there here what who which".split())
_CONNECTORS = frozenset("of to the for and in on at".split())
_NOT_CONTENT_START = frozenset("at in on after before over amid during with by into off up out down back "
                               "through from as while despite".split())
_NOT_FINITE_BEFORE = frozenset("to will would must can could should may might shall".split())
# "finds" is a speech verb of a document or an inquiry only ("B.C. study finds ..."; not "Police find body")
_FINDING_CUES = frozenset("finds find".split())
_FINDING_SOURCES = frozenset("""report study poll survey inquiry review audit investigation probe analysis research
watchdog inspection census trial""".split())
# What may follow a closing tag's verb: the medium ("experts tell RT"), where ("Tories claim at FMQs")
# or a clause of its own ("..., farmers' federation says as dry spell deepens")
_TAG_TAIL = re.compile(r"\s*(?:(?P<medium>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}(?:\s+(?P<role>[a-z]+))?)"
                       r"|(?:at|in|on)\s+\S+(?:\s+\S+){0,3}|(?:as|while)\s+\S.*)?\s*$")


def _tag_tail(rest: str) -> re.Match | None:
    """What follows a closing tag's verb, when it is only a medium, a place or a clause of its own
    (a medium may end in a role: "Ogunsanya tells APC chair")."""
    tail = _TAG_TAIL.fullmatch(rest)
    if tail is not None and tail.group("role") and singular(tail.group("role")) not in ROLE_NOUNS:
        return None
    return tail


# Words no headline source has: verbs and auxiliaries of a clause (a Title Case headline capitalises
# them: "Ukraine War Has Boosted Demand"), pronouns, question words
_NOT_SOURCE_WORDS = frozenset("""is are was were be been being am will would can could should shall might must
has have had do does did not no it its he his him she her hers they them their we our i i'm i’m me my you your
himself herself itself themselves why how what when where who whom which whether against if unless because
although though while once since as after before despite amid this that these those a an""".split())  # (not "us", "may": "US defence chief", "UK's May")
_CONTRACTED_PRONOUN = re.compile(r"(?:i|we|you|they|he|she|it)['\u2019]", re.I)  # "I'll Say What ..."
_MODAL_STARTS = frozenset("should could would will can may must be been is are was were".split())
_INVERTED_CUES = frozenset("says say warns claims insists admits argues alleges confirms".split())


_OPENING_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))[\u2018\u201c'\"](?=\S)")
_CLOSING_QUOTE = re.compile(r"(?<=\S)[\u2019\u201d'\"](?=[\s,;:.!?)\]]|$)")


def _quoted_stretches(title: str) -> list[tuple[int, int]]:
    """(opening, closing) positions of the quotations of a headline: an opening mark after a space,
    paired with the next closing mark before a space or punctuation (an apostrophe in a word,
    "Sinn Féin’s", is neither; an unpaired one, "farmers' federation", opens nothing)."""
    out: list[tuple[int, int]] = []
    pos = 0
    while (o := _OPENING_QUOTE.search(title, pos)) is not None:
        c = _CLOSING_QUOTE.search(title, o.end())
        if c is None:
            break
        out.append((o.start(), c.start()))
        pos = c.end()
    return out


def _plausible_headline_source(words: list[str], names: Collection[str], lower_start: bool = False) -> bool:
    """One to six words naming who speaks: capitalised words (a name, "Thai PM"), maybe a role or
    group word last ("CEO", "experts", "Chinese mission to EU"), not a pronoun. ``lower_start``: a
    lower-case role or group word may open it (after a comma: "..., experts say")."""
    if not 1 <= len(words) <= 6 or words[0].casefold() in _PRONOUN_SOURCES:
        return False
    src = " ".join(words)
    last = re.sub(r"['\u2019]s?$", "", words[-1]).strip(".,").casefold()
    role_last = singular(last) in ROLE_NOUNS | GROUP_SOURCES | _BODY_SOURCES or last in ("pm", "cm", "ceo", "cfo", "mp", "mps")
    if not words[0][:1].isupper() and not (lower_start and role_last):
        return False
    lower = [w for w in words[1:] if not w[:1].isupper() and w.casefold() not in _CONNECTORS]
    if len(lower) > 2 or any(_CUE_WORD.fullmatch(w) or w.casefold().strip(".,") in _NOT_SOURCE_WORDS
                             or _CONTRACTED_PRONOUN.match(w) for w in words) \
            or words[-1].endswith(("'s", "\u2019s")):
        return False  # ("Is NASA Planning To Blast", "NATO Ignored Its Security Demands", "X's Claim")
    return src in names or words[-1][:1].isupper() or role_last


def _clause_statements(title: str, names: Collection[str]) -> list[Attribution]:
    """Headline clauses that open with their source and a present-tense speech verb ("Thai PM
    Thanakorn says no snap election until budget passes", "...; Palace says plan still under
    study", "... as Eskom blames 'unplanned breakdowns' ...", "..., CEO says user funds 'fully
    covered'"); clauses that are a closing tag of the clause before ("New US chip curbs 'doomed to
    backfire,' experts say, as ...", "..., Tories claim at FMQs"); and inverted tags at the end
    ("Election roadmap 'within weeks', says adviser"). A content runs to the end of its clause."""
    quoted = _quoted_stretches(title)
    seps = [(m.start(), m.end()) for m in _CLAUSE_START.finditer(title)
            if not any(q0 < m.start() and m.end() <= q1 for q0, q1 in quoted)]
    # ("Drought support 'too little, too late', farmers' federation says": one clause before the tag)
    starts = sorted({e for _s, e in seps})
    sep_at = {e: s for s, e in seps}
    out: list[Attribution] = []

    def previous_clause(clause: int) -> tuple[int, int] | None:
        """(start, end) of the clause before the one starting at ``clause``, when a comma separates them."""
        sep = sep_at.get(clause)
        if sep is None or clause == 0 or not title.startswith(",", sep):
            return None
        c_start = max((i for i in starts if i <= sep and (i == 0 or sep_at.get(i, 0) < sep)), default=0)
        # (a closing quote mark after the comma ends the content: "... escalation,’ experts tell RT")
        end = sep + 2 if title[sep + 1:sep + 2] in ("\u2019", "'", '"', "\u201d") else sep
        return (c_start, end) if len(title[c_start:end].split()) >= 3 else None

    cues = list(_CUE_WORD.finditer(title))
    # where a content ends: a hard separator ("; ", ", as ...", a dash, a colon), or a comma that
    # opens another statement's clause ("..., BJP Calls ...", "..., experts say"); not a comma of a
    # list ("threatens nukes for US, UK, Finland")
    ends = {i for i in starts if (i and not title.startswith(",", sep_at[i])) or title[i - 3:i].strip() == "as"}
    for cue in cues:
        clause = max((i for i in starts if i <= cue.start()), default=0)
        if clause and title.startswith(",", sep_at[clause]) and _plausible_headline_source(
                title[clause:cue.start()].split(), names, lower_start=True):
            ends.add(clause)
    for cue in cues:
        clause = max((i for i in starts if i <= cue.start()), default=0)
        before = title[clause:cue.start()].strip()
        content_end = min((i for i in ends if i > cue.end()), default=len(title))
        if content_end < len(title):
            content_end = sep_at.get(content_end, content_end)
        rest = title[cue.end():content_end]
        if cue.group(0).casefold() in _FINDING_CUES and (
                not before or singular(before.split()[-1].strip(".,").casefold()) not in _FINDING_SOURCES):
            continue
        if before and before.split()[-1].casefold() in _NOT_FINITE_BEFORE:
            continue  # an infinitive or a modal's verb: "St. Paul Votes To Condemn ..."
        after_as = bool(clause) and title[sep_at[clause]:clause].strip().casefold().endswith("as")
        if before:
            words = before.split()
            tail = _tag_tail(rest)
            prev = previous_clause(clause)
            if tail is not None and prev is not None and (not rest.strip() or cue.group(0).casefold().startswith("tell")
                                                          or tail.group("medium") is None):
                # "<content>, <source> <cue> [medium]": a closing tag of the clause before
                if not _plausible_headline_source(words, names, lower_start=True):
                    continue
                src_start = clause + title[clause:cue.start()].index(before)
                m = _ClauseMatch(title, (src_start, src_start + len(before)), cue.span(), prev)
                a = _headline_statement(title, m, before in names)
                if tail.group("medium") and cue.group(0).casefold().startswith("tell"):
                    a.medium = tail.group("medium")
                    a.medium_span = Span.of(title, cue.end() + tail.start("medium"), cue.end() + tail.end("medium"))
                out.append(a)
                continue
            if not _plausible_headline_source(words, names, lower_start=after_as):
                continue
            content = rest.strip(" ,;:")
            if content.endswith(".") and not content.endswith(".."):
                content = content[:-1]  # (a headline's closing full stop is no part of it)
            cwords = content.split()
            if len(cwords) < 2 or cwords[0].casefold().strip("\"'\u2018\u201c") in _NOT_CONTENT_START | _MODAL_STARTS \
                    or (len(cwords) < 3 and not any(q in content for q in _QUOTES)):
                continue
            c0 = cue.end() + rest.index(content)
            medium_span = None
            if cue.group(0).casefold().startswith("tell") and len(cwords) >= 4 \
                    and cwords[1].casefold() not in _NOT_CONTENT_START:
                # "FAA official tells lawmakers controller shortage ...": the audience comes first
                medium_span = (c0, c0 + len(cwords[0]))
                after = content[len(cwords[0]):]
                c0 += len(cwords[0]) + len(after) - len(after.lstrip())
                content = after.lstrip()
            src_start = clause + title[clause:cue.start()].index(before)
            m = _ClauseMatch(title, (src_start, src_start + len(before)), cue.span(), (c0, c0 + len(content)))
            a = _headline_statement(title, m, before in names)
            if medium_span is not None:
                a.medium_span = Span.of(title, *medium_span)
                a.medium = a.medium_span.text
            out.append(a)
        elif cue.group(0).casefold() in _INVERTED_CUES:
            tail = rest.strip()
            prev = previous_clause(clause)
            if prev is None or not tail:
                continue
            if content_end == len(title) and _plausible_headline_source(tail.split(), names, lower_start=True):
                # "<content>, says <source>" at the end of the headline
                s0 = cue.end() + rest.index(tail)
                m = _ClauseMatch(title, (s0, s0 + len(tail)), cue.span(), prev)
                out.append(_headline_statement(title, m, tail in names))
                continue
            # "<Name> <does something>, says <clause>": the first clause's subject speaks
            subject = _opening_name(title, prev[1], names)
            content = tail.rstrip(" ,;:")
            cwords = content.split()
            if subject is None or len(cwords) < 3 or cwords[0].casefold().strip("\"'\u2018\u201c") in \
                    _NOT_CONTENT_START | _MODAL_STARTS:
                continue
            c0 = cue.end() + rest.index(content)
            m = _ClauseMatch(title, subject, cue.span(), (c0, c0 + len(content)))
            out.append(_headline_statement(title, m, True))
    return out


def _opening_name(title: str, end: int, names: Collection[str]) -> tuple[int, int] | None:
    """(start, end) of the longest of the body's names in the headline's first clause (before
    ``end``), after capitalised words only: the subject ("Halvard Robotics lands ...", "Squad Member
    Tasha Whitfield Has ..."; the longest, not "Squad")."""
    first = title[:end]
    found: list[tuple[int, int]] = []  # (-length, start): the longest first, then the earliest
    for n in names:
        i = first.find(n) if len(n) >= 3 else -1
        if i == -1 or (i and not first[i - 1].isspace()) or (i + len(n) < len(first) and first[i + len(n)].isalnum()):
            continue
        if all(w[:1].isupper() for w in first[:i].split()):
            found.append((-len(n), i))
    if not found:
        return None
    length, start = min(found)
    return start, start - length


def _quotes_from_body(title: str, found: list[Attribution], body: str) -> list[Attribution]:
    """A headline's quotation of four words or more (not a scare-quoted term: "'viper's nest'")
    that no statement of the headline holds and that the body quotes too ("'You preyed on her
    kindness': Judge jails conman ..."): a statement with no source or cue of its own (flag
    ``quote_from_body``); the entities stage gives it the speaker of the body's statement that
    holds the quotation."""
    if not body:
        return []
    out: list[Attribution] = []
    body_words = None
    for q0, q1 in _quoted_stretches(title):
        inner = folded_words(title[q0 + 1:q1])
        if len(title[q0 + 1:q1].split()) < 4 or any(b.content.start < q1 + 1 and q0 < b.content.end for b in found):
            continue
        body_words = body_words if body_words is not None else f" {folded_words(body)} "
        if f" {inner} " not in body_words:
            continue
        out.append(Attribution(speaker=None, speaker_description=None, source=None, cue=None,
                               content=Span.of(title, q0, q1 + 1), kind="direct", flags=["headline", "quote_from_body"]))
    return out


class _ClauseMatch:
    """The groups src, cue and content of a statement found without one regular expression."""

    def __init__(self, title: str, src: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]) -> None:
        self._spans = {"src": src, "cue": cue, "content": content}
        self._title = title

    def group(self, name: str) -> str:
        s, e = self._spans[name]
        return self._title[s:e]

    def start(self, name: str) -> int:
        return self._spans[name][0]

    def end(self, name: str) -> int:
        return self._spans[name][1]


def title_attributions(extractor: Any, title: str | None, keep: Collection[str] = (),
                       names: Collection[str] = (), body: str = "", speakers: Collection[str] = ()) -> list[Attribution]:
    """Statements of ``title`` (offsets into it). ``keep``: names the body writes with a capital,
    left as written when the title is put in sentence case; ``names``: the body's entity and
    speaker names (a headline may end in its source: "... – Lavrov"); ``body``: the article's
    text (a headline's quotation with no cue of its own is a statement when the body quotes it);
    ``speakers``: names of the body's people and organisations who speak ("Issa: ..." is Issa's
    statement)."""
    if not title or not title.strip():
        return []
    found = list(extractor(title))
    cased = parser_case(title, keep)
    if cased != title:
        for a in extractor(cased):
            a = _restore(a, title, cased)
            if not any(_overlaps(a, b) for b in found):
                found.append(a)
    colon = _colon_statement(title) or _speaker_colon_statement(title, speakers)
    if colon is not None and not any(_overlaps(colon, b) for b in found):
        found.append(colon)
    tagged = _comma_tag_statement(title, names)
    if tagged is not None and not any(_overlaps(tagged, b) for b in found):
        found.append(tagged)
    clauses = _clause_statements(title, names)
    for clause in clauses:
        assert clause.cue is not None
        same_cue = [b for b in found if _clause_reading_wins(clause, b, clauses)]
        others = [b for b in found if b not in same_cue]
        if not any(_overlaps(clause, b) or (b.cue is not None and b.cue.start < clause.cue.end
                                            and clause.cue.start < b.cue.end) for b in others):
            found = others + [clause]
    found += _quotes_from_body(title, found, body)
    trailing = _trailing_statement(title, names)
    if trailing is not None:
        # the whole headline is the statement: a reading of its first part alone loses to it
        found = [b for b in found if not (trailing.content.start <= b.content.start
                                          and b.content.end <= trailing.content.end)]
        found.append(trailing)
    return sorted(found, key=lambda a: a.content.start)


def _clause_reading_wins(clause: Attribution, b: Attribution, clauses: list[Attribution]) -> bool:
    """Whether a headline clause's reading replaces the parse's reading ``b`` of the same cue:
    the parse cut the content short ("says no snap election | until budget passes"), took the
    audience into it ("tells | lawmakers controller shortage ..."), found no source ("Brisk
    defends ..." read as a name and a noun), read the clause before the
    cue as its content when the clause has its own after it ("Kestrel cuts forecast, CEO says
    consumer is 'choppy'"), or ran over another clause's source and cue ("Hamas says ... as Iran
    warns ...")."""
    assert clause.cue is not None
    if b.cue is None or not (b.cue.start < clause.cue.end and clause.cue.start < b.cue.end):
        return False
    if (b.cue.start, b.cue.end) == (clause.cue.start, clause.cue.end) and (
            b.content.end - b.content.start < clause.content.end - clause.content.start
            or (clause.medium is not None and b.medium is None)
            or (b.source is None and clause.source is not None)):
        return True
    if clause.content.start >= clause.cue.end and b.content.end <= b.cue.start:
        return True
    return any(c is not clause and c.cue is not None and c.source is not None
               and b.content.start <= c.source.start and c.cue.end <= b.content.end for c in clauses)


_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][\w\-]*(?:['\u2019]s)?")


def body_names(text: str, entity_texts: Collection[str] = ()) -> set[str]:
    """Words the body writes with a capital inside a sentence (names), and the words of its
    entity mentions: what a Title Case title keeps capitalised."""
    keep = {re.sub(r"['\u2019]s$", "", w) for w in _CAPITALISED.findall(text)}
    for t in entity_texts:
        keep.update(re.findall(r"[\w\-]+", t))
    return keep
