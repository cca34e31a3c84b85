"""Resolve who said it: attribution sources -> canonical speakers with descriptions.

Rules, in the order they are tried for each attribution (document order):

1. the source span overlaps a named entity: a PERSON wins, else an ORG/MEDIA/GPE/NORP
   that is the head of the source ("Reuters", "the Pentagon"); a source whose head is
   a vague plural ("US defense officials") stays unnamed;
2. a singular personal pronoun ("he stated"): the most recent PERSON before it that
   was a speaker or a grammatical subject (not "the Obama government"), outside
   direct quotations, and not of the other gender where the article gives one ("Mrs",
   "spokeswoman"); "they" after an unnamed plural group that spoke last is that group;
3. a definite description ("the journalist", "the analyst further said"): the most
   recent named speaker if their description is compatible with the role noun
   (same noun or same role class: "head of the ... Center" is an expert); else the
   most recent person described with that noun, then with that class, then the most
   recent named speaker;
4. a vague or plural phrase ("Critics", "experts", "some officials"): kept as written,
   ``unnamed`` True;
5. anything else: the alias table, a surname of a person in the article, or the
   cleaned source text.

Descriptions come from appositions ("X, director of Y, told RT"), role words before
the name ("defense analyst Victor Litovkin", "US Secretary of Defense Ashton Carter"),
"X is heading Y" predicates and, last, a rank ("Lt.-Gen.") (:mod:`.descriptions`); media
are linked to their entities by :mod:`.media`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Article, Attribution, Entity
from ..nlp import upos
from .aliases import AliasTable
from .descriptions import (_HEAD_PREPS, AGE_IN_YEARS, PersonInfo, _genders_named, _not_a_description, _post_as_role,
                           expand_title_abbreviations,
                           person_descriptions)
from .media import _OUTLET_ANAPHOR, _OUTLET_WORDS, NOT_SPEAKER_LABELS, _is_outlet, _link_medium
from .names import (DOCUMENT_NOUNS, ISSUING_VERBS, OCCUPATION_NOUNS, PERSON_NOUNS, ROLE_CLASSES, ROLE_NOUNS,
                    clean_surface, data_pairs, fold_accents, is_title, name_parts, role_classes, role_nouns_in,
                    singular, split_title, strip_possessive, title_key, title_like)
from .resolve import names_a_place

if TYPE_CHECKING:
    from spacy.tokens import Doc

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "we", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_WORD = r"[\w\-\u2019']+"  # a word of a source phrase: letters, digits, hyphens, apostrophes
# "It said" resolves to an organisation that spoke at most this many characters before.
IT_WINDOW_CHARS = 600
NAMED_LABELS = ("MEDIA", "ORG", "GPE", "NORP", "FAC", "LOC")

# Heads of sources that never name anyone in particular. Not the extractor's
# ``lexicon.VAGUE_SOURCE_HEADS``: that one is a feature of the trained cue model (changing it means
# retraining) and holds roles such as "spokesman" that this stage resolves to a named person.
VAGUE_HEADS = frozenset("""
critic critics sceptic sceptics skeptic skeptics expert experts official officials source sources
observer observers analyst analysts people some many others other report reports resident
residents witness witnesses diplomat diplomats insider insiders commentator commentators
activist activists politician politicians lawmaker lawmakers media opponent opponents supporter
supporters western westerners voice voices someone everyone everybody nobody few several
pal pals friends allies confidants
campaigners protesters demonstrators environmentalists economists scientists researchers investors
""".split())
VAGUE_DETERMINERS = frozenset("a an some many several few other others one two three various most "
                              "certain unnamed anonymous".split())
DEFINITE = frozenset({"the", "this", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class _Said:
    pos: int
    canonical: str
    label: str


def _is_subject(doc: "Doc | None", e: Entity) -> bool:
    if doc is None:
        return True
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # (also a name in apposition to the subject: "Greece's migration minister, Nikos Andreadis, struck ...")
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS and len(span) > 1)


# Heads of a state or body, and the staff who speak for them: "the Russian leader" is not the
# Kremlin spokesman who spoke last, though both are "officials".
_HEAD_ROLES = frozenset("leader president premier chancellor king queen monarch head chief chairman chairwoman "
                        "ruler dictator".split())
_STAFF_ROLES = frozenset("spokesman spokeswoman spokesperson aide adviser advisor deputy envoy assistant "
                         "secretary press".split())


def _head_for_staff(noun: str, description: str | None) -> bool:
    """"the Russian leader" and a "Kremlin spokesman": a head is not one of the staff; nor is one of
    the staff the head ("the prime minister's official spokesman" after the prime minister spoke)."""
    roles = role_nouns_in(description, parts=False)  # (a "Secretary-General" is no secretary)
    return (noun in _HEAD_ROLES and bool(roles & _STAFF_ROLES)) or (
        noun in _SPEAKING_STAFF and bool(roles & _PRINCIPALS) and not roles & _STAFF_ROLES)


# Those who have staff ("the minister's spokesman" is not the minister), and the staff who speak
# for them (not a "secretary" or "deputy", who may hold an office of their own).
_PRINCIPALS = _HEAD_ROLES | frozenset("minister governor mayor senator ambassador".split())
_SPEAKING_STAFF = _STAFF_ROLES - {"secretary", "deputy"}


def _compatible(noun: str, description: str | None) -> bool:
    if not description:
        return True
    if noun in role_nouns_in(description):
        return True
    if _head_for_staff(noun, description):
        return False
    genders = _genders_named(set(_words(description)))
    if _genders_named({noun}) and genders and not _genders_named({noun}) & genders:
        return False  # "the spokeswoman" after the Kremlin spokesman spoke
    noun_classes = {c for c, members in ROLE_CLASSES.items() if noun in members}
    classes = role_classes(description)
    return not classes or bool(noun_classes & classes)


def _class_match(noun: str, description: str | None) -> bool:
    noun_classes = {c for c, members in ROLE_CLASSES.items() if noun in members}
    if _head_for_staff(noun, description):
        return False
    return bool(description) and bool(noun_classes & role_classes(description))


def _in_direct_quote(pos: int, attributions: list[Attribution]) -> bool:
    return any(a.kind in ("direct", "mixed") and a.content.start <= pos < a.content.end
               for a in attributions)


_RESEARCH = re.compile(r"\b(?:stud(?:y|ies)|research|researchers|journal|published|scientists|preprint)\b", re.I)

# A role noun the name only modifies ("a former Helion Grid sales manager": the manager speaks)
_ROLE_AFTER_NAME = re.compile(r"(?:\s+[a-z][\w\-]*){0,2}\s+(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\s*,?")
# What follows a name that only modifies the source's head: "Border Patrol| agents" (a name
# tagged PERSON), "Trump| campaign staffers".
_MODIFIED_PLURAL = re.compile(r"(?:\s+(?!(?:and|or|nor|in|of|with|his|her|their|its|other|the)\b)[a-z][\w\-]*)?"
                              r"\s+[a-z][\w\-]*[^s\W]s")

_FORMS_OF_RESPECT = frozenset("eminence excellency holiness majesty highness lordship ladyship grace".split())

# A quotation at least this long is speech, not a scare-quoted name ("the “Obama” doctrine").
QUOTED_MIN_CHARS = 40


def resolve_speakers(article: Article, table: AliasTable, doc: "Doc | None" = None, capitals: bool = True) -> None:
    """Rewrite speakers of ``article.attributions`` in place (see the module docstring); with
    ``capitals``, a capital that speaks is its country (``data/capitals.tsv``)."""
    text = article.text
    entities = sorted(article.entities, key=lambda e: e.start)
    people = person_descriptions(text, entities, doc)
    from ..attribution.quotes import (
        find_quotes,  # (the attribution package imports this one's neighbours)
    )
    quotes = find_quotes(text)  # the article's quotation regions
    # People named inside a quotation ("‘Everything but Hillary Clinton’") are not what the
    # narration's pronouns and descriptions point back to; a scare-quoted name or two stays.
    persons = [e for e in entities if e.label == "PERSON" and not any(
        q.start < e.start < q.end and q.end - q.start >= QUOTED_MIN_CHARS for q in quotes)]
    said: list[_Said] = []
    singles: list[_Said] = []  # unnamed sources that are one person ("One woman", "a senior official"), in order
    groups: list[_Said] = []  # unnamed plural sources ("Critics", "energy analysts") and joint statements, in order
    joint_of: dict[str, list[str]] = {}  # first speaker of a joint statement -> the others
    things: list[tuple] = []  # (pos, speaker, label, unnamed) of bodies and documents that spoke ("the paper")
    order = sorted(article.attributions,
                   key=lambda a: (a.source or a.cue or a.content).start)
    introduced = _introduced_after_lede(text, order, persons)
    interviewee: str | None = None
    for a in order:
        _link_medium(article, a, table)
        if "answer" in a.flags and a.source is None:
            interviewee = interviewee or _interviewee(a.content.start, order)
            if interviewee is not None:  # "A: ..." of a "Q: ... A: ..." interview
                a.speaker, a.speaker_entity, a.speaker_label = interviewee, interviewee, "PERSON"
                a.speaker_description = people[interviewee].description if interviewee in people else next(
                    (b.speaker_description for b in order if b.speaker == interviewee and b.speaker_description
                     and b.content.start < a.content.start), None)
                said.append(_Said(a.content.start, interviewee, "PERSON"))
            else:
                a.flags.append("speaker_unresolved")
            continue
        src = a.source
        raw = src.text if src is not None else (a.speaker or "")
        pos = src.start if src is not None else a.content.start
        result = _resolve_one(text, a, raw, pos, src, entities, persons, people, said, table, doc,
                              article.attributions)
        from_lede = introduced is not None and src is not None and (src.start, src.end) == (
            introduced[0].source.start, introduced[0].source.end)  # ("has claimed, accusing ...": both)
        if from_lede:
            result = (introduced[1], "PERSON", False)
            info = people.get(introduced[1])
            if not a.speaker_description and not (info and info.description and not all(
                    is_title(w) for w in info.description.split())):  # (a role rather than a bare "Dr.")
                a.speaker_description = re.sub(r"^(?:a|an)\s+", "", raw.strip(), flags=re.I)
                if info is not None and not any(
                        b.speaker_description and role_nouns_in(b.speaker_description) and b.source is not None
                        and b.source.start > src.start and introduced[1] in b.source.text for b in order):
                    # ("the former officer" later on; but the role the next paragraph gives, "Professor
                    # X, director of ...", is the better description)
                    info.description = a.speaker_description
        if src is not None and raw.strip() in ("I", "I\u2019ve", "I've", "my", "My") and len(article.authors) == 1:
            if interviewee is not None and any("answer" in b.flags and b.content.start < src.start for b in order):
                # an "I" once the interview's answers have begun (an answer running over several
                # paragraphs) is the interviewee's, not the writer's
                result = (interviewee, "PERSON", False)
            elif not any(q.start <= src.start < q.end for q in quotes) and not any(
                    "transcript" in b.flags and b.content.start <= src.start < b.content.end for b in order):
                # "I found the event powerful" in the writer's own voice: the byline's author (not
                # an interviewee's "I" inside an answer of a transcript)
                result = (article.authors[0], None, False)  # (no entity: the byline is not in the text)
        if result is not None and result[2] and _THE_TWO.fullmatch(raw.strip()):
            pair = _last_two_people(pos, persons)
            if pair is not None:  # "Both ministers expressed concern", "The two leaders": the two just named
                result = (pair[0], "PERSON", False)
                a.co_speakers = [pair[1]]
        if result is not None and result[2] and raw.strip().casefold() == "they":
            found = _they(pos, groups, said)
            if found is not None and found[1] is not None:  # a joint statement's people
                a.co_speakers = list(joint_of[found[0]])
            result = found or result
        if src is not None and raw.strip().casefold() in ("he", "she"):
            # "One woman said her neighbour had been killed. “...,” she said": the unnamed person
            # who spoke last, when nobody named was mentioned since
            found = _unnamed_person_before(pos, singles, said, persons, raw.strip().casefold(),
                                           article.attributions)
            result = found or _person_asked(text, pos, order, persons) or result
        if result is None and src is not None and raw.strip().casefold() == "it":
            # "The paper concludes that ... It recommended", "the exchange said ... it added":
            # the document or body that spoke last, when no organisation entity did
            last = next((t for t in reversed(things) if t[0] < pos), None)
            if last is not None and pos - last[0] <= IT_WINDOW_CHARS and not any(
                    last[0] < x.pos < pos and x.label == "PERSON" for x in said):
                result = last[1:]
        if result is not None and (result[1] in ("ORG", "MEDIA") or (result[1] is None and _singular_thing(raw))):
            things.append((pos, *result))
        if result is not None and result[2] and _plural_phrase(result[0]):
            groups.append(_Said(pos, result[0], ""))
        elif result is not None and result[2] and _singular_person_phrase(result[0]) and not (
                a.cue is not None and _QUESTION_CUE.match(a.cue.text)):
            # (not the asker: "when a reporter asked if ... '…,' he said" is the one asked)
            singles.append(_Said(pos, result[0], ""))
        if result is not None and a.co_speakers and not result[2]:
            groups.append(_Said(pos, result[0], "PERSON"))
            joint_of[result[0]] = list(a.co_speakers)
        if result is None:
            if raw and not a.unnamed:
                a.flags.append("speaker_unresolved")
            continue
        canonical, label, unnamed = result
        a.speaker = canonical
        a.unnamed = unnamed
        a.speaker_label = label
        a.speaker_entity = canonical if label is not None and not unnamed else None
        if label == "PERSON" and people.get(canonical) and people[canonical].description:
            if a.speaker_description and role_nouns_in(a.speaker_description) and not from_lede and all(
                    is_title(w) for w in people[canonical].description.split()):
                # "Dr. Ali Rezaei, a Syrian political analyst, told RT": the role the source gives,
                # not the bare rank, describes him (here and in the statements after)
                people[canonical].description = a.speaker_description
            a.speaker_description = people[canonical].description
        if a.speaker_description and a.speaker and (a.speaker_description.casefold() in a.speaker.casefold()
                                                    or _not_a_description(a.speaker_description, a.speaker,
                                                                          body=label != "PERSON")):
            a.speaker_description = None  # a "description" that only repeats the name, an age, a fragment, an acronym
        if a.speaker_description:
            a.speaker_description = expand_title_abbreviations(
                _post_as_role(re.sub(r"^(?:a|an|the)\s+(?=\S)", "", a.speaker_description)))
        if label is not None and not unnamed:
            said.append(_Said(pos, canonical, label))
        info = people.get(canonical) if label == "PERSON" and not unnamed else None
        if info is not None and not info.description and a.speaker_description \
                and role_nouns_in(a.speaker_description):
            # a role only a statement's source gives ("the water minister, Helen Ashdown, told the
            # House"): the person's description from now on, for "The minister replied"
            info.description = a.speaker_description
    # "I" / "we" speaking inside someone's quotation or transcript answer is that speaker ("Mao
    # Ning: The US is in no position to lecture others. ... We urge the US to stop smearing China.")
    for a in order:
        if a.source is None or a.cue is None or a.source.text.strip().casefold() not in ("i", "we"):
            continue
        host = next((b for b in order if b is not a and b.speaker and b.cue is not None
                     and (b.kind == "direct" or "transcript" in b.flags)
                     and (b.content.start <= a.cue.start < b.content.end
                          or b.content.start <= a.source.start < b.content.end)), None)
        if host is not None:
            a.speaker, a.unnamed, a.speaker_label = host.speaker, host.unnamed, host.speaker_label
            a.speaker_entity, a.speaker_description = host.speaker_entity, host.speaker_description
            a.flags = [f for f in a.flags if f != "speaker_unresolved"]
    # A person the article describes only in one statement's source ("<clause>, Russia's envoy to
    # the EU, Vladimir Chizhov, said") keeps that description in the statements after it
    first_desc: dict[str, str] = {}
    for a in order:
        if a.speaker_label != "PERSON" or a.unnamed or not a.speaker:
            continue
        if a.speaker_description:
            if role_nouns_in(a.speaker_description) or PERSON_NOUNS & set(_words(a.speaker_description)) \
                    or any(w.endswith("ist") for w in _words(a.speaker_description)):  # ("bioethicist")
                # (a role or who the person is, not a stray phrase of the source)
                first_desc.setdefault(a.speaker, a.speaker_description)
        elif a.speaker in first_desc and not (people.get(a.speaker) and people[a.speaker].description):
            a.speaker_description = first_desc[a.speaker]
    if capitals:
        _capitals_for_countries(order, table)


@lru_cache(maxsize=1)
def capital_countries() -> dict[str, str]:
    """Capital -> country, from ``spinscope/data/capitals.tsv``."""
    return data_pairs("capitals.tsv")


def _capitals_for_countries(attributions: list[Attribution], table: AliasTable) -> None:
    """"Moscow said", "Washington wants", "It added" after Beijing spoke: a capital city that
    speaks stands for its country's government; the speaker (and the entity it links to) is the
    country, the source keeps the capital's name."""
    countries = capital_countries()
    for a in attributions:
        country = countries.get(a.speaker or "")
        if not country or a.speaker_label != "GPE" or a.unnamed:
            continue
        written = clean_surface(a.source.text.split(",")[0]) if a.source is not None else ""
        entry = table.lookup(written) if written else None
        if written == a.speaker or (entry is not None and entry.canonical == a.speaker) \
                or written.casefold() in ("it", "which", "who"):
            # (the capital as written, also "Kiev" and "Moscow, which ...,", or "it", "which" after
            # it: not "Women in Berlin")
            a.speaker = a.speaker_entity = country
            if "capital_for_country" not in a.flags:
                a.flags.append("capital_for_country")


