"""Build an article's entity mentions with canonical forms.

Order of work (each step documented in docs/entities.md):

1. statistical NER mentions (PERSON, ORG, GPE, LOC, NORP, FAC), trimmed: cut at a line
   break, outer punctuation, a leading "the", a trailing possessive; title-only PERSON
   mentions ("Lt.-Gen") become a title for the next mention;
2. alias-table matches (:mod:`.ruler`, guarded); overlaps keep the longer span, the table
   wins ties and wins over "IS militants"-style NER spans (table name + group head);
3. repairs: an ORG cut before "and Central Asian Studies" is extended; a mention right
   after a title ("Lt.-Gen. Talib Shaghati") is a PERSON;
4. canonical forms: table entry, else persons merged inside the article (surname or first
   name -> the one full name that has it; never when two people share it), acronyms ->
   the long name written in the article, else the cleaned surface form;
5. recall: further bare-surname and acronym occurrences of merged entities are added.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Collection, Iterable, Iterator

from ..model import Entity
from ..nlp import upos
from .aliases import AliasTable
from .names import (DOCUMENT_NOUNS, GROUP_HEADS, GROUP_QUALIFIERS, HONORIFICS, NAME_PARTICLES, OUTLET_KINDS, PERSON_NOUNS,
                    ROLE_NOUNS, SURNAME_FIRST, clean_surface, fold_accents_aligned, given_name_genders, is_title, name_parts,
                    possessive_len, singular, split_nickname, split_title, title_key, title_like)
from .ruler import TableMatch, accept_ambiguous, judged_lines, table_matches

if TYPE_CHECKING:
    from spacy.tokens import Doc

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Longest acronym matched against the long names of an article.
MAX_ACRONYM = 6
MIN_SURNAME_LEN = 3
# An ORG the model cut off before "... and Central Asian Studies": head nouns that end one.
_ORG_TAIL = re.compile(
    r"(?:\s+(?:and|of|for|&|on)\s+(?:the\s+)?)(?:[A-Z][\w\-]*\s+){0,4}?(?:Studies|Institute|Center|Centre|"
    r"Council|Foundation|Association|University|Research|Affairs|Relations|Committee|Agency|"
    r"Forum|Fund|Society|Union|Academy|Organization|Organisation|Policy|Analysis|Security|"
    r"Economy|Economics|Development|Peace|Democracy|Strategy|Trade|Cooperation)\b")
_POSSESSOR = re.compile(r"[^\n]{1,60}?['\u2019]s\s+(?=[A-Z][\w\-]+$)")
_DANGLING = re.compile(r"[\s,]+(?:and|or|&|of|for|the)$", re.I)
_STOP_INITIAL = frozenset({"of", "for", "the", "and", "on", "in", "&", "to", "at", "de"})
_TRIM_LEFT = " \t\"'\u2018\u2019\u201c\u201d([,;:"
_TRIM_RIGHT = " \t\"'\u2018\u2019\u201c\u201d)],;:!?."


@dataclass
class Mention:
    start: int
    end: int
    label: str
    origin: str  # ner | table | surname | acronym | medium
    canonical: str = ""
    title: str = ""  # an honorific or rank stripped from before the name


def _symbol(ch: str) -> bool:
    """An emoji, a flag letter or other pictograph (Unicode categories So, Sk, Cf; the
    variation selectors and joiner of emoji sequences), or a space."""
    return ch.isspace() or ch in "\ufe0e\ufe0f\u200d" or unicodedata.category(ch) in ("So", "Sk", "Cf")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    while start < end and text[start] in _TRIM_LEFT:
        start += 1
    while end > start and _symbol(text[end - 1]):
        end -= 1  # "Alex Bruesewitz 🇺🇸": a flag or an emoji is not part of the name
    while end > start and text[end - 1] in _TRIM_RIGHT:
        # keep the dot of an abbreviation ("U.S.", "Inc.")
        if text[end - 1] == "." and re.search(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Co|Ltd|Jr|Sr)\.$",
                                              text[start:end]):
            break
        end -= 1
    seg = text[start:end]
    if seg.count("(") > seg.count(")"):  # "Islamic State (Isis" cut before its closing bracket
        end = start + seg.rindex("(")
        while end > start and text[end - 1] in _TRIM_RIGHT:
            end -= 1
    m = re.match(r"(?:the|an?)\s+(?=[A-Z])|the\s+", text[start:end], re.I)
    if m and end - start > m.end():
        start += m.end()
        while start < end and text[start] in _TRIM_LEFT:
            start += 1
    end -= possessive_len(text[start:end])
    while True:  # a dangling conjunction left by a cut ("Daily Mail and" of "Daily Mail and Guardian")
        m = _DANGLING.search(text, start, end)
        if m is None or m.start() <= start:
            break
        end = m.start()
    return start, end


# Figures written after a player's name, that the recogniser took into it ("Seneviratne 6-54")
# (figures with a dash, a slash or a star: not the "4" of a product's "LTE Cat 4")
_FIGURES_AFTER_NAME = re.compile(r"(?<=[^\W\d_])(?:[ \t]+\(?\d+(?:[\-/]\d+\*?|\*)\)?)+$")


def ner_mentions(doc: "Doc", text: str) -> tuple[list[Mention], dict[int, str]]:
    """Trimmed NER mentions, and titles found as stand-alone PERSON mentions by end offset."""
    mentions: list[Mention] = []
    titles: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if end - start < 2 or not any(c.isupper() for c in text[start:end]):
            continue
        surface = text[start:end]
        label = ent.label_
        if surface in _TIME_ZONES or (surface == "May" and _MONTH_CONTEXT.search(text, max(0, start - 12), end + 4)):
            continue  # "00:19 UTC", "in May 2015": times, not entities
        if _URL.search(surface) or _title_fragment(text, start, end):
            continue  # "https://t.co/fCv…" tagged PERSON; "State" of "Secretary of State"
        title = ""
        if label != "PERSON" and _abbreviated_title_name(surface):
            label = "PERSON"  # "Lt.-Gen. Talib Shaghati" tagged ORG: a rank before a name is a person
        if label == "PERSON" and surface.split()[-1].casefold() in _NOT_NAME_ENDINGS:
            label = "ORG"  # "Clinton White House", "Trump Organization" tagged PERSON
        if label == "PERSON" and (figures := _FIGURES_AFTER_NAME.search(surface)) is not None:
            end = start + figures.start()  # "Seneviratne 6-54", "Kohli 82*": a player's figures
            surface = text[start:end]
        if label == "PERSON":
            title, name = split_title(surface)
            if not name or is_title(name):  # "Lt.-Gen" alone
                titles[end] = surface
                continue
            if title:
                start = end - len(name)
        if label in ("ORG", "PERSON") and (cut := _name_after_portfolio(text, start, text[start:end])) is not None:
            # "Minister for National Development Ong Kah Seng": the portfolio is the title's
            name_start, title = cut
            mentions.append(Mention(start + name_start, end, "PERSON", "ner", title=title))
            continue
        if label == "ORG":
            cut = _name_after_institution(surface)
            if cut is not None:  # "... of the United Nations Qu Dongyu": the organisation, then its head
                org_end, name_start, title = cut
                mentions.append(Mention(start, start + org_end, label, "ner"))
                mentions.append(Mention(start + name_start, end, "PERSON", "ner", title=title))
                continue
        mentions.append(Mention(start, end, label, "ner", title=title))
    return mentions, titles


# A capitalised name word, accented letters too ("Réjean", "Bhríde", "Łukasz"), a double-barrelled one
# ("Okonjo-Byrne") or one with an apostrophe ("O'Neill"). (Latin Extended-A alternates upper- and
# lower-case letters, so its whole block is in both classes.)
_UP, _LOW = "A-ZÀ-ÖØ-Þ\u0100-\u017f", "a-zß-öø-ÿ\u0100-\u017f"
_NAME_WORD = re.compile(f"(?:O[\u2019']|D[\u2019'])?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?")


def _name_words_ok(words: list[str]) -> bool:
    """Two to four words of a person's name: name words, with particles only inside."""
    return 2 <= len(words) <= 4 and _NAME_WORD.fullmatch(words[0]) is not None \
        and _NAME_WORD.fullmatch(words[-1]) is not None \
        and all(_NAME_WORD.fullmatch(w) or w.casefold() in NAME_PARTICLES for w in words[1:-1]) \
        and sum(w.casefold() not in NAME_PARTICLES for w in words) <= 3


def _name_after_institution(surface: str) -> tuple[int, int, str] | None:
    """An ORG mention that runs on into a person's name: "the Food and Agriculture Organization
    of the United Nations Qu Dongyu", "the Labour Party Deputy Leader Angela Rayner". Returns
    (end of the organisation, start of the name, the title between) or None. The name is two
    or three capitalised words after the organisation's last institution word."""
    words = list(re.finditer(r"\S+", surface))
    last = max((i for i, w in enumerate(words) if w.group(0).casefold() in _NOT_NAME_ENDINGS | {"nations"}),
               default=None)
    if last is None:
        return _name_after_org_role(surface, words)
    if last >= len(words) - 2:
        return None
    rest = words[last + 1:]
    k = 0
    while k < len(rest) - 2 and is_title(rest[k].group(0)):
        k += 1  # "Deputy Leader", "Director-General" between the organisation and the name
    name = rest[k:]
    if not _name_words_ok([w.group(0) for w in name]) or any(
            w.group(0).casefold() in _NOT_NAME_ENDINGS or is_title(w.group(0)) for w in name):
        return None
    title = surface[rest[0].start():rest[k - 1].end()] if k else ""
    return words[last].end(), name[0].start(), title


# Words of a minister's portfolio ("National Development", "Trade and Industry", "Health and Social Care").
_PORTFOLIO_WORDS = frozenset("""affairs foreign home internal interior national development health finance
treasury defence defense education trade industry justice labour labor employment manpower transport
transportation environment agriculture energy culture sport sports communications information security
housing planning local government community communities social family women children youth water
resources natural tourism commerce fisheries works public infrastructure technology science innovation
digital economy economic cooperation co-operation international relations state care welfare services
land lands mines mining petroleum power climate change food rural urban regional heritage arts media
immigration citizenship veterans budget revenue investment enterprise business law legal parliamentary
disaster management sustainability and of the for""".split())
# The title a portfolio follows: "Minister for", "Secretary of State for", "Minister of State for".
_PORTFOLIO_TITLE = re.compile(r"\b(?:Minister|Secretary|Commissioner|Cabinet\s+Secretary|Minister\s+of\s+State|"
                              r"Secretary\s+of\s+State)\s+(?:for|of)\s+$")


def _name_after_portfolio(text: str, start: int, surface: str) -> tuple[int, str] | None:
    """A mention that runs a minister's portfolio into the name after it ("Minister for National
    Development Ong Kah Seng" tagged "National Development Ong Kah Seng"): (start of the name in
    ``surface``, the whole title) or None. The portfolio is words of a portfolio; the name two to
    four name words that are none."""
    head = _PORTFOLIO_TITLE.search(text, max(0, start - 40), start)
    if head is None or "\n" in head.group(0):
        return None
    words = list(re.finditer(r"\S+", surface))
    k = 0
    while k < len(words) and words[k].group(0).casefold() in _PORTFOLIO_WORDS:
        k += 1
    name = [w.group(0) for w in words[k:]]
    if k == 0 or not _name_words_ok(name) or any(
            w.casefold() in _PORTFOLIO_WORDS | _NOT_NAME_ENDINGS or is_title(w) for w in name):
        return None
    return words[k].start(), text[head.start():start + words[k - 1].end()]


def _name_after_org_role(surface: str, words: list[re.Match]) -> tuple[int, int, str] | None:
    """"Kremlin Spokesman Anatoly Grebnev", "Pentagon Press Secretary John Kirby" tagged as one ORG:
    the organisation, the role ("Press Secretary") and a name of two or three words."""
    role = next((i for i, w in enumerate(words) if i >= 1 and w.group(0).casefold() in _ORG_ROLE_TAIL), None)
    if role is None:
        return None
    first = role
    while first > 1 and words[first - 1].group(0).casefold() in _ORG_ROLE_TAIL_WITH:
        first -= 1
    name = words[role + 1:]
    if not _name_words_ok([w.group(0) for w in name]) or any(
            w.group(0).casefold() in _NOT_NAME_ENDINGS or is_title(w.group(0)) for w in name):
        return None
    return words[first - 1].end(), name[0].start(), surface[words[first].start():words[role].end()]


_URL = re.compile(r"://|^www\.|\.(?:com|org|net|co)/|@\w", re.I)
# Words that NER tags ORG inside an office's title: "Press Secretary", "Secretary of State".
_TITLE_PARTS = frozenset("press state home foreign interior".split())


