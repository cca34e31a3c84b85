"""Which words are cues: the readings the parser gets wrong ("Western media claim" read as a
noun, "make clear that"), and words that look like cues but report no speech (imperatives,
physical attacks, idioms such as "That said,")."""
from __future__ import annotations

import re
from typing import Any

from ..entities.names import singular
from ..model import Attribution
from . import lexicon
from .quotes import QuoteRegion
from .tokens import _COMPLEMENTIZERS, SUBJECT_DEPS, _cue_like

_APPEAL_VERBS = frozenset("call contact ring phone email report come get visit submit".split())


# Verbs that introduce a list or an example with a colon, not words ("The list includes:").
_NOT_COLON_CUES = frozenset("be have include contain feature consist comprise involve become follow go come "
                            "remain list need require mean cover get take make do see look".split())
_NOT_COLON_STEMS = lexicon.form_stems(_NOT_COLON_CUES)


def _colon_before_quote(text: str, end: int, quotes: list[QuoteRegion]) -> bool:
    """Whether ``text[:end]`` ends with a colon and a quotation of four words or more opens
    right after it (on the same line or the next paragraph)."""
    head = text[max(0, end - 3):end].rstrip()
    if not head.endswith(":"):
        return False
    return any(end <= q.start <= end + 4 and len(text[q.start:q.end].split()) >= 4 for q in quotes)


def _quote_paragraph_after_tag(text: str, p: Attribution, q: QuoteRegion) -> bool:
    """Whether quotation ``q`` is a paragraph of its own and the paragraph before it ends with
    statement ``p`` (at most a short speech tag after its content: '," he told Sky News.')."""
    para_start = text.rfind("\n", 0, q.start) + 1
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end == -1 else para_end
    if text[para_start:q.start].strip() or text[q.end:para_end].strip(" \t.,;:"):
        return False
    tail = text[p.content.end:text.find("\n", p.content.end)] if "\n" in text[p.content.end:q.start] else ""
    return len(tail) <= 150 and not re.search(r"[.!?]\s+[A-Z]", tail.strip())


