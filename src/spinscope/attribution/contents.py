"""The cue's span (its left modifiers, particles, prepositions, light-verb chains) and the
content's span (clausal complements, verb-phrase objects, adjacent quotations), with the
repairs that keep a content inside its quotation and out of the next clause."""
from __future__ import annotations

import re
from typing import Any

from ..model import Attribution, Span
from ..sentences import SPEECH_TAG
from . import lexicon
from .quotes import QuoteRegion
from .sources import _modifier_read_as_verb, _subject
from .tokens import (
    _CAPS_NAMES,
    _COMPLEMENTIZERS,
    _MEDIUM_NOUNS,
    _MODAL_NAMES,
    _TIME_WORDS,
    _object_control,
    _overlaps,
    _tok_end,
    _trim,
)

OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")

# Left dependants glued to the cue in PolNeAR's convention ("has said", "also said").
CUE_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod")


def _left_modifiers(tok: Any) -> list[Any]:
    """Auxiliaries, negation and adverbs right before the cue ("has also said", "was not expected")."""
    out = []
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].head.i == tok.i and (doc[i].dep_ in CUE_LEFT_DEPS or (
            doc[i].dep_ == "npadvmod" and doc[i].lower_ in _TIME_WORDS)):
        if (doc[i].text in _MODAL_NAMES and doc[i].dep_ == "aux" and tok.tag_ != "VB") or doc[i].text in _CAPS_NAMES:
            break  # "George Will wrote", "IS has said": a name tagged as a modal or an auxiliary
        out.append(doc[i])
        if doc[i].dep_ == "npadvmod" and i > 0 and doc[i - 1].head.i == doc[i].i and doc[i - 1].lower_ in (
                "last", "this", "next", "on", "that", "early", "late"):
            out.append(doc[i - 1])  # "last week said"
            i -= 1
        i -= 1
    return out


_PARAGRAPH_BELOW = re.compile(r"[ \t]*\n\s*([^\n]*\w[^\n]*)")


def _paragraph_below(text: str, pos: int) -> tuple[int, int] | None:
    """The paragraph after a colon that ends its line at ``pos`` (a statement or post given as
    a paragraph of its own, with no quotation marks), or None."""
    below = _PARAGRAPH_BELOW.match(text, pos)
    return _trim(text, *below.span(1)) if below is not None else None


def _that_clause_as_dep(tok: Any) -> list[Any]:
    """A "that" clause the parser left as an unlabelled dependant of the cue (a scare-quoted
    word inside broke the parse: 'We are told that sanctions are "crippling" the economy'), or
    read as a relative clause of the verb ("The media claim that Russia is the aggressor"; not
    where the verb is itself a subject: "The media claim that he lied was false")."""
    return [c for c in tok.children if c.i > tok.i and (
                c.dep_ == "dep" or (c.dep_ in ("acl", "relcl") and lexicon.upos(tok) in ("VERB", "AUX")
                                    and tok.dep_ in ("ROOT", "conj", "ccomp", "parataxis", "advcl")))
            and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)][:1]


# Between two quotations, a coordinated clause rather than a speech tag ('"has never threatened
# anyone" and accused Washington of "pumping ..."').
_CONJOINED_GAP = re.compile(r"\s+(?:and|but|or|while|yet)\s", re.I)


_THAT_BEFORE_QUOTE = re.compile(r"\bthat\s*$", re.I)