def _title_fragment(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word.casefold() not in _TITLE_PARTS:
        return False
    after = re.match(r"\s+([\w.\-]+)", text[end:end + 30])
    return bool(after and is_title(after.group(1))) or bool(re.search(r"Secretary\s+of\s+(?:the\s+)?$", text[max(0, start - 25):start]))


_TIME_ZONES = frozenset("UTC GMT BST CET CEST EET EEST MSK EST EDT CST CDT MST MDT PST PDT AEST AEDT IST JST".split())
# "May" as a month: a day or year after it, or a preposition of time before it
_MONTH_CONTEXT = re.compile(r"\bMay\s+\d|\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]his|"
                            r"[Bb]efore|[Aa]fter|[Tt]hrough|[Ee]nd\s+of|[Ss]tart\s+of)\s+May\b")


def _demonym_plurals(mentions: list[Mention], text: str) -> None:
    """"Cypriots" tagged PERSON or ORG where the article also has "Cypriot" as NORP: a people."""
    norp = {text[m.start:m.end] for m in mentions if m.label == "NORP"}
    for m in mentions:
        surface = text[m.start:m.end]
        if m.label in ("PERSON", "ORG") and surface.endswith("s") and " " not in surface and surface[:-1] in norp:
            m.label = "NORP"
            m.canonical = surface


# Words that make a capitalised phrase an organisation, never a person's name.
_ORG_WORDS = frozenset("""institute university college school party company corporation corp inc ltd llc group
bank council ministry department agency office news times post journal media foundation association
committee commission center centre fund union league club network court police army force forces
authority board bureau service services industries partners capital holdings trust society church
airlines airways motors energy systems technologies labs studio studios records press daily weekly""".split())


_INSTITUTION_WORDS = frozenset("house senate congress parliament assembly organization organisation administration "
                               "government campaign embassy consulate".split())
_NOT_NAME_ENDINGS = _ORG_WORDS | _INSTITUTION_WORDS  # a PERSON mention ending in one is an ORG


def _abbreviated_title_name(surface: str) -> bool:
    """An abbreviated title or rank followed by one to three capitalised words ("Lt.-Gen. Talib
    Shaghati", "Sen. Warren"); or titles and ranks written out, then two or three such words
    that are no organisation's ("Brigadier General Ramezan Sharif"; not "General Motors")."""
    words = surface.split()
    if len(words) < 2 or not is_title(words[0]):
        return False
    if words[0].endswith(".") or title_key(words[0]) in HONORIFICS:  # (also "Ms Okafor" tagged GPE)
        return len(words) <= 4 and all(w[:1].isupper() for w in words[1:])
    k = next((i for i, w in enumerate(words) if not is_title(w)), len(words))
    rest = words[k:]
    return 2 <= len(rest) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha()
                                       and w.casefold() not in _ORG_WORDS for w in rest)


def _resolve_overlaps(cands: list[Mention], text: str) -> list[Mention]:
    table_at: dict[int, list[tuple[int, Mention]]] = defaultdict(list)  # start -> (order, match)
    for i, t in enumerate(c for c in cands if c.origin == "table"):
        table_at[t.start].append((i, t))
    keep: list[Mention] = []
    for c in cands:
        if c.origin == "ner":
            # "IS militants", "Islamic State fighters": the table name is the mention
            covered = min(((i, t) for at in range(c.start, c.end) for i, t in table_at.get(at, ())
                           if t.end <= c.end and (t.start, t.end) != (c.start, c.end)),
                          key=lambda it: it[0], default=(0, None))[1]
            if covered is not None:
                before, rest = text[c.start:covered.start].split(), text[covered.end:c.end].split()
                if all(w.casefold() in GROUP_QUALIFIERS for w in before) and all(
                        w.casefold() in GROUP_HEADS | GROUP_QUALIFIERS for w in rest):
                    continue  # ("Takfiri Daesh": the qualifier is no part of the name)
        keep.append(c)
    keep.sort(key=lambda m: (-(m.end - m.start), m.origin != "table", m.start))
    chosen: list[Mention] = []
    taken = Occupied()
    for c in keep:
        if taken.free(c.start, c.end):
            chosen.append(c)
            taken.add(c.start, c.end)
    chosen.sort(key=lambda m: m.start)
    return chosen


# Lower-case particles inside surnames ("Mark Van den Oever", "Ursula von der Leyen").
_PARTICLES = frozenset("van von de den der ter ten da di du dos das del della le la bin ibn al el".split())
# After a cut-off name: the particles (and a capitalised "Van"), then the capitalised rest.
_NAME_PARTICLE_TAIL = re.compile(
    r"(?:\s+(?:%s))+\s+[A-Z][\w\-\u2019']+" % "|".join(sorted(_PARTICLES | {"Van"})))
