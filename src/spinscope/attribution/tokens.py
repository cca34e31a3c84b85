"""Small shared tests on parsed tokens and character spans, used by every part of the extractor."""
from __future__ import annotations

from typing import Any

from ..entities.names import ROLE_NOUNS, singular
from . import lexicon
from .quotes import DOUBLE_APOS

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")

EDGE_PUNCT = ",.;:—–-()[] \n\t\xa0"

# Capitalised modals that are surnames when the verb after them is not a bare infinitive
# ("George Will wrote", "“…,” May told the BBC").
_MODAL_NAMES = frozenset({"Will", "May"})


def _tok_end(tok: Any) -> int:
    return tok.idx + len(tok.text)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip edge punctuation and space, but keep a quotation's own marks (and an ellipsis at
    the end: "the war would go on …"; at the start it is the end of the sentence before)."""
    while start < end and (text[start] in EDGE_PUNCT or text[start] == "\u2026"):
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


# Verbs whose object says the infinitive: "prompting experts to question", "urged them to reject"
_OBJECT_CONTROL = frozenset("""prompt urge ask force lead cause encourage persuade convince allow push spur invite
compel tell order pressure press inspire challenge dare get got drive motivate provoke implore beg""".split())
_OBJECT_CONTROL_STEMS = lexicon.form_stems(_OBJECT_CONTROL)


def _object_control(tok: Any) -> bool:
    return lexicon.is_form_of(tok, _OBJECT_CONTROL, _OBJECT_CONTROL_STEMS)


def _after_comma(doc: Any, i: int) -> bool:
    """Token ``i`` follows a comma, or a comma and a closing quote mark ('“…,” the Paris prosecutor')."""
    prev = doc[i - 1].text
    return prev == "," or (i >= 2 and prev in ("\u201d", '"', "''") and doc[i - 2].text == ",")


def _speech_form(tok: Any) -> bool:
    return tok.lower_ in ("said", "says", "wrote", "writes", "added", "adds", "told", "explained", "noted",
                          "argued", "insisted", "warned", "claimed", "stated", "continued", "recalled")


def _governing_cue(clause: Any) -> Any:
    """The reporting verb a reported clause hangs on: its head for a complement ("said that
    ..."), or the verb of the medium phrase the parser hung it on ("said in a statement that ...")."""
    if clause.dep_ == "ccomp" and clause.head.i < clause.i and _cue_like(clause.head):
        return clause.head
    if clause.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) \
            and clause.head.dep_ == "pobj" and clause.head.head.dep_ == "prep" and _cue_like(clause.head.head.head):
        return clause.head.head.head
    return None


def _past_joins_reporting_verb(tok: Any) -> bool:
    """A past tense that the parser put in a reported clause but that cannot continue it, so it
    coordinates with the reporting verb that governs the clause: after a modal ("May reiterated
    that the vote will go ahead and warned ..."), after a present or progressive tense ("wrote
    that the government was choosing confrontation and called on ...", "stressed that the republic
    supports any agreement, and called on ..."), or after a comma and "and" when the reporting
    verb is in the past too ("said its fighters had liberated the town, and called on ...")."""
    head = tok.head
    cue = _governing_cue(head) if tok.dep_ == "conj" and tok.tag_ == "VBD" else None
    if cue is None:
        return False
    auxes = [c for c in head.children if c.dep_ == "aux" and c.i < head.i]
    if any(c.tag_ == "MD" for c in auxes):
        return True
    if head.tag_ in ("VBZ", "VBP") or (head.tag_ == "VBG" and any(c.lower_ in _PRESENT_OR_PAST_BE for c in auxes)):
        return True
    cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < tok.i), None)
    return cc is not None and cc.lower_ == "and" and cc.i == tok.i - 1 and tok.doc[cc.i - 1].text == "," \
        and cue.tag_ == "VBD"


_PRESENT_OR_PAST_BE = frozenset("is are am was were".split())


def _cue_like(tok: Any) -> bool:
    return lexicon.lemma_of(tok) in lexicon.CORE_CUE_LEMMAS or lexicon.cue_prior(tok.lower_) >= 0.3


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday "
                        "tomorrow night morning evening day week month year weekend time january february "
                        "march april june july august september october november december".split())


# Nouns whose "in ..." / "during ..." phrase tells how a statement was made, so that the phrase
# belongs to the cue ("said in a statement", "wrote in an op-ed") and a relative clause on them
# is no content; wider than describe's ``_MEDIUM_NOUNS`` (nouns whose "to X" is the medium).
_MEDIUM_NOUNS = frozenset("statement interview email op-ed post tweet letter release issue response column "
                          "article editorial memo speech remarks appearance briefing conference call message "
                          "video book blog report essay podcast broadcast".split())


# All-caps names the parser can read as a form of "be" ("IS has said"): never part of a cue.
_CAPS_NAMES = frozenset({"IS"})


_COMPLEMENTIZERS = frozenset(("that", "whether", "if"))


def _person_noun(tok: Any) -> bool:
    """A noun for people who can speak: a role ("analyst", "officials") or a vague source
    ("experts", "friends", "sources")."""
    lemma = singular(tok.lower_)
    return lemma in lexicon.VAGUE_SOURCE_HEADS or lemma in ROLE_NOUNS or lemma in _SPEAKING_GROUPS


# People who speak as a group and name nobody ("friends say", "neighbours said"), beside the
# roles and vague sources of the lexicon.
_SPEAKING_GROUPS = frozenset("friend relative family colleague ally rival neighbour neighbor pal confidant".split())


def _wrap_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a span that sits exactly inside a quotation to include its marks, and a
    span whose last quotation closes just after it (`... was "killing us."`); two
    apostrophes count as one double quote."""
    seg = text[start:end].replace(DOUBLE_APOS, '"')
    if seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1:
        close = _closing_mark(text, end)
        if close is not None:
            return start, close
    opener = 2 if text[max(0, start - 2):start] == DOUBLE_APOS else (
        1 if start > 0 and text[start - 1] in "“\"" else 0)
    if opener:
        close = _closing_mark(text, end)
        if close is not None:
            return start - opener, close
    return start, end


def _closing_mark(text: str, end: int) -> int | None:
    """End of a closing quote mark within a few punctuation characters after ``end``."""
    for k in range(end, min(end + 4, len(text))):
        if text.startswith(DOUBLE_APOS, k):
            return k + (3 if text.startswith(DOUBLE_APOS + "'", k) else 2)
        if text[k] in "”\"":
            return k + 1
        if text[k] not in ".,!?":
            return None
    return None