def _closing_speech_tag(tok: Any) -> bool:
    """ "..., the minister said on Tuesday.": a speech verb whose subject follows a comma and
    which ends its sentence (at most four words after it, none a verb)."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or lexicon.lemma_of(tok) not in lexicon.CORE_CUE_LEMMAS:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.left_edge.i < 1 or tok.doc[subj.left_edge.i - 1].text != ",":
        return False
    after = [t for t in tok.doc[tok.i + 1:tok.sent.end] if not t.is_punct]
    return len(after) <= 4 and not any(lexicon.upos(t) in ("VERB", "AUX") for t in after)


_MOTIONS = frozenset("bill motion measure resolution amendment law proposal proposals".split())


def _no_speech(tok: Any) -> bool:
    """Uses of a cue-like verb that report no statement."""
    if tok.dep_ in ("advcl", "xcomp") and tok.head.i < tok.i and any(
            t.lower_ == "anonymity" for t in tok.doc[tok.head.i:tok.i]):
        return True  # "who spoke on condition of anonymity to discuss details": why, not what
    if tok.lower_ in _SHARED_FORMS and any(c.lower_ == "times" and c.head.i == tok.i for c in tok.children):
        return True  # "shared more than 14,000 times on Facebook and viewed over two million times on X"
    if any((c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and any(
            s.dep_ == "nsubj" and lexicon.lemma_of(s) in _MOTIONS for s in tok.children)))
           and any(p.lower_ in ("vote", "votes", "margin") for p in c.children) for c in tok.children):
        return True  # "The proposals were passed by 24 votes to 17", "a bill ... passed its reading by 71 votes to 9"
    if tok.lower_ in ("called", "named", "dubbed") and any(c.dep_ == "auxpass" for c in tok.children) \
            and not any(c.dep_ == "agent" for c in tok.children):
        return True  # "The compound is called berberine": a name, nobody's statement
    if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "parataxis") and tok.head.i > tok.i and tok.i > 0 \
            and tok.doc[tok.i - 1].text == "," and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True  # "X's latest round of export controls, announced late last week, has ...": a participle
    if tok.text[:1].isupper() and tok.i > tok.sent.start and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i - 1].is_alpha and not tok.doc[tok.i - 1].text[:1].isupper() \
            and tok.doc[tok.i + 1].text[:1].isupper() and tok.doc[tok.i + 1].is_alpha:
        return True  # "the 2014 chart-topper Said It All Before": a capitalised title, not a verb
    if tok.lower_ == "pronounced" and any(c.lower_ == "dead" for c in tok.children):
        return True  # "he was pronounced dead at the scene"
    if tok.lower_.startswith("impos") and any(c.dep_ in ("dobj", "nsubjpass") and singular(c.lower_) in _MEASURES
                                              for c in tok.children):
        return True  # "The US and its allies have imposed sanctions on Moscow": a measure, not words
    if lexicon.lemma_of(tok) == "ask" and any(c.dep_ == "auxpass" for c in tok.children) \
            and not any(c.dep_ == "agent" for c in tok.children) \
            and any(c.dep_ == "xcomp" and lexicon.lemma_of(c) in _APPEAL_VERBS for c in tok.children):
        return True  # "Anyone with information is asked to call 101": an appeal to readers
    if tok.lower_ == "quoting" and any(
            c.dep_ == "dobj" and c.lower_ in ("number", "reference", "ref", "code") for c in tok.children):
        return True  # "quoting incident number 2400...": a reference to give, not a quotation
    if any(c.dep_ in ("advmod", "prt") and (c.lower_ == "away" or (c.lower_ == "up" and tok.lower_.startswith("show")))
           and c.i == tok.i + 1 for c in tok.children):
        return True  # "something you can explain away": dismissing, not saying ("showed up on a screen": appearing)
    if lexicon.lemma_of(tok) == "call" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) \
            and any(c.dep_ == "dobj" and c.lower_ in ("it", "them", "him", "her") for c in tok.children):
        return True  # "Daesh, as the group's enemies call it,": a naming aside, nobody's statement
    if tok.lower_ == "think" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("tank", "tanks"):
        return True  # "Several US think tanks have published reports": a noun the parser read as a verb
    return False


def _imperative(tok: Any) -> bool:
    """A verb of an imperative sentence: a bare root with no subject or auxiliary, or a verb
    coordinated with one ("Call your representatives and demand they ...")."""
    if tok.dep_ == "conj" and tok.tag_ in ("VB", "VBP") and tok.head.dep_ == "ROOT" \
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        tok = tok.head
    return (tok.tag_ == "VB" or (tok.tag_ == "VBP" and tok.i == tok.sent.start)) and tok.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "expl") for c in tok.children)  # (also "Want to share ...?")


# Present-tense reporting verbs the parser reads as a noun after a mass noun ("Western media
# claim that ...", "US media report that ...").
_NOUN_READ_LEMMAS = ("claim say report insist argue believe allege suggest warn fear note stress admit "
                     "deny accuse assert maintain predict forecast estimate").split()
# (the plural-like third person too: "The IMF predicts that ...", "The central bank forecasts that ...")
_NOUN_READ_VERBS = frozenset(_NOUN_READ_LEMMAS) | frozenset(
    f for lemma in _NOUN_READ_LEMMAS for f in lexicon.inflections(lemma) if f.endswith("s") and f != lemma)


# "Attack" and "target" are cues when words are the weapon ("Clinton attacked Trump", "attacked the
# plan"); not when the attackers are armed or the target is a place or a building.
_ARMED = frozenset("""troop force soldier army militant terrorist fighter gunman gunmen rioter drone missile jet
aircraft warplane attacker assailant insurgent rebel militia bomber sniper navy artillery tank raider
jihadist extremist mob""".split())
_PHYSICAL_TARGETS = frozenset("""position post base mall hall station building office fleet ship vessel tanker
convoy village town city civilian checkpoint camp school hospital church mosque synagogue
concert plant refinery facility infrastructure location airport airfield port bridge bus train car vehicle
painting store shop restaurant embassy headquarters barracks house home apartment neighbourhood
neighborhood district area region depot pipeline grid""".split())
_WEAPONS = frozenset("""rifle gun knife knives machete bomb grenade missile rocket drone stone rock bat explosive
weapon arm arms axe sword""".split())
_ATTACK_FORMS = frozenset("attack attacks attacked attacking target targets targeted targeting".split())


def _physical_attack(tok: Any, subject: Any) -> bool:
    """"Terrorist groups ... which attacked military posts", "Troops attacked the mall": an
    attack with arms, not words."""
    if tok.lower_ not in _ATTACK_FORMS:
        return False
    if subject is not None:
        subj = subject
        if subj.lower_ in ("which", "who", "that") and subj.dep_ in ("nsubj", "nsubjpass") and tok.dep_ == "relcl":
            subj = tok.head  # "groups which attacked ...": the noun the clause is on
        if singular(subj.lower_) in _ARMED:
            return True
    holders = [tok] + ([subject] if subject is not None else [])
    if any(p.dep_ == "prep" and p.lower_ == "with" and singular(g.lower_) in _WEAPONS
           for h in holders for p in h.children for g in p.children if g.dep_ == "pobj"):
        return True  # "attacked a police station with petrol bombs", "men with assault rifles attacked"
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None and any(c.dep_ == "auxpass" for c in tok.children):
        obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return obj is not None and singular(obj.lower_) in _PHYSICAL_TARGETS


_POSSESSIVES = frozenset("his her their its my our".split())
_ONES_WORDS = frozenset("words view opinion estimation assessment judgment judgement".split())
_IN_ONES_WORDS = re.compile(r"\W*In (?:(?:%s) (?:own )?(?:%s),|the words of )" % (
    "|".join(sorted(_POSSESSIVES)), "|".join(sorted(_ONES_WORDS))))


def _in_ones_words(doc: Any, tok: Any) -> Any:
    """The possessive of "In his words," / "In her own words," / "In their view," opening a
    sentence, else None."""
    if tok.i != tok.sent.start:
        return None
    words = [t.lower_ for t in doc[tok.i + 1:tok.i + 5]]
    rest = words[2:] if words[1:2] == ["own"] else words[1:]
    if words[:1] and words[0] in _POSSESSIVES and rest[:1] and rest[0] in _ONES_WORDS and rest[1:2] == [","]:
        return doc[tok.i + 1]
    return None


def _verb_read_as_noun(tok: Any) -> tuple[Any, Any] | None:
    """(subject, clause) of "Western media claim that Russia is the aggressor" parsed as the noun
    phrase "Western media claim" with the clause hung on it: a sentence root that is one of
    :data:`_NOUN_READ_VERBS`, a noun compound before it (the subject) and a clause after it."""
    if tok.dep_ != "ROOT" or lexicon.upos(tok) != "NOUN" or tok.lower_ not in _NOUN_READ_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1
                 and lexicon.upos(c) in ("NOUN", "PROPN")), None)
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
                   and lexicon.upos(c) in ("VERB", "AUX")), None)
    if subj is None or clause is None:
        return None
    if any(c.dep_ == "det" for c in tok.children) and not (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "that"
            and tok.doc[tok.i + 1].dep_ == "mark" and tok.doc[tok.i + 1].head.i == clause.i):
        return None  # ("the media claim Russia ...": a claim, not a verb; but "The bank forecasts that ...")
    return subj, clause


# What fact-checks say is shared ("Posts shared thousands of times on Facebook claim that ...").
_SHARED_THINGS = frozenset("post posts video videos message messages tweet tweets article articles image images "
                           "meme memes photo photos picture pictures claim claims user users account accounts "
                           "page pages".split())
_SHARED_FORMS = frozenset("shared posted circulating circulated published viewed spread spreading".split())
_SHARED_CUES = frozenset("claim claims say says allege alleges suggest suggests assert asserts".split())


def _claim_after_shared_posts(tok: Any) -> tuple[Any, Any] | None:
    """(first, last) tokens of the content of "Posts shared thousands of times on Facebook and X
    claim that the WHO ...", "Videos circulating on TikTok claim that ...", which the parser
    reads in many wrong ways ("shared" as the verb, "claim" as a noun): a sentence that opens
    with what is shared ("Posts") and how ("shared", "circulating"), then the cue ``tok``."""
    if tok.lower_ not in _SHARED_CUES:
        return None
    sent = tok.sent  # (not cheap: only for the cue words)
    # (after at most two modifiers: "Social media posts shared ...", "Viral videos circulating ...")
    first = next((t for t in sent[:3] if t.lower_ in _SHARED_THINGS), None)
    if first is None or tok.i < first.i + 3 or tok.doc[first.i + 1].lower_ not in _SHARED_FORMS:
        return None
    if any(t.lower_ in _SHARED_CUES or t.text in (".", ";", ":") for t in tok.doc[first.i + 2:tok.i]):
        return None  # (the first cue word only)
    words = [t for t in tok.doc[tok.i + 1:sent.end] if not t.is_punct or t.i < sent.end - 1]
    if len(words) < 3:
        return None
    return words[0], words[-1]


# ("as quoted by Bloomberg" after a statement names its medium: see describe.find_medium)
_AS_REPORTED_FORMS = frozenset("reported stated noted announced said confirmed claimed "
                               "told written explained revealed".split())


def _as_reported_by(tok: Any) -> Any:
    """The "by" of a fronted or closing "as reported by X", "as stated by X" (else None)."""
    if tok.lower_ not in _AS_REPORTED_FORMS or tok.i == 0 or tok.doc[tok.i - 1].lower_ != "as":
        return None
    by = next((c for c in tok.children if c.dep_ == "agent" and c.i == tok.i + 1), None)
    if by is None or not any(c.dep_ == "pobj" for c in by.children):
        return None
    return by


def _caps_name_read_as_verb(tok: Any) -> Any:
    """An all-capitals name the parser read as the verb of a clause before the cue: "Syria's
    official news agency SANA, citing local sources, said ..." (SANA a past tense with "agency"
    its subject). That name heads the source."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i < tok.i and lexicon.caps_name(c) \
                and c.tag_.startswith("VB") and c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].text == "," \
                and any(g.dep_ == "nsubj" and lexicon.upos(g) in ("NOUN", "PROPN") for g in c.children) \
                and not any(g.dep_ in ("dobj", "ccomp", "xcomp", "aux") for g in c.children):
            return c
    return None


