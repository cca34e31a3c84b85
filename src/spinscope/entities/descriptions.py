"""Who a person is, as the article says it: the description of each person named (an apposition,
role words before the name, a role phrase set off by commas, a predicate, an affiliation, a rank),
the gender the article gives them, and the tests that keep a clause or an acronym from passing
for a description."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Entity
from ..nlp import upos
from ..sentences import sentence_spans
from .names import (ADDRESS_ONLY, HONORIFICS, NAME_PARTICLES, PARTY_LABEL, PERSON_NOUNS, ROLE_NOUNS, given_name_genders,
                    is_title, role_nouns_in, singular, title_key, title_like)

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Verbs of an "X is heading Y" predicate that describe a post.
POST_VERBS = ("heading", "leading", "running", "directing", "commanding", "chairing", "heads",
              "leads", "runs", "directs", "commands", "chairs", "co-chairs", "teaches", "coaches", "manages",
              "oversees", "edits", "founded", "co-founded", "represents", "studies", "researches")
MAX_DESCRIPTION_CHARS = 180

_APPOSITION = re.compile(r",\s+(?:(?:a|an|the)\s+)?([^,;()\n\"\u201c\u201d]{3,%d}?)(?=,|\.\s|\.$|;)"
                         % MAX_DESCRIPTION_CHARS)
# Letters after a name: degrees, honours, a barrister's rank ("Jane Roe, MD, PhD, a cardiologist")
_POST_NOMINALS = re.compile(r"(?:,[ \t]+(?:M\.?D|Ph\.?D|N\.?D|D\.?O|R\.?N|DDS|DVM|DNP|MPH|MBA|MSc|OBE|MBE|CBE|KBE|DBE|"
                            r"KC|QC|SC|FRCP|FRCS|FRS|Esq)\.?(?=,))+")
_PREDICATE = re.compile(
    r"\s*(?:,\s*who\s+)?(?:(?:is|was|has been|had been)\s+(?:currently\s+|now\s+)?)?"
    r"((?:%s)\s(?:(?:[A-Z]\.){2,}|[^,;\n.]){3,%d}|(?:the\s+|a\s+|an\s+)?(?:head|director|chief|leader|"
    r"commander|chairman|founder|president)\s+of\s(?:(?:[A-Z]\.){2,}|[^,;\n.]){3,%d})"  # ("U.K." inside)
    % ("|".join(POST_VERBS), MAX_DESCRIPTION_CHARS, MAX_DESCRIPTION_CHARS))
_REPORTING = re.compile(r"(?<![\w-])(?:said|says|told|tells|stated|added|claimed|reported|wrote|noted|accused|announced|"
                        r"disclosed|warned|insisted|argued|denied|revealed|confirmed|stressed|explained|urged|"
                        r"admitted|called|described|signed|filed)\b")


@dataclass
class PersonInfo:
    canonical: str
    description: str | None
    positions: list[int]
    gender: str | None = None  # "m" / "f": a title or gendered role, else a given name of one gender
    other_role: str | None = None  # a role before the name when the description is an apposition

    @property
    def roles(self) -> str | None:
        """The description and the role before the name, for matching "the former president"."""
        return " ".join(r for r in (self.description, self.other_role) if r) or None


_RELATIVE_ROLE = re.compile(r"who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+"
                            r"(?:(?:now|also|currently|still|formerly|then|once)\s+)?(?:(?:a|an|the)\s+)?(\S.*)$")


_IMPERATIVES = frozenset("take look see read watch check click let make get go tell find note remember "
                         "consider imagine listen say ask please".split())
# An apposition opening with these words is an adverbial, not a description.
_ADVERBIAL_STARTS = frozenset("at on during after before since however meanwhile though instead "
                              "today yesterday later earlier by from with without too also again "
                              "and but or nor so yet because while when if although whereas "
                              "already perhaps within in under over until amid amidst despite".split())


_CLAUSE_STARTS = frozenset("i you he she it we they there this these those his its our my your their".split())


# The rest of a list the apposition's first comma cut ("chief of the Armed Forces' radiation|,
# chemical and biological protection troops, said"; it closes with a comma, the apposition's end)
_AGE_APPOSITION = re.compile(r",\s+\d{1,3}(?=,)")  # ", 74," after a name
# An age in years as one word ("38-year-old"), as a description opens with it or a source is it
AGE_IN_YEARS = re.compile(r"\d{1,3}-year-old")
_ARTICLE_FIRST = re.compile(r",\s+(?:a|an|the)\s", re.I)
_LIST_REST = re.compile(r",\s+(?!(?:and|or|is|was|are|were|has|had|have|will|would|who|which)\b)"
                        r"([^,;()\n\"\u201c\u201d]{1,40}?\s(?:and|or)\s[^,;()\n\"\u201c\u201d]{2,80}?)(?=,)")


# "Damascus-based", "Kremlin-linked", "Oxford-educated": a name made an adjective opens a role
# ("a Damascus-based political analyst")
_NAME_COMPOUND = re.compile(r"[A-Z][\w.]*-[a-z]{3,}$")


def _affiliation(text: str, person: Entity, bodies_at: dict[int, list[Entity]]) -> str | None:
    """"Harold Tobin of the University of Wisconsin-Madison told": the organisation right after
    the name ("of the University of Wisconsin-Madison"), the description of last resort (after
    a rank) where no mention of the person has another. ``bodies_at``: the ORG and MEDIA
    mentions by their start."""
    for o in (o for at in range(person.end + 1, person.end + 11) for o in bodies_at.get(at, ())):
        if _AFFILIATION_GAP.fullmatch(text, person.end, o.start) \
                and o.text.split()[-1].casefold() not in _HEAD_PREPS | {"and", "the"}:
            return text[person.end:o.end].strip()
    return None


_AFFILIATION_GAP = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


# "According to Shchukin, the alliance needs ...": what follows the name is the statement; an
# apposition there is closed by a comma ("According to Jane Roe, a historian, the ...")
_ACCORDING_TO = re.compile(r"\baccording[ \t]+to[ \t]+$", re.I)


def _apposition(text: str, end: int, closed_only: bool = False) -> str | None:
    letters = _POST_NOMINALS.match(text, end)
    if letters:
        end = letters.end()  # "Dr. Kendra Vallance, ND, a naturopathic doctor": the role after the letters
    age = _AGE_APPOSITION.match(text, end)
    if age:
        end = age.end()  # "Earl Dunnigan, 74, a retired sawmill worker,": the apposition after the age
    m = _APPOSITION.match(text, end)
    if m and PARTY_LABEL.fullmatch(m.group(1).strip()):
        m = _APPOSITION.match(text, m.end(1))  # "Sen. Margaret Hollis, D-Ore., one of the bill's sponsors,"
    if not m or (closed_only and text[m.end():m.end() + 1] != ","):
        return None
    phrase = m.group(1).strip()
    if phrase.casefold() in _COURT_ROLES_AFTER:  # "Rebecca Thornley, prosecuting, told the court"
        return _COURT_ROLES_AFTER[phrase.casefold()]
    rest = _LIST_REST.match(text, m.end(1))
    if rest and len(rest.group(1).split()) <= 8 and rest.group(1)[:1].islower() \
            and not _REPORTING.search(rest.group(1)) and len(phrase) + len(rest.group(0)) <= MAX_DESCRIPTION_CHARS:
        phrase = text[m.start(1):rest.end(1)].strip()
    if "''" in phrase or "``" in phrase:
        return None  # a quotation in two apostrophes (the New York Times' style): not a role
    if phrase.casefold().startswith("as ") and len(phrase.split()) > 2:
        phrase = phrase[3:].lstrip()  # "Mr Musk, as the boss of Tesla," -> "the boss of Tesla"
    rel = _RELATIVE_ROLE.match(phrase)
    if rel:  # "X, who is now a member of the BSW party," -> "member of the BSW party"
        phrase = rel.group(1)
    elif re.match(r"(?:who|whose|which|that)\b", phrase):
        return None  # any other relative clause says what someone did, not who they are
    first = phrase.split()[0]
    if _REPORTING.search(phrase) or not (first[0].islower() or title_like(first) or _NAME_COMPOUND.match(first)
                                         or AGE_IN_YEARS.fullmatch(first)  # ("a 38-year-old former ...")
                                         or re.fullmatch(r"\d{1,4}-[a-z]+", first)  # ("a 2014-batch IPS officer")
                                         or (first.endswith(("'s", "\u2019s")) and role_nouns_in(phrase))):
        return None  # (but "Halvard's co-founder and chief executive" is a role)
    if re.match(r"[a-z]+ing\s+(?:to|at|in|on|with|about|from|for|after|before|during|following|outside|ahead|"
                r"alongside|by|via|over|the|a|an|his|her|their)\b", phrase):
        return None  # "Charles Michel, speaking to reporters in Bali,": what he did, not who he is
    if first.casefold() in _IMPERATIVES:
        return None  # "Brett Kavanaugh, take a look at this synopsis": a new clause, not a role
    if first.casefold() in _ADVERBIAL_STARTS:
        return None  # "Cindy McCain, at the time, had been ...": a time or manner, not a role
    if first.casefold() in _CLAUSE_STARTS:
        return None  # "According to Kovalenko, they became victims of ...": a new clause
    if not (role_nouns_in(phrase) or " of " in f" {phrase} " or " at " in f" {phrase} "
            or (age and _ARTICLE_FIRST.match(m.group(0)))):  # (after an age, "a"/"the" and a noun phrase describe)
        return None
    return phrase


# "The coalition's spokesman, Col. Ryan Dillon, said": a role phrase opening the sentence, then
# a comma, then the name (and a comma closing the apposition)
_LEAD_APPOSITION = re.compile(r"([\w\u2019'.-]+(?:[ \t]+[\w\u2019'.-]+){1,9}),[ \t]+")
# A barrister's part, as British court reports open a sentence with it
_COURT_ROLE = re.compile(r"(Prosecuting|Defending|Mitigating|Representing [A-Z][\w\u2019'-]+(?: [A-Z][\w\u2019'-]+)?),[ \t]+$")
_COURT_ROLES = {"prosecuting": "prosecutor", "defending": "defence counsel", "mitigating": "defence counsel"}
# ... and as they follow a barrister's name ("Martin Okafor, defending, said")
_COURT_ROLES_AFTER = {"prosecuting": "prosecuting counsel", "defending": "defending counsel",
                      "mitigating": "defence counsel"}
_AFTER_COMMA_APPOSITION = re.compile(r",[ \t]+([\w\u2019'.-]+(?:[ \t]+[\w\u2019'.-]+){1,9}),[ \t]+$")
# ... opening with a determiner or a possessor ("the", "a", "Halcyon's"), as a role phrase does
_AFTER_COMMA_START = re.compile(r"(?:the|a|an|its|his|her|their|[A-Z][\w.-]*['\u2019]s)\s", re.I)


# A name (capitalised words and particles only) that ends its sentence
_NAME_THEN_END = re.compile(r"[A-Z\u00c0-\u00de][\w\u2019'-]*(?: (?:[A-Z\u00c0-\u00de][\w\u2019'-]*|%s)){0,4}[.;](?:\s|$)"
                            % "|".join(sorted(NAME_PARTICLES)))
# "... to the Taoiseach, Conor de Paor.": a role after "the", a comma, then the name
_MID_APPOSITION = re.compile(r"\b(?:to|for|by|with|from|of|and|at) the ((?:[\w\u2019'.-]+ ){0,4}[\w\u2019'.-]+), $")


def _leading_apposition(text: str, start: int, rank: str | None) -> str | None:
    """The role phrase before a name set off by commas, at the start of a sentence:
    "The EU's top diplomat, Josep Borrell, told ..." -> "The EU's top diplomat"."""
    reach = max(0, start - 2000)  # (the phrase and its sentence's start are read within this)
    line_start = text.rfind("\n", reach, start) + 1 or reach
    before = text[line_start:start]
    if rank:
        if not before.rstrip().endswith(rank):
            return None
        before = before.rstrip()[:-len(rank)]
    court = _COURT_ROLE.search(before)
    if court and (court.start() == 0 or before[:court.start()].rstrip()[-1:] in ".!?\n"):
        # "Prosecuting, Helen Marsh told the court", "Representing Pryce, Daniel Cole said"
        return _COURT_ROLES.get(court.group(1).split()[0].casefold(), court.group(1))
    if not re.match(r"[^,.;:!?\n]{1,60},", text[start:start + 80]):
        # (no comma closing the apposition: "…, Josep Borrell told …" is a clause; but "put those
        # figures to the Taoiseach, Conor de Paor." ends the sentence with the named holder of a role)
        mid = _MID_APPOSITION.search(before)
        if mid and _NAME_THEN_END.match(text, start) and (
                is_title(mid.group(1).split()[-1]) or mid.group(1).split()[-1].casefold() in ROLE_NOUNS):
            return mid.group(1)
        return None
    sents = sentence_spans(before + "X")  # (a sentence must follow the phrase for the split to see it)
    if not sents:
        return None
    m = _LEAD_APPOSITION.fullmatch(before, sents[-1][0])
    if not m:
        # "In an email seen by The Sentinel, Halcyon's operations director, Stavros Lekkas,
        # instructed": a role phrase after the fronted phrase's comma
        m = _AFTER_COMMA_APPOSITION.search(before, sents[-1][0])
        if not m or not _AFTER_COMMA_START.match(m.group(1)):
            return None
    phrase = m.group(1)
    words = phrase.split()
    k = next((i - 1 for i, w in enumerate(words) if i > 0 and w.casefold() in _ROLE_PREPS), len(words) - 1)
    if any(w.casefold() in ("the", "a", "an") for w in words[1:k]):
        return None  # a clause, not a role phrase: "Mr Samaras met the leader of Syriza, Alexis Tsipras,"
    last = words[k].casefold().strip(".")  # the head before "of/for/at": "a relative of one of the victims"
    if words[0].casefold().endswith("ing") or not (last in ROLE_NOUNS or last in PERSON_NOUNS) \
            or singular(last) != last \
            or _REPORTING.search(phrase) or words[0].casefold() in _CLAUSE_STARTS | _ADVERBIAL_STARTS:
        return None  # "Speaking to reporters, X", "In Moscow, X", "According to the minister, X"
    return phrase


# Forms of address: the role-less honorifics plus those that are also a credential or rank.
_HONORIFICS = HONORIFICS | {"dr", "sir", "dame", "m"}
_CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec""".split())