def _adjacent_quote(text: str, base: int, doc: Any, tok: Any, quotes: list[QuoteRegion]) -> tuple[int, int] | None:
    """The quotation(s) this cue introduces or closes, if the sentence has any.

    Takes quotes inside the cue's sentence, plus a quote starting right after the
    sentence (``He said: "...``), and joins a split quote around a parenthetical cue.
    """
    # The parsed chunk is already one sentence by our splitter; spaCy's own sentence
    # boundaries cut '“Why?” | Trump asked.' apart, so they are not used here.
    s_start, s_end = base, base + (_tok_end(doc[-1]) if len(doc) else 0)
    cue_pos = base + tok.idx
    inside = [q for q in quotes if _overlaps((q.start, q.end), (s_start, s_end))
              and not (q.start <= cue_pos < q.end)]
    # Quotes must be substantial (not scare quotes) to count as the content.
    inside = [q for q in inside if len(text[q.start:q.end].split()) >= 4 or
              q.start <= s_start + 1 or q.end >= s_end - 3]
    if not inside:
        # "He said:" then a quotation opening the next sentence or paragraph.
        tail = text[cue_pos:s_end].rstrip()
        if tail.endswith(":"):
            nxt = [q for q in quotes if s_end <= q.start <= s_end + 3]
            if nxt:
                return (nxt[0].start, nxt[0].end)
        return None
    before = [q for q in inside if q.end <= cue_pos]
    after = [q for q in inside if q.start > cue_pos]
    if before and after:
        gap = text[before[-1].end:after[0].start]
        verbs = [t for t in doc if before[-1].end <= base + t.idx < after[0].start and lexicon.upos(t) == "VERB"
                 and (lexicon.cue_prior(t.lower_) >= 0.1 or lexicon.lemma_of(t) in lexicon.CORE_CUE_LEMMAS)]
        if len(verbs) >= 2 and tok in verbs:
            # '“A,” he said, adding: “B.”': two cues, one quotation each
            q = before[-1] if tok.i == verbs[0].i else after[0]
            return (q.start, q.end)
        if _THAT_BEFORE_QUOTE.search(gap):
            return (after[0].start, after[0].end)  # '"...", adding that "B."': the cue introduces only B
        if len(gap) < 80 and not _CONJOINED_GAP.match(gap):  # split quote around a short "he said"
            return (before[-1].start, after[0].end)
    if before:
        # The quote ends right before "he said" (allowing for the source between).
        if len(text[before[-1].end:cue_pos]) < 60 or _only_source_between(text, base, tok, before[-1].end):
            # '"A," Smith said. "B."': the quote resumes right after the cue sentence.
            rest = text[cue_pos:s_end]
            nxt = [q for q in quotes if s_end <= q.start <= s_end + 2 and "\n" not in text[s_end:q.start]]
            if nxt and not after and len(rest) < 60 and not SPEECH_TAG.match(text, nxt[0].end):
                # (unless that quote has its own tag: '"A," he said. "B," he added.')
                return (before[-1].start, nxt[0].end)
            return (before[-1].start, before[-1].end)
    if after and tok.dep_ == "relcl" and any(
            not t.is_punct for t in doc[tok.right_edge.i + 1:] if base + t.idx < after[0].start):
        return None  # "X, which backed the claim, called the ruling "a landmark"": the main verb's quotation
    if after:
        if len(text[cue_pos:after[0].start]) < 60:
            return (after[0].start, after[-1].end if len(after) > 1 and
                    len(text[after[0].end:after[-1].start]) < 5 else after[0].end)
    return None


# Right dependants of a cue that belong to what was said/meant, in PolNeAR's convention.
VP_CONTENT_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "prep", "dative", "attr", "acomp")
VP_STOP_DEPS = ("punct", "cc", "conj", "advcl", "parataxis", "npadvmod", "mark", "nsubj")


_ADDRESSEE_VERBS = frozenset("tell inform assure remind warn notify persuade convince".split())
_ADDRESSEE_STEMS = lexicon.form_stems(_ADDRESSEE_VERBS)


# Prepositions PolNeAR keeps in the cue when their object is the content ("referring to X",
# "said of X", "balked at X"); "say" takes only "of".
CUE_PREPS = frozenset("to of about at for on against".split())
# Verbs whose "to X" is who they addressed ("wrote to the council", "spoke to residents"), not what
# the statement was about ("referred to", "objected to", "pointed to").
_ADDRESSEE_TO = frozenset("write speak talk".split())