# The capitalised surname after a mention that ends in a particle ("Ursula von der" + "Leyen").
_NAME_AFTER_PARTICLES = re.compile(r"[ \t]+[A-Z][\w\-\u2019']+")
# Before a lone surname: one or two capitalised names, then particles ("le", "la", "al", "el"
# left out: too often ordinary words or article-like there).
_NAME_PARTICLE_HEAD = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+(?:%s))+\s+$" % "|".join(sorted(_PARTICLES - {"le", "la", "al", "el"})))


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around ``pos`` is a Title Case headline (most words capitalised)."""
    starts, flags = judged_lines(text, _title_case)
    return flags[bisect_right(starts, pos) - 1]


def _title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _repair(mentions: list[Mention], text: str, titles: dict[int, str]) -> list[Mention]:
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        if m.label == "ORG" and m.origin == "ner":
            tail = _ORG_TAIL.match(text, m.end)
            if tail and "\n" not in tail.group(0):
                m.end = tail.end()
                skip_until = m.end
        if m.origin == "ner" and " " not in text[m.start:m.end]:
            # "Ursula von der Leyen" with only "Leyen" found (as a place, even)
            h = _NAME_PARTICLE_HEAD.search(text, max(0, m.start - 40), m.start)
            if h and "\n" not in h.group(0) and (not out or out[-1].end <= h.start()):
                m.start, m.label = h.start(), "PERSON"
        if m.label == "PERSON" and m.origin == "ner":
            # "Mark Van den Oever", "Ursula von der Leyen" cut at the particle
            p = _NAME_PARTICLE_TAIL.match(text, m.end) or (
                _NAME_PARTICLE_TAIL.match(text, m.end - 4) if text[m.end - 4:m.end] == " Van" else None) or (
                _NAME_AFTER_PARTICLES.match(text, m.end)
                if text[m.start:m.end].split()[-1] in _PARTICLES and len(text[m.start:m.end].split()) > 1 else None)
            # (the last: "Ursula von der" + "Leyen", the model stopping after the particles)
            if p and "\n" not in p.group(0):
                m.end = p.end()
                skip_until = m.end
        if m.label == "PERSON" and m.origin == "ner" and out and out[-1].label == "PERSON" \
                and out[-1].origin == "ner" and text[out[-1].end:m.start] == " " \
                and " " not in text[out[-1].start:out[-1].end] and len(text[m.start:m.end].split()) in (2, 3) \
                and _name_words_ok(text[out[-1].start:m.end].split()) and not _title_case_line(text, m.start):
            # "Mr Sathish Kumar Raman" found as "Sathish" and "Kumar Raman": a given name and a
            # surname of two words are one name (not "Larry King" and "Live" in a headline)
            out[-1].end = m.end
            continue
        if m.label in ("ORG", "MEDIA") and m.origin == "ner":
            _cut_role_tail(m, text)  # "Kremlin Spokesman" (Dmitry Peskov) tagged as one ORG
        if m.label == "PERSON" and m.origin == "ner":
            words = text[m.start:m.end].split()
            if len(words) >= 3 and words[0].casefold() in ROLE_NOUNS and not is_title(words[0]) \
                    and all(w[:1].isupper() for w in words[1:]):
                # "Spokesperson Allard Beutel" tagged whole: the role word is no part of the name
                m.start = text.index(words[1], m.start + len(words[0]))
        if m.label == "PERSON" and m.origin == "ner" and " " not in text[m.start:m.end]:
            # "London Mayor Sadiq Khan" with only "Khan" found: a capitalised word between a
            # title and the surname is the first name
            lo = max(0, m.start - 40)
            fm = re.search(r"\b([A-Z][\w\-]*\.?)[ \t]+([A-Z][a-z]+)[ \t]+$", text[lo:m.start])
            if fm and is_title(fm.group(1)) and not is_title(fm.group(2)) \
                    and fm.group(2).casefold() not in ROLE_NOUNS and (not out or out[-1].end <= lo + fm.start(2)) \
                    and not _title_case_line(text, m.start):  # "Minister Says Jobs and Reef Depend on ..."
                m.start = lo + fm.start(2)
        if m.origin != "table":
            # a title right before the mention: NER-split ("Lt.-Gen" PERSON) or plain text
            before = text[max(0, m.start - 30):m.start]
            tm = re.search(r"([A-Z][A-Za-z]*(?:[.\-]+[A-Z][a-z]*)*\.?)\s+$", before)
            prior = next((t for e, t in titles.items() if 0 <= m.start - e <= 3), None)
            if prior or (tm and is_title(tm.group(1))):
                m.label = "PERSON"
                m.title = m.title or prior or tm.group(1)  # type: ignore[union-attr]
        out.append(m)
    return out


# Role words that end an organisation's mention when NER ran the role into it ("Kremlin
# Spokesman", "Pentagon Press Secretary"); the words that may come with them ("Press", "Deputy").
_ORG_ROLE_TAIL = frozenset("""spokesman spokeswoman spokesperson secretary minister chief head official
envoy ambassador adviser advisor aide director chairman chairwoman leader commander
td mp mep msp mla mayor governor premier senator councillor treasurer""".split())
_ORG_ROLE_TAIL_WITH = frozenset("press general deputy vice senior acting".split())


def _cut_role_tail(m: Mention, text: str) -> None:
    """Cut trailing role words off an ORG mention: "Kremlin Spokesman" -> "Kremlin" (not when
    only a title part would be left: "Foreign Minister")."""
    words = list(re.finditer(r"\S+", text[m.start:m.end]))
    k = len(words)
    while k > 1 and words[k - 1].group(0).casefold() in _ORG_ROLE_TAIL | _ORG_ROLE_TAIL_WITH:
        k -= 1
    if k == len(words) or not any(w.group(0).casefold() in _ORG_ROLE_TAIL for w in words[k:]):
        return
    if words[k - 1].group(0).casefold() in _TITLE_PARTS:
        return
    m.end = m.start + words[k - 1].end()  # (before canonicals are assigned)


_ROLE_ACRONYMS = frozenset("mp mep mla msp mpp td ceo".split())  # role nouns written in capitals
_ROLE_NAME = re.compile(
    r"(?:\b(?:%s)|\b(?:%s)|\b[Cc]hief\s+of\s+(?:the\s+)?(?:General\s+|Defence\s+|"
    r"Defense\s+)?Staff)\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w\-])"
    % ("|".join(sorted(ROLE_NOUNS, key=len, reverse=True)),
       "|".join(sorted({r.capitalize() for r in ROLE_NOUNS} | {r.upper() for r in ROLE_NOUNS & _ROLE_ACRONYMS},
                       key=len, reverse=True))))  # (and seats in capitals: "Jamua MLA Saurabh Nath Singhdeo")
# (a role word capitalised at a sentence start, "Blogger Ilya Sokolov said", or as a title,
# "Kyiv Mayor Vitali Klitschko", which the model once tagged a work of art; also "Chief of
# Staff Wieslaw Kukula")

# Two capitalised words right before a capitalised role: a Title Case run, not a title.
_TWO_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+[A-Z][\w'’-]*\s+$")


# A minister's title with its portfolio, then a name the model missed ("Secretary for Security
# Edmund Kwok Ting-yan")
_PORTFOLIO_NAME = re.compile(
    r"\b(?:Minister|Secretary|Commissioner)\s+(?:of\s+State\s+)?(?:for|of)\s+(?:(?:%s)\s+){1,5}"
    r"((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w\-])"
    % "|".join(sorted({w.capitalize() for w in _PORTFOLIO_WORDS if len(w) > 3} | {"and", "the", "of"},
                      key=len, reverse=True)))


def _role_named_people(text: str, cands: list[Mention], table: AliasTable) -> list[Mention]:
    """ "defense expert Ilya Varkov": a role noun then a capitalised name the NER missed."""
    out = []
    for m in (*_ROLE_NAME.finditer(text), *_PORTFOLIO_NAME.finditer(text)):
        s, e = m.span(1)
        if any(is_title(w) or w.casefold() in ROLE_NOUNS | _NOT_NAME_ENDINGS for w in m.group(1).split()) \
                or _title_case_line(text, s):
            continue  # "Deputy Director General", a Title Case headline: not a name after a role
        if m.group(0)[:1].isupper() and not m.group(0).startswith("Chief of") \
                and _TWO_CAPITALISED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Create Your Personal Citizen Journalist Account Today": a Title Case run, not a title
        hits = [c for c in cands if c.start < e and s < c.end]
        if len(hits) == 1 and hits[0].origin == "ner" and (hits[0].start, hits[0].end) == (s, e) and (
                hits[0].label == "ORG" or (hits[0].label in ("GPE", "LOC") and m.group(1) not in place_names())) \
                and m.group(1).split()[-1].casefold() not in _NOT_NAME_ENDINGS and not table.lookup(m.group(1)) \
                and m.group(0).split()[0].casefold() not in OUTLET_KINDS | {"fellow"}:
            # "Kingsford boss Sergio Almeida" tagged ORG, "spokeswoman Bai Ruolan" tagged GPE (not
            # "a fellow Turner Broadcasting asset", "Catholic broadcaster Radio Plus")
            hits[0].label = "PERSON"
            continue
        if hits and all(c.origin == "ner" and c.label == "PERSON" and c.end <= e and (
                c.start >= m.start() or re.fullmatch(r"[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,2}[ \t]+",
                                                     text[c.start:m.start()])) for c in hits) \
                and any(c.start < s for c in hits) and "\n" not in m.group(1) and not table.lookup(m.group(1)):
            # "Jamua MLA Saurabh Nath Singhdeo" found as "Jamua MLA Saurabh" and "Nath Singhdeo":
            # the name after the role, whole (where the model ran the role into the name; not
            # "Climate Action Robert Habeck", a portfolio's last word before "Robert Habeck")
            for c in hits:
                cands.remove(c)
            out.append(Mention(s, e, "PERSON", "role"))
            continue
        if table.lookup(m.group(1)) or any(c.label in ("PERSON", "NORP") or c.origin != "ner" or c.start < s or c.end > e
                                           for c in hits):
            continue  # (a piece the model tagged ORG inside the name is replaced: "Blogger Ilya Sokolov")
        out.append(Mention(s, e, "PERSON", "role"))
    return out


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.casefold() not in _STOP_INITIAL]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


_BRACKETED_ACRONYM = re.compile(r"\s*\((?P<acro>[A-Z][A-Za-z&.]{1,%d})\)" % (MAX_ACRONYM + 3))


def inline_acronyms(mentions: list[Mention], text: str) -> dict[str, str]:
    """Acronyms an article defines right after a name: "the International Energy Agency (IEA)",
    "the Chinese People's Liberation Army (PLA)" (the initials of the whole name or of its last
    words). An acronym defined for two different names is left out."""
    found: dict[str, set[str]] = defaultdict(set)
    names = {m.canonical for m in mentions}
    for m in mentions:
        if m.label not in ("ORG", "MEDIA", "GPE", "FAC", "NORP") or len(m.canonical.split()) < 2:
            continue
        b = _BRACKETED_ACRONYM.match(text, m.end)
        if b is None:
            continue
        acro = b.group("acro").replace(".", "")
        words = m.canonical.split()
        i = next((i for i in range(len(words) - 1) if _initials(" ".join(words[i:])).upper() == acro.upper()
                  or (not acro.isupper() and "".join(w[0] for w in words[i:]) == acro)
                  or (i == 0 and "".join(w[0] for w in words).upper() == acro)), None)
        # (also an acronym with the small words' letters: "Department for Transport (DfT)", "United
        # Nations Interim Force in Lebanon (UNIFIL)")
        if i is not None:
            # "the UN International Court of Justice (ICJ)": the name the acronym spells, when
            # the article also uses it alone ("the International Court of Justice")
            suffix = " ".join(words[i:])
            found[acro].add(suffix if suffix in names else m.canonical)
    return {a: next(iter(n)) for a, n in found.items() if len(n) == 1}


# "Hayat Tahrir al-Sham, known as HTS", "the Islamic State group, also known as Daesh",
# "Transport for London (known as TfL)": a name the article itself declares for the body before it
_KNOWN_AS = re.compile(r",?[ \t]+\(?(?:(?:also|now|better|more[ \t]+commonly|commonly|locally|widely|popularly|"
                       r"usually|often|formally|officially|formerly|previously)[ \t]+)?"
                       r"(?:known|referred[ \t]+to)(?:[ \t]+(?:locally|colloquially|informally|widely|simply))?"
                       r"[ \t]+as[ \t]+(?:the[ \t]+)?[\"\u201c\u2018']?"
                       r"(?P<alias>[A-Z][\w&.\-]*(?:[ \t]+(?:(?:of|for|and|the)[ \t]+)?[A-Z][\w&.\-]*){0,3})")


# A name that the recogniser cut: capitalised words, maybe joined by "of", "and", ..., right before
_NAME_GOES_ON_LEFT = re.compile(r"(?<![\w\-])(?!(?:The|A|An|In|On|At|By|For|From|With|As|But|And|Then|When|While)\b)[A-Z][\w&\-]*,?[ \t]+(?:(?:of|for|and|on|in|de|du|la|del|der)[ \t]+)?$")


def declared_aliases(mentions: list[Mention], text: str) -> dict[str, str]:
    """Names an article declares for an organisation, place or outlet right after its name ("X,
    known as Y"; "X (also known as Y)"): alias -> the body's name. Not for people (a nickname is
    handled apart), and an alias declared for two different names is left out."""
    found: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label not in ("ORG", "MEDIA", "GPE", "FAC", "NORP"):
            continue
        k = _KNOWN_AS.match(text, m.end)
        if k is None or _NAME_GOES_ON_LEFT.search(text, max(0, m.start - 40), m.start):
            continue  # (not "London" of "Transport for London, known as TfL")
        alias = k.group("alias").rstrip(".")
        if alias.casefold() != m.canonical.casefold():
            found[alias].add(m.canonical)
    return {a: next(iter(n)) for a, n in found.items() if len(n) == 1}


# Country abbreviations that open a body's name but not its acronym ("U.S. Immigration and Customs
# Enforcement" is ICE)
_COUNTRY_PREFIXES = frozenset("US UK EU UN USA".split())


def _acronyms_of(name: str, names: Collection[str] = ()) -> list[tuple[str, str]]:
    """(acronym, name it stands for) of a long name: its initials, and without a leading country
    ("ICE" for "U.S. Immigration and Customs Enforcement"; the name without the country when the
    article also writes it so: "UN International Court of Justice" and "International Court of
    Justice" are one body)."""
    out = [(_initials(name), name)]
    first, _, rest = name.partition(" ")
    if first.replace(".", "") in _COUNTRY_PREFIXES and len(rest.split()) >= 2:
        out.append((_initials(rest), rest if rest in names else name))
    mixed = _mixed_initials(name)
    if mixed:
        out.append((mixed, name))
    return [(a, n) for a, n in out if 2 <= len(a) <= MAX_ACRONYM]


def _mixed_initials(name: str) -> str:
    """The British acronym that keeps "for"/"of" as a small letter: "Transport for London" ->
    "TfL", "Department for Education" -> "DfE"; empty for a name without those words."""
    words = name.split()
    if not any(w in ("for", "of") for w in words[1:-1]) \
            or not all(w[0].isupper() or w in ("for", "of") for w in words):
        return ""
    return "".join(w[0] for w in words)


def _unshout(name: str) -> str:
    """ "RISHI Sunak" (a tabloid opening its first paragraph in capitals) -> "Rishi Sunak": a
    first word in capitals before words that are not is written in title case (not a name all
    in capitals, and not an acronym without vowels: "MWC Bug Art")."""
    words = name.split(" ")
    first = words[0]
    if len(words) < 2 or len(first) < 3 or not (first.isupper() and first.isalpha()) \
            or not any(ch in "AEIOUY" for ch in first) \
            or not any(w[:1].isupper() and not w.isupper() for w in words[1:]):
        return name
    return " ".join([first.capitalize(), *words[1:]])


def _person_key(name: str) -> tuple[str, ...]:
    return tuple(name_parts(name))


def _al_given_name(name: str, people: Collection[str]) -> bool:
    """ "Al Gore", "Al Sharpton": "Al" as a given name, not the particle of a surname ("Al Jaber" of
    "Sultan Al Jaber", a longer name of the article)."""
    words = name.split()
    if len(words) != 2 or words[0] != "Al":
        return False
    parts = _person_key(name)
    return not any(len(op) > 2 and op[-2:] == parts for op in map(_person_key, people))


# First words of surnames of several words ("Abu Sharkh", "Al Nahyan", "Van Dijk", "De Souza"): the
# name particles (less the Dutch and Portuguese article forms), and prefixes that are words of their own.
_SURNAME_PREFIXES = (_PARTICLES - {"den", "der", "dos", "das"}) | frozenset("abu ben mac ould".split())


def _person_of_surname(m: Mention, text: str, by_last: dict[str, set[str]]) -> str | None:
    """The one person named in full whose surname a one-word mention is, where it is followed by
    what a person does or preceded by what introduces one ("Jordan said", "according to
    Jordan"); else None."""
    key = _person_key(text[m.start:m.end])
    owners = by_last.get(key[0], set()) if len(key) == 1 else set()
    if len(owners) == 1 and (_PERSON_AFTER.match(text, m.end)
                             or _PERSON_BEFORE.search(text[max(0, m.start - 20):m.start])):
        return next(iter(owners))
    return None


# Generational suffixes of a name: "Donald Trump Jr" is not "Donald Trump"
_GENERATIONS = frozenset("jr sr ii iii iv".split())
# An honorific right before a name ("Mr Tay", "Madam Lim", "Dr. Shinwari")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mdm|Madam|Dr)\.?\s+$")


def _after_honorific(text: str, pos: int) -> bool:
    """Whether an honorific stands right before ``pos`` ("Mr Tay", "Madam Lim")."""
    return _HONORIFIC_BEFORE.search(text, max(0, pos - 8), pos) is not None


# A name then the letters of a rank or seat written without a comma ("Eimear Ní Bhriain SC")
_NAME_THEN_LETTERS = re.compile(r"(.+?)[ \t]+(SC|KC|QC|MP|MSP|MEP|TD|MLA|MHK)")


def _name_words_only(name: str) -> bool:
    """Two to four capitalised words, particles between allowed, none a word of a body or a title."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and all(
        (w[:1].isupper() and w.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()
         and w.casefold() not in _NOT_NAME_ENDINGS and not is_title(w)) or w.casefold() in NAME_PARTICLES
        for w in words)


_OF_BODY = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def _people_of_bodies(mentions: list[Mention], text: str) -> None:
    """"Emi Narasaki of Kiyomizu Asset Management argued": a name tagged as a body, right before
    "of" and another body, is a person of that body (two or three name words, none a word of a
    body or a title)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for m, nxt in zip(ordered, ordered[1:]):
        if m.label != "ORG" or nxt.label != "ORG":
            continue
        link = _OF_BODY.match(text, m.end)
        name = text[m.start:m.end]
        if link is not None and link.end() == nxt.start and len(name.split()) <= 3 and _name_words_only(name) \
                and "\n" not in name:
            m.label = "PERSON"


def _titled_name(surface: str) -> bool:
    """A title, then two or three capitalised name words and no word of a body ("Councillor
    Brendan O'Leary", "Senator Ana Ruiz"; not "Minister of Health", "President Hotel")."""
    title, name = split_title(surface)
    return bool(title) and len(name.split()) <= 3 and _name_words_only(name)


def _own_acronyms(mentions: list[Mention], text: str, table: AliasTable) -> dict[str, str]:
    """Acronyms of the alias table that the article spells with a body of its own, one the table
    does not know: an Australian article's "Environment Protection Authority" is its "EPA", not
    the table's "Environmental Protection Agency". Only acronyms of three letters or more, and
    names that share fewer than half their words with the table's ("UN World Food Program" is
    the table's "World Food Programme"). An acronym two of its names spell is left out."""
    found: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label not in ("ORG", "FAC"):
            continue
        surface = clean_surface(text[m.start:m.end])
        owned = re.split(r"['\u2019]s\s+", surface, maxsplit=1)[-1]  # (not "Victoria's")
        if len(owned.split()) >= 2 and table.lookup(surface) is None and table.lookup(owned) is None:
            for acro, _name in _acronyms_of(owned):
                entry = table.lookup(acro)
                if len(acro) >= 3 and entry is not None and not _mostly_same_words(owned, entry.canonical):
                    found[acro].add(surface)  # (not "UN" for "US Navy"; not "UN World Food Program")
    return {a: next(iter(n)) for a, n in found.items() if len(n) == 1}


def _mostly_same_words(name: str, other: str) -> bool:
    """Whether at least half the words of ``name`` are words of ``other`` (case aside)."""
    words = name.casefold().split()
    return 2 * len(set(words) & set(other.casefold().split())) >= len(words)


def assign_canonicals(mentions: list[Mention], text: str, table: AliasTable) -> None:
    """Fill ``canonical`` (and fix ``label``) of every mention in place."""
    # 1. table entries and cleaned surfaces
    pending: list[Mention] = []
    nicknames: dict[str, str] = {}  # "Paeng" -> "Rafael Dizon"
    own = _own_acronyms(mentions, text, table)
    for m in mentions:
        surface = clean_surface(text[m.start:m.end])
        if m.label == "ORG" and _titled_name(surface):
            # "Councillor Brendan O'Leary" tagged as a body: the person, the title left before the
            # mention (a description, as for a person's mention)
            name = split_title(surface)[1]
            at = text[m.start:m.end].rfind(name)
            m.label = "PERSON"
            if at > 0:
                m.start, surface = m.start + at, name
        letters = _NAME_THEN_LETTERS.fullmatch(surface)
        if m.label in ("ORG", "PERSON") and letters is not None and _name_words_only(letters.group(1)):
            # "Eimear Ní Bhriain SC", "Jane Roe MP" (tagged as a body): the person, without the letters
            m.end = m.start + text[m.start:m.end].rindex(letters.group(2)) - 1
            m.label, surface = "PERSON", clean_surface(text[m.start:m.end])
        if m.label == "PERSON":
            surface = split_title(surface)[1] or surface
            surface, nickname = split_nickname(surface)  # (the name without it: "Rafael Dizon")
            if nickname is not None:
                nicknames.setdefault(nickname, surface)
        entry = table.lookup(surface)
        if entry is not None and surface in own and entry.canonical != own[surface]:
            # the article's own "Environment Protection Authority" for its "EPA"
            m.canonical, m.label = own[surface], "ORG"
            continue
        if entry is None and m.label in ("ORG", "NORP"):
            words = surface.split()
            if len(words) > 1 and words[-1].casefold() in GROUP_HEADS:
                entry = table.lookup(" ".join(words[:-1]))
        if entry is not None and not (entry.label == "PERSON" and len(surface.split()) == 1):
            m.canonical, m.label = entry.canonical, entry.label
            continue
        m.canonical = surface
        pending.append(m)

    for m in pending:  # the nickname alone is the person ("Ka Mario" after "Mario “Ka Mario” Sibal")
        if m.label == "PERSON" and m.canonical in nicknames:
            m.canonical = nicknames[m.canonical]
    # 2. people: full names (two or more parts) seen in this article; a two- or three-word
    #    "ORG" (or "FAC") whose last word is a one-word PERSON of the article is that person's full
    #    name ("Reason's Christian Britschgi" tagged ORG, later "Britschgi" tagged PERSON; "the
    #    Tucker Carlson segment" tagged FAC)
    surnames = {m.canonical for m in mentions if m.label == "PERSON" and len(m.canonical.split()) == 1}
    for m in pending:
        words = m.canonical.split()
        if m.label in ("ORG", "FAC") and 2 <= len(words) <= 3 and words[-1] in surnames and all(
                w[:1].isupper() and w.replace("-", "").isalpha() and w.casefold() not in _ORG_WORDS for w in words):
            m.label = "PERSON"
    full: dict[str, tuple[str, ...]] = {}
    people = {m.canonical for m in mentions if m.label == "PERSON"}
    for m in mentions:
        if m.label == "PERSON" and len(m.canonical.split()) >= 2 and (
                (_person_key(m.canonical) or ("",))[0] not in _PARTICLES or _al_given_name(m.canonical, people)):
            full[m.canonical] = _person_key(m.canonical)
    # "Hillary Clinton" and "Hillary Rodham Clinton" are one person: keep the longest
    merged_full: dict[str, str] = {}
    in_prose = {m.canonical for m in mentions if m.label == "PERSON" and not _title_case_line(text, m.start)}
    honoured = {m.canonical for m in mentions if m.label == "PERSON"
                and _after_honorific(text, m.start)}
    # names that open a paragraph with a first word in capitals ("RISHI Sunak is ready to ...")
    shouted = {m.canonical for m in mentions if m.label == "PERSON" and (m.start == 0 or text[m.start - 1] == "\n")}
    for name, parts in full.items():
        # ("Viktor Orbán" and "Viktor Orban": the same parts, the spelling seen first, but not
        # one shouting in capitals: "DAVID Attenborough" at the start of an article)
        same = [other for other, oparts in full.items() if oparts == parts]
        best = min(same, key=lambda n: (any(len(w) > 2 and w.isupper() for w in n.split()), same.index(n)))
        for other, oparts in full.items():
            if (other != name and oparts[0] == parts[0] and oparts[-1] == parts[-1]
                    and set(parts) <= set(oparts) and len(oparts) > len(full[best])):
                best = other
            elif other != name and len(oparts) == len(parts) == 2 and oparts[-1] == parts[-1] \
                    and len(parts[0]) >= 3 and oparts[0].startswith(parts[0]) and len(oparts[0]) > len(parts[0]):
                best = other  # "Greg Pell" and "Gregory Pell": a short form of the same given name
        if best == name and len(parts) >= 2:
            # "Ms Nur Aisyah" after "Ms Nur Aisyah Kamaruddin" (with an honorific: not "Larry King"
            # of "Larry King Live"; nor "Donald Trump" of "Donald Trump Jr", another person);
            # "Esparza Ríos" (two surnames) after "María Guadalupe Esparza Ríos": the leading or the
            # trailing words of one longer name written in running text (not "Bernie Sanders Pins")
            longer = {o for o, op in full.items() if len(op) > len(parts) and o in in_prose
                      and ((op[:len(parts)] == parts and name in honoured and not set(op[len(parts):]) & _GENERATIONS)
                           or op[-len(parts):] == parts)}
            if len(longer) == 1:
                best = next(iter(longer))
        if best == name and parts[0] in _SURNAME_PREFIXES:
            # "Abu Sharkh" after "Hamdan Abu Sharkh": a surname of two words, not a full name
            owners = [o for o, op in full.items() if len(op) > len(parts) and op[-len(parts):] == parts]
            if len(owners) == 1:
                best = owners[0]
        merged_full[name] = _unshout(best) if best in shouted else best
    for name, parts in full.items():
        # "V. Putin": an initial for a first name is the person the article or the alias table
        # names in full with that initial ("Vladimir Putin")
        if len(parts) == 2 and re.fullmatch(r"[^\W\d_]\.?", parts[0]):
            longer = {merged_full[o] for o, op in full.items() if op[-1] == parts[-1] and len(op[0]) > 2
                      and op[0][0] == parts[0][0]}
            entry = table.lookup(name.split()[-1])
            if len(longer) == 1:
                merged_full[name] = next(iter(longer))
            elif not longer and entry is not None and entry.label == "PERSON" \
                    and name_parts(entry.canonical)[-1] == parts[-1] and name_parts(entry.canonical)[0][:1] == parts[0][0]:
                merged_full[name] = entry.canonical
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for name, parts in full.items():
        by_last[parts[-1]].add(merged_full[name])
        by_first[parts[0]].add(merged_full[name])

    for m in mentions:
        if m.label == "PERSON" and m.canonical in merged_full:
            m.canonical = merged_full[m.canonical]
        elif m.label in ("GPE", "LOC") and m not in pending \
                and (person := _person_of_surname(m, text, by_last)) is not None:
            # "Rep. Jim Jordan ... Jordan said": a place of the alias table that is the surname of
            # a person of the article, in a person's context, is that person
            m.canonical, m.label = person, "PERSON"
    for m in pending:
        if m.canonical in merged_full or m.label not in ("PERSON", "NORP", "ORG", "GPE", "FAC", "LOC"):
            continue
        poss = _POSSESSOR.match(text, m.start, m.end)
        if poss is not None:
            # "the UAW's Fain" tagged as one ORG: the possessed surname is the person
            tail = _person_key(text[poss.end():m.end])
            if len(tail) == 1 and len(by_last.get(tail[0], ())) == 1:
                m.start, m.canonical, m.label = poss.end(), next(iter(by_last[tail[0]])), "PERSON"
                continue
        parts = _person_key(m.canonical)
        if not parts:
            continue
        if len(parts) == 1:
            if m.label in ("NORP", "GPE", "LOC") and parts[0].endswith("s"):
                continue  # "Catholics", "Americans": a group, not a surname
            last = by_last.get(parts[0], set())
            # the first word of a full name: a given name, or the surname of a name written
            # surname first ("Wang Wenbin" ... "Wang said", "Wang" often tagged ORG); an ORG
            # that is a name of its own (alias table), a place, longer than such surnames
            # ("EgyptAir" of a mistagged "EgyptAir Crash") or the start of a name going on with
            # a place ("Sky" of "Sky Deutschland") keeps its label
            first = by_first.get(parts[0], set())
            if m.label == "ORG":
                places = place_names()
                if len(parts[0]) > SURNAME_FIRST_MAX_LEN or table.lookup(m.canonical) is not None \
                        or m.canonical in places:
                    first = set()
                else:
                    first = {n for n in first if not any(p in places for p in n.split()[1:])}
            elif m.label != "PERSON":
                first = set()
            if len(last) == 1 and not (first - last):
                m.canonical, m.label = next(iter(last)), "PERSON"
            elif len(last) > 1 and m.label != "PERSON":
                m.label = "PERSON"  # the surname of two people of the article: a person, not which one
            elif not last and len(first) == 1:
                m.canonical, m.label = next(iter(first)), "PERSON"
            elif not last and not first and len(inner := {
                    merged_full[n] for n, p in full.items() if parts[0] in p[1:-1]}) == 1 and (
                    (m.label == "PERSON" and _after_honorific(text, m.start))
                    or _east_asian_surname(next(iter(inner)).split()) == m.canonical):
                # "Mr Tay" after "Mr Alvin Tay Boon Kiat": with an honorific, a word inside one
                # full name of the article (a surname between an English and a Chinese given name);
                # "Kwok" of "Edmund Kwok Ting-yan" without one, however the model tagged it
                m.canonical, m.label = next(iter(inner)), "PERSON"
            elif m.label == "PERSON" and not last and not first:
                entry = table.lookup(m.canonical)  # "Putin" with no full name in the article
                if entry is not None and entry.label == "PERSON":
                    m.canonical = entry.canonical
        elif parts[0] in _PARTICLES and (m.label == "PERSON" or len(parts) == 2):
            last = by_last.get(parts[-1], set())  # "Von der Leyen": a surname with its particle
            if len(last) == 1:  # (also tagged ORG or FAC: "de Castelnau said", "Le Bihan, who ...")
                m.canonical, m.label = next(iter(last)), "PERSON"
        elif m.label == "PERSON":
            same = {merged_full[n] for n, p in full.items()
                    if p[-1] == parts[-1] and p[0] == parts[0]}
            if len(same) == 1:
                m.canonical = next(iter(same))

    # 3. acronyms of long names written in this article ("CPI" only if it occurs), and those
    #    the article defines in brackets after a name ("the Chinese People's Liberation Army (PLA)")
    long_names: dict[str, set[str]] = defaultdict(set)
    all_names = {m.canonical for m in mentions}
    for m in mentions:
        if m.label in ("ORG", "MEDIA", "GPE", "FAC") and len(m.canonical.split()) >= 2:
            for acro, name in _acronyms_of(m.canonical, all_names):
                long_names[acro].add(name)
    inline = inline_acronyms(mentions, text)
    for acro, name in inline.items():
        long_names[acro].add(name)
    for m in pending:
        poss = _POSSESSOR.match(text, m.start, m.end)
        if poss is not None and m.label != "PERSON":
            # "Biden’s EIA" tagged as one FAC: the possessed acronym is the entity
            tail = text[poss.end():m.end].replace(".", "")
            if tail.isupper() and len(long_names.get(tail, ())) == 1:
                m.start, m.canonical, m.label = poss.end(), next(iter(long_names[tail])), "ORG"
                continue
        surface = m.canonical.replace(".", "")
        if (surface.isupper() or surface in inline or surface == _mixed_initials(next(iter(long_names.get(surface, ())), "")))\
                and surface.isalpha() and len(long_names.get(surface, ())) == 1:
            m.canonical, m.label = next(iter(long_names[surface])), "ORG"
    # 4. names the article declares ("..., known as HTS"): every mention written that way
    declared = declared_aliases(mentions, text)
    if declared:
        labels = {m.canonical: m.label for m in mentions}
        for m in mentions:
            if m.canonical in declared:
                m.canonical = declared[m.canonical]
                m.label = labels.get(m.canonical, m.label)


# A hyphenated given name of Chinese or Korean spelling, written last ("Ting-yan", "Tae-sik")
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _east_asian_surname(words: list[str]) -> str | None:
    """The family name of an East Asian name written in full: the word before a hyphenated given
    name ("Edmund Kwok Ting-yan", "Min Tae-sik"), or the first word of a name of two or three words
    that opens with a common family name written first ("Bai Ruolan", "Nguyen Van An")."""
    if len(words) >= 2 and _HYPHENATED_GIVEN.fullmatch(words[-1]):
        return words[-2]
    if 2 <= len(words) <= 3 and words[0].casefold() in SURNAME_FIRST and not _HYPHENATED_GIVEN.search(words[0]):
        return words[0]
    return None


class Occupied:
    """Character spans taken by mentions, asked whether a span touches none of them in a time
    that does not grow with the article (the spans are filed by position in buckets)."""

    BUCKET = 64

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.buckets: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        for b in range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1):
            self.buckets[b].append((start, end))

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for k in range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1)
                   for a, b in self.buckets.get(k, ()))