# Honorifics and ranks that belong to the name after a role ("expert Professor X", "commander
# Captain Y"), not to the role ("Attorney General" keeps "General").
_NAME_HONORIFICS = frozenset("professor prof dr doctor captain capt mr mrs ms sir dame rev reverend "
                             "sergeant sgt lieutenant lt colonel col lord lady baroness baron "
                             "sheikh sheik sayyed sayyid sayed seyed seyyed seyyid ayatollah imam cllr".split())
# Lower-case words that belong to a title after them ("former Sen.", "state Rep.", "acting Gov.")
_TITLE_MODIFIERS = frozenset("former then late acting state retired deputy senior junior interim ex".split())


# Ranks that make "General" / "Admiral" after them a rank too ("Major General", "Rear Admiral").
_RANK_BEFORE_GENERAL = frozenset("major brigadier lieutenant colonel rear vice".split())
# Prepositions inside a role before a name ("head of", "spokeswoman for", "professor at").
_ROLE_PREPS = ("of", "for", "at")
# Contractions of "is" that look like a possessive name ("Here's", "That's").
_NOT_POSSESSORS = frozenset("here there that it what who where how let".split())
PRE_NAME_MAX_WORDS = 12  # "Chief of the Main Operations Department at the Russian General Staff"
# How far back the role words are looked for: the walk reads at most PRE_NAME_MAX_WORDS words
# and three more before them, so a long line (a hostile one-paragraph article) is not read
# from its start for every name.
PRE_NAME_REACH = 1000
# "Brigadier General (ret.) Munir Shehadeh": a retired rank's mark between the rank and the name
_RETIRED_MARK = re.compile(r"[ \t]*\((?:ret|retd|retired)\.?\)[ \t]*$", re.I)
# "Mr de Paor": a particle right before the name is the surname's, no role word
_PARTICLE_BEFORE = re.compile(r"(?<=\s)(?:%s)[ \t]+$" % "|".join(sorted(p for p in NAME_PARTICLES if p.islower())))