def _cue_extension(tok: Any) -> tuple[list[Any], Any]:
    """Tokens right of the cue that PolNeAR includes in it, and a prepositional object
    that is the content (or None): "referring to", "said in a statement"."""
    doc = tok.doc
    ext: list[Any] = []
    prep_obj = None
    j = tok.i + 1
    while j < len(doc) and doc[j].head.i == tok.i and doc[j].dep_ == "advmod" and doc[j].tag_ in ("RB", "RBR"):
        j += 1  # "spoke briefly of", "pushed back on", "pressed privately for"
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and j > tok.i + 1 and not (nxt.head.i == tok.i and nxt.dep_ == "prep"
                                                   and nxt.lower_ in CUE_PREPS):
        j, nxt = tok.i + 1, (doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
    if j > tok.i + 1:
        ext.extend(doc[tok.i + 1:j])
    if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "prep":
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        lemma = lexicon.lemma_of(tok)
        if pobj and nxt.lower_ in CUE_PREPS and (lemma != "say" or nxt.lower_ == "of") \
                and not (nxt.lower_ == "to" and lemma in _ADDRESSEE_TO) \
                and pobj[0].lower_ not in lexicon.AUDIENCE_WORDS \
                and pobj[0].lower_ not in _TIME_WORDS and not any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            ext.append(nxt)
            prep_obj = pobj[0]
        elif pobj and nxt.lower_ in ("in", "during") and lexicon.lemma_of(pobj[0]) in _MEDIUM_NOUNS:
            clause = {t.i for cl in _misattached_complement(tok) for t in cl.subtree}
            sub = [t for t in nxt.subtree if t.i not in clause]
            ext.extend(t for t in sub if t.dep_ != "punct" or t.i < max(x.i for x in sub))
    return ext, prep_obj


# Nouns that, as the object of a light verb, make the cue ("made no mention of",
# "offered a defense of", "issued a warning").
LIGHT_VERBS = frozenset("make offer issue give deliver voice express raise".split())
LIGHT_NOUNS = frozenset("mention reference suggestion appeal case claim point argument defense defence "
                        "warning statement comment comments promise pledge call plea vow prediction "
                        "criticism attack accusation allegation".split())


_NO_CHAIN = frozenset({"declin", "refus"})


def _cue_chain(tok: Any) -> Any:
    """The token a multi-word cue ends on: "declined to comment" -> comment,
    "went on to say" -> say, "made no mention" -> mention; else the cue itself."""
    doc = tok.doc
    if lexicon.stem(tok.lower_) in _NO_CHAIN and not any(
            c.dep_ == "xcomp" and any(p.dep_ == "prep" and p.i == c.i + 1 and p.lower_ in CUE_PREPS for p in c.children)
            for c in tok.children):
        return tok  # PolNeAR: cue "declined", content "to comment" (but "declined to comment on | X")
    if _object_control(tok) and any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return tok  # "prompting experts to question": the experts question (a cue of its own)
    for c in tok.children:
        if c.dep_ == "xcomp" and lexicon.upos(c) == "VERB" and c.i > tok.i and c.i - tok.i <= 3 \
                and doc[c.i - 1].lower_ == "to" and (lexicon.cue_prior(c.lower_) >= 0.1
                                                     or lexicon.lemma_of(c) in lexicon.CORE_CUE_LEMMAS):
            return c
    if lexicon.lemma_of(tok) in LIGHT_VERBS:
        for c in tok.children:
            if c.dep_ == "dobj" and 0 < c.i - tok.i <= 3 and lexicon.lemma_of(c) in LIGHT_NOUNS:
                return c
    return tok


def _verb_phrase_content(tok: Any) -> tuple[Any, Any] | None:
    """First and last token of the cue's right-hand complements, or None.

    Used when the cue has an object (PolNeAR takes "him as a generous executive",
    "Clinton of pushing to indict him", "them to draft a speech" whole); stops at
    punctuation, coordination and adverbial clauses, and skips leading prepositional
    phrases naming a medium ("said in a statement that ...").
    """
    right = [c for c in tok.children if c.i > tok.i]
    if not any(c.dep_ in ("dobj", "dative", "oprd") for c in right):
        return None
    if lexicon.is_form_of(tok, _ADDRESSEE_VERBS, _ADDRESSEE_STEMS) and not any(c.dep_ == "xcomp" for c in right):
        return None  # "told reporters that ...": the object is the addressee, not the content
    first = last = None
    for c in right:
        if c.dep_ in VP_STOP_DEPS:
            if first is not None:
                break
            continue
        if c.dep_ not in VP_CONTENT_DEPS:
            if first is not None:
                break
            continue
        if first is None and c.dep_ == "prep":
            continue  # leading "in a statement", "on Tuesday"
        if c.dep_ == "prep" and _circumstance(c):
            break  # trailing "on Thursday", "at a press conference", "on Twitter": when/where, not what
        sub = list(c.subtree)
        if first is None:
            first = sub[0]
        last = sub[-1]
    return (first, last) if first is not None else None


_RELATIVE_WORDS = frozenset("that which who whom whose what".split())


def _relative_gap_content(base: int, tok: Any, source_tok: Any) -> tuple[int, int] | None:
    """"the things he has said about Latinos", "the only regret he acknowledged": a cue in a
    relative clause whose gap is its object says the noun the clause modifies (PolNeAR takes
    that noun phrase as the content). Only with a subject of its own that is not the relative
    pronoun ("the man who said" names a speaker, not a statement) and no object."""
    head = tok.head
    if tok.dep_ not in ("relcl", "acl") or head.i >= tok.i or lexicon.upos(head) not in ("NOUN", "PROPN"):
        return None
    if source_tok is None or source_tok.head.i != tok.i or source_tok.lower_ in _RELATIVE_WORDS:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "nsubjpass") or (c.dep_ == "dobj" and c.lower_ not in _RELATIVE_WORDS)
           for c in tok.children):
        return None  # (an object that is the relative pronoun stands for the noun: "charges which he denies")
    if head.lower_ in _CIRCUMSTANCE_NOUNS:
        return None  # "the first time he has warned about X": when, not what
    first = head.left_edge
    as_phrase = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i), None)
    if as_phrase is not None:  # "the camps, which aid groups have described as “incubators” for ...": what they are called
        return base + first.idx, base + _tok_end(as_phrase.right_edge)
    return base + first.idx, base + _tok_end(head)