class WordIndex:
    """Where each word of a text starts, to find a name as a whole word ("Orban", not in
    "Orbanism") by looking only where its first word stands, not by reading the whole text once
    per name (hundreds of names in a long article)."""

    WORD = re.compile(r"[\w\-]+")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = defaultdict(list)
        for m in self.WORD.finditer(text):
            self.starts[m.group(0)].append(m.start())

    def finditer(self, phrase: str) -> Iterator[re.Match[str]]:
        """As ``re.finditer`` of ``phrase`` between non-word characters (``-`` a word's)."""
        pattern = re.compile(rf"(?<![\w\-]){re.escape(phrase)}(?![\w\-])")
        first = self.WORD.match(phrase)
        if first is None:
            yield from pattern.finditer(self.text)
            return
        after = 0
        for at in self.starts.get(first.group(0), ()):
            hit = pattern.match(self.text, at) if at >= after else None
            if hit is not None:
                after = hit.end()
                yield hit


def _add_recall_mentions(mentions: list[Mention], text: str, doc: "Doc | None",
                         table: AliasTable) -> list[Mention]:
    """Bare surnames and acronyms of this article's entities that NER did not tag."""
    taken = Occupied((m.start, m.end) for m in mentions)
    free = taken.free
    added: list[Mention] = []

    def add_person(start: int, end: int, owner: str) -> None:
        """A word of ``owner``'s name found at ``start:end``, if the parse reads it as a proper noun."""
        if doc is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or upos(span[0]) != "PROPN":
                return
        added.append(Mention(start, end, "PERSON", "surname", owner))
        taken.add(start, end)

    surnames: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "PERSON" and len(m.canonical.split()) >= 2:
            surnames[m.canonical.split()[-1]].add(m.canonical)
    folded = WordIndex(fold_accents_aligned(text))  # "Orbán" is a mention of "Viktor Orban"
    for surname, owners in surnames.items():
        if len(owners) != 1 or len(surname) < MIN_SURNAME_LEN or table.lookup(surname):
            continue
        for hit in folded.finditer(fold_accents_aligned(surname)):
            if free(hit.start(), hit.end()):
                add_person(hit.start(), hit.end(), next(iter(owners)))
    # Other words of one full name: with an honorific, a word that is not its last ("Mr Ong" and
    # "Madam Lim" after "Ong Kah Seng" and "Lim Geok Eng", surnames written first; "Mr Tay" after
    # "Alvin Tay Boon Kiat"); the family name of an East Asian name without one ("Tsang" of "Tsang
    # Wing-sze" and "Kwok" of "Edmund Kwok Ting-yan", before a hyphenated given name; "Bai" of "Bai
    # Ruolan", a family name written first); the two surnames of a name of four words ("Esparza
    # Ríos" after "María Guadalupe Esparza Ríos")
    owners_of: dict[str, set[str]] = defaultdict(set)
    asian: set[str] = set()
    for m in mentions:
        words = m.canonical.split()
        if m.label == "PERSON" and len(words) >= 2:
            for w in words[:-1]:
                owners_of[w].add(m.canonical)
            if len(words) == 4:
                owners_of[" ".join(words[2:])].add(m.canonical)
            if (family := _east_asian_surname(words)) is not None:
                asian.add(family)
    for part, owners in owners_of.items():
        two = " " in part
        if len(owners) != 1 or len(part) < MIN_SURNAME_LEN or part.casefold() in NAME_PARTICLES \
                or table.lookup(part) or (not two and part in surnames):
            continue
        for hit in folded.finditer(fold_accents_aligned(part)):
            if not free(hit.start(), hit.end()) or _CAPITAL_AFTER.match(text, hit.end()) or not (
                    two or part in asian or _after_honorific(text, hit.start())):
                continue
            add_person(hit.start(), hit.end(), next(iter(owners)))
    index = WordIndex(text)
    for canonical in dict.fromkeys(m.canonical for m in mentions if m.label in ("ORG", "MEDIA")):
        # (once per entity: another mention of it finds the same places, taken by then)
        if len(canonical.split()) < 2 or table.lookup(canonical):
            continue
        for acro, _name in _acronyms_of(canonical):
            if table.lookup(acro):
                continue
            for hit in index.finditer(acro):
                if free(hit.start(), hit.end()):
                    added.append(Mention(hit.start(), hit.end(), "ORG", "acronym", canonical))
                    taken.add(hit.start(), hit.end())
    return sorted(mentions + added, key=lambda m: m.start)