def _clause_under_caps_name(comp: Any) -> Any:
    """'said in a statement carried by state news agency SANA on Wednesday that ...': the parser
    read the all-capitals name as a verb with the that-clause as its complement; the clause is the
    cue's content (else ``comp`` itself)."""
    if comp.dep_ == "ccomp" and lexicon.caps_name(comp) \
            and comp.tag_.startswith("VB") and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in comp.children):
        inner = next((g for g in comp.children if g.dep_ == "ccomp" and g.i > comp.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
        if inner is not None:
            return inner
    return comp


def _yes_no_question(tok: Any, source_tok: Any) -> bool:
    """A question opening with an auxiliary before the cue's subject ("Does China plan to
    retaliate?", "Will the minister say that ...?")."""
    sent = tok.sent
    first = tok.doc[sent.start]
    return (first.lower_ in _QUESTION_AUX and first.i < source_tok.i < tok.i
            and sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"))


_QUESTION_AUX = frozenset("do does did will would can could should is are was were has have had shall may might".split())


def _asyndetic_tag(tok: Any, source_tok: Any) -> bool:
    """"<clause>, a former Pentagon adviser has told RT, ...": a speech tag after a comma that the
    parser joined to the clause before it as a conjunct (no "and" or "but" between them)."""
    if tok.dep_ != "conj" or source_tok is None or source_tok.i > tok.i or tok.head.i > source_tok.i:
        return False
    left = source_tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text == "," and not any(
        c.dep_ == "cc" and c.i < left for c in tok.head.children) and _cue_like(tok)


def _own_statement_conj(tok: Any) -> bool:
    """"warned that the restrictions will hurt sales, and industry associations have cautioned
    that ...": a clause coordinated into the reported one, with a subject, a cue and a
    complement of its own, is a statement of its own, not part of the first one's content."""
    cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), None)
    return tok.dep_ == "conj" and _cue_like(tok) and any(c.dep_ == "ccomp" for c in tok.children) and any(
        c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that") for c in tok.children) \
        and cc is not None and tok.doc[cc.i - 1].text == ","  # (", and": a clause of its own)


_MEASURES = frozenset("sanction tariff duty restriction curfew ban fine penalty levy tax embargo quota".split())


_ADVERBIAL_MARKS = frozenset("as while when whenever because since although though if unless once after before".split())


def _adverbial_clause_before(clause: Any, cue: Any) -> bool:
    """"But as attacks rise again across the desert, regional analysts say the presence ...": a
    clause opened by a subordinating word before the cue and its subject, read as the cue's
    complement, when the cue has a complement after it too."""
    return clause.i < cue.i and clause.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children) and any(
        c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


_MAKE_ADJECTIVES = frozenset("clear known plain obvious".split())
_MAKE_FORMS = frozenset("make makes made making".split())


def _make_clear(tok: Any) -> tuple[Any, Any] | None:
    """(adjective, clause) of "made (it) clear that ...", else None."""
    if tok.lower_ not in _MAKE_FORMS:
        return None
    for c in tok.children:
        if c.i > tok.i and c.lower_ in _MAKE_ADJECTIVES and c.i - tok.i <= 2:
            for holder in (c, tok):
                clause = next((k for k in holder.children if k.dep_ in ("ccomp", "advcl") and k.i > c.i and any(
                    m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS and m.i == k.left_edge.i for m in k.children)), None)
                if clause is not None:
                    return c, clause
    return None


_PLAIN_SPEECH = frozenset({"say", "said", "says", "saying", "told", "tells", "tell"})


def _plain_speech(tok: Any) -> bool:
    """"the minister said that talks had failed": a say/tell verb with its own subject and a
    that-clause is a statement whatever the classifier makes of the sentence around it
    ("According to Reuters, the minister said ...", where it scores the nested verb low); so is
    one with its own subject that an "according to" hangs on ('"…," Guler said, according to a
    ministry statement': the statement's source reports what Guler said, and Guler speaks); and
    a speech tag right after a closing quotation."""
    if tok.lower_ not in _PLAIN_SPEECH or lexicon.upos(tok) not in ("VERB", "AUX"):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i
                and lexicon.upos(c) in ("NOUN", "PROPN", "PRON")]
    clause = any(c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                 for c in tok.children)
    reported = any(c.lower_ == "according" for c in tok.children)
    # '"Nobody could have predicted that," Choudhary said to ANI.': a speech tag right after a
    # closing quotation, whatever the parser hung it on
    doc = tok.doc
    tag = bool(subjects) and (k := subjects[0].left_edge.i) >= 2 and subjects[0].right_edge.i == tok.i - 1 \
        and doc[k - 1].text in ("\"", "\u201d") and doc[k - 2].text in (",", "?", "!")
    return bool(subjects) and (clause or reported or tag)


def _as_put_it(tok: Any) -> Any:
    """The "it" of "as X put(s) it" (a parenthetical attribution of the clause around it), else None."""
    if tok.lower_ not in ("put", "puts") or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it" and c.i == tok.i + 1), None)


_SAY_IDIOM = re.compile(r"\b(?:safe|needless|suffice(?: it)?|that is|fair|fair enough|hard|truth) to say\b|"
                        r"\bto say the least\b|\bso to speak\b", re.I)
# Participles that open a sentence with the word before them and a comma after: idioms
# ("All told, ...", "That said, ..."), not statements.
_OPENING_IDIOMS = {"told": frozenset({"all"}), "said": frozenset({"that", "this"})}


def _opening_idiom(doc: Any, tok: Any) -> bool:
    before = _OPENING_IDIOMS.get(tok.lower_)
    return (before is not None and tok.i > 0 and doc[tok.i - 1].lower_ in before
            and (tok.i == 1 or doc[tok.i - 2].is_punct) and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