# Nouns a relative clause can hang on without being its object: "the first time he said", "the
# way she put it".
_CIRCUMSTANCE_NOUNS = frozenset("time times moment day days week weeks month months year years occasion "
                                "way place point".split())


def _for_clause(tok: Any) -> list[Any]:
    """"resolutions calling for US troops to be brought home": the parser made "for" the mark
    of an adverbial clause of the cue; that clause is what is called for."""
    return [c for c in tok.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1 for m in c.children)]


def _misattached_complement(tok: Any) -> list[Any]:
    """The cue's "that"-clause when the parser hung it on a noun of a phrase between them:
    "insisted in the same interview that X", "told reporters on Monday that X" (the clause
    becomes an ``acl`` of "interview" / "Monday"). Only a clause opened by its complementizer
    counts, so a relative clause ("the interview that aired") is left alone. After "told" and
    an audience ("told a briefing that the sanctions are working"), the parser may read the
    complementizer as a relative pronoun: a "that" opening a clause with a subject of its own
    is the complementizer. A clause before a closing tag may come as an auxiliary of the cue
    that has a subject of its own."""
    for c in tok.children:
        if c.dep_ == "aux" and c.i < tok.i - 1 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                and any(t.text == "," for t in tok.doc[c.i + 1:tok.i]):
            # "The expansion of X has little to do with deterrence ..., a military expert has told
            # Sputnik": the parser hung the reported clause's verb on the cue as its auxiliary
            return [c]
    if lexicon.lemma_of(tok) == "tell":
        for n in (c for c in tok.children if c.dep_ == "dobj" and c.lower_ in lexicon.TOLD_AUDIENCES):
            for cl in (c for c in n.children if c.dep_ in ("relcl", "acl") and c.i > n.i):
                first = cl.left_edge
                if first.lower_ == "that" and first.dep_ not in ("nsubj", "nsubjpass") and any(
                        s.dep_ in ("nsubj", "nsubjpass") and s.i > first.i for s in cl.children):
                    return [cl]
    for c in tok.children:
        if c.i < tok.i or c.dep_ not in ("prep", "npadvmod", "dative"):
            continue
        nouns = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for n in nouns:
            for cl in n.children:
                if cl.dep_ in ("acl", "relcl", "ccomp") and cl.i > n.i and any(
                        m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS and m.i == cl.left_edge.i
                        for m in cl.children):
                    return [cl]
                if cl.dep_ == "relcl" and cl.i > n.i and (lexicon.lemma_of(n) in _MEDIUM_NOUNS | lexicon.TOLD_GATHERINGS
                                                          or n.lower_ in _TIME_WORDS) and _that_fills_no_gap(cl):
                    # "said at a briefing that the West was pushing Europe to the brink", "told AFP
                    # at the time that the claim was false"
                    return [cl]
    return []