_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")

# Particles written in lower case inside a name ("de", "van", "ap", "bin"); the Irish ones capitalised too
_LOWER_PARTICLES = "|".join(sorted(p for p in NAME_PARTICLES if p.isascii()))
_GIVEN_THEN_NAME = re.compile(f"(?<![\\w\\-.])([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
                              f"((?: (?:{_LOWER_PARTICLES}|Ní|Nic|Ó|Uí|Mac|Mc))?"
                              f" (?:O[\u2019'])?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)(?![\\w\\-])")
_CAPITAL_WORD_START = re.compile(f"(?<![\\w\\-.])[{_UP}]")


def _given_name_recall(mentions: list[Mention], text: str, table: AliasTable) -> list[Mention]:
    """"Conor de Paor", "Gráinne Uí Cheallaigh": names the model did not tag at all. A given name of
    the list (``data/given_names.tsv``) then a capitalised surname (a particle between allowed),
    touching no mention, neither word a place, a title, a role or a name's institution word, and
    not in a headline-style line, is a person."""
    given = given_name_genders()
    places = place_names()
    taken = Occupied((m.start, m.end) for m in mentions)
    added: list[Mention] = []
    for word in _CAPITAL_WORD_START.finditer(text):  # (at every capitalised word: "Housing Gráinne Uí ...")
        hit = _GIVEN_THEN_NAME.match(text, word.start())
        if hit is None or hit.group(1) not in given:
            continue
        first, last = hit.group(1), hit.group(2).split()[-1]
        s, e = hit.start(), hit.end()
        if first in places or last in places or last.casefold() in NAME_PARTICLES \
                or not taken.free(s, e) or is_title(last) \
                or last.casefold() in _NOT_NAME_ENDINGS | ROLE_NOUNS | DOCUMENT_NOUNS | _MEDIA_WORDS \
                or table.lookup(text[s:e]) is not None or _title_case_line(text, s):
            continue
        added.append(Mention(s, e, "PERSON", "ner"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# "Khadija Adam Bakhit, 38, fled ...": two to four capitalised words (particles between allowed),
# then an age between commas
_NAME_THEN_AGE = re.compile(f"(?<![\\w\\-.])[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
                            f"(?:(?: (?:{_LOWER_PARTICLES}))? [{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?){{1,3}}"
                            r"(?=,[ \t]+(?:aged[ \t]+)?(?P<age>\d{1,3}),(?!\d))")
# Capitalised words that open a sentence, not a name ("And Bertrand Navarret, 41,")
_NOT_FIRST_NAMES = frozenset("and but or so then the a an in on at for with as when while if after before by "
                             "from to of says said also yet protester demonstrator voter shopper commuter "
                             "passenger student worker patient evacuee pensioner victim fan".split())
_NOT_NAME_FIRST = _NOT_FIRST_NAMES | ROLE_NOUNS | PERSON_NOUNS  # (a word before the name, dropped)
_NOT_AGED_NAME_WORDS = _NOT_NAME_ENDINGS | ROLE_NOUNS | DOCUMENT_NOUNS  # (a word that makes the run no name)


def _aged_people(mentions: list[Mention], text: str, table: AliasTable) -> list[Mention]:
    """Names followed by an age ("Khadija Adam Bakhit, 38,"; "Raymond Ochoa, aged 61,") that the
    model did not tag, or tagged as a place or a body: people (a word of the name may be a place
    too: "Adam", "Jordan"). Not when the run is a place, or a word of it a title, a role or an
    institution word, nor in a headline-style line."""
    places = place_names()
    taken = Occupied()
    added: list[Mention] = []
    spans = {(m.start, m.end): m for m in mentions}
    for hit in _NAME_THEN_AGE.finditer(text):
        if not 1 <= int(hit.group("age")) <= 110:
            continue
        s, e = hit.start(), hit.end()
        words = text[s:e].split()
        if words[0].casefold() in _NOT_NAME_FIRST:
            # ("Protester Christos Miliadakis, 35,": the name after the role)
            s, words = s + len(words[0]) + 1, words[1:]
            if len(words) < 2:
                continue
        if text[s:e] in places or any(is_title(w) or w.casefold() in _NOT_AGED_NAME_WORDS for w in words) \
                or table.lookup(text[s:e]) is not None or _title_case_line(text, s):
            continue
        same = spans.get((s, e))
        if same is not None:
            same.label = "PERSON"  # (tagged as a place or a body)
            continue
        added.append(Mention(s, e, "PERSON", "ner"))
        taken.add(s, e)
    if not added:
        return mentions
    kept = [m for m in mentions if taken.free(m.start, m.end)]
    return sorted(kept + added, key=lambda m: m.start)


def _bound_capital_word(prev: Any, head: Any, mentions: list[Mention]) -> bool:
    """A proper-noun word the parser binds to ``head`` as its compound that is no entity, title
    or role: a part of the name the model left out ("Alexei" Dronov, "Water" UK)."""
    return prev.tag_ == "NNP" and prev.dep_ == "compound" and prev.head.i == head.i and not prev.ent_type_ \
        and not is_title(prev.text) and prev.lower_ not in ROLE_NOUNS \
        and not any(o.start <= prev.idx < o.end for o in mentions)


def _first_names(mentions: list[Mention], text: str, doc: "Doc | None") -> None:
    """"Alexei Dronov, a retired captain, ...": the model found "Dronov" only. A capitalised word
    the parser binds to a one-word PERSON as its compound, that is no title, role, place or other
    entity, is the first name."""
    if doc is None:
        return
    for m in mentions:
        words = text[m.start:m.end].split()
        if m.label != "PERSON" or m.origin != "ner" or m.title or not (
                len(words) == 1 or (len(words) == 2 and words[0].casefold() in NAME_PARTICLES)):
            continue  # (one word, or a surname with its particle: "Ní Fhlannagáin", "de Paor")
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span[0].i == 0 or not (
                len(span) == 1 or all(t.text == "-" or t.tag_ == "NNP" or t.lower_ in NAME_PARTICLES for t in span)):
            continue  # (a double-barrelled surname is three tokens: "Okonjo - Byrne")
        prev, root = span.doc[span[0].i - 1], span.root
        if root.dep_ != "nsubj" and not any(c.dep_ == "appos" for c in root.children):
            continue  # (only a name that speaks or is described: "Alexei Dronov, a retired captain,")
        if not _bound_capital_word(prev, root, mentions) or not _NAME_WORD.fullmatch(prev.text) \
                or prev.lower_ in PERSON_NOUNS or prev.text in place_names() or text[prev.idx + len(prev.text):m.start] != " " \
                or _title_case_line(text, m.start):
            continue
        m.start = prev.idx


def _first_names_of_surnames(mentions: list[Mention], text: str, doc: "Doc | None") -> list[Mention]:
    """"Taras Kuzio, an Associate Research Fellow at ..." with "Kuzio" tagged ORG, "Oleksii
    Reznikov" with "Reznikov" tagged GPE, "Alasdair Crichton has been accused" not tagged at all
    (later "Mr Crichton"): once the votes of the article have made the surname a person, a
    capitalised word the parser binds to the surname as a compound (the checks of
    :func:`_first_names`) is the first name, and the person's name is the full one, in every
    mention. Only for a surname no full name of the article ends with, and one such first name."""
    if doc is None:
        return mentions
    full_lasts = {_person_key(m.canonical)[-1] for m in mentions
                  if m.label == "PERSON" and len(m.canonical.split()) >= 2 and _person_key(m.canonical)}
    surnames = {m.canonical for m in mentions if m.label == "PERSON" and m.canonical == text[m.start:m.end]
                and " " not in m.canonical and _NAME_WORD.fullmatch(m.canonical)
                and _person_key(m.canonical) and _person_key(m.canonical)[-1] not in full_lasts}
    if not surnames:
        return mentions
    at_start = {m.start: m for m in mentions}
    found: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    seen: set[str] = set()
    for tok in doc:
        if tok.text not in surnames or tok.text in seen:
            continue
        seen.add(tok.text)  # (only where the article first writes the surname: people are introduced
        # by their full name, not "Lockheed Martin" after "Martin")
        if tok.i == 0 or _title_case_line(text, tok.idx):
            continue
        m = at_start.get(tok.idx)
        if m is not None and (m.end != tok.idx + len(tok.text) or m.canonical != tok.text):
            continue
        if m is None and any(o.start < tok.idx + len(tok.text) and tok.idx < o.end for o in mentions):
            continue
        def given(t: Any) -> bool:
            # a name word the parser binds to the surname, one space before the next word (a
            # place's name may be a first name here, "Taras": the surname is a person by now, and a
            # place the model or the table found is a mention of its own; not "No Trudeau")
            return _bound_capital_word(t, tok, mentions) and bool(_NAME_WORD.fullmatch(t.text)) and not t.is_stop \
                and t.lower_ not in PERSON_NOUNS | _NOT_FIRST_NAMES and t.whitespace_ == " "

        prev = doc[tok.i - 1]
        if not given(prev):
            continue
        first_end = prev.idx + len(prev.text)
        while prev.i > 0 and tok.i - prev.i < 3 and given(doc[prev.i - 1]):
            prev = doc[prev.i - 1]  # ("Gen Qamar Javed Bajwa": two given names)
        start = prev.idx
        hyphened = re.search(f"[{_UP}][{_LOW}]+-$", text[max(0, start - 20):start])
        if hyphened:  # "Jean-Claude Juncker", split by the tokenizer
            start -= len(hyphened.group(0))
        found[tok.text].setdefault(text[start:first_end], (start, tok.idx + len(tok.text)))
    added: list[Mention] = []
    for surname, firsts in found.items():
        if len(firsts) != 1:
            continue  # ("Wladimir" and "Vitali" Klitschko: two people)
        (first, (s, e)), = firsts.items()
        name = f"{first} {surname}"
        m = at_start.get(e - len(surname))
        if m is not None:
            m.start = s
        else:
            added.append(Mention(s, e, "PERSON", "ner", name))
        for m in mentions:
            if m.label == "PERSON" and m.canonical == surname:
                m.canonical = name
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# Last words of outlets, teams and documents named after a first name ("Scott Conroy Video").
_MEDIA_WORDS = frozenset("""times post news herald journal gazette tribune chronicle express mail star sun mirror
video super daily weekly review standard telegraph guardian independent record bulletin courier examiner
inquirer dispatch globe register online magazine radio tv""".split())


# A party named after its leader ("the Justin Trudeau Liberals"): no person's name
_PARTY_PLURALS = frozenset("liberals conservatives democrats republicans tories socialists greens nationalists "
                           "loyalists supporters".split())


def _given_name_people(mentions: list[Mention], text: str, table: AliasTable) -> None:
    """"Marcus Lindqvist" tagged ORG, "Theresa May" GPE, "Conor de Paor" ORG, "Helena Marques
    Bittencourt" ORG: two or three name words (a particle between them allowed) opening with a given name
    of the list (``data/given_names.tsv``) that are no known place, organisation of the alias
    table, outlet, document or institution's name are a person."""
    given = given_name_genders()
    places = place_names()
    for m in mentions:
        words = text[m.start:m.end].split()
        if m.label not in ("ORG", "GPE") or m.origin != "ner" or words[0] not in given \
                or not (len(words) == 2 or (len(words) == 3 and (
                    words[1].casefold() in NAME_PARTICLES or _NAME_WORD.fullmatch(words[1]))
                    and words[2].casefold() not in _PARTY_PLURALS)) \
                or words[0] in places or not all(_NAME_WORD.fullmatch(w) for w in (words[0], words[-1])) \
                or any(w.casefold() in _NOT_NAME_ENDINGS | ROLE_NOUNS | DOCUMENT_NOUNS | _MEDIA_WORDS for w in words[1:]) \
                or text[m.start:m.end] in places or table.lookup(text[m.start:m.end]) is not None:
            continue  # (not "Charlotte Observer", "Sharon Statement", "Rose Garden" FAC, "Ted Cruz Super" PAC)
        m.label = "PERSON"


_ACRONYM_AFTER = re.compile(r"[ \t]*\((?P<acro>[A-Z][A-Za-z]{2,%d})\)" % MAX_ACRONYM)
_NAME_JOINS = re.compile(r"[ \t]+(?:of|in|for|on|and|of the|for the|in the|on the)[ \t]+")


def _names_an_acronym_spells(mentions: list[Mention], text: str) -> list[Mention]:
    """"The United Nations Interim Force in Lebanon (UNIFIL)": the model tagged the body and the
    place of its name apart. Mentions joined by "of", "in", "for", "on" or "and" right before an
    acronym in brackets that spells the initials of all their words (or of their capitalised
    words) are one organisation."""
    out = list(mentions)
    for i, last in enumerate(mentions):
        b = _ACRONYM_AFTER.match(text, last.end)
        if b is None:
            continue
        acro = b.group("acro").upper()
        k = i
        while k > 0 and i - k < 3 and _NAME_JOINS.fullmatch(text, mentions[k - 1].end, mentions[k].start):
            k -= 1
            words = text[mentions[k].start:last.end].split()
            if _initials(" ".join(words)).upper() == acro or "".join(w[0] for w in words).upper() == acro:
                merged = Mention(mentions[k].start, last.end, "ORG", "ner")
                out = [m for m in out if not (merged.start <= m.start and m.end <= merged.end)]
                out.append(merged)
                break
    return sorted(out, key=lambda m: m.start)


# A run of capitalised words, with "of", "for", "and", "on", "the" inside and possessive "'s" allowed
_CAPITAL_RUN = re.compile(r"[A-Z][\w\-]*(?:['\u2019]s)?(?:[ \t]+(?:(?:of|for|and|on|the)[ \t]+)*[A-Z][\w\-]*(?:['\u2019]s)?)+")


def _long_forms_of_acronyms(mentions: list[Mention], text: str) -> list[Mention]:
    """"The UK's Information Commissioner's Office said ... The ICO said": the model tagged the
    acronym but not the name it stands for. A run of capitalised words in running text whose
    initials spell an acronym the article uses as an organisation, and that no mention covers,
    is that organisation (the words after a possessor: not "UK's")."""
    acronyms = {text[m.start:m.end] for m in mentions if m.label == "ORG" and text[m.start:m.end].isalpha()
                and text[m.start:m.end].isupper() and 2 <= m.end - m.start <= MAX_ACRONYM}
    if not acronyms:
        return mentions
    taken = Occupied((m.start, m.end) for m in mentions)
    added: list[Mention] = []
    for run in _CAPITAL_RUN.finditer(text):
        if _title_case_line(text, run.start()):
            continue
        words = list(re.finditer(r"\S+", run.group(0)))
        # (only the run's last words can spell an acronym of MAX_ACRONYM letters, with joining words
        # between: a hostile run of thousands of capitalised words costs no more than a short one)
        for j in range(max(0, len(words) - 3 * MAX_ACRONYM), len(words) - 1):
            s, e = run.start() + words[j].start(), run.end()
            name = text[s:e]
            if name.split()[0].casefold() in _STOP_INITIAL:
                continue
            if _initials(name) in acronyms and taken.free(s, e):
                added.append(Mention(s, e, "ORG", "ner"))
                break
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# A run of capitalised words ending right before an acronym in brackets (plural possessives
# allowed: "South Australian Farmers' Federation (SAFF)")
_RUN_BEFORE_ACRONYM = re.compile(r"((?:[A-Z][\w\-]*(?:['\u2019]s?)?[ \t]+(?:(?:of|for|and|on|the|&)[ \t]+)*)*"
                                 r"[A-Z][\w\-]*(?:['\u2019]s?)?)[ \t]*\(([A-Z]{2,%d})\)" % MAX_ACRONYM)


def _runs_an_acronym_spells(mentions: list[Mention], text: str) -> list[Mention]:
    """"South Australian Farmers' Federation (SAFF)": the model tagged "Farmers" and "South
    Australian" apart (or nothing). The capitalised words right before an acronym in brackets
    whose initials it spells are one organisation, unless a mention runs out of them."""
    added: list[Mention] = []
    drop: set[int] = set()
    for hit in re.finditer(r"\(([A-Z]{2,%d})\)" % MAX_ACRONYM, text):
        line_start = text.rfind("\n", max(0, hit.start() - 200), hit.start()) + 1
        run = None
        for m in _RUN_BEFORE_ACRONYM.finditer(text, max(line_start, hit.start() - 200), hit.end()):
            if m.end() == hit.end():
                run = m
        if run is None or _title_case_line(text, run.start()):
            continue
        acro = hit.group(1)
        words = list(re.finditer(r"\S+", run.group(1)))
        for j in range(len(words) - 1):
            s, e = run.start(1) + words[j].start(), run.end(1)
            name = text[s:e]
            if name.split()[0].casefold() in _STOP_INITIAL or _initials(re.sub(r"['\u2019]s?(?=\s|$)", "", name)) != acro:
                continue
            inside = [i for i, m in enumerate(mentions) if s <= m.start and m.end <= e]
            if any(m.start < e and s < m.end for i, m in enumerate(mentions) if i not in inside) \
                    or any((mentions[i].start, mentions[i].end) == (s, e) for i in inside):
                break  # (a mention runs out of the name, or the model has it whole)
            drop.update(inside)
            added.append(Mention(s, e, "ORG", "ner"))
            break
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(mentions) if i not in drop] + added, key=lambda m: m.start)


