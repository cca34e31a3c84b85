"""Word lists for attribution: cue forms learned from PolNeAR train, vague sources, media.

The cue table (``models/cue_forms.json``) maps a lower-case word form to how often it
was inside a gold Cue span and how often it occurred at all in PolNeAR train; the ratio
is the prior that an occurrence is a cue. Built by ``python -m
spinscope.attribution.train --forms`` (train split only).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..entities.names import OUTLET_KINDS
from ..nlp import upos  # noqa: F401  (the tag-based POS, shared with the entities package)

MODELS_DIR = Path(__file__).parent / "models"
CUE_FORMS_FILE = MODELS_DIR / "cue_forms.json"

# A form counts as a cue candidate when at least this share of its train occurrences
# were cues and it was a cue at least MIN_CUE_COUNT times (chosen on train, not dev).
MIN_CUE_RATIO = 0.25
MIN_CUE_COUNT = 3

# Reporting verbs that must always be candidates, whatever the train table says
# (the seeds' vocabulary and common synonyms; lemmas).
CORE_CUE_LEMMAS = frozenset("""
say tell claim state add note write report announce argue suggest explain insist
warn believe think pledge vow promise point stress emphasise emphasize assert allege
acknowledge admit deny confirm reveal declare predict maintain contend observe remark
describe accuse criticise criticize urge ask respond reply recall conclude estimate
want intend plan hope expect fear doubt agree disagree question tweet comment signal
indicate testify concede complain counter caution accept propose demand
affirm reaffirm reiterate refute deplore dispute retort rebut lament clarify aver opine
""".split())

# Heads of noun phrases that name nobody in particular ("critics say", "officials said").
VAGUE_SOURCE_HEADS = frozenset("""
critic sceptic skeptic expert official analyst source observer some many people insider aide
commentator pundit witness resident activist diplomat authority spokesperson spokesman
spokeswoman others other report reports study studies poll polls survey media reporter
researcher scientist economist lawmaker politician member members voter voters supporter
supporters opponent opponents person someone somebody anyone everybody everyone several few
brexiteer brexiteers remainer remainers remoaner remoaners leaver leavers hardliner hardliners
local locals villager villagers eyewitness eyewitnesses survivor survivors neighbour neighbours neighbor
neighbors bystander bystanders pal pals friends allies confidants
""".split())

# Addressees that are media or audiences when they follow "told" ("told RT", "told reporters").
AUDIENCE_WORDS = frozenset("""
reporters journalists press media audience crowd supporters viewers listeners readers reporter journalist
panel committee hearing senators lawmakers congress parliament students host interviewer
radio television tv podcast station network correspondent correspondents investors shareholders analysts
""".split()) | OUTLET_KINDS
# Forms of the verbs of "X quoted Y as saying", "X cited Y as saying".
QUOTING_FORMS = frozenset("quote quotes quoted quoting cite cites cited citing".split())
# Gatherings one can "tell" something to ("told a briefing", "told a news conference", "told a
# rally"): the medium of "tell", but not audiences elsewhere ("asked at the business conference").
TOLD_GATHERINGS = frozenset("""
briefing conference meeting rally summit forum gathering session assembly convention delegates
jury jurors court inquest tribunal house chamber commons senate mps peers councillors councilors
mourners congregation worshippers congregants msps
officers investigators detectives police inquiry magistrates judge
""".split())
# Who or what one is "told" something: an audience or a gathering.
TOLD_AUDIENCES = AUDIENCE_WORDS | TOLD_GATHERINGS


def caps_name(tok: Any) -> bool:
    """An all-capitals name of 2-8 letters ("SANA", "TASS", "IRNA"), which the tagger may read
    as a verb ("agency SANA on Wednesday that ...")."""
    return tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 8


def quoted_as_saying(tok: Any) -> Any:
    """The "quoted" / "cited" of "X quoted Y as saying", for its "saying" (else None)."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as" or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head
    return verb if verb.lower_ in QUOTING_FORMS else None


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, tuple[int, int]]:
    data = json.loads(CUE_FORMS_FILE.read_text(encoding="utf-8"))
    return {w: (int(v[0]), int(v[1])) for w, v in data["forms"].items()}


def cue_prior(form: str) -> float:
    """Share of train occurrences of ``form`` that were inside a Cue span (0 if unseen)."""
    c = cue_forms().get(form.lower())
    if not c or c[0] < MIN_CUE_COUNT:
        return 0.0
    return c[0] / max(c[1], 1)


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
              "thought": "think", "felt": "feel", "knew": "know", "known": "know", "saw": "see",
              "seen": "see", "made": "make", "gave": "give", "given": "give", "spoke": "speak",
              "spoken": "speak", "men": "man", "women": "woman", "people": "people"}


def lemma_of(tok: object) -> str:
    """A lower-case lemma without spaCy's (slow) lemmatizer: its lemma when one was
    assigned, else the form with regular English inflections removed, checked against
    the word lists this package uses."""
    lem = getattr(tok, "lemma_", "") or ""
    if lem:
        return lem.lower()
    return guess_lemma(getattr(tok, "lower_", str(tok)))