def _that_fills_no_gap(cl: Any) -> bool:
    """Whether the "that" opening a clause the parser read as relative ("a briefing that the West
    was pushing Europe ...") is a complementizer: the clause has a subject of its own and its
    object or complement slot is filled, so there is no gap for a relative "that" to fill ("the
    briefing that he chaired" keeps its gap: a relative clause)."""
    first = cl.left_edge
    if first.lower_ != "that" or first.dep_ in ("nsubj", "nsubjpass"):
        return False
    others = [c for c in cl.children if c.i != first.i]
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in others) and any(
        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd") for c in others)


def _circumstance(prep: Any) -> bool:
    """A prepositional phrase saying when or where something was said ("on Thursday", "in June
    2015", "at a press conference", "on Twitter")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or prep.lower_ not in ("on", "in", "at", "during"):
        return False
    return (pobj.lower_ in _TIME_WORDS or pobj.like_num or lexicon.lemma_of(pobj) in _MEDIUM_NOUNS
            or pobj.lower_ in ("twitter", "facebook", "conference", "television", "radio", "air"))


def _cut_trailing_relative(toks: list[Any]) -> list[Any]:
    """Drop a non-restrictive relative clause closing the content (", which ...", ", who ...")."""
    if len(toks) < 4:
        return toks
    ids = {t.i for t in toks}
    for t in toks:
        if t.dep_ == "relcl" and t.head.i in ids:
            sub = list(t.subtree)
            first = sub[0]
            if sub[-1].i == toks[-1].i and first.i - 1 in ids and first.doc[first.i - 1].text == "," \
                    and first.lower_ in ("which", "who", "whose", "whom"):
                return [x for x in toks if x.i < first.i - 1]
        if t.tag_ == "VBG" and t.i - 1 in ids and t.doc[t.i - 1].text == "," and t.dep_ in ("advcl", "xcomp", "acl") \
                and list(t.subtree)[-1].i == toks[-1].i and _object_control(t) and t.i > toks[0].i + 2:
            # "... will be destroyed, prompting experts to question ...": the writer's comment on
            # the statement (a statement of its own), not part of it
            return [x for x in toks if x.i < t.i - 1]
    return toks


def _only_source_between(text: str, base: int, tok: Any, start: int) -> bool:
    """Whether only the cue's subject (and punctuation) stands between ``start`` and the cue."""
    read_as_verb = _modifier_read_as_verb(tok)
    modified, subj = read_as_verb if read_as_verb is not None else (None, _subject(tok))
    if subj is None:
        return False
    st = list(subj.subtree)
    while len(st) > 1 and st[0].is_punct:
        st = st[1:]  # (the quotation's closing mark, hung on the name)
    s0, s1 = base + (modified or st[0]).idx, base + _tok_end(st[-1])
    return (s0 >= start and not text[start:s0].strip(" ,\n\t\u00a0”\"")
            and not text[s1:base + tok.idx].strip(" ,")) or (
        s0 >= start and len(text[s1:base + tok.idx].strip(" ,").split()) <= 2 and not text[start:s0].strip(" ,”\""))


_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]{1,2}\s")