_JOINT_TAIL_STOP = re.compile(r"\b(?:of|for|to|at|with|by|from|on|in|between|among)\b", re.I)


def _person_asked(text: str, pos: int, order: list[Attribution],
                  persons: list[Entity]) -> tuple[str, str, bool] | None:
    """"Hannity asked Delaney whether ... “…,” he said": the person a question was just put to
    answers (the statement right before asks, with a person right after its cue, in the same or
    the previous sentence)."""
    before = [b for b in order if b.cue is not None and (b.source or b.cue).start < pos]
    if not before:
        return None
    last = max(before, key=lambda b: (b.source or b.cue).start)
    if not _ASKED.search(last.cue.text) or pos - last.cue.end > ASKED_WINDOW_CHARS:
        return None
    asked = next((e for e in persons if last.cue.end < e.start <= last.cue.end + 2
                  and text[e.end:e.end + 2] not in ("'s", "\u2019s")), None)  # (not "questioning Clinton's judgment")
    return (asked.canonical, "PERSON", False) if asked is not None else None


ASKED_WINDOW_CHARS = 300
_ASKED = re.compile(r"\b(?:ask|asks|asked|asking|pressed|quizzed)$", re.I)


def _joint_speakers(text: str, persons: list[Entity], end: int) -> list[Entity]:
    """People joined by "and" in one source ("Rainer Dulger, chairman of the BDA, and Reiner
    Hoffmann, chairman of the DGB"; "Minister X and ECW Executive Director Y"), in text order;
    [] when the source names one person, or when the second name hangs on a preposition
    ("head of X and Y" is one person's title)."""
    persons = sorted({e.start: e for e in persons}.values(), key=lambda e: e.start)
    if len(persons) < 2:
        return []
    def heads(e: Entity) -> bool:  # "Barack Obama," / "Obama)" end a name; "Obama regime" does not
        return e.end >= end or not re.match(r"\s+(?!(?:and|or|on|in|at|of)\b)[a-z]", text[e.end:end])

    joint = [persons[0]]
    for prev, nxt in zip(persons, persons[1:]):
        gap = text[prev.end:nxt.start]
        i = gap.rfind(" and ")
        if i == -1 or "\n" in gap or not heads(prev) or not heads(nxt):
            break
        before, after = gap[:i], gap[i + 5:]
        if _JOINT_TAIL_STOP.search(after) or re.search(r"\b(?:of|for|between|to)\s*$", before):
            break
        if re.match(r"(?:a|an|the|his|her|their|its|longtime|former)\b", after) or (
                re.search(r"\b(?:of|for)\b", before) and not before.rstrip().endswith(",")):
            break  # "…, a consultant and a former Obama official", "Minister of Infrastructure and …"
        joint.append(nxt)
    return joint if len(joint) > 1 else []


def _head_word(words: list[str]) -> list[str]:
    """The head of a lower-cased source phrase, as a list of at most one word: the last word
    before a preposition ("critics of the backstop", "officials in Kyiv"), else the last word."""
    cut = next((i for i, w in enumerate(words) if w in _HEAD_PREPS), len(words))
    return (words[:cut] or words)[-1:]


def _singular_thing(raw: str) -> bool:
    """A source that "it" can take up: a body or document named in the singular ("the
    exchange", "The paper", "his office", "The CCC"), not a person, a pronoun or a group."""
    head = _head_word([w.casefold() for w in re.findall(_WORD, raw)])
    if not head or head[0] in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | RELATIVE_PRONOUNS | {"it", "i", "you", "this", "that"}:
        return False
    h = head[0]
    return singular(h) == h and (h in _ORG_HEAD_NOUNS or h in _THING_HEADS or bool(_DOCUMENT_AFTER.fullmatch(h))
                                 or (h in _OUTLET_WORDS and h not in ("times", "news")))


# Heads of bodies and documents besides the organisation and document words above.
_THING_HEADS = frozenset("""exchange paper government group ministry company corporation agency channel outlet
website site journal magazine footage clip report institute centre center commission forum military army navy
administration campaign police""".split())


def _plural_phrase(phrase: str) -> bool:
    """"Critics", "energy analysts", "officials in Kyiv": a plural group (not "they" itself)."""
    words = [w.casefold() for w in re.findall(_WORD, phrase)]
    head = _head_word(words)
    if not words or any(_DOCUMENT_AFTER.fullmatch(w) and words[i + 1:i + 2] == ["by"] for i, w in enumerate(words)):
        return False  # "a 2023 study by researchers": the study, not a group of people
    return bool(head) and head[0] not in PLURAL_PRONOUNS and head[0] not in _INDEFINITE_PRONOUNS \
        and singular(head[0]) != head[0] and not _DOCUMENT_AFTER.fullmatch(head[0]) \
        and singular(head[0]) not in _NOT_GROUPS