# (at most eight words a name: a hostile run of capitalised words costs no more than a short one)
_CAP_WORDS = r"[A-Z][\w\-]{0,40}(?:['\u2019]s)?(?:[ \t]+(?:of[ \t]+)?[A-Z][\w\-]{0,40}(?:['\u2019]s)?){0,7}"
# "the Mission of the People's Republic of China to the European Union", "the Embassy of Ukraine in
# Warsaw", "the Permanent Mission of Brazil to the United Nations"
_DIPLOMATIC_POST = re.compile(r"\b(?:Permanent[ \t]+)?(?:Mission|Embassy|Delegation|Consulate(?:[- ]General)?|High[ \t]+"
                              r"Commission)[ \t]+of[ \t]+(?:the[ \t]+)?" + _CAP_WORDS
                              + r"[ \t]+(?:to|in)[ \t]+(?:the[ \t]+)?" + _CAP_WORDS)


def _diplomatic_posts(mentions: list[Mention], text: str) -> list[Mention]:
    """A country's mission, embassy or delegation named in full is one organisation, not the
    country and the body or city it is posted to (the model tags "the European Union" of "the
    Mission of the People's Republic of China to the European Union")."""
    out = list(mentions)
    for hit in _DIPLOMATIC_POST.finditer(text):
        s, e = hit.start(), hit.end()
        if any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in out) \
                or any((m.start, m.end) == (s, e) for m in out):
            continue
        out = [m for m in out if not (s <= m.start and m.end <= e)] + [Mention(s, e, "ORG", "ner")]
    return sorted(out, key=lambda m: m.start)


# The second half of a double-barrelled surname, right after the first ("Kirkpatrick-Oduya")
_SURNAME_TAIL = re.compile(r"-[A-Z][^\W\d_]+(?:['\u2019][A-Z][^\W\d_]+)?\b(?!-)")


# The second syllable of a Cantonese or Korean given name, in lower case after a hyphen ("Carmen
# Kwok Yee-man", "Winnie Chow Sze-wing"), which the model leaves out; not a word that makes the
# name a modifier ("a Putin-era law")
_SYLLABLE_TAIL = re.compile(r"-([a-z]{2,5})\b(?![\-\w])")
_NOT_SYLLABLE_TAILS = frozenset("era led run style type like born made owned based backed linked aligned "
                                "allied funded esque ism ist ite ites".split())


def _hyphenated_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    """"Siobhan Kirkpatrick" PERSON before "-Oduya": the model cut a double-barrelled surname at its
    hyphen; "Kwok Yee" before "-man": a given name's second syllable. A person's mention of two
    words or more runs on over it; a mention of the tail alone is dropped."""
    out: list[Mention] = []
    tail_end = -1
    for m in mentions:
        if m.start < tail_end and m.end <= tail_end:
            continue  # (the tail, tagged on its own)
        if m.label == "PERSON" and m.origin == "ner" and len(text[m.start:m.end].split()) >= 2:
            # (a given name and the surname's first half: "Dodd" of "Dodd-Frank" is a law's name,
            # "Bush" of "Bush-Cheney" a ticket's)
            tail = _SURNAME_TAIL.match(text, m.end)
            if tail is None and len(text[m.start:m.end].split()[-1]) <= 5:
                tail = _SYLLABLE_TAIL.match(text, m.end)  # "Kwok Yee" + "-man"
                if tail is not None and tail.group(1) in _NOT_SYLLABLE_TAILS:
                    tail = None  # ("Putin-era", "Xi-led")
            if tail is not None:
                m.end = tail_end = tail.end()
        out.append(m)
    return out


_GIVEN_BEFORE = re.compile(f"(?:^|(?<=[\\s(\"\u201c,;:]))([{_UP}][{_LOW}]+) $")


def _english_names_before(mentions: list[Mention], text: str) -> None:
    """"Carmen Kwok Yee-man", with "Kwok Yee-man" tagged: a given name of the list
    (``data/given_names.tsv``) right before a person's name of two words or more that does not
    open with one (a Hong Kong name after its English given name) is part of it."""
    given = given_name_genders()
    taken = Occupied((m.start, m.end) for m in mentions)
    for m in mentions:
        words = text[m.start:m.end].split()
        if m.label != "PERSON" or m.origin != "ner" or m.title or len(words) < 2 or words[0] in given:
            continue
        hit = _GIVEN_BEFORE.search(text, max(0, m.start - 20), m.start)
        if hit is None or hit.group(1) not in given or not taken.free(hit.start(1), hit.end(1)):
            continue
        m.start = hit.start(1)


# One space between a given name and the surname, or a particle ("Rhodri ap Gwilym")
_PARTICLE_GAP = re.compile(r" (?:(?:%s) )?" % _LOWER_PARTICLES)