@lru_cache(maxsize=4096)
def guess_lemma(form: str) -> str:
    form = form.lower()
    if form in _IRREGULAR:
        return _IRREGULAR[form]
    known = CORE_CUE_LEMMAS | VAGUE_SOURCE_HEADS | _KNOWN_NOUNS
    if form in known:
        return form
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("sses", "ss"), ("es", ""), ("s", ""),
                         ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if form.endswith(suffix) and len(form) > len(suffix) + 1:
            cand = form[: -len(suffix)] + repl
            if cand in known:
                return cand
            # doubled consonant: "planned" -> "plan"
            if suffix in ("ed", "ing") and len(cand) > 2 and cand[-1] == cand[-2] and cand[:-1] in known:
                return cand[:-1]
    return form


_KNOWN_NOUNS = frozenset("""interview statement op-ed column article post tweet letter show broadcast
appearance briefing conference remark comment message email video plan schedule script rule
tradition design tell""".split())


def inflections(lemma: str) -> set[str]:
    """A regular verb's forms (the inverse of :func:`guess_lemma`): "stress" -> stresses,
    stressed, stressing; "deny" -> denies, denied; "note" -> notes, noted, noting (irregular
    forms are the caller's to list)."""
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith("ee"):
        return {lemma, lemma + "s", lemma + "d", lemma + "ing"}  # agrees, agreed, agreeing
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        # a final consonant after one vowel may double: "planned", "signalled", "committing"
        # (also harmless non-words such as "visitted": these forms only ever match text)
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


CUE_STEMS_FILE = MODELS_DIR / "cue_stems.json"
_STEM_IRREGULAR = {**_IRREGULAR, "told": "tell", "thought": "think", "spoke": "speak", "wrote": "writ",
                   "written": "writ", "write": "writ", "writes": "writ", "writing": "writ",
                   "began": "begin", "begun": "begin", "sought": "seek", "felt": "feel", "heard": "hear",
                   "held": "hold", "led": "lead", "meant": "mean", "stood": "stand", "took": "take",
                   "taken": "take", "went": "go", "gone": "go", "did": "do", "done": "do", "does": "do"}


@lru_cache(maxsize=16384)
def stem(form: str) -> str:
    """A crude, consistent stem ("pushes"/"pushed"/"pushing" -> "push", "decided" ->
    "decid"): irregular forms mapped, then one inflection suffix and a final "e" removed.
    Only used to pool the train counts of related forms."""
    form = form.lower().replace("’", "'")
    if form in _STEM_IRREGULAR:
        form = _STEM_IRREGULAR[form]
        if form in ("say", "tell", "think", "speak", "writ", "begin", "seek", "feel", "hear", "hold",
                    "lead", "mean", "stand", "take", "go", "do", "know", "see", "make", "give"):
            return form
    for suffix in ("ing", "ied", "ies", "ed", "es", "s"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            if suffix == "es" and not form[:-2].endswith(("sh", "ch", "x", "ss", "zz")):
                suffix = "s"  # "agrees" -> "agree", "pushes" -> "push"
            if suffix == "ed" and form.endswith("eed"):
                suffix = "d"  # "agreed" -> "agree"
            form = form[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    if len(form) > 3 and form[-1] == form[-2] and form[-1] not in "lsaeiou":
        form = form[:-1]  # "planned" -> "plan"
    if len(form) > 3 and form.endswith("e") and not form.endswith("ee"):
        form = form[:-1]
    return form


def form_stems(words: Iterable[str]) -> frozenset[str]:
    """Stems of ``words`` and of their regular inflections, so that ``stem(form)`` of any form
    of them is in the set (the stemmer is not idempotent: "focused" -> "focus", "focus" -> "focu")."""
    return frozenset(stem(w + sfx) for w in words for sfx in ("", "s", "ed", "ing", "d"))


def is_form_of(tok: Any, lemmas: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether ``tok`` is a form of one of ``lemmas`` (``stems`` = ``form_stems(lemmas)``); the
    lemma alone is not enough where the parse runs without spaCy's lemmatizer."""
    return lemma_of(tok) in lemmas or stem(tok.lower_) in stems


def use_stems(path: str | Path) -> None:
    """Read the stem table from ``path`` from now on (a cue model trained with its own table)."""
    global CUE_STEMS_FILE
    if Path(path) != CUE_STEMS_FILE:
        CUE_STEMS_FILE = Path(path)
        cue_stems.cache_clear()


@lru_cache(maxsize=1)
def cue_stems() -> dict[str, tuple[int, int]]:
    """Stem -> (times a token with that stem was inside a Cue span, times seen), PolNeAR train."""
    if not CUE_STEMS_FILE.is_file():
        return {}
    data = json.loads(CUE_STEMS_FILE.read_text(encoding="utf-8"))
    return {w: (int(v[0]), int(v[1])) for w, v in data["stems"].items()}


def stem_prior(form: str) -> tuple[float, int]:
    """(share of train occurrences of the stem inside a Cue span, number of occurrences)."""
    c = cue_stems().get(stem(form))
    if not c:
        return 0.0, 0
    return c[0] / max(c[1], 1), c[1]