# Plural sources that are things, not people ("Latest estimates", "The models"): no "they".
_NOT_GROUPS = frozenset("estimate claim model figure number data result finding poll survey statistic "
                        "record document analysis projection forecast calculation".split())


# Heads of a share of a group ("79 percent of Democrats", "the majority of Londoners").
_QUANTITY_HEADS = frozenset("percent per cent % majority minority half third quarter share proportion number "
                            "most many some all none one each every few several million billion thousand hundred "
                            "dozen millions thousands hundreds dozens lot lots rest bulk".split())
# Head nouns that stand for the place or body they are "of": "the government of Ukraine" is Ukraine.
_METONYM_HEADS = frozenset("government authority leadership people state country nation regime city town village "
                           "region province republic island district county municipality capital port oblast".split())

_QUESTION_CUE = re.compile(r"(?:\w+\s+)*?(?:ask|question|wonder|quiz|press)", re.I)


def _last_recent(pos: int, pool: list[_Said], said: list[_Said]) -> _Said | None:
    """The last of ``pool`` (unnamed sources, in order) before ``pos``, if it spoke within
    :data:`IT_WINDOW_CHARS` and nobody named spoke in between."""
    last = next((g for g in reversed(pool) if g.pos < pos), None)
    if last is None or pos - last.pos > IT_WINDOW_CHARS or any(last.pos < x.pos < pos for x in said):
        return None
    return last


def _singular_person_phrase(phrase: str) -> bool:
    """"One woman", "a senior official", "a source close to the talks": one person, unnamed."""
    words = [w.casefold() for w in re.findall(_WORD, phrase)]
    head = _head_word(words)
    if len(words) < 2 or not head or words[0] not in ("a", "an", "one", "another"):
        # (not "the expert": a definite description left unnamed is someone the article named)
        return False
    parts = phrase.split(",")
    if len(parts) > 1 and any(_singular_person_phrase(p) for p in parts):
        return True  # "One of our guys, a commander with the call sign 'Granit',": the apposition says who
    h = head[0]
    return singular(h) == h and (h in ROLE_NOUNS or h in VAGUE_HEADS or bool(_genders_named({h}))
                                 or h in ("person", "resident", "witness", "local", "survivor", "neighbour",
                                          "neighbor", "passer-by", "eyewitness"))


def _unnamed_person_before(pos: int, singles: list[_Said], said: list[_Said], persons: list[Entity],
                           pronoun: str, attributions: list[Attribution]) -> tuple[str, str | None, bool] | None:
    """"he" / "she" after an unnamed person spoke ("a senior official said ... He added"): that
    person, if they spoke recently, nobody named spoke or was mentioned since (outside
    quotations), and the phrase does not name the other gender ("One woman ... he said")."""
    last = _last_recent(pos, singles, said)
    if last is None:
        return None
    if any(last.pos < e.start < pos and not _in_direct_quote(e.start, attributions) for e in persons):
        return None
    genders = _genders_named(set(_words(last.canonical)))
    if genders and ("f" if pronoun == "she" else "m") not in genders:
        return None
    return last.canonical, None, True


def _they(pos: int, groups: list[_Said], said: list[_Said]) -> tuple[str, str | None, bool] | None:
    """"Critics say ... They add that ...": "they" is the unnamed group that spoke last, if it
    spoke recently and nobody named spoke in between."""
    last = _last_recent(pos, groups, said)
    if last is None:
        return None
    if last.label:  # the people of a joint statement ("X and Y said ... They argued")
        return last.canonical, last.label, False
    return last.canonical, None, True


_FOCUS_WORDS = re.compile(r"even\s+(?=\S)", re.I)
# An aside after a comma in a source phrase: "Western media, as usual,", "Most of them, off the record,"
_ASIDE = re.compile(r",\s*(?:as usual|as always|as ever|as expected|as well|off|on|in|for|however|meanwhile|though|"
                    r"too|also|of course|at|like|unsurprisingly|predictably|naturally|again|once again|in turn|"
                    r"for their part|for its part)\b[^,]*,?\s*$", re.I)


def _named_in_apposition(text: str, start: int, persons: list[Entity]) -> Entity | None:
    """A person named in apposition after a vague source ("A spokesperson for the IRGC,
    Brigadier General Ramezan Sharif,"): after the source's first comma, only titles and ranks
    before the name."""
    for e in persons:
        comma = text.rfind(",", start, e.start)
        if comma == -1 or text.find(",", start, comma) != -1:
            continue  # the name must follow the first comma of the source
        if all(title_like(w) for w in re.findall(r"[\w.\-\u2019']+", text[comma + 1:e.start])):
            return e
    return None


def _strip_asides(raw: str) -> str:
    """The speaker phrase without a focus word before it ("Even The Economist") or an aside after
    it ("Western media, as usual")."""
    m = _FOCUS_WORDS.match(raw)
    if m and len(raw.split()) > 1:
        raw = " " * m.end() + raw[m.end():]  # (blanked, not cut: offsets into the source stay right)
    m = _ASIDE.search(raw)
    if m and m.start() > 0:
        raw = raw[:m.start()]
    return raw


# A comma opening an apposition: "The staunchly anti-EU wing of May's party, the European Research Group,"
_APPOSITION_START = re.compile(r",\s+(?:the|a|an)\s", re.I)


# Who speaks for or about someone without being named ("a source close to X", "a representative for X").
_SOMEONE_OF = _SPEAKING_STAFF | frozenset("source sources representative rep aides friend friends insider insiders "
                                           "ally allies confidant associate".split())


def _someone_of(low: list[str]) -> bool:
    """An indefinite source whose head is a go-between, before the person it is tied to."""
    if not low or low[0] not in ("a", "an", "one", "another", "two", "three", "several"):
        return False
    cut = next((i for i, w in enumerate(low) if w in _HEAD_PREPS or w in ("close", "familiar", "near", "loyal")), len(low))
    return 1 < cut < len(low) and low[cut - 1] in _SOMEONE_OF