def _surnames_split_off(mentions: list[Mention], text: str) -> list[Mention]:
    """"Cllr Imran" PERSON + "Qureshi" GPE, "Rhodri" PERSON + "ap" + "Gwilym" ORG: a one-word
    mention of another label right after a person's name, one space or a particle between, that is
    no known place, is the surname; "Sjoerd" GPE + "van Loon" PERSON: a one-word mention right
    before a surname that opens with its particle is the given name."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PERSON" and prev.origin == "ner" and m.origin == "ner" \
                and m.label in ("GPE", "ORG", "LOC") and _PARTICLE_GAP.fullmatch(text, prev.end, m.start) \
                and _NAME_WORD.fullmatch(text[m.start:m.end]) and text[m.start:m.end] not in place_names():
            prev.end = m.end
            continue
        if prev is not None and m.label == "PERSON" and prev.origin == "ner" and m.origin == "ner" \
                and prev.label in ("GPE", "ORG", "LOC", "NORP") and text[prev.end:m.start] == " " \
                and text[m.start:m.end].split()[0] in NAME_PARTICLES and _NAME_WORD.fullmatch(text[prev.start:prev.end]) \
                and not is_title(text[prev.start:prev.end]):
            # "Sjoerd" GPE + "van Loon" PERSON: a surname that opens with its particle is the end
            # of a name, and the capitalised word before it the given name
            prev.end, prev.label = m.end, "PERSON"
            continue
        out.append(m)
    return out


_NEXT_NAME_WORD = re.compile(f"[ \t]([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)(?![\\w\\-])")


def _surname_left_out(mentions: list[Mention], text: str) -> None:
    """"Kenyan President Samuel Kiprotich Rono, who chairs ...": the model tagged "Samuel Kiprotich"
    and left out the last word, which the article writes alone as a person elsewhere ("Rono
    said"). That word, right after the name and tagged nowhere there, is part of it."""
    alone = {text[m.start:m.end] for m in mentions if m.label == "PERSON" and " " not in text[m.start:m.end]}
    if not alone:
        return
    starts = {m.start for m in mentions}
    places = place_names()
    for m in mentions:
        if m.label != "PERSON" or m.origin != "ner" or not 2 <= len(text[m.start:m.end].split()) <= 3:
            continue
        nxt = _NEXT_NAME_WORD.match(text, m.end)
        if nxt is None or nxt.start(1) in starts:
            continue
        word = nxt.group(1)
        if word in alone and word not in text[m.start:m.end].split() and word not in places and not is_title(word):
            m.end = nxt.end(1)


# Words that make a part of a place, not a body named after it ("Central London", "Southern Ukraine").
_PLACE_PARTS = frozenset("""north south east west northern southern eastern western central greater upper
lower inner outer downtown new old mainland rural coastal metropolitan mid northeast northwest southeast
southwest northeastern northwestern southeastern southwestern little big great""".split())


# Places the gazetteer (cities and countries) lacks that name bodies: "Police Scotland", "Sport England".
_HOME_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain"})


def _org_before_place(mentions: list[Mention], text: str, doc: "Doc | None") -> None:
    """"Water UK", "Police Scotland", "Sport England": a body whose name ends in a place. The
    model tags only the place; one or two capitalised words bound to it as its compound, that
    are no entity, title, role or part of a place ("Central London"), make it an organisation
    named in full."""
    if doc is None:
        return
    taken = {(m.start, m.end) for m in mentions}
    for m in mentions:
        if m.label != "GPE" or (text[m.start:m.end] not in place_names() and m.origin != "table"
                                and text[m.start:m.end] not in _HOME_NATIONS) \
                or _title_case_line(text, m.start):
            continue  # (a surname the model took for a place: "Angus Houston"; a headline: "Defeat Russia")
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        place = span[0]
        if place.dep_ not in ("nsubj", "nsubjpass", "poss", "appos"):
            continue  # a body that speaks or owns ("Water UK said", "Police Scotland's officers")
        first = place.i
        while first > place.sent.start and place.i - first < 2:
            prev = place.doc[first - 1]
            if not _bound_capital_word(prev, place, mentions) or not prev.text.istitle() or prev.lower_ in _PLACE_PARTS:
                break
            first -= 1
        if first == place.i or (place.doc[first].idx, m.end) in taken or len(place.doc[first]) < 3 or (
                first > place.sent.start and (is_title(place.doc[first - 1].text) or place.doc[first - 1].tag_ == "NNP")):
            continue  # (a name after a title or a first name: "Air Chief Marshal Angus Houston")
        m.start, m.label, m.origin = place.doc[first].idx, "ORG", "ner"
        m.canonical = text[m.start:m.end]


def _merge_org_prefixes(mentions: list[Mention], text: str) -> None:
    """"Iron Dawn" -> "Iron Dawn Legion" when the longer name is the only ORG it begins (not a
    product: "Malaysia Airlines Boeing" before "777" is an aircraft, not the airline's name)."""
    longer = {m.canonical for m in mentions if m.label in ("ORG", "MEDIA") and len(m.canonical.split()) >= 3
              and not re.match(r"\s*\d", text[m.end:m.end + 4])}
    for m in mentions:
        if m.label != "ORG" or m.origin == "table" or len(m.canonical.split()) < 2:
            continue
        owners = {n for n in longer if n != m.canonical and n.startswith(m.canonical + " ")}
        if len(owners) == 1:
            m.canonical = next(iter(owners))


# Words after a company's short name in its full name ("Kestrel Brands", "Ford Motor Co").
_COMPANY_TAIL = frozenset("""brands group holdings holding inc inc. corp corp. corporation co co. company ltd ltd. plc
llc ag sa se nv limited industries international motor motors airlines airways foods fc afc cf electric electronics""".split())


def _merge_company_short_names(mentions: list[Mention], text: str) -> None:
    """"Kestrel said" after "Kestrel Brands": a one-word organisation mention that is the first
    word of exactly one company named before it, whose other words are only such company words
    ("Brands", "Group", "Motor Co", "Electric"), is that company (also one tagged a place that
    is no place: "Hoshino")."""
    places = place_names()
    name_words = {w for n in mentions if n.label == "PERSON" and " " in n.canonical for w in n.canonical.split()}
    for m in mentions:
        word = m.canonical
        if m.label not in ("ORG", "PERSON", "GPE") or m.origin == "table" or " " in word or not word[:1].isupper():
            continue
        if m.label == "GPE" and (word in places or word in name_words):
            continue  # ("Hoshino", tagged a place, after "Hoshino Electric"; not "Tokyo" of "Tokyo Electric")
        owners = {n.canonical for n in mentions if n.label == "ORG" and n.start < m.start
                  and n.canonical.startswith(word + " ")
                  and all(w.casefold() in _COMPANY_TAIL for w in n.canonical.split()[1:])}
        if len(owners) == 1:
            m.canonical, m.label = next(iter(owners)), "ORG"


_OWNER_BEFORE = re.compile(r"\b[A-Z][\w.\-]*['\u2019]s\s+$")


def _merge_org_heads(mentions: list[Mention], text: str) -> None:
    """"the Alliance" -> "Climate and Health Alliance", "the Commission" -> "European Commission":
    a one-word organisation mention that is the last word of exactly one longer organisation
    named in the article, and comes after it, is a short form of that name."""
    for m in mentions:
        word = m.canonical
        if m.label != "ORG" or m.origin == "table" or not word[:1].isupper() or len(word.split()) > 3:
            continue
        if _OWNER_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # "Norway's Foreign Ministry": the owner named here, not the "Russian Foreign Ministry" before
        # (also several words, as written before: "the Defence Ministry" after "the Russian Defence
        # Ministry", which the alias table spells "Russian Defense Ministry")
        owners = {n.canonical for n in mentions if n.label in ("ORG", "MEDIA") and n.start < m.start
                  and n.canonical != word and len(n.canonical.split()) > len(word.split())
                  and any(long.endswith(" " + word) and (" " not in word or _place_prefix(long[:-len(word)].strip()))
                          for long in ((n.canonical, text[n.start:n.end]) if " " in word else (n.canonical,)))}
        if len(owners) == 1:
            m.canonical = next(iter(owners))


def _place_prefix(words: str) -> bool:
    """A place or a nationality before an organisation's name ("Russian", "U.S.", "New York"):
    the longer name is that country's or city's body, so the rest is a short form of it (not
    "Top" of "Top Republican Party")."""
    words = re.sub(r"^the\s+", "", words, flags=re.I)
    return words in place_names() or bool(re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ese|ish|i)", words)) \
        or words in ("US", "U.S.", "UK", "U.K.", "EU", "UN", "U.N.")


# When spaCy gives one canonical several labels in an article ("Kelmora" GPE twice, PERSON
# once), the majority wins; ties go to the first label in this order; table labels always win.
LABEL_PRIORITY = ("MEDIA", "GPE", "ORG", "PERSON", "LOC", "FAC", "NORP")
_LABEL_RANK = {lab: i for i, lab in enumerate(LABEL_PRIORITY)}


def _vote_labels(mentions: list[Mention]) -> None:
    votes: dict[str, Counter] = defaultdict(Counter)
    fixed: dict[str, str] = {}
    for m in mentions:
        if m.origin == "table":
            fixed.setdefault(m.canonical, m.label)
        votes[m.canonical][m.label] += 1
    for m in mentions:
        counts = votes[m.canonical]
        if m.canonical in fixed:
            m.label = fixed[m.canonical]
        elif len(counts) > 1:
            m.label = max(counts, key=lambda lab: (counts[lab], -_LABEL_RANK.get(lab, len(_LABEL_RANK))))


# Surnames written first (Chinese, Korean, Vietnamese: "Wang", "Zhang", "Nguyen") are this short.
SURNAME_FIRST_MAX_LEN = 6


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country, US state and city names (GeoNames, cities of 15,000 or more, with Latin-script
    alternate names): ``data/places.txt.gz``, rebuilt by :mod:`.build_places`."""
    raw = resources.files("spinscope").joinpath("data/places.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").splitlines())


def names_a_place(text: str | None) -> bool:
    """Whether a text (a description) names a place of :func:`place_names` (not counting acronyms
    such as "MP", a place code in the gazetteer too)."""
    places = place_names()
    return any(w[:1].isupper() and not w.isupper() and w in places for w in re.findall(r"[\w\-]+", text or ""))


_PLACE_WORDS = ("city|town|village|region|port|province|oblast|district|settlement|outskirts|suburbs|capital|"
                "centre|center|streets|residents|mayor|governor|people|municipality|county|state")
# Before a place: a locative preposition, "the city of", "residents of".
_PLACE_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Nn]ear|[Oo]utside)|"
                           r"\b(?:" + _PLACE_WORDS + r")\s+of)\s+(?:the\s+)?$")
# After a place: "X region", "X border crossing", "X's mayor".
_PLACE_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:" + _PLACE_WORDS + r"|border|airport|prison|area|front|"
                          r"direction|axis|regional|metropolitan|regions|oblasts|provinces|districts|cities|"
                          r"towns|villages)\b")
# After "the" and a name, an administrative unit: the name is a place, known or not.
_ADMIN_AFTER = re.compile(r"\s+(?:district|region|province|oblast|county|municipality|governorate|prefecture|"
                          r"raion|neighbou?rhood|borough)\b")
_COORDINATION = re.compile(r",?\s+(?:and|or)\s+")
# What only a person does or has ("Clinton said", "said Clinton", "Clinton's campaign"): such a
# mention anywhere keeps the name a person, whatever the gazetteer says.
_PERSON_AFTER = re.compile(r"(?:\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|added|wrote|argued|claimed|insisted|"
                           r"announced|stated|tweeted|declared|explained|noted|asked|replied|warned|"
                           r"admitted|denied)\b|['\u2019]s\s+(?:campaign|wife|husband|son|daughter|family|"
                           r"supporters|aides?|spokesman|spokeswoman|spokesperson|team|office|adviser|advisers|"
                           r"advisor|advisors|lawyers?|attorneys?|speech|remarks|running\s+mate))")
_PERSON_BEFORE = re.compile(r"\b(?:said|says|told|according\s+to|asked|by)\s+$")


def _one_word_persons(mentions: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """(canonical, mentions) of the one-word names whose every mention is a PERSON the model
    tagged, with no title before it: the names the checks below may re-label or drop."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.canonical].append(m)
    return [(c, ms) for c, ms in groups.items()
            if " " not in c and not any(m.label != "PERSON" or m.origin == "table" or m.title for m in ms)]


# ", a 52-year-old shopkeeper in Omdurman", ", a Sudanese political analyst based in Nairobi": an
# apposition saying who someone is (up to its first preposition or comma)
_WHO_APPOSITION = re.compile(r",\s+(?:a|an)\s+((?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]+?)(?=\s+(?:of|at|in|for|from|with|"
                             r"based|who|whose|and)\b|\s*[,.;])")


def _described_people(mentions: list[Mention], text: str) -> None:
    """A name the model tagged an organisation that the article describes as a person
    ("Amira, a resident of the Burri neighbourhood", "Nadia Abdelrahim, a Sudanese political
    analyst") is a person, in every mention."""
    people = set()
    for m in mentions:
        if m.label == "ORG" and m.origin == "ner" and not re.search(r"\b(?:of|in|at|from|for)\s+(?:the\s+)?$",
                                                                   text[max(0, m.start - 12):m.start]):
            # (not "Rep. Andy Barr of Kentucky, a member of ...": the person is before the place)
            a = _WHO_APPOSITION.match(text, m.end)
            head = singular(a.group(1).split()[-1].casefold()) if a else ""
            if (head and (head in ROLE_NOUNS or head in PERSON_NOUNS)) or _AGE_AFTER.match(text, m.end):
                people.add(m.canonical)  # (or an age: "Debbie, 63, from Ohio, told us")
    for m in mentions:
        if m.canonical in people and m.origin == "ner":
            m.label = "PERSON"


_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?\d{1,3},")
# A wire dateline opening a paragraph: "KHARTOUM (AFP) -", "KYIV, Ukraine —"
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([A-Za-z .&]{2,30}\))?\s*[-\u2013\u2014]")