def _cut_at_closing_dash(text: str, att: Attribution, sentence_start: int) -> None:
    """A statement inside a dashed aside ends with it: "the timing of the attack - just days
    after Trump announced his intention to pull out of Syria - was suspicious": the content is
    "his intention to pull out of Syria", not "... - was suspicious". An aside is open at the
    cue when an odd number of spaced dashes stand between the sentence's start and the cue."""
    if att.cue is None or att.kind == "direct" or att.content.start < att.cue.end:
        return
    if len(_SPACED_DASH.findall(text, sentence_start, att.cue.start)) % 2 == 0:
        return  # no aside open at the cue
    m = _SPACED_DASH.search(text, att.content.start, att.content.end)
    if m is not None:
        s, e = _trim(text, att.content.start, m.start())
        if e > s:
            att.content = Span.of(text, s, e)


def _perfect_tag(tok: Any) -> bool:
    """ "as Seymour Hersh has reported,": an active past participle with its auxiliary and nothing
    of its own to say (not "As Israel has responded to the invasion, ...", "as the identities
    have been confirmed, ...")."""
    return any(c.dep_ == "aux" for c in tok.children) and not any(
        c.dep_ in (*OBJECT_DEPS, "ccomp", "xcomp", "auxpass", "nsubjpass")
        or (c.dep_ == "prep" and c.lower_ in CUE_PREPS)
        for c in tok.children)


_PART_EDGE = " \t\n,;:.—–-("


def content_parts(text: str, a: Attribution) -> list[Span]:
    """The content without the speech tag that interrupts it: '“A,” Smith, an analyst, told
    RT. “B.”' -> ['“A,”', '“B.”']; 'This, he stated, was silly' -> ['This', 'was silly'].
    Empty when source, cue and medium all lie outside the content."""
    c = a.content
    inside = [x for x in (a.source, a.cue, a.medium_span) if x is not None and c.start < x.start and x.end < c.end]
    if not inside:
        return []
    lo, hi = min(x.start for x in inside), max(x.end for x in inside)
    for x in (a.source, a.cue, a.medium_span):  # the whole tag, even where part of it touches an edge
        if x is not None and x.start < hi and lo < x.end:
            lo, hi = min(lo, x.start), max(hi, x.end)
    # a description written before the source ('“A,” defense analyst Smith told RT'): back to
    # the closing quotation mark or comma it follows
    m = re.search(r'[,”"]([^,”"“]{0,80})$', text[max(c.start, lo - 80):lo])
    if m and len(m.group(1).split()) <= 8 and not re.search(r"[.!?;:]", m.group(1)):
        lo -= len(m.group(1))
    left_end = lo
    while left_end > c.start and text[left_end - 1] in _PART_EDGE:
        left_end -= 1
    right_start = hi
    while right_start < c.end and text[right_start] in _PART_EDGE:
        right_start += 1
    left, right = (c.start, left_end), (right_start, c.end)
    if not all(any(ch.isalnum() for ch in text[s:e]) for s, e in (left, right)):
        return []
    return [Span.of(text, *left), Span.of(text, *right)]