def _resolve_one(text: str, a: Attribution, raw: str, pos: int, src, entities: list[Entity],
                 persons: list[Entity], people: dict[str, PersonInfo], said: list[_Said],
                 table: AliasTable, doc: "Doc | None",
                 attributions: list[Attribution]) -> tuple[str, str | None, bool] | None:
    if not raw.strip():
        return None
    raw = _strip_asides(raw)
    # A relative clause on the source ("The DUP, which May's party relies on, has urged") names
    # other people: only the part before it says who speaks.
    rel = _RELATIVE_TAIL.search(raw)
    head_end = src.start + rel.start() if src is not None and rel else (src.end if src is not None else 0)
    if rel:
        raw = raw[:rel.start()].rstrip(" \t-\u2013\u2014")  # ("The official - who spoke ...")
    words = re.findall(_WORD, raw)
    low = [w.casefold() for w in words]
    if low and low[-1].startswith(("ex-", "former-")) and low[-1].split("-", 1)[1] in ROLE_NOUNS:
        low[-1] = low[-1].split("-", 1)[1]  # "the ex-inspector": the (former) inspector
    elif low and "-" in low[-1] and low[-1].split("-", 1)[0] in ROLE_NOUNS:
        low[-1] = low[-1].split("-", 1)[0]  # "the director-general", "the editor-in-chief": the director, editor
    # 0. relative pronouns: "advisers who told him", "Shinzo Abe, who said": the antecedent
    if len(low) == 1 and low[0] in RELATIVE_PRONOUNS:
        found = _relative_antecedent(text, src, entities, doc)
        if found is None or found[1] is None:  # no antecedent, or a plain noun: a name before an aside?
            found = _who_after_person(text, src, low[0], persons) or _which_after_body(text, src, low[0], entities) \
                or found
        return found
    # 0b. "the Ohio Republican", "the Democrat": the last person given that party's label
    if src is not None and len(low) >= 2 and low[0] == "the" and low[-1] in ("republican", "democrat"):
        state = [w for w in words[1:-1] if w[:1].isupper()]
        letter, party_word = ("R", "Republican") if low[-1] == "republican" else ("D", "Democrat")

        def of_party(source: str) -> bool:  # "R-Ohio", "(R-Ky.)"; or "Ohio Republican Sen. X"
            if re.search(r"\b" + letter + r"-" + (re.escape(state[0][:3]) if state else ""), source):
                return True
            return bool(state) and party_word in source and state[0] in source
        party = [b for b in attributions if b.source is not None and b.source.start < pos and b.speaker
                 and b.speaker_label == "PERSON" and not b.unnamed and of_party(b.source.text)]
        if party:
            last = max(party, key=lambda b: b.source.start)
            return last.speaker, "PERSON", False
    # 0c. "the DM" after "Araria District Magistrate (DM) Rajiv Ranjan Sinha": the person whose
    #     role the acronym stood for
    if src is not None and len(words) == 2 and low[0] == "the" and words[1].isupper() and len(words[1]) > 1:
        holders = [b for b in attributions if b.source is not None and b.source.start < pos and b.speaker
                   and b.speaker_label == "PERSON" and f"({words[1]})" in (b.speaker_description or "")]
        if holders:
            return max(holders, key=lambda b: b.source.start).speaker, "PERSON", False
    # 0d. an office by its initials: "the CM" (Chief Minister), "the CS" (Cabinet Secretary)
    if src is not None and len(words) == 2 and low[0] in DEFINITE and words[1].isupper() and words[1].isalpha() \
            and 2 <= len(words[1]) <= 4 and low[1] not in ROLE_NOUNS and table.lookup(words[1]) is None:
        # (not "the CEO": a role noun's rules; not "the US", "the UN": names the table knows)
        chosen = _by_office_initials(words[1], pos, people)
        if chosen:
            return chosen, "PERSON", False
    # 0e. "the Pole said", "the Brazilian added": a nationality standing for the person in focus,
    #     as sports and profile writing use it (not "the British said": a people, a government)
    if src is not None and len(low) == 2 and low[0] == "the" and _a_national(words[1], src, text, doc) \
            and not (words[0] == "The" and _mid_sentence(text, src.start)):  # ("cited by The Scotsman": a paper)
        chosen = _antecedent(pos, persons, said, doc, attributions)
        if chosen:
            return chosen, "PERSON", False
    # 1. a named entity inside the source span (unless the parse found a vague head whose
    #    names sit in a prepositional modifier: "a spokesperson for Prime Minister Theresa May")
    if src is not None:
        inside = [e for e in entities if e.start < head_end and src.start < e.end]
        issuer = _document_issuer(text, src.start, head_end, [e for e in inside if e.label in NAMED_LABELS])
        if issuer is not None:  # "A statement from Air France", "a report by RT"
            return issuer.canonical, issuer.label, False
    if src is not None and len(low) == 2 and low[0] in ("the", "this", "that") and _DOCUMENT_AFTER.fullmatch(low[1]):
        # "the report said" after "the TV Sports Markets report said": the same issuer
        earlier = [x for x in attributions if x.source is not None and x.source.start < src.start
                   and (x.speaker_entity or x.speaker) and not x.unnamed
                   and ((x.speaker_entity and low[1] in _words(x.source.text)) or (
                       src.start - x.source.start <= LAST_BODY_WINDOW_CHARS and _gave_document(text, x, low[1])))]
        if earlier:  # (also a body the recogniser missed: "The Israeli prime minister's office said in a statement")
            last = max(earlier, key=lambda x: x.source.start)
            return last.speaker_entity or last.speaker, last.speaker_label, False
    definite_role = len(low) >= 2 and low[0] in DEFINITE and singular(low[-1]) == low[-1] and low[-1] in ROLE_NOUNS
    if src is not None and a.unnamed and not definite_role:
        named = _named_in_apposition(text, src.start, [e for e in inside if e.label == "PERSON"])
        if named is not None:  # "A spokesperson for the IRGC, Brigadier General Ramezan Sharif,"
            return named.canonical, "PERSON", False
        return raw.strip(), None, True  # (but "the Russian diplomat" is someone already named: step 4)
    if src is not None:
        joint = _joint_speakers(text, [e for e in inside if e.label == "PERSON"
                                       and text[e.end:e.end + 2] not in ("'s", "\u2019s")], head_end)
        if joint:  # "X, chairman of A, and Y, chairman of B": a joint statement
            a.co_speakers = [e.canonical for e in joint[1:] if e.canonical != joint[0].canonical]
            return joint[0].canonical, "PERSON", False
        name_start = src.start
        spk = _strip_asides(a.speaker).strip() if a.speaker else ""  # (not "Even The Economist")
        desc = _RELATIVE_TAIL.sub("", a.speaker_description or "").strip()  # (cut from ``raw`` the same way)
        if spk and spk in raw and ((desc and desc in raw) or raw.startswith(spk + ",")):
            # (or a name with only an age or a place after it: "Debbie, 63, from Ohio,")
            # the extractor split "Oh Ei Sun, a senior fellow at X in Singapore" into name and
            # description: only entities in the name part can be the speaker
            n0 = name_start = src.start + raw.index(spk)
            n1 = n0 + len(spk)
            if any(text[n0:e.start].strip().casefold() in ("", "the") and e.end >= n1 - 1 and e.label != "PERSON"
                   for e in inside if e.start >= n0):
                head_end = min(head_end, n1)  # "The Economist, hardly a friend of the Kremlin": the name is the head
            inside = [e for e in inside if e.start < n1 and n0 < e.end]
        if low and low[0] in _INDEFINITE_PRONOUNS:
            return raw.strip(), None, True  # "Nobody in Brennick believes": no one in particular
        # "Putin's angry crony", "Trump's lawyer": a person named as the possessor of the
        # source is someone else's boss, not the speaker ("Trump's lawyer Rudy Giuliani" still
        # names Giuliani)
        owners = [e for e in inside if e.label == "PERSON" and text[e.end:e.end + 2] in ("'s", "\u2019s")
                  and e.end + 2 < head_end and not _speaks_for_owner(text[e.end + 2:head_end])]
        if _someone_of(_words(raw.split(",")[0])):  # "A source close to Monroe", "a representative for Kwan": not Monroe
            named = _named_in_apposition(text, src.start, [e for e in inside if e.label == "PERSON"])
            if named is not None:  # (but "A spokeswoman for the ministry, Maria Zakharova,")
                return named.canonical, "PERSON", False
            return raw.strip(), None, True
        person = next((e for e in reversed(inside) if e.label == "PERSON" and e not in owners
                       and not _MODIFIED_PLURAL.fullmatch(text[e.end:head_end])
                       and not _ROLE_AFTER_NAME.fullmatch(text[e.end:head_end])), None)
        if person is not None:
            return person.canonical, "PERSON", False
        if owners and (len(low) > 2 or low[-1] in _SOMEONE_OF):
            return raw.strip(), None, True  # ("Kayleigh's rep": someone of hers, not named)
        named = [e for e in inside if e.label in NAMED_LABELS]
        # (from the name the extractor split off: "A campaign group, Friends of X," is X)
        before = [w.casefold() for w in re.findall(r"[\w\-]+", text[name_start:named[0].start])] if named else []
        if low and low[0] in VAGUE_DETERMINERS and name_start == src.start \
                or any(w in VAGUE_HEADS or singular(w) in VAGUE_HEADS for w in before):
            return raw.strip(), None, True  # "Officials in the USA", "experts at the IMF"
        if named:
            lead = re.findall(r"[\w\-]+", text[src.start:named[-1].start])
            cut = next((i for i, w in enumerate(lead) if w.casefold() in _HEAD_PREPS), len(lead))
            hw = lead[cut - 1] if 0 < cut < len(lead) else ""
            group = next((e for e in inside if e.label == "NORP" and cut == 1
                          and e.start <= src.start + raw.find(hw) < e.end), None) if hw else None
            if group is not None:  # "Democrats on Capitol Hill": the party, not the place
                return group.canonical, group.label, False
            if cut == 1 and hw[:1].isupper() and hw[1:].islower() and singular(hw) != hw.casefold() and not any(
                    e.start <= src.start + raw.find(hw) < e.end for e in inside):
                hw = hw.casefold()  # "Negotiators in Istanbul" opening a sentence (not "Democracy for America")
            if hw[:1].isupper() and hw[1:].islower() and hw.casefold() in ROLE_NOUNS and lead[0].casefold() in DEFINITE:
                hw = hw.casefold()  # "The President of Russia": a role, capitalised as titles are
            before_name = next((w for w in reversed(lead) if w.casefold() not in ("the", "a", "an")), "")
            if before_name.casefold() in ("from", "by"):
                before_name = lead[-1]  # ("data from the World Bank": the bank's)
            if hw.islower() and (before_name.casefold() in _HEAD_PREPS
                                 or (cut < len(lead) and not {w.casefold() for w in lead[cut:]} & {"from", "by"}
                                     and not _APPOSITION_START.search(text, src.start, named[-1].start))) \
                    and singular(hw) not in _METONYM_HEADS \
                    and not _DOCUMENT_AFTER.fullmatch(hw):
                # "The Russian embassy in Washington", "The mayor of London": the names are in a
                # modifier of the head noun, not the speaker (a role goes on to step 4); "79
                # percent of Democrats", "negotiators in Istanbul": a vague group
                if hw in _QUANTITY_HEADS or singular(hw) in _QUANTITY_HEADS or singular(hw) != hw:
                    return raw.strip(), None, True
                if not (singular(hw) in ROLE_NOUNS or hw in ROLE_NOUNS):
                    return raw.strip(), None, False
                named = []
        if len(named) >= 2 and named[-1].label in ("GPE", "LOC", "FAC") and named[-2].label in ("ORG", "MEDIA") \
                and _IN_PLACE.fullmatch(text, named[-2].end, named[-1].start) \
                and not text[named[-1].end:head_end].strip(" ,.'\u2019s"):
            # "The Chinese Embassy in Manila": the body, not the city it sits in
            return named[-2].canonical, named[-2].label, False
        if named:
            head = named[-1]
            tail = text[head.end:head_end].strip(" ,.'\u2019s")
            if tail == ")" and len(named) >= 2 and text[named[-2].end:head.start].strip() == "(":
                # "the International Energy Agency (IEA)": the acronym repeats the name before it
                named, head, tail = named[:-1], named[-2], ""
                if raw[:named[0].start - src.start].strip().casefold() not in ("", "the"):
                    tail = ")"  # "a spokesman for the International Energy Agency (IEA)"
            if not tail and len(named) >= 2 and _OF_THE.fullmatch(text[named[-2].end:head.start]) \
                    and raw[:named[-2].start - src.start].strip().casefold() in ("", "the"):
                head = named[-2]  # "the Eastern Theater Command of the PLA": the unit, not the army
            if not tail:  # the entity is the head: "Reuters", "Iraq's army"? no: "the Pentagon"
                return head.canonical, head.label, False
            if low and (singular(low[-1]) in VAGUE_HEADS or low[-1] in VAGUE_HEADS) and not definite_role:
                return raw.strip(), None, True  # "Russian officials"; but "the Russian diplomat": step 4
    # 2. personal pronouns ("His Eminence", "Her Excellency": a pronoun of respect)
    if len(low) == 2 and low[0] in ("his", "her") and low[1] in _FORMS_OF_RESPECT:
        low = ["he" if low[0] == "his" else "she"]
    if len(low) == 1 and low[0] in SINGULAR_PRONOUNS:
        # a person the article makes male or female only takes a pronoun of that gender ("Mrs
        # Lund said ... He added": not her); no first-name lists, so most people fit either
        want = "f" if low[0] in ("she", "her") else "m"

        def fits(name: str) -> bool:
            info = people.get(name)
            return info is None or info.gender in (None, want)
        antecedent = _antecedent(pos, [e for e in persons if fits(e.canonical)],
                                 [x for x in said if fits(x.canonical)], doc, attributions)
        return (antecedent, "PERSON", False) if antecedent else None
    if len(low) == 1 and low[0] in PLURAL_PRONOUNS:
        return raw.strip(), None, True
    if len(low) == 1 and low[0] == "it":
        # "Malaysia Airlines said ... It added that ...": the organisation that spoke last,
        # if it spoke recently (no organisation speaker: "it" stays unresolved)
        org = next((x for x in reversed(said) if x.pos < pos and x.label in ("ORG", "MEDIA", "GPE")), None)
        if org is not None and pos - org.pos <= IT_WINDOW_CHARS and not any(
                x.pos > org.pos and x.pos < pos and x.label == "PERSON" for x in said):
            return org.canonical, org.label, False
        return None
    # 3. a phrase the article used to describe someone ("the first lady", "Malaysian PM"), or
    #    an age ("the 27-year-old"): that person
    if src is not None:
        chosen = _by_phrase(low, pos, people, persons, said, doc, attributions)
        if chosen:
            return chosen, "PERSON", False
    # 4. definite descriptions: "the journalist", "The analyst", "the Russian head of state"
    if len(low) >= 4 and tuple(low[-3:]) in _ROLE_PHRASES:
        low = low[:-3] + [_ROLE_PHRASES[tuple(low[-3:])]]
    if low == ["counsel"]:
        low = ["the", "counsel"]  # '"...," counsel said': the counsel of a court report
    possessed = len(low) >= 2 and words[0][:1].isupper() and words[0].endswith(("'s", "\u2019s")) \
        and low[-1] in ROLE_NOUNS and singular(low[-1]) == low[-1]  # "Türkiye's defense minister"
    if possessed or (len(low) >= 2 and low[0] in DEFINITE and singular(low[-1]) == low[-1] and low[-1] in ROLE_NOUNS):
        if _anonymous_before(low[-1], pos, attributions):
            return raw.strip(), None, True  # "a senior official told reporters ... the official said"
        owned = possessed or any(w.endswith(("'s", "\u2019s")) for w in words[1:-1]) or any(
            w[:1].isupper() for w in words[1:-1])
        # ("the Pentagon's inspector general": someone of the Pentagon, not whoever spoke last)
        names = tuple(strip_possessive(w) for w in words[(0 if possessed else 1):-1]
                      if (w[:1].isupper() or w.casefold() in _PORTFOLIOS)  # ("the foreign minister")
                      and not w.casefold().endswith("-based"))  # ("the Cork-based GP": where, not whose)
        mods = tuple(w for w in low[(0 if possessed else 1):-1] if w.isalpha())  # "the former intelligence officer"
        staff_of = owned and low[-1] in _SPEAKING_STAFF and not names
        # ("the prime minister's official spokesman": someone's staff, not the last speaker)
        chosen = (None if staff_of else _by_description(low[-1], pos, people, said, fallback=not owned, names=names,
                                                        mods=mods)) \
            or _named_later(low[-1], pos, people, tuple(strip_possessive(w) for w in words[(0 if possessed else 1):]))
        if chosen and possessed and not _names_in(names, people[chosen].description if chosen in people else None):
            chosen = None  # "Lithuania's interior minister": only someone the article describes so
        owners = tuple(strip_possessive(w) for w in words[1:-1] if w[:1].isupper() and w.endswith(("'s", "\u2019s")))
        if chosen and owners and not _names_in(owners, people[chosen].roles if chosen in people else None):
            # "the SPD's general secretary" is not the chancellor who spoke last, but the "SPD
            # General Secretary" named later, or nobody
            later = _named_later(low[-1], pos, people, tuple(strip_possessive(w) for w in words[1:]))
            chosen = later if later != chosen else None
        if chosen:
            return chosen, "PERSON", False
        if not possessed:
            return raw.strip(), None, True
    # 4a. "the mayor of London", "The President of Russia": the person described by that role
    #     and those names, or the last speaker when nothing in the article says otherwise
    if src is not None and len(low) >= 4 and low[0] in DEFINITE and low[2] == "of" and low[1] in ROLE_NOUNS:
        names = tuple(w for w in words[3:] if w[:1].isupper())
        if names and all(w[:1].isupper() or w in ("the", "and") for w in words[3:]):
            chosen = _by_description(low[1], pos, people, said, fallback=False, names=names)
            if chosen:
                return chosen, "PERSON", False
    # 4b. an organisation's head noun: "the court said" after "the European Court of Human
    #     Rights", "the ministry" after "the Ministry of Defence"
    if src is not None and _OUTLET_ANAPHOR.fullmatch(" ".join(low)):
        # (not the outlet the statement was given to, earlier in its sentence: "In a statement to
        # Reuters, the agency said" is the body that made the statement)
        sentence_start = max(text.rfind(".", 0, src.start), text.rfind("\n", 0, src.start)) + 1
        outlets = [e for e in entities if _is_outlet(e) and e.end <= src.start and src.start - e.end <= 2000
                   and not (e.start >= sentence_start and _MEDIUM_BEFORE.search(text, max(0, e.start - 40), e.start))]
        last = max(outlets, key=lambda e: e.end) if outlets else None
        if last is not None and not (low[-1] == "paper" and _RESEARCH.search(text, last.end, src.start)):
            # "the paper noted" after "According to the Washington Times" (but "the paper" after
            # "a study published in ..." is the study)
            return last.canonical, last.label, False
    if src is not None and len(low) == 2 and low[0] == "the" and low[1] in ("army", "military"):
        # "The army denies ..." after "the Sudanese Armed Forces", "according to the military" after
        # "the Israel Defense Forces": the armed forces the article named last, within 6,000
        # characters (not a paramilitary "Rapid Support Forces")
        forces = [e for e in entities if e.label == "ORG" and e.end <= src.start and src.start - e.end <= 6000
                  and _ARMED_FORCES.search(e.canonical) and " " in e.canonical]  # (not a bare "Army")
        if forces:
            last = max(forces, key=lambda e: e.end)
            return last.canonical, last.label, False
    if src is not None and (low in (["police"], ["the", "police"], ["the", "force"])):
        # "police said", "the force urged" after "the Elkhart Police Department": the one police
        # body the article named before (none, or two: the phrase stays as written)
        forces = {e.canonical: e for e in entities if e.label in ("ORG", "GPE", "FAC") and e.end <= src.start
                  and {"police", "constabulary"} & {w.casefold() for w in e.canonical.split()}}
        if len(forces) == 1:
            body = next(iter(forces.values()))
            return body.canonical, "ORG", False  # (the model may have tagged "West Yorkshire Police" a place)
    if src is not None and len(low) >= 2 and low[0] in DEFINITE and low[-1] in _ORG_HEAD_NOUNS:
        org = _by_org_head(low[-1], src.start, entities, text, said)
        if org is not None:
            return org.canonical, org.label, False
    if src is not None and len(low) >= 2 and low[0] == "the" and low[-1] in _BODY_KINDS and a.cue is not None \
            and a.content.end <= src.start and not set(low) & _HEAD_PREPS:  # (not "the head of a ... firm")
        # "Apple will cut 500 jobs, the company said", "Eskom will implement Stage 4 ..., the power
        # utility said": a closing tag's body is the organisation its own sentence named
        org = _body_of_the_sentence(text, a.content.start, src.start, entities, doc)
        if org is not None and not _public_body(org.canonical):
            return org.canonical, org.label, False  # (not a ministry: "The Ministry ... will cover it, according to the company")
    if src is not None and len(low) == 2 and low[0] == "the" and low[1] in _GENERIC_BODIES:
        org = _last_body(src.start, said)
        if org is not None:  # "Halbrook Pharmaceuticals did not respond ... the company said"
            return org.canonical, org.label, False
        body = _subject_body_before(src.start, entities, doc, said)
        if body is not None:  # "Tokai Denshi Industries, the Nagoya-based maker ..., will spend ... The company said"
            return body.canonical, body.label, False
    if src is not None and low == ["the", "agency"]:
        # "The Centers for Disease Control and Prevention has insisted ... the agency said": the
        # public body that spoke last, recently
        last = _last_spoken_org(src.start, said)
        if last is not None and _name_words(last.canonical) & _AGENCY_NAME_WORDS:
            return last.canonical, last.label, False
    # 5. vague or plural phrases; the head is the last word before a preposition ("critics of
    #    the backstop", "officials in Kyiv")
    hw = _head_word(low)
    plural_role = len(low) == 1 and singular(low[0]) != low[0] and singular(low[0]) in ROLE_NOUNS | PERSON_NOUNS
    if low and (low[0] in VAGUE_DETERMINERS or low[-1] in VAGUE_HEADS or plural_role  # ("Doctors say")
                or (hw and (hw[0] in VAGUE_HEADS or singular(hw[0]) in VAGUE_HEADS))
                or (low[-1] != singular(low[-1]) and not words[-1][0].isupper())):
        return raw.strip(), None, True
    # 5b. an anonymous person: "the friend said", "the woman told the BBC"
    if len(low) >= 2 and low[0] in DEFINITE | {"a", "an", "his", "her", "their"} and low[-1] in _ANONYMOUS_PEOPLE:
        return raw.strip(), None, True
    # 6. the table, a surname, or the cleaned text (the name part when the extractor split off
    #    a description: "Hollywood entertainment website Deadline" -> "Deadline")
    surface = clean_surface(a.speaker if a.speaker and a.speaker in raw and (
        a.speaker_description or raw.rstrip().endswith(a.speaker)) else raw)  # ("The country's defence ministry")
    entry = table.lookup(surface)
    if entry is not None:
        if entry.label in NOT_SPEAKER_LABELS:
            return None  # "Brexit ... urged": a parse error, not a speaker
        return entry.canonical, entry.label, False
    parts = name_parts(split_title(surface)[1] or surface)
    if parts:
        owners = {p for p in people if name_parts(p) and name_parts(p)[-1] == parts[-1]}
        if len(owners) == 1:
            return owners.pop(), "PERSON", False
        if not owners and len(parts) == 1 and _GIVEN_NAME_ALONE.fullmatch(surface):
            # "Luca" after "Everton midfielder Luca Devereux": the given name of one person of the
            # article, written alone (the entity recogniser maps most such mentions, not all)
            owners = {p for p in people if len(name_parts(p) or ()) >= 2 and name_parts(p)[0] == parts[0]}
            if len(owners) == 1:
                return owners.pop(), "PERSON", False
    if _looks_like_person(surface, a.speaker_description):
        return surface, "PERSON", False  # a name the entity recogniser missed ("Opposition MP Pavel Drozd")
    return surface, None, False