def _dateline_places(mentions: list[Mention], text: str) -> None:
    """An all-capitals name opening a paragraph as a dateline is the place the story was filed
    from, whatever the model tagged it ("KHARTOUM (AFP) - Sudan's army ...": not a person)."""
    places = place_names()
    for m in mentions:
        name = text[m.start:m.end]
        if name.isupper() and len(name) > 2 and (m.start == 0 or text[m.start - 1] == "\n") \
                and _DATELINE_AFTER.match(text, m.end) and name.title() in places:
            m.label, m.canonical = "GPE", name.title()


# An apposition that says a name is a company ("Lunaria, the London-based period tracking app,")
_BODY_APPOSITION = re.compile(r",[ \t]+(?:the|a|an)[ \t]+(?:[\w\-\u2019']+[ \t]+){0,6}(?:app|company|firm|startup|"
                              r"start-up|maker|platform|developer|retailer|brand|carrier|airline|operator|lender|"
                              r"bank|insurer|manufacturer|chain|conglomerate)\b")


def _unknown_places_described_as_bodies(mentions: list[Mention], text: str, table: AliasTable) -> None:
    """A one-word GPE that no gazetteer or alias table knows, and that the article describes as a
    company ("Lunaria, the London-based period and fertility tracking app,"), is an organisation."""
    places = None
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label == "GPE" and m.origin == "ner" and " " not in m.canonical:
            by_name[m.canonical].append(m)
    for name, ms in by_name.items():
        if not any(_BODY_APPOSITION.match(text, m.end) for m in ms):
            continue
        places = place_names() if places is None else places
        if name not in places and table.lookup(name) is None:
            for m in ms:
                m.label = "ORG"


def _places_tagged_person(mentions: list[Mention], text: str) -> None:
    """A one-name PERSON that is a known place and stands where places stand ("near the eastern
    city of Avdiivka", "in Kherson", "the Zaporizhzhia region", "Heathrow, Glasgow, and
    Belfast") is a GPE. A title before any mention ("Mr. Lincoln") or a possessive after "in"
    ("faith in Warren's plan") keeps it a person; a name never in such a place stays as tagged."""
    places = None
    for canonical, ms in _one_word_persons(mentions):
        if places is None:
            places = place_names()
        if canonical not in places:
            if all(text[max(0, m.start - 4):m.start].casefold() == "the " and _ADMIN_AFTER.match(text, m.end)
                   for m in ms):
                for x in ms:  # "in the Solomianskyi district": a place too small for the gazetteer
                    x.label = "GPE"
            continue
        if any(_PERSON_AFTER.match(text, m.end) or _PERSON_BEFORE.search(text[max(0, m.start - 20):m.start])
               for m in ms):
            continue
        for m in ms:
            before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 30]
            locative = _PLACE_BEFORE.search(before) and not after.startswith(("'s", "\u2019s"))
            if locative or _PLACE_AFTER.match(after) or _next_to_place(m, mentions, text):
                for x in ms:
                    x.label = "GPE"
                break


_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"\u201d\u2019)]?\s+|\n\s*|[\"\u201c\u2018(\u2022\-]\s*)$")


_KIN_NAMES = frozenset("dad daddy mom mommy mum mummy ma pa father mother grandpa grandma granny grandad "
                       "grandmother grandfather uncle aunt auntie".split())


# A given name, a nickname in quotation marks, a surname: "Ramon “Boyet” Salcedo"
_NICKNAMED = re.compile("(?<![\\w.'\u2019-])[A-Z][\\w'\u2019-]+(?: [A-Z][\\w'\u2019-]+)? [\"\u201c]"
                        "[A-Z][\\w.'\u2019-]*(?: [A-Z][\\w.'\u2019-]*)?[\"\u201d] [A-Z][\\w'\u2019]+(?:-[A-Z][\\w'\u2019]+)?")


def _nicknamed_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A name with a nickname inside it is one person's name, wherever the model cut it ("Ramon
    “Boyet" tagged PERSON and "Salcedo" GPE): one PERSON mention for the whole, when the model
    tagged a person in it or its first word is a known given name."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    given = None
    replaced: set[int] = set()  # (ids of the mentions a whole name replaces)
    added: list[Mention] = []
    last_end = -1
    for word in _CAPITAL_WORD_START.finditer(text):  # (at every capitalised word: "Palace Press Officer
        hit = _NICKNAMED.match(text, word.start()) if word.start() >= last_end else None  # Clarissa “Claire” ...")
        if hit is None:
            continue
        s, e = hit.start(), hit.end()
        i = bisect_left(starts, e)  # the mentions that start before the name ends, nearest first
        inside = []
        for m in reversed(ordered[max(0, i - 8):i]):
            if m.end > s:
                inside.append(m)
        if any(m.start < s or m.end > e for m in inside) or title_like(hit.group(0).split()[0]) \
                or _title_case_line(text, s):
            continue  # (part of a longer mention; 'President Trump “Liberation Day” Tariffs')
        if not any(m.label == "PERSON" and m.start == s for m in inside):
            given = given_name_genders() if given is None else given
            if hit.group(0).split()[0] not in given:
                continue
        replaced.update(id(m) for m in inside)
        added.append(Mention(s, e, "PERSON", "ner"))
        last_end = e
    if not added:
        return mentions
    return sorted([m for m in ordered if id(m) not in replaced] + added, key=lambda m: m.start)


# One or two initials without full stops before a name, as Indian papers write them ("R Sunil
# Hosamani", "D K Shivakumar"); not "A" or "I", which are words
_INITIALS_BEFORE = re.compile(r"(?<![\w.\-'\u2019])(?:[B-HJ-Z] ){1,2}$")


def _initials_before_names(mentions: list[Mention], text: str) -> None:
    """A person's name the model tagged without its initials ("Leader of the Opposition R Sunil
    Hosamani" tagged "Sunil Hosamani") takes them in."""
    taken = Occupied((m.start, m.end) for m in mentions)
    for m in mentions:
        if m.label == "PERSON" and m.origin == "ner" and len(text[m.start:m.end].split()) >= 2:
            hit = _INITIALS_BEFORE.search(text, max(0, m.start - 4), m.start)
            if hit is not None and taken.free(hit.start(), m.start):
                m.start = hit.start()


# Words that make a title grander without naming a body ("Prime Minister", "Acting Chief Justice")
_TITLE_MODIFIERS = frozenset("prime vice acting first second senior junior supreme principal lord lady".split())


def _office_as_body(m: Mention) -> bool:
    """An office tagged as an organisation: "Chief Minister" (the long form of "CM"), "Prime
    Minister", "Attorney General" (title and role words only). It names whoever holds it, a
    person the speakers stage finds by the description, not a body."""
    words = m.canonical.split() if m.label == "ORG" and m.origin != "table" else []
    return bool(words) and title_like(words[-1]) and all(
        title_like(w) or w.casefold() in _TITLE_MODIFIERS for w in words)


def _drop_capitalised_words(mentions: list[Mention], text: str) -> list[Mention]:
    """An ordinary word the model tagged PERSON because it opens a sentence ("Wildfires
    feeding on dry vegetation", "Rice accounts for 10% of methane", "Windy, with gales"): a
    one-word PERSON whose every mention opens a sentence, a line or a quotation, whose
    lower-case form is used elsewhere in the article, and that does nothing only a person does
    ("May said") is no entity."""
    drop: set[str] = set()
    for canonical, ms in _one_word_persons(mentions):
        word = text[ms[0].start:ms[0].end]
        if not word.isalpha() or not word[0].isupper() or word.isupper() \
                or any(text[m.start:m.end] != word for m in ms):
            continue
        if word.casefold() in _KIN_NAMES:
            continue  # "Dad and I watched ... He said": a kinship word used as a name
        low = word.casefold()
        if singular(low) != low and singular(low) in ROLE_NOUNS:
            drop.add(canonical)  # "Campaigners believe ...": a plural role noun opening a sentence
            continue
        if not all(_SENTENCE_START.search(text, max(0, m.start - 6), m.start) for m in ms):
            continue
        if not re.search(r"(?<![\w.\-])" + re.escape(word.lower()) + r"(?![\w\-])", text):
            continue
        if any(_PERSON_AFTER.match(text, m.end) for m in ms):
            continue
        drop.add(canonical)
    # "Mum-of-two Priya", "Father-of-three Tom": the first part of a hyphenated description
    mentions = [m for m in mentions if not (m.label == "PERSON" and _OF_COMPOUND.match(text, m.end))]
    return [m for m in mentions if m.canonical not in drop] if drop else mentions


_OF_COMPOUND = re.compile(r"-(?:of|in)-[a-z]")


def _next_to_place(m: Mention, mentions: list[Mention], text: str) -> bool:
    """Joined to a known place by "and"/"or" ("Catalonia and Valencia"), or followed by its
    state or country ("Ferguson, Missouri", "Pisa, Italy")."""
    places = place_names()
    for o in mentions:
        if o.label not in ("GPE", "LOC") or o is m or (text[o.start:o.end] not in places and o.origin != "table"):
            continue  # (a place of the alias table counts: "Palmyra and Deir ez-Zor")
        if m.end <= o.start:
            gap = text[m.end:o.start]
            if _COORDINATION.fullmatch(gap) or (gap == ", " and re.match(r"[,.;:)\n]|$", text[o.end:o.end + 1])):
                return True
        elif o.end <= m.start and _COORDINATION.fullmatch(text[o.end:m.start]):
            return not text.startswith(("'s", "\u2019s"), m.end)
    return False


# Outlets named by an ordinary adjective ("The Independent", "The National"): without "the",
# before a lower-case noun, the word is the adjective ("Independent journalist X", "Independent
# experts said").
_ADJECTIVE_OUTLETS = frozenset("independent national standard free local global daily".split())


def _adjective_not_outlet(m: Mention, text: str) -> bool:
    surface = text[m.start:m.end]
    if m.label != "MEDIA" or surface.casefold() not in _ADJECTIVE_OUTLETS:
        return False
    if re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start], re.I):
        return False
    nxt = re.match(r"\s+([A-Za-z]+)", text[m.end:m.end + 30])
    return nxt is not None and nxt.group(1).islower()


def build_entities(text: str, doc: "Doc | None", table: AliasTable) -> list[Entity]:
    """All entity mentions of ``text`` with canonical forms (see the module docstring)."""
    cands: list[Mention] = []
    titles: dict[int, str] = {}
    ner_labels: dict[tuple[int, int], str] = {}
    if doc is not None:
        cands, titles = ner_mentions(doc, text)
        ner_labels = {(m.start, m.end): m.label for m in cands}
        # the statistical NER also tags "US" in "LET US PRAY": same guards as the table pass
        ambiguous = {s: e for s, e, amb in table.surface_forms() if amb}
        cands = [m for m in cands if text[m.start:m.end] not in ambiguous or accept_ambiguous(
            text, TableMatch(m.start, m.end, ambiguous[text[m.start:m.end]], True), doc, ner_labels)]
    for tm in table_matches(text, table, doc, ner_labels):
        cands.append(Mention(tm.start, tm.end, tm.entry.label, "table", tm.entry.canonical))
    cands.extend(_role_named_people(text, cands, table))
    mentions = _nicknamed_names(_repair(_resolve_overlaps(cands, text), text, titles), text)
    _first_names(mentions, text, doc)
    _given_name_people(mentions, text, table)
    mentions = _hyphenated_surnames(mentions, text)
    _english_names_before(mentions, text)
    mentions = _given_name_recall(mentions, text, table)
    mentions = _aged_people(mentions, text, table)
    mentions = _names_an_acronym_spells(mentions, text)
    mentions = _long_forms_of_acronyms(mentions, text)
    mentions = _runs_an_acronym_spells(mentions, text)
    mentions = _diplomatic_posts(mentions, text)
    mentions = _surnames_split_off(mentions, text)
    _surname_left_out(mentions, text)
    _initials_before_names(mentions, text)
    _people_of_bodies(mentions, text)
    assign_canonicals(mentions, text, table)
    mentions = _add_recall_mentions(mentions, text, doc, table)
    _org_before_place(mentions, text, doc)
    _merge_org_prefixes(mentions, text)
    _merge_company_short_names(mentions, text)
    _merge_org_heads(mentions, text)
    _vote_labels(mentions)
    _described_people(mentions, text)
    _dateline_places(mentions, text)
    _places_tagged_person(mentions, text)
    mentions = _first_names_of_surnames(mentions, text, doc)
    _unknown_places_described_as_bodies(mentions, text, table)
    mentions = _drop_capitalised_words(mentions, text)
    mentions = [m for m in mentions if not _adjective_not_outlet(m, text) and not _office_as_body(m)]
    _demonym_plurals(mentions, text)
    return [Entity(m.start, m.end, text[m.start:m.end], m.label, m.canonical) for m in mentions]