def _in_the_before(words: list[re.Match[str]], n: int) -> bool:
    """Whether "in the" comes before word ``n``, after a capitalised word or a role noun ("Leader
    of the Opposition in the | provincial assembly")."""
    if n < 3:
        return False
    prev = words[n - 3].group(0)
    return words[n - 1].group(0) == "the" and words[n - 2].group(0) == "in" \
        and (prev[:1].isupper() or bool(role_nouns_in(prev)))


def _pre_name(text: str, start: int, doc: "Doc | None") -> str | None:
    """Role words right before a name in the same sentence: "defense analyst"."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > PRE_NAME_REACH:  # (a word cut at the window's edge is left out)
        line_start = text.find(" ", start - PRE_NAME_REACH, start) + 1 or start
    before = text[line_start:start]
    retired = _RETIRED_MARK.search(before) or _PARTICLE_BEFORE.search(before)
    if retired:  # (blanked, so that offsets into ``before`` stay offsets into the line; a particle
        # is the surname's: "Mr de Paor")
        before = before[:retired.start()] + " " * len(retired.group(0))
    words = list(re.finditer(r"[\w.\-\u2019']+", before))
    kept: list[re.Match[str]] = []
    # walk back over role-ish words; stop at function words, verbs, punctuation gaps
    for n, w in reversed(list(enumerate(words))):
        gap = before[w.end():(kept[-1].start() if kept else len(before))]
        if gap.strip():  # punctuation (a comma, a quote mark) ends the phrase
            break
        word = w.group(0)
        if not any(ch.isalnum() for ch in word):
            break  # "(Xinhua) -- Kenyan President William Ruto": a dash ends the phrase
        low = word.casefold().strip(".")
        if word in ("Under", "Under-") and kept and kept[-1].group(0).startswith("Secretary"):
            kept.append(w)  # "US Under Secretary of State" (not a preposition)
            continue
        if low == "the" and kept and n > 0 and ((words[n - 1].group(0).casefold() in _ROLE_PREPS
                                                  and kept[-1].group(0)[:1].isupper()) or _in_the_before(words, n + 1)):
            kept.append(w)  # "Chief of the Main Operations Department at the Russian General Staff"
            continue
        if (low in _ROLE_PREPS or (word == "in" and n > 1 and (role_nouns_in(words[n - 1].group(0)) or (
                words[n - 1].group(0)[:1].isupper() and words[n - 2].group(0) == "the")))) and kept:
            # ("Opposition leader in the National Assembly", "Leader of the Opposition in the ...")
            if all(k.group(0).casefold().strip(".") in _HONORIFICS for k in kept):
                break  # "imperative for Mr. Barr": a preposition before an honorific starts no role
            if low == "for" and n > 0 and role_nouns_in(words[n - 1].group(0)) and role_nouns_in(kept[0].group(0)):
                break  # "a spokeswoman for Commission president Juncker": Juncker is the president
            kept.append(w)
            continue
        if kept and all(k.group(0).casefold().strip(".") in _HONORIFICS for k in kept) and not (
                is_title(word) or role_nouns_in(word)):
            break  # "Meet Mrs. Obama": only a title or a role goes before an honorific
        if kept and all(is_title(k.group(0)) for k in kept) and word[:1].islower() and not (
                is_title(word) or role_nouns_in(word) or low in _TITLE_MODIFIERS):
            break  # "at the party convention Sen. Elizabeth Warren": a noun before a rank is no role
        if low in _CALENDAR_WORDS or any(ch.isdigit() for ch in word):
            break  # "said Friday Trump's attorney", "On January 18 US secretary of state Antony Blinken"
        if word.endswith(".") and not is_title(word) and len(low) >= 3 and "." not in low:
            break  # "... with hypersonic missiles. Anchor Vladimir Solovyov", "said Mr. Davis. Davis is":
            # a sentence ends there
        if low in ("the", "a", "an", "that", "and", "said", "says", "told", "by", "to", "with",
                   "according", "when", "as", "while", "but", "former", "then"):
            if low in ("former",):
                kept.append(w)
                continue
            if low == "and" and n > 0 and role_nouns_in(words[n - 1].group(0)) and any(
                    role_nouns_in(k.group(0)) for k in kept):
                kept.append(w)  # "Italian economist and former MEP Paolo Ferrante": two roles
                continue
            break
        if kept and word[:1].isupper() and word.endswith(("'s", "\u2019s")) and len(word) > 3 \
                and word[:-2].casefold() not in _NOT_POSSESSORS:  # (not "Here's US climate envoy X")
            kept.append(w)  # "Iran's Foreign Ministry Spokesman", "Head of Hezbollah's Executive Council"
            continue
        if doc is not None:
            span = doc.char_span(line_start + w.start(), line_start + w.end(), alignment_mode="expand")
            if span is not None and upos(span[-1]) in ("VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "ADV",
                                                      "CCONJ", "PART"):
                if not title_like(word):
                    break
            if span is not None and upos(span[-1]) == "ADJ" and word[0].islower() and not any(
                    role_nouns_in(k.group(0)) for k in kept) and not _in_the_before(words, n):
                # ("Leader of the Opposition in the provincial assembly Ikramullah Marwat": a
                # role's "in the ..." may hold one)
                break  # an adjective joins a role ("senior editor"), never starts one ("imperative")
        elif word[0].islower() and low not in ROLE_NOUNS:
            break
        kept.append(w)
        if len(kept) >= PRE_NAME_MAX_WORDS:
            break
    while kept and kept[-1].group(0).casefold() in (*_ROLE_PREPS, "the"):
        kept.pop()
    if not kept:
        return None
    phrase = before[kept[-1].start():kept[0].end()].strip().strip("'\u2018\u2019")
    if not phrase or not role_nouns_in(phrase) and not any(is_title(w) for w in phrase.split()):
        return None
    words = phrase.split()
    for i in range(len(words) - 2, 0, -1):
        if words[i].casefold() in _ROLE_PREPS and words[i - 1][:1].islower() \
                and not (role_nouns_in(words[i - 1]) or title_like(words[i - 1])):
            # "sentencing of rights activist X", "arrogance of Ukrainian President X": the role
            # is what follows the preposition
            phrase = phrase[phrase.index(" ".join(words[i + 1:])):]
            words = words[i + 1:]
            break
    while len(words) > 1 and (words[-1].casefold().strip(".") in _NAME_HONORIFICS or (
            (words[-1].endswith(".") or "-" in words[-1]) and is_title(words[-1]))) and role_nouns_in(" ".join(words[:-1])):
        # "climatology expert Professor Janette Lindesay", "ministry spokesman Maj. Gen. Igor
        # Konashenkov": the honorific or abbreviated rank is the name's
        words.pop()
    if len(words) > 2 and words[-1].casefold() in ("general", "admiral") and words[-2].casefold() in _RANK_BEFORE_GENERAL \
            and role_nouns_in(" ".join(words[:-2])):
        words = words[:-2]  # "representative Major General Igor Konashenkov" (but "Attorney General X" keeps it)
    return phrase[:len(" ".join(words))] if words != phrase.split() else phrase


def _predicate(text: str, end: int) -> str | None:
    age = _AGE_APPOSITION.match(text, end)  # ("Harjit Gill, 62, who runs the gas station")
    m = _PREDICATE.match(text, age.end() if age else end)
    if not m:
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip())


def person_descriptions(text: str, entities: list[Entity], doc: "Doc | None") -> dict[str, PersonInfo]:
    """canonical -> description (first one the article gives) and mention positions."""
    info: dict[str, PersonInfo] = {}
    ranks: dict[str, str] = {}
    affiliations: dict[str, str] = {}
    bodies_at: dict[int, list[Entity]] = {}
    for e in entities:
        if e.label in ("ORG", "MEDIA"):
            bodies_at.setdefault(e.start, []).append(e)
    for e in entities:
        if e.label != "PERSON":
            continue
        p = info.setdefault(e.canonical, PersonInfo(e.canonical, None, []))
        p.positions.append(e.start)
        if p.description:
            continue
        pre = _pre_name(text, e.start, doc)
        rank = pre if pre and all(is_title(w) for w in pre.split()) else None
        if rank:
            ranks.setdefault(e.canonical, rank)
            pre = None
        desc = _apposition(text, e.end, _ACCORDING_TO.search(text, max(0, e.start - 20), e.start) is not None) \
            or _leading_apposition(text, e.start, rank) or pre or _predicate(text, e.end)
        affiliation = _affiliation(text, e, bodies_at) if not desc else None
        if affiliation:
            affiliations.setdefault(e.canonical, affiliation)
        if desc and pre and desc != pre and desc.split(None, 1)[0] in ("of", "at", "from"):
            desc = f"{pre} {desc}"  # "Political scientist Marko Žagar, of the University of Ljubljana"
        if desc and not _CLAUSE_DESCRIPTION.search(desc):  # (a clause: a later mention may give the role)
            p.description = desc
            if pre and desc != pre and role_nouns_in(pre):
                p.other_role = pre  # "Former Russian President Dmitry Medvedev, now deputy chairman of ..."
    for canonical, rank in ranks.items():
        if not info[canonical].description and title_key(rank) not in ADDRESS_ONLY:
            info[canonical].description = rank  # "Lt.-Gen.", "Dr.", but not "Mr"
    for canonical, affiliation in affiliations.items():
        if not info[canonical].description:
            info[canonical].description = affiliation  # "Harold Tobin of the University of Wisconsin-Madison"
    votes: dict[str, set[str]] = {}
    for e in entities:
        if e.label == "PERSON":
            votes.setdefault(e.canonical, set()).update(_gender_votes(text, e))
    for canonical, p in info.items():
        v = set(votes.get(canonical, set()))
        if p.description:
            # the role's own words, not whom it serves ("spokesman for Mrs. Clinton": male)
            head = re.split(r"\b(?:of|for|at|to|with|in)\b", p.description, maxsplit=1)[0]
            words = {w.casefold() for w in re.findall(r"[A-Za-z]+", head)}
            v |= _genders_named(words)
        if not v:  # no title or role says it: a given name that only one gender bears ("Samuel", "Marla")
            given = given_name_genders().get(canonical.split()[0]) if " " in canonical else None
            v = {given} if given else v
        p.gender = v.pop() if len(v) == 1 else None  # conflicting evidence: unknown
    return info


# A finite verb with no relative pronoun before it ("X, who is close to Y" is a description),
# or a verb or gerund at the start: a clause, not a role.
_CLAUSE_DESCRIPTION = re.compile(
    r"^(?:(?:is|was|are|were|has|have|had|will|would|saying|believing|claiming|arguing)\b)"
    r"|^(?!(?:heading|leading|running|directing|commanding|chairing)\b)\w+ing\s+"
    r"(?:up|out|that|to|the|a|an|his|her|their|its|several|about|on|with|for)\b"  # ("heading X" is a post)
    r"|^(?!.*\b(?:who|whose|whom|which|that)\b.*\b(?:is|was|are|were|will|would|has|have|had)\b)"
    r"(?:\S+\s+){1,6}(?:is|was|are|were|will|would|has|have|had)\s"
    # a post verb that is a race, not a post ("leading in polls here", "heading into Tuesday's
    # primaries", "leading Sanders by seven points")
    r"|^(?:represented|accompanied|flanked|joined|supported|backed|assisted|followed)\s+by\b"  # ("represented by X")
    r"|^(?:asked|questioned|pressed)\s+(?:about|on|whether|if|why|how|what)\b"  # ("asked about the exchange")
    r"|^(?:heading|leading|running|heads|leads|runs)\s+(?:in|into|by|at|on|for|with|to|toward|towards)\b"
    r"|^(?:heading|leading|running|heads|leads|runs)\s+.*\bby\s+(?:\d+|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|double)[\w-]*\s+(?:points?|percent|votes?)", re.I)

# "who heads the ERG" -> "head of the ERG": a post verb read as the role it names.
_POST_ROLE = {"heads": "head of", "heading": "head of", "runs": "head of", "running": "head of",
              "directs": "director of", "directing": "director of", "leads": "leader of", "leading": "leader of",
              "chairs": "chair of", "chairing": "chair of", "commands": "commander of", "commanding": "commander of"}


# Abbreviated titles, written out when a description is nothing else ("Sen." -> "Senator", "Det Gda"
# -> "Detective Garda", "Lt. Gen." -> "Lieutenant General")
_TITLE_ABBREVIATIONS = {
    "sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General", "lt": "Lieutenant",
    "col": "Colonel", "maj": "Major", "capt": "Captain", "cmdr": "Commander", "adm": "Admiral",
    "sgt": "Sergeant", "cpl": "Corporal", "pvt": "Private", "brig": "Brigadier", "prof": "Professor",
    "supt": "Superintendent", "det": "Detective", "insp": "Inspector", "cllr": "Councillor", "gda": "Garda",
    "atty": "Attorney", "amb": "Ambassador", "pres": "President", "sec": "Secretary",
    "rev": "Reverend", "msgr": "Monsignor", "engr": "Engineer", "hon": "Honourable",
}


def expand_title_abbreviations(desc: str) -> str:
    """A description made only of abbreviated titles, written out ("Sen." -> "Senator"); any
    other description as it is."""
    words = desc.split()
    keys = [w.rstrip(".").casefold() for w in words]
    if not words or not all(k in _TITLE_ABBREVIATIONS for k in keys):
        return desc
    return " ".join(_TITLE_ABBREVIATIONS[k] for k in keys)


def _post_as_role(desc: str) -> str:
    first, _, rest = desc.partition(" ")
    role = _POST_ROLE.get(first.casefold())
    if not role or rest.split(" ", 1)[0].casefold() not in ("the", "a", "an", "his", "her", "its", "their"):
        return desc  # ("leading Sanders ...": a race, left as written)
    return f"{role} {rest}"


_ACRONYM = re.compile(r"\(?[A-Z][A-Za-z]{0,2}[A-Z]{1,7}\)?")


def _not_a_description(desc: str, speaker: str, body: bool = False) -> bool:
    """An age ("Vitaliy Vertash, 16"), a word fragment ("co"), or the speaker's own acronym
    ("Climate Action Network (CAN)"); for a ``body`` (a speaker that is no person), any acronym
    ("The Victorian Council of Social Service (VCOSS)", "China's Ministry of Commerce (MOFCOM)")."""
    if body and _ACRONYM.fullmatch(desc):
        return True
    d = desc.strip(" ().,")
    if _CLAUSE_DESCRIPTION.search(d):
        return True  # "matter of annexation is a question of timing", "has soared in the polls": a clause
    if d.casefold() in ("itself", "himself", "herself", "themselves", "themself", "alone", "too", "also",
                        "another", "one", "other", "others"):
        return True  # "the Pentagon, itself, announced"
    if not d or d.isdigit() or (len(d) <= 2 and not d.isupper() and not is_title(d)):
        return True
    if d.isupper() and d.isalpha() and d.casefold() not in ROLE_NOUNS:
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w\-]*", speaker) if w[0].isupper())
        it = iter(initials)
        return all(ch in it for ch in d)  # the letters are the name's initials, in order
    return False


_HEAD_PREPS = frozenset("of at in from for with on within inside across".split())


_MALE_WORDS = frozenset("mr mr. sir lord king prince father son brother husband boy man uncle grandfather "
                        "chairman spokesman congressman businessman councilman policeman sportsman "
                        "statesman frontman nephew dad".split())
_FEMALE_WORDS = frozenset("mrs mrs. ms ms. miss lady dame queen princess mother daughter sister wife girl "
                          "woman aunt grandmother chairwoman spokeswoman congresswoman businesswoman "
                          "councilwoman policewoman sportswoman actress niece mom mum".split())


def _genders_named(words: set[str]) -> set[str]:
    """"m" / "f" for the gendered titles and roles among lower-cased ``words``."""
    return {g for g, gendered in (("m", _MALE_WORDS), ("f", _FEMALE_WORDS)) if gendered & words}


def _gender_votes(text: str, e: Entity) -> set[str]:
    """"m" / "f" from a gendered title or role right before a mention ("Mr", "Mrs",
    "spokeswoman", "his wife")."""
    before = [w.casefold() for w in re.findall(r"[A-Za-z]+", text[max(0, e.start - 25):e.start])][-2:]
    return _genders_named(set(before))