_GIVEN_NAME_ALONE = re.compile(r"[A-Z][a-z\u00df-\u00ff]+(?:-[A-Z][a-z\u00df-\u00ff]+)?")
_PERSON_NAME = re.compile(r"[A-Z][a-z\u00df-\u00ff]+(?:[-'\u2019][A-Z]?[a-z\u00df-\u00ff]+)?"
                          r"(?: [A-Z][a-z\u00df-\u00ff]+(?:[-'\u2019][A-Z]?[a-z\u00df-\u00ff]+)?){0,2}")


def _looks_like_person(name: str, description: str | None) -> bool:
    """One to three capitalised words that the source gave a person's role or description
    ("Opposition MP Pavel Drozd", "Mum-of-two Priya"), none of them a title, a role or an
    organisation's head noun."""
    if not description or not _PERSON_NAME.fullmatch(name) or not (
            role_nouns_in(description) or PERSON_NOUNS & set(_words(description))
            or re.search(r"\w-of-\w", description)):
        return False
    return not any(title_like(w) or w.casefold() in _ORG_HEAD_NOUNS for w in name.split())


# What a person's own voice is ("Comey's statement", "Youngkin's office", "Horowitz's report"),
# unlike someone else ("Putin's crony", "Trump's supporters").
_OWN_VOICE = frozenset("office campaign team administration government camp".split())


def _speaks_for_owner(tail: str) -> bool:
    words = [w.casefold() for w in re.findall(r"[\w\-]+", tail)]
    return any(w in _OWN_VOICE or _DOCUMENT_AFTER.fullmatch(w) for w in words)


_INDEFINITE_PRONOUNS = frozenset("nobody none everyone everybody anyone anybody someone somebody".split())
_ANONYMOUS_PEOPLE = frozenset("""friend man woman boy girl mother father son daughter wife husband brother sister
relative neighbour neighbor colleague acquaintance teenager student worker employee passenger driver
victim survivor owner customer caller user farmer shopkeeper trader vendor refugee protester demonstrator
pensioner fisherman shepherd villager resident eyewitness witness volunteer""".split())
_ORG_HEAD_NOUNS = frozenset("""court tribunal ministry department agency commission council committee company
firm party bank alliance coalition union university institute foundation authority board organisation
organization fund embassy parliament assembly bureau service office regulator watchdog network
broadcaster newspaper centre center trust forum association federation league society college academy""".split())


# "the company", "the group": the organisation named last, whatever its name's own head noun.
# Words in the names of bodies that "the agency" can stand for
_AGENCY_NAME_WORDS = frozenset("agency administration centers centres center centre service bureau office authority "
                               "commission institute directorate inspectorate regulator".split())
_GENERIC_BODIES = frozenset("company firm group organisation organization charity movement union".split())
# ... but not a public body ("the company" after "the Ministry of Health" or the White House spoke).
_PUBLIC_BODY_WORDS = frozenset("ministry department court police parliament council committee government agency "
                               "commission army forces office senate congress assembly house pentagon kremlin "
                               "museum university school trust nhs hospital hospitals".split())
# Kinds of body a closing speech tag names instead of the body ("..., the power utility said")
_BODY_KINDS = frozenset("""company firm group utility operator carrier airline bank lender insurer retailer carmaker
automaker manufacturer maker conglomerate developer giant chain startup start-up platform exchange""".split())


def _body_of_the_sentence(text: str, content_start: int, src_start: int, entities: list[Entity],
                          doc: "Doc | None") -> Entity | None:
    """The organisation a statement's own sentence names as its subject, before the closing tag
    (or, without a parse, the one the content opens with); None when it names one only as an
    object ("Police searched the office of Clean Arvan, the group said")."""
    lo = max(0, content_start - 400)
    ends = [(text.rfind(end, lo, content_start), end) for end in (". ", "? ", "! ", "\n")]
    start = max((i + len(end) for i, end in ends if i >= 0), default=lo)
    orgs = [e for e in entities if e.label == "ORG" and start <= e.start and e.end <= src_start]
    for e in orgs:
        span = doc.char_span(e.start, e.end, alignment_mode="expand") if doc is not None else None
        if span is not None and span.root.dep_ in SUBJECT_DEPS:
            return e
        if span is None and text[content_start:e.start].strip(" \"\u201c'").casefold() in ("", "the"):
            return e
    return None


LAST_BODY_WINDOW_CHARS = 1500


def _interviewee(first: int, order: list[Attribution]) -> str | None:
    """Who answers the unnamed "A: ..." paragraphs of an interview: of the people named as
    speakers before the first answer, the one whose surname the introduction names most often
    ("Helena Marques Bittencourt, the forest engineer who runs it, says ... Bittencourt said"),
    in the longest form it gave; None when it names none."""
    names = [a.speaker for a in order if a.source is not None and a.source.end <= first and a.speaker
             and not a.unnamed and _person_like(a.speaker)]  # (any label: the recogniser often mislabels them)
    if not names:
        return None
    counts = Counter(n.split()[-1] for n in names)
    surname = max(counts, key=lambda k: (counts[k], max(len(n) for n in names if n.split()[-1] == k)))
    return max((n for n in names if n.split()[-1] == surname), key=len)


def _person_like(name: str) -> bool:
    """A name of capitalised words and no word of an organisation's or a role's."""
    words = name.split()
    return all(w[:1].isupper() and not w.endswith(("'s", "\u2019s")) for w in words) and not any(
        w.casefold() in _ORG_HEAD_NOUNS | _THING_HEADS or title_like(w) for w in words)


def _gave_document(text: str, a: Attribution, noun: str) -> bool:
    """Whether statement ``a`` says it was made in a ``noun`` ("In a statement issued on Saturday,
    Stanmoor Athletic said ..."; "..., the ministry said in a statement"; "The office said in a
    statement that ..."), for "the statement read" after it."""
    assert a.source is not None
    lo = max(text.rfind(". ", 0, a.source.start), text.rfind("\n", 0, a.source.start)) + 1
    where = [text[lo:a.source.start]] + ([a.cue.text] if a.cue is not None else [])
    if noun == "statement" and a.cue is not None and a.cue.end <= a.content.start:
        # "said in a statement that ..." (not "said in his resignation letter that ...", after which
        # "the letter says" is as often another's)
        where.append(text[a.cue.end:min(a.content.start, a.cue.end + 40)])
    return any(re.search(rf"\b(?:in|with)\s+(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+)?{noun}\b", w, re.I)
               for w in where)


def _last_spoken_org(pos: int, said: list[_Said]) -> _Said | None:
    """The organisation that spoke last before ``pos``, within LAST_BODY_WINDOW_CHARS."""
    return max((x for x in said if x.label == "ORG" and x.pos < pos and pos - x.pos <= LAST_BODY_WINDOW_CHARS),
               key=lambda x: x.pos, default=None)


def _last_body(pos: int, said: list[_Said]) -> _Said | None:
    """The organisation that spoke last, recently (a named body that has only been mentioned is
    no safe antecedent: the recogniser's ORG mentions are too noisy for that)."""
    last = _last_spoken_org(pos, said)
    if last is None or _public_body(last.canonical):
        return None
    return last


def _subject_body_before(pos: int, entities: list[Entity], doc: "Doc | None", said: list[_Said]) -> Entity | None:
    """The organisation (not a public body, not one of a list) that was the subject in the sentence
    before ``pos`` or in its own sentence, with no statement between, the last one; None without a
    parse: a body named as a subject is a safe antecedent for "the company", one named anywhere
    is not."""
    if doc is None:
        return None
    here = doc.char_span(pos, min(pos + 1, len(doc.text)), alignment_mode="expand")
    if here is None:
        return None
    sent = here[0].sent
    lo = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char  # (the sentence before, or this one)
    subjects = [e for e in entities if e.label == "ORG" and lo <= e.start and e.end <= pos
                and _is_subject(doc, e) and not _public_body(e.canonical)
                and not _listed_or_owned(doc, e)]
    if not subjects or any(subjects[-1].end <= x.pos < pos for x in said):
        return None
    return subjects[-1]


def _listed_or_owned(doc: "Doc", e: Entity) -> bool:
    """A body in a list ("Nokia, Sony and even Chinese outfits are ...") or owned by another
    ("Apple's first Iphone"): no antecedent for "the company"."""
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    return root.dep_ == "conj" or any(c.dep_ in ("conj", "poss") for c in root.children)


def _public_body(name: str) -> bool:
    """A ministry, a court, the police, an NHS trust ...: a body "the company" never stands for."""
    return not _name_words(name).isdisjoint(_PUBLIC_BODY_WORDS)


def _name_words(name: str) -> set[str]:
    """The lower-cased words of an organisation's name ("Court" and "Appeal" of "Court of Appeal")."""
    return {w.casefold() for w in re.findall(r"[\w\-]+", name)}


# What introduces the outlet a statement was given to: "in a statement to", "told", "in an interview with"
_MEDIUM_BEFORE = re.compile(r"\b(?:to|told|tells|with|on)\s+(?:the\s+)?$", re.I)


_IN_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")


# The name of a state's armed forces ("Sudanese Armed Forces", "Israel Defense Forces", "Russian Army")
_ARMED_FORCES = re.compile(r"\b(?:Armed|Defen[cs]e)\s+Forces\b|\bArmy\b|\bMilitary\b")


def _by_org_head(noun: str, pos: int, entities: list[Entity], text: str = "",
                 said: list[_Said] = ()) -> Entity | None:
    """The organisation named most recently before ``pos`` whose name has ``noun`` as a word
    ("Court" in "European Court of Human Rights"); None when none was named in the last
    3,000 characters. One that has spoken goes before one named since only as a preposition's
    object ("The court rejected ..." after the Court of Appeal ruled and "an appeal to the
    Supreme Court")."""
    cands = [e for e in entities if e.label in ("ORG", "MEDIA") and e.end <= pos and pos - e.end <= 3000
             and noun in _name_words(e.canonical)]
    if not cands:
        return None
    last = max(cands, key=lambda e: e.end)
    spoke = {x.canonical for x in said if x.pos < pos}
    if last.canonical not in spoke and _AFTER_PREPOSITION.search(text, max(0, last.start - 16), last.start):
        return max((e for e in cands if e.canonical in spoke), key=lambda e: e.end, default=last)
    return last


_AFTER_PREPOSITION = re.compile(r"\b(?:to|at|of|in|before|from|with|for|against|by)\s+(?:the\s+)?$", re.I)


_DOCUMENTS = r"(?:press\s+release|" + "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True)) + ")"
# "an investigation by the German news outlet Der Spiegel": what the issuer is, between "by" and its name
_ISSUER_KIND = (r"(?:(?:[\w\-]+\s+){0,2}(?:news\s+)?(?:outlet|newspaper|paper|agency|broadcaster|channel|magazine|"
                r"website|site|daily|weekly|network|think\s+tank|group|organi[sz]ation|institute|firm|company|"
                r"pollster|watchdog|monitor|body)\s+)?")
# When a document came out, after its issuer's name ("... published by YouGov on Sunday")
_ISSUED_WHEN = re.compile(r"(?:(?:on|in|last|this|earlier|late|early)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                          r"week|month|year|january|february|march|april|may|june|july|august|september|october|"
                          r"november|december|\d{4})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?")
_DOCUMENT_BEFORE = re.compile(r"(?:^|\s)" + _DOCUMENTS + r"\s+(?:(?:"
                              + "|".join(v.replace(" ", r"\s+") for v in ISSUING_VERBS)
                              + r")\s+(?:(?:in|on|last|this|earlier)\s+[\w.]+(?:\s+\d{1,4})?,?\s+)?)?"
                              r"(?:from|by|of)\s+(?:the\s+)?"
                              + _ISSUER_KIND + r"$")
_DOCUMENT_AFTER = re.compile(_DOCUMENTS + r"s?")
_DOCUMENT_LEAD = re.compile(r"(?:(?:a|an|the|new|latest|recent|joint|its|their|his|her|final|official)\s+)*")


def _document_issuer(text: str, start: int, end: int, named: list[Entity]) -> Entity | None:
    """The named issuer of a document that speaks: "a statement from Air France", "a report by
    the IMF", "the TV Sports Markets report" (not "a report on Russia", "a poll of voters")."""
    def lead_ok(lead: str) -> bool:  # only determiners and a few adjectives before the document
        return not lead.strip() or bool(_DOCUMENT_LEAD.fullmatch(lead.strip() + " "))

    for e in reversed(named):
        before = re.sub(r"\s+", " ", text[start:e.start].lower())
        after = text[e.end:end].strip(" ,.'\u2019s").lower()
        m = _DOCUMENT_BEFORE.search(before)
        if (not after or _ISSUED_WHEN.fullmatch(after)) and m and lead_ok(before[:m.start()]):
            return e
        if _DOCUMENT_AFTER.fullmatch(after) and lead_ok(before):
            return e
    return None


# "X of the Y" between two names of a source: X is the head ("the Eastern Theater Command of the PLA")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")

_RELATIVE_TAIL = re.compile(r"(?:(?:,|\s[\u2013\u2014]|\s--)\s*(?:which|who|whom|whose|that|where)|\s(?:who|whose))\b.*$",
                            re.S)  # (also "one former official who participated in ...": no comma before "who")

# Multi-word roles read as one role noun in definite descriptions.
_ROLE_PHRASES = {("head", "of", "state"): "president", ("head", "of", "government"): "minister",
                 ("chief", "of", "state"): "president"}


def _relative_antecedent(text: str, src, entities: list[Entity],
                         doc: "Doc | None") -> tuple[str, str | None, bool] | None:
    """The noun a relative clause hangs on, from the parse (None without one)."""
    if doc is None or src is None:
        return None
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    verb = tok.head
    while verb.dep_ in ("conj", "xcomp", "aux") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ not in ("relcl", "acl") or verb.head is verb:
        return None
    parsed = next((e for e in entities if e.start <= verb.head.idx < e.end), None)
    head = _personal_noun_before_prep(verb.head, tok, parsed is not None and parsed.label in ("GPE", "LOC", "FAC"))
    hit = next((e for e in entities if e.start <= head.idx < e.end), None)
    if hit is not None:
        return hit.canonical, hit.label, False
    start = head.left_edge.idx
    phrase = text[start:head.idx + len(head.text)].strip(" ,")
    words = [w.casefold() for w in re.findall(r"[\w\-]+", phrase)]
    if not words or words[-1] in RELATIVE_PRONOUNS:
        return None
    if words[0] in ("those", "anyone", "people", "someone", "everyone") or head.tag_ in ("NNS", "NNPS") \
            or words[0] in VAGUE_DETERMINERS or words[-1] in VAGUE_HEADS:
        return phrase, None, True
    return phrase, None, head.tag_ not in ("NNP",)


def _personal_noun_before_prep(head, pron, place: bool = False):
    """"a source on the ground who said": the parser hangs "who" on the nearest noun; when that
    noun is a thing in a phrase after a word for a person ("source", "official", "spokesman"),
    "who" is that person. "Which"/"that" and proper nouns are left as parsed."""
    if pron.lower_ not in ("who", "whom") or head.dep_ != "pobj" or upos(head) not in ("NOUN", "PROPN"):
        return head
    low = head.lower_
    if upos(head) == "PROPN" and not place:
        return head  # "a spokesman for Putin, who said": as parsed (but "a farmer in Deir ez-Zor, who")
    if _personal(low) or low in VAGUE_HEADS or singular(low) in VAGUE_HEADS:
        return head  # "an adviser to the minister who said": the minister, as parsed
    noun = head.head.head if head.head.dep_ == "prep" else None
    if noun is None or upos(noun) not in ("NOUN", "PROPN"):
        return head
    if _personal(noun.lower_) or noun.lower_ in VAGUE_HEADS or noun.lower_ in _ANONYMOUS_PEOPLE:
        return noun
    return head


# Between a name and "who": nothing, or an aside that opens and closes with punctuation
# (", 39,", " — call sign “Kalina” —", " (R-Ky.)").
_ASIDE_GAP = re.compile(r"\s*(?:[,(\u2014\u2013-][^.!?\n]*[,)\u2014\u2013-])?\s*")


def _who_after_person(text: str, src, word: str, persons: list[Entity]) -> tuple[str, str | None, bool] | None:
    """"... deputy commander Svyatoslav Palamar — call sign “Kalina” — who told The Sun": where
    the parse hangs the relative clause elsewhere, "who" right after a person's name, or after
    the name and an aside set off by commas, dashes or brackets, is that person."""
    if word not in ("who", "whom") or src is None:
        return None
    before = [e for e in persons if e.end <= src.start and src.start - e.end <= 80
              and _ASIDE_GAP.fullmatch(text[e.end:src.start])]
    if not before:
        return None
    hit = max(before, key=lambda e: e.end)
    return hit.canonical, hit.label, False


def _which_after_body(text: str, src, word: str, entities: list[Entity]) -> tuple[str, str | None, bool] | None:
    """"according to the UN agency for Palestinian refugees (UNRWA), which said ...": where the
    parse hangs the relative clause elsewhere, "which" right after an organisation's name and a
    comma is that organisation."""
    if word != "which" or src is None:
        return None
    hit = next((e for e in entities if e.label in ("ORG", "MEDIA") and e.end <= src.start
                and re.fullmatch(r"\)?\s*,\s*", text[e.end:src.start])), None)
    return (hit.canonical, hit.label, False) if hit is not None else None


def _antecedent(pos: int, persons: list[Entity], said: list[_Said], doc: "Doc | None",
                attributions: list[Attribution]) -> str | None:
    best_pos, best = -1, None
    for s in said:
        if s.label == "PERSON" and s.pos < pos and s.pos > best_pos:
            best_pos, best = s.pos, s.canonical
    for e in persons:
        if e.end <= pos and e.start > best_pos and _is_subject(doc, e) \
                and not _in_direct_quote(e.start, attributions):
            best_pos, best = e.start, e.canonical
    if best is None:  # no subject and no speaker: the most recent person at all
        before = [e for e in persons if e.end <= pos and not _in_direct_quote(e.start, attributions)]
        if before:
            best = before[-1].canonical
    return best


# Nouns for one person of a nation ("the Pole", "the Dutchman"); adjectives in -an used as nouns
# ("the Brazilian") are read from the recogniser's NORP tag
_NATIONAL_NOUNS = frozenset("""pole spaniard dane swede finn turk scot briton brit kiwi aussie argentine
dutchman frenchman englishman irishman scotsman welshman dutchwoman frenchwoman englishwoman irishwoman
scotswoman welshwoman""".split())


def _mid_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a sentence, not at its start."""
    before = text[max(0, pos - 3):pos].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n\"\u201c\u201d\u2018\u2019'"


def _a_national(word: str, src: Any, text: str, doc: "Doc | None") -> bool:
    """Whether a capitalised ``word`` of a source names one person of a nation."""
    if not word[:1].isupper():
        return False
    if word.casefold() in _NATIONAL_NOUNS:
        return True
    if doc is None or not word.endswith("an"):
        return False
    at = text.find(word, src.start, src.end)
    span = doc.char_span(at, at + len(word)) if at >= 0 else None
    return span is not None and span[0].ent_type_ == "NORP"


def _words(phrase: str) -> list[str]:
    return [w.casefold() for w in re.findall(_WORD, phrase)]


def _personal(word: str) -> bool:
    """A word that can end a description of a person ("PM", "lady", "minister"), unlike an
    organisation's ("the Support Forces" at the end of "assistant to the commander of the
    Army's Support Forces")."""
    return singular(word) in ROLE_NOUNS or word in ROLE_NOUNS or is_title(word) or bool(AGE_IN_YEARS.fullmatch(word))


def _by_phrase(low: list[str], pos: int, people: dict[str, PersonInfo], persons: list[Entity],
               said: list[_Said], doc: "Doc | None", attributions: list[Attribution]) -> str | None:
    """The person an earlier description names: the source repeats it ("the first lady" after
    "First lady Michelle Obama"; "Malaysian PM" after "Malaysian PM Najib Razak"; a phrase of
    two or more words may be the end of it), or is an age ("the 27-year-old": the person in
    focus). The most recently mentioned match wins."""
    body = low[1:] if low and low[0] in DEFINITE else low
    if not body:
        return None
    if len(body) == 1 and AGE_IN_YEARS.fullmatch(body[0]):
        return _antecedent(pos, persons, said, doc, attributions)
    # (name, description, position) of people described so far: from the entities, and from
    # earlier statements whose speaker the entity recogniser missed
    described = [(p.canonical, p.description, max((x for x in p.positions if x < pos), default=-1))
                 for p in people.values() if p.description]
    described += [(a.speaker, a.speaker_description, a.source.start) for a in attributions
                  if a.source is not None and a.source.start < pos and a.speaker and a.speaker_description
                  and not a.unnamed and a.speaker_label in (None, "PERSON")]
    best, best_pos = None, -1
    for name, description, last in described:
        desc = _words(description)
        if desc and desc[0] in ("a", "an", "the"):
            desc = desc[1:]
        if desc and (desc == body or (len(body) >= 2 and desc[-len(body):] == body and _personal(body[-1]))) \
                and last > best_pos:
            best, best_pos = name, last
    return best


# The two people of a meeting or a talk, as a joint source (not "the two sides", often two
# countries or blocs: "In a joint statement, the two sides said", of the GCC and Japan).
_THE_TWO = re.compile(r"(?:the two|both)(?: ministers| foreign ministers| leaders| presidents| men| women"
                      r"| heads of state)", re.I)
# ... named at most this many characters before.
THE_TWO_WINDOW_CHARS = 800


def _last_two_people(pos: int, persons: list[Entity]) -> tuple[str, str] | None:
    """The two people last named before ``pos`` (within :data:`THE_TWO_WINDOW_CHARS`), in the
    order the article first names them; None unless exactly two are named in that window."""
    recent = [e for e in persons if pos - THE_TWO_WINDOW_CHARS <= e.start < pos]
    names = list(dict.fromkeys(e.canonical for e in recent))
    return (names[0], names[1]) if len(names) == 2 else None


# Heads of an unnamed source that the article keeps anonymous ("a senior official told Reuters"),
# unlike "a former CIA officer" or "a military expert", whom the next paragraph often names.
_ANONYMOUS_HEADS = frozenset("official source diplomat insider aide spokesperson spokesman spokeswoman person "
                             "resident witness eyewitness member employee staffer worker".split())


def _introduced_after_lede(text: str, order: list[Attribution],
                           persons: list[Entity]) -> tuple[Attribution, str] | None:
    """A lede's unnamed speaker whom the next paragraph names: "A former CIA officer has told RT
    that ... \n\n Larry Johnson, who served in the agency's Directorate of Intelligence, said ...".
    Only the article's first paragraph, an indefinite role ("a former CIA officer", "an expert"; not
    "a senior official", who stays anonymous), and a person whose first mention opens the
    source of the first statement of the very next paragraph, or names the speaker of a
    quotation that opens it. Returns (the lede's statement, that person's canonical name)."""
    first = next((a for a in order if a.source is not None), None)
    if first is None or len([p for p in text[:first.source.start].split("\n") if p.strip()]) > 2 or any(
            first.source.start <= e.start < first.source.end for e in persons):
        return None  # (the lede: the first paragraph, or the second after a photo caption left in)
    lede_end = text.find("\n", first.source.start)
    lede_end = len(text) if lede_end == -1 else lede_end
    words = [w.casefold() for w in re.findall(_WORD, first.source.text)]
    cut = next((i for i, w in enumerate(words) if w in _HEAD_PREPS or w in RELATIVE_PRONOUNS), len(words))
    words = words[:cut]
    if len(words) < 2 or words[0] not in ("a", "an") or words[-1] not in ROLE_NOUNS or words[-1] in _ANONYMOUS_HEADS:
        return None
    para = lede_end
    while para < len(text) and text[para].isspace():
        para += 1
    para_end = text.find("\n", para)
    para_end = len(text) if para_end == -1 else para_end
    nxt = next((a for a in order if a.source is not None and a.source.start >= lede_end), None)
    if nxt is None or nxt.source.start >= para_end:
        return None
    opens = nxt.source.start == para or (nxt.kind != "indirect" and nxt.content.start == para
                                         and nxt.content.end <= nxt.source.start)
    if not opens:  # ("Larry Johnson, who ..., said", '"They let them go," retired Lt. Col. X said')
        return _named_with_the_role(first, words[-1], lede_end, text, order, persons)
    named = [e for e in persons if nxt.source.start <= e.start < nxt.source.end]
    if not named or (nxt.source.start == para and not all(
            is_title(w) for w in text[nxt.source.start:named[0].start].split())) \
            or any(e.canonical == named[0].canonical and e.start < para for e in persons):
        return None
    return first, named[0].canonical


def _named_with_the_role(first: Attribution, role: str, lede_end: int, text: str, order: list[Attribution],
                         persons: list[Entity]) -> tuple[Attribution, str] | None:
    """The lede's "a veteran military expert has told Sputnik" is the first person named in the
    source of a statement of the next two paragraphs, first mentioned there, whose source or
    description has the lede's role noun ('"...," retired Colonel X, a military expert and former
    staff officer, said'); None when there is none."""
    paragraphs = [m.end() for m in re.finditer(r"\n\s*\n|\n", text[lede_end:])]
    window_end = lede_end + (paragraphs[2] if len(paragraphs) > 2 else len(text) - lede_end)
    for a in order:
        if a.source is None or not lede_end <= a.source.start < window_end:
            continue
        named = [e for e in persons if a.source.start <= e.start < a.source.end]
        if named and role in role_nouns_in(f"{a.source.text} {a.speaker_description or ''}") \
                and not any(e.canonical == named[0].canonical and e.start < lede_end for e in persons):
            return first, named[0].canonical
    return None


def _anonymous_before(noun: str, pos: int, attributions: list[Attribution]) -> bool:
    """Whether an unnamed source with this head noun spoke before ("a senior US official"):
    then "the official" is that anonymous person, not the last named one; unless a person
    described so spoke since ("A US spokesman told reporters ...; Foreign Ministry spokesman X
    condemned ...; the spokesman stressed": X)."""
    anonymous = None
    for a in attributions:
        if a.source is None or a.source.start >= pos or not a.unnamed:
            continue
        words = [w.casefold() for w in re.findall(r"[\w\-]+", a.source.text)]
        # the head noun ends before a preposition or a relative clause ("a military expert who
        # requested anonymity")
        cut = next((i for i, w in enumerate(words) if w in _HEAD_PREPS or w in RELATIVE_PRONOUNS), len(words))
        if words[:cut] and words[0] in ("a", "an", "one", "another") and words[:cut][-1] == noun:
            anonymous = a.source.start
    if anonymous is None:
        return False
    return not any(a.source is not None and anonymous < a.source.start < pos and not a.unnamed
                   and noun in _words(a.speaker_description or "") for a in attributions)


# A minister's or secretary's portfolio: "the foreign minister" is not the "Defense Minister".
_PORTFOLIOS = frozenset("""foreign defense defence finance interior health justice economy economic trade energy
education agriculture transport culture environment home treasury""".split())  # (not "labour": the party)
# A role named before the person holding it ("Türkiye's defense minister on Wednesday vowed ...",
# then "Defense Minister Yasar Guler said"): looked for this far ahead.
NAMED_LATER_CHARS = 2000


def _named_later(noun: str, pos: int, people: dict[str, PersonInfo], words: tuple[str, ...]) -> str | None:
    """The person first named after ``pos`` (within NAMED_LATER_CHARS) whose description has
    this role noun and every other word of the phrase: the wire story's "the defense minister
    said ..." in the lead, "Defense Minister X" in a later paragraph (not "the former president"
    for a "Ukrainian President", nor "The Prime Minister" for a "shadow climate minister"). Only
    for offices: an everyday occupation ("the actor", "the teacher") is no lead's stand-in."""
    if noun in OCCUPATION_NOUNS:
        return None  # ("the actor" in one section of a listicle is not the actor named in the next)
    later = [(min(p.positions), p.canonical) for p in people.values() if p.positions and p.description
             and pos < min(p.positions) <= pos + NAMED_LATER_CHARS and noun in role_nouns_in(p.description)
             and _names_in(words, p.description)]
    return min(later)[1] if later else None


def _names_in(names: tuple[str, ...], description: str | None) -> bool:
    """Whether a description holds every name of a definite description ("Russian" of "the
    Russian leader" in "Russian President"; "Russia" of "the President of Russia")."""
    words = re.findall(r"[\w\-]+", fold_accents(description or "").casefold())
    # (a nationality and its country share their first letters: "Russian", "Russia's", "Türkiye", "Turkish")
    return all(any(d[:4] == fold_accents(w).casefold()[:4] for d in words) for w in names)


def _names_fit(names: tuple[str, ...], description: str | None) -> bool:
    """Whether a person's description may stand for a definite description with these names:
    it holds them, or it names no other place (not counting acronyms such as "MP", a place code
    too, in the gazetteer; "President", "Foreign Minister" may be "the
    Ruritanian head of state"; "President of France" is not "the President of Russia")."""
    if not names:
        return True
    portfolios = {w.casefold() for w in names if w.casefold() in _PORTFOLIOS}
    if portfolios and not _names_in(tuple(portfolios), description):
        return False  # "the foreign minister" is not the "Defense Minister" nor the "President"
    if not description or _names_in(names, description):
        return True
    return not names_a_place(description)


# Abbreviated titles of a role noun ("the senator": "Sen. X").
_ROLE_ABBREVIATIONS = {"senator": "sen", "representative": "rep", "congressman": "rep", "congresswoman": "rep",
                       "governor": "gov", "general": "gen",
                       "colonel": "col", "captain": "capt", "sergeant": "sgt", "commander": "cmdr",
                       "councillor": "cllr", "detective": "det", "inspector": "insp"}


# Seats that are offices though no title goes before a name with them ("The Labour MP for Stroud")
_SEATS = frozenset("mp mep td msp mla mpp lawmaker legislator".split())


def _other_office(noun: str, description: str) -> bool:
    """Whether a description holds an office (a title: mayor, minister, judge, ...) other than the
    noun's own office ("the senator" is not the "former Toledo Mayor"; but "the analyst" may be
    the head of a research centre)."""
    offices = {r for r in role_nouns_in(description, parts=False) if is_title(r) or r in _SEATS}
    return (is_title(noun) or noun in _SEATS) and bool(offices) and noun not in offices


def _described_as(noun: str, description: str | None) -> bool:
    """Whether a description names this role noun, in full or as its abbreviated title."""
    if not description:
        return False
    return noun in role_nouns_in(description) or (
        noun in _ROLE_ABBREVIATIONS and _ROLE_ABBREVIATIONS[noun] in {title_key(w) for w in description.split()})


# Modifiers that say nothing about who someone is ("the former teacher").
_GENERIC_MODS = frozenset("former retired local new old young elderly senior junior veteran same other".split())
# Other words for an occupation: "the doctor" after "a local physician" or "Dr. X".
_SAME_OCCUPATION = {"doctor": {"physician", "dr", "surgeon"}}


# A word before an office that makes it another one ("Deputy Chief Minister" is not "the CM")
_LESSER_OFFICE = frozenset("deputy vice assistant associate acting junior former ex".split())


def _by_office_initials(acronym: str, pos: int, people: dict[str, PersonInfo]) -> str | None:
    """The person, mentioned last before ``pos``, whose description holds an office of title
    and role words whose initials spell ``acronym`` ("Karnataka Chief Minister" for "the CM",
    not "Deputy Chief Minister")."""
    def holds(roles: str | None) -> bool:
        words = re.findall(r"[\w\-]+", roles or "")
        n = len(acronym)
        return any("".join(w[0] for w in words[i:i + n]).upper() == acronym
                   and all((title_like(w) or w[0].isupper()) and not (len(w) > 1 and w.isupper())
                           for w in words[i:i + n])  # (not "US Secretary" for "the US")
                   and title_like(words[i + n - 1])
                   and not (i and words[i - 1].casefold() in _LESSER_OFFICE)
                   for i in range(len(words) - n + 1))

    return _mentioned_last([p for p in people.values() if any(x < pos for x in p.positions) and holds(p.roles)], pos)


def _mentioned_last(fitting: list[PersonInfo], pos: int) -> str | None:
    """Of people each mentioned before ``pos``, the one mentioned last (None for nobody)."""
    return max(fitting, key=lambda p: max(x for x in p.positions if x < pos)).canonical if fitting else None


def _by_description(noun: str, pos: int, people: dict[str, PersonInfo],
                    said: list[_Said], fallback: bool = True, names: tuple[str, ...] = (),
                    mods: tuple[str, ...] = ()) -> str | None:
    """The person "the <noun>" refers to. ``names``: capitalised modifiers of the phrase ("the
    Russian leader"), which a newly introduced person's description must contain; ``mods``: its
    lower-case modifiers ("former"), which prefer an earlier person described with the noun and
    one of them over a last speaker described with neither."""
    earlier = [s for s in said if s.label == "PERSON" and s.pos < pos]
    if noun in OCCUPATION_NOUNS:  # only someone described so ("the teacher": Retired teacher David Lowe),
        # or by the phrase's other words ("the billionaire businessman": American billionaire X)
        fitting = [p for p in people.values() if any(x < pos for x in p.positions) and p.roles
                   and ({noun} | _SAME_OCCUPATION.get(noun, set()) | (set(mods) - _GENERIC_MODS))
                   & {title_key(w) for w in p.roles.split()} and _names_fit(names, p.roles)]
        return _mentioned_last(fitting, pos)
    if earlier:
        # someone described by this noun who was introduced after the last speaker spoke
        # ("Military expert X, first vice-president of Y, agreed. '…,' the analyst said"): that one
        since = earlier[-1].pos
        newer = [(max(x for x in p.positions if since < x < pos), p.canonical) for p in people.values()
                 if p.canonical != earlier[-1].canonical and any(since < x < pos for x in p.positions)
                 and p.roles and (noun in role_nouns_in(p.roles) or _class_match(noun, p.roles))
                 and _names_in(names, p.roles)]
        if newer:
            return max(newer)[1]
        last = earlier[-1].canonical
        last_description = people.get(last).roles if people.get(last) else None
        if mods and last_description and not (set(mods) | {noun}) & set(_words(last_description)):
            # "The former intelligence officer" after a Secretary of State spoke: the former CIA officer
            fits = [x.canonical for x in reversed(earlier) if people.get(x.canonical) and people[x.canonical].roles
                    and noun in role_nouns_in(people[x.canonical].roles)
                    and set(mods) & set(_words(people[x.canonical].roles))]
            if fits:
                return fits[0]
        if _compatible(noun, last_description) and _names_fit(names, last_description):
            # ... unless the last speaker is not described by the noun and someone earlier is ("The
            # minister replied" after an MP spoke, the water minister before him; "the senator" and
            # "Sen. X")
            if not _described_as(noun, last_description) and (
                    not last_description or _other_office(noun, last_description)):
                described = [x.canonical for x in reversed(earlier) if x.canonical != last and people.get(x.canonical)
                             and _described_as(noun, people[x.canonical].roles)
                             and _names_in(names, people[x.canonical].roles)]
                if described:
                    return described[0]
            return last

    def last_pos(p: PersonInfo) -> int:
        return max((x for x in p.positions if x < pos), default=-1)

    candidates = sorted((p for p in people.values() if last_pos(p) >= 0), key=last_pos, reverse=True)
    for test in (lambda d: noun in role_nouns_in(d), lambda d: _class_match(noun, d)):
        for p in candidates:
            if test(p.roles) and _names_fit(names, p.roles):
                return p.canonical
    last_info = people.get(earlier[-1].canonical) if earlier else None
    if earlier and fallback and not _head_for_staff(noun, last_info.description if last_info else None) \
            and _names_fit(names, last_info.description if last_info else None):
        return earlier[-1].canonical
    return None
