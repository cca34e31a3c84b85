"""The source side of a statement: the cue's subject (with the parser's misreadings repaired),
the span that names the speaker, and the phrases that name the medium."""
from __future__ import annotations

import re
from typing import Any

from ..entities.names import (
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    ISSUING_VERBS,
    PARTY_LABEL,
    PERSON_NOUNS,
    ROLE_NOUNS,
    singular,
)
from ..model import Span
from ..sentences import is_abbreviation
from . import lexicon
from .describe import fronted_participles, second_subject_apposition
from .layout import _DATELINE
from .tokens import (
    _CAPS_NAMES,
    _MEDIUM_NOUNS,
    _MODAL_NAMES,
    _TIME_WORDS,
    SUBJECT_DEPS,
    _after_comma,
    _cue_like,
    _governing_cue,
    _object_control,
    _past_joins_reporting_verb,
    _person_noun,
    _speech_form,
    _tok_end,
    _trim,
)

_NOT_SOURCES = frozenset("plan plans schedule script rule rules tradition design".split())


_UNDER_TITLE = re.compile(r"(?:\b[A-Z][\w.]*\s+){0,2}Under[\s-]+$")


def _apposition_that_is_the_subject(pobj: Any, according: Any) -> Any:
    """"According to Varnavskaya, the new restrictions, which ..., "will hit the consumer"": the
    parser made the clause's subject an apposition of the source, leaving the verb after it with
    no subject. Returns that noun (a plural or a thing, not "a spokeswoman") or None."""
    verb = according.head
    appos = next((c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i), None)
    if appos is None or verb.i <= appos.right_edge.i or not verb.tag_.startswith("VB") \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if not all(t.is_punct or t.dep_ in ("aux", "auxpass", "neg", "advmod") or t.is_quote
               for t in verb.doc[appos.right_edge.i + 1:verb.i]):
        return None
    if appos.tag_ not in ("NNS", "NNPS") and lexicon.lemma_of(appos) in ROLE_NOUNS:
        return None  # (a description of the source: "According to X, the spokeswoman, ...")
    return appos


def source_span(text: str, base: int, head: Any) -> Span:
    """The source noun phrase in PolNeAR's convention.

    Keeps appositions (with the comma that closes them) and parenthesised party labels
    ("(R-Ky.)"), drops trailing relative and participial clauses ("..., who spoke on
    condition of anonymity") and a leading dateline ("CLEVELAND - ").
    """
    toks = [head] if head.text in _CAPS_NAMES else list(head.subtree)  # "IS" parsed as the verb: itself only
    # PolNeAR keeps a relative clause on the source's head ("Scott Reed, who managed ...,"),
    # not one inside an apposition ("..., president of X, which endorsed Y,").
    cut = [c for c in head.children if c.dep_ == "acl" and c.i > head.i and not _issued_by(head, c)]
    cut += [c for a in head.children if a.dep_ == "appos" for c in a.children if c.dep_ in ("relcl", "acl")]
    cut += medium_phrases(head)  # "X and Y, ..., in a joint statement on dpa": the cue's medium, not the source
    cut.sort(key=lambda c: c.i)
    if cut:
        stop = min(t.i for t in cut[0].subtree)
        toks = [t for t in toks if t.i < stop]
    for p in fronted_participles(head):  # "Speaking to RT, journalist X said": the source starts after it
        toks = [t for t in toks if t.i > p.right_edge.i + 1]
    while len(toks) > 2 and toks[0].text == ",":
        toks = toks[1:]
    while len(toks) > 2:
        # "..., in Dodoma yesterday, the Minister for ..., Hon. X, announced": adverbials the parser
        # hung on the subject's head, set off by a comma before it, are not the source
        lead = [c for c in head.children if c.i < head.i and c.dep_ in ("prep", "npadvmod", "advmod")
                and c.left_edge.i == toks[0].i]
        if not lead:
            break
        end = lead[0].right_edge.i
        while end + 1 < head.i and head.doc[end + 1].dep_ == "npadvmod" and head.doc[end + 1].head.i == head.i:
            end += 1  # ("in Dodoma | yesterday")
        if end + 1 >= head.i or head.doc[end + 1].text != ",":
            break
        toks = [t for t in toks if t.i > end + 1]
    appos = second_subject_apposition(head)
    if appos is not None:  # (the apposition keeps its own relative clause out, as above)
        rel = [c for c in appos.children if c.dep_ in ("relcl", "acl")]
        toks += [t for t in appos.subtree if not rel or t.i < min(x.i for r in rel for x in r.subtree)]
    while lexicon.upos(head) == "PROPN" and toks[0].i > toks[0].sent.start:
        p = head.doc[toks[0].i - 1]  # "Bakyt | Osmonov, the member of parliament, said": a first name hung on the verb
        if lexicon.upos(p) != "PROPN" or p.dep_ not in ("dep", "npadvmod", "nmod") or p.head.i != head.head.i \
                or p.n_lefts + p.n_rights:
            break
        toks.insert(0, p)
    s, e = base + toks[0].idx, base + _tok_end(toks[-1])
    s, e = _trim(text, s, e)
    while s > 1 and text[s - 1] == "-" and text[s - 2].isalnum():  # "ex-communists" split by the tokenizer
        s -= 1
        while s > 0 and text[s - 1].isalnum():
            s -= 1
    # a quotation's closing mark parsed onto the source ('“We will win,” Smith said')
    while s < e and (text[s] in "”»" or (text[s] in "\"'" and text.count(text[s], s, e) % 2)):
        s, e = _trim(text, s + 1, e)
    close = text.find("\u201d", s, e)
    if close != -1 and text.rfind("\u201c", 0, s) > text.rfind("\u201d", 0, s) and "\u201c" not in text[s:close]:
        # the end of a quotation parsed onto the source ('“... not make, any arrangement with the
        # IDL,” its spokesperson, Colonel X, said'): the source starts after the closing mark
        s, e = _trim(text, close + 1, e)
    m = _DATELINE.match(text[s:e])
    if m and m.end() < e - s:
        s += m.end()
    if text.endswith(tuple(w + " " for w in _NAME_PARTICIPLES), 0, s) and head.head.lower_ in _NAME_PARTICIPLES:
        s = text.rfind(" ", 0, s - 1) + 1  # "retired Lt. Col. Earl Rasmussen"
    if text.startswith(("Secretary", "Secretary-"), s):
        under = _UNDER_TITLE.search(text, max(0, s - 40), s)
        if under is not None:  # "US Under Secretary of State X": the tagger read "Under" as a preposition
            s = under.start()
    aside = _FOR_ONES_PART.search(text, s, e)
    if aside is not None and aside.start() > s:
        e = aside.start()  # "Karine Jean-Pierre, for her part, blamed": an aside, not the source
    seg = text[s:e]
    if seg.count("(") > seg.count(")"):
        close = text.find(")", e, e + 4)
        if close != -1:
            e = close + 1
    last_word = text[s:e].rsplit(None, 1)[-1] if e > s else ""
    if text[e:e + 1] == "." and (PARTY_LABEL.fullmatch(last_word) or is_abbreviation(last_word)):
        e += 1  # "Sen. Daniel Pruitt, R-Kan.", "the U.S.": the abbreviation's dot is the name's
    if "," in text[s:e] and text[e:e + 1] == "," and (appos is not None or any(
            c.dep_ in ("appos", "relcl") for c in head.children)):
        e += 1
    return Span.of(text, s, e)


_FOR_ONES_PART = re.compile(r",\s*for (?:his|her|its|their|our|my|your) (?:part|side)\s*,?\s*$", re.I)
_ISSUED_FORMS = frozenset(v.split()[0] for v in ISSUING_VERBS)  # ("put" of "put out")


def _issued_by(head: Any, acl: Any) -> bool:
    """ "a statement released by the Ministry of National Defense": the participle names the
    document's issuer, which the speakers stage makes the speaker; it stays in the source."""
    return lexicon.lemma_of(head) in DOCUMENT_NOUNS and acl.lower_ in _ISSUED_FORMS and any(
        c.dep_ == "agent" for c in acl.children)


def medium_phrases(head: Any) -> list[Any]:
    """An "in a statement ..." / "in an interview with ..." phrase the parser hung on the
    source, after it ("said Rainer Dulger, ..., and Reiner Hoffmann, ..., in a joint statement
    Monday on Germany's dpa news agency"): it says how the statement was given, so it is cut
    from the source and read for the medium."""
    found = []
    for t in head.subtree:
        if t.dep_ == "prep" and t.lower_ == "in" and t.i > head.i and t.head.dep_ not in ("pobj", "prep"):
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            if pobj and lexicon.lemma_of(pobj[0]) in _MEDIUM_NOUNS:
                found.append(t)
    return found


_RAISING = frozenset("appear seem sound look".split())


_REDUCED_CLAUSE_MARKS = frozenset("when if while after before once unless".split())


def _passive_quoted_as_saying(tok: Any) -> Any:
    """The "saying" of "X was quoted (by Y) as saying" for its passive "quoted" (else None)."""
    if tok.lower_ not in lexicon.QUOTING_FORMS or tok.tag_ != "VBN" or not any(
            c.dep_ == "nsubjpass" for c in tok.children):
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


# Passive forms that state their subject's belief or fear ("X is convinced that", "X was worried
# that"): the subject is the source, not the topic.
_BELIEF_STATES = frozenset("convinced persuaded worried concerned".split())


def _subject(tok: Any) -> Any:
    """The source token of a cue, or None when the statement has no source in the text.

    A passive without agent ("it was said", "X is expected to") and raising verbs
    ("appears to") have a grammatical subject that is the topic, not the source.
    """
    if lexicon.lemma_of(tok) in _RAISING or lexicon.stem(tok.lower_) in _RAISING:
        return None
    if _reduced_passive(tok):
        return None  # "Putin — reported to have taken control — may ...": reported by somebody unnamed
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "the two men, identified as X and Y": identified by nobody named
    if (tok.tag_ == "VBN" or (tok.tag_ == "VBD" and (tok.i == tok.sent.start or (
            tok.i == tok.sent.start + 1 and tok.doc[tok.i - 1].lower_ in _REDUCED_CLAUSE_MARKS)))) \
            and tok.dep_ == "advcl" and (
            tok.i < tok.head.i or tok.doc[tok.i - 1].text == "," or tok.doc[tok.i - 1].lower_ in _REDUCED_CLAUSE_MARKS) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        # (also "X made the remarks at a briefing when asked about ...": asked by someone unnamed)
        return None  # "Asked about the leak, Priebus said ...", "..., identified as X": the asker is unnamed (but
        # "While Sanders has pledged to ..., Devine said" has a subject of its own)
    if tok.dep_ == "acomp" and tok.lower_ in _BELIEF_STATES:
        # "Some experts are convinced that ...", "Officials were worried that ...": the copula's subject
        return next((c for c in tok.head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that")),
                    None)
    if _passive_quoted_as_saying(tok) is not None and not any(c.dep_ == "agent" for c in tok.children):
        # '"…," Grushko was quoted as saying by TASS': the one quoted speaks (with an agent, "X
        # was cited by The Scotsman as saying ...", the outlet is the source of the citing, as
        # in the active "The Scotsman cited X as saying", and X of the "saying")
        return next(c for c in tok.children if c.dep_ == "nsubjpass")
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not c.is_punct and not _infinitive_subject(c)]
    if not subjects:
        subjects = [x for x in [_subject_before_as_aside(tok)] if x is not None]
    if len(subjects) > 1 and subjects[-1].i < tok.i:
        appos = second_subject_apposition(subjects[-2])
        if appos is not None and appos.i == subjects[-1].i:
            subjects = subjects[-2:-1]  # "Bakyt Osmonov, | the member of parliament ..., said": the name
        else:
            subjects = subjects[-1:]  # "ex-communists" parsed as three subjects: the head noun
    for c in subjects:
        if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "this", "that") and any(
                a.dep_ == "auxpass" and a.lower_ in ("'s", "\u2019s") for a in tok.children) and tok.lower_ in _SAID_FORMS:
            return c  # "He's said he ...": "'s" is "has", not a passive
        if c.dep_ == "nsubjpass":
            for a in tok.children:
                if a.dep_ == "agent":
                    pobj = [p for p in a.children if p.dep_ == "pobj"]
                    if pobj:
                        return pobj[0]
            if tok.lower_ in _BELIEF_STATES and c.lower_ not in ("it", "this", "that"):
                return c  # "Some experts are convinced that ...": the convinced believe it
            return None
        return _name_after_participle(c) or _subject_read_as_apposition(tok, c) or c
    for c in tok.children:
        if c.dep_ == "agent":
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            if pobj:
                return pobj[0]
        if c.dep_ == "prep" and c.text == "Under" and c.i < tok.i and tok.doc[c.i + 1].text.startswith("Secretary"):
            # "US Under Secretary of State X said": the title's "Under" read as a preposition
            # and the name as its object (source_span puts "US Under" back)
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for c in tok.children:
        if c.text in _MODAL_NAMES and c.dep_ == "aux" and c.i < tok.i and tok.tag_ != "VB":
            return c  # "Will wrote", "May told the BBC": a surname tagged as a modal
        if c.text in _CAPS_NAMES and c.dep_ in ("aux", "auxpass") and c.i < tok.i:
            return c  # "IS has said", "IS claimed": the group's name read as the verb "is"
    if tok.dep_ == "acomp" and tok.head.text in _CAPS_NAMES and tok.head.i == tok.i - 1:
        return tok.head  # "IS demands allegiance": parsed as "is" + adjective
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and lexicon.upos(tok.head) in ("NOUN", "PROPN") \
            and lexicon.stem(tok.head.lower_) not in _NOT_SOURCES and tok.head.lower_ not in _TIME_WORDS \
            and not _place_object(tok.head):
        return tok.head  # "candidates proposing ...", "a message apparently referring to ..."
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _place_object(tok.head):
        return _subject_shallow(tok.head.head.head)  # "X walked into the center shouting": X
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        # "came amidst report saying ...": the parser hangs the participle on the verb, but
        # with no comma between, it describes the noun right before it
        if prev.dep_ == "pobj" and lexicon.upos(prev) in ("NOUN", "PROPN") \
                and lexicon.stem(prev.lower_) not in _NOT_SOURCES and prev.lower_ not in _TIME_WORDS \
                and not _place_object(prev):
            return prev
    if tok.dep_ == "xcomp" and _object_control(tok.head):
        # object control: "prompting experts to question", "urged the party to reject"
        obj = [c for c in tok.head.children if c.dep_ in ("dobj", "dative") and c.i < tok.i]
        if obj and lexicon.upos(obj[-1]) in ("NOUN", "PROPN", "PRON"):
            return obj[-1]
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 1 and tok.doc[tok.i - 1].text == ",":
        # "<clause>, Iran's Press TV reported on Monday, citing local sources": the tag's name
        tag = next((t for t in reversed(tok.doc[max(0, tok.i - 8):tok.i - 1]) if _acl_speech_tag(t)), None)
        if tag is not None and {x.i for x in tok.doc[tag.i:tok.i - 1]} <= {y.i for y in tag.subtree}:
            return tag.head
    if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.dep_ == "ROOT" and tok.head.i < tok.i \
            and lexicon.upos(tok.head) in ("NOUN", "PROPN") and not any(
                t.i != tok.i and t.dep_ != "aux" and lexicon.upos(t) in ("VERB", "AUX") for t in tok.doc[tok.head.i:tok.i]):
        return tok.head  # "The editorial called on governments to ...": a sentence's verb read as a reduced relative
    quoting = lexicon.quoted_as_saying(tok)
    if quoting is not None:
        obj = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            # "TASS quoted Peskov as saying that ...", "Ryabkov was quoted by RIA Novosti as
            # saying that ...": Peskov, Ryabkov say it (TASS, RIA Novosti are the medium)
            return obj
    if tok.tag_ == "VBG" and tok.dep_ == "oprd" and _after_comma(tok.doc, tok.i) and tok.sent.root.i < tok.i:
        # "X condemned what he called the "complicity" of ..., warning of ...": the parser hung the
        # participle on the clause inside; it goes with the sentence's verb
        return _subject_shallow(tok.sent.root)
    # "..., adding that ...", "X said ... and warned ...": inherit the governing subject.
    if tok.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp") and tok.head.i != tok.i:
        head = tok.head
        if _past_joins_reporting_verb(tok) or _reporters_conj(tok):
            head = _governing_cue(head)
        if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 1 and _after_comma(tok.doc, tok.i) \
                and head.dep_ == "ccomp" and head.head.i < head.i and _cue_like(head.head):
            # "They argued that sanctions need to be targeted, saying ...": the parser hangs
            # the participle on the reported clause; after a comma (and a closing quote mark:
            # 'said that "the forces will not leave," accusing ...') it goes with the reporting verb
            head = head.head
        for _ in range(3):  # "... persuade them to change course by arguing ..." : up the verb chain
            if head.dep_ == "prep" and head.head.i != head.i:  # "by saying", "after noting"
                head = head.head
            subj = _subject_shallow(head)
            if subj is None and tok.dep_ == "advcl" and tok.tag_ == "VBG":
                subj = _subject_in_fronted_phrase(head)  # "<quote>, the prosecutor, X, said, adding that ..."
            if subj is not None:
                if subj.lower_ == "it" and any(c.dep_ == "acomp" and c.lower_ in _EXTRAPOSED_ADJ for c in head.children):
                    return None  # "it is worth noting that", "it is important to remember that": the writer
                return subj
            if head.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "acomp") or head.head.i == head.i:
                return None
            head = head.head
    return _subject_in_fronted_phrase(tok)


_TAG_FORMS = frozenset("said reported wrote added told claimed stated noted announced reports says writes "
                       "adds claims".split())


def _name_after_participle(subj: Any) -> Any:
    """"Reporting from Deir el-Balah, Al Jazeera's Hani Mahmoud said": the parser made the
    opening participle the subject and the name an apposition inside its phrase; the name speaks."""
    if subj.tag_ != "VBG" or subj.i != subj.sent.start or not any(c.dep_ == "prep" for c in subj.children):
        return None
    return next((t for t in subj.subtree if t.dep_ == "appos" and lexicon.upos(t) == "PROPN"
                 and t.doc[t.left_edge.i - 1].text == ","), None)


def _acl_speech_tag(tok: Any) -> bool:
    """"<clause>, Iran's Press TV reported on Monday, citing ...": a speech verb right after a
    name set off by a comma, with the clause before it (at least four words, with a verb of its
    own) and nothing after it but adjuncts; the parser made the name part of the clause and
    the verb a participle on the name."""
    if tok.dep_ != "acl" or tok.lower_ not in _TAG_FORMS or tok.head.i != tok.i - 1:
        return False
    head = tok.head
    if lexicon.upos(head) not in ("PROPN", "NOUN") or head.dep_ not in ("appos", "conj", "npadvmod", "dobj", "pobj", "attr"):
        return False
    np_start = min(t.i for t in head.subtree if t.i <= head.i)
    doc = tok.doc
    sent_start = tok.sent.start
    if np_start - sent_start < 5 or doc[np_start - 1].text != ",":
        return False
    if not any(lexicon.upos(t) in ("VERB", "AUX") for t in doc[sent_start:np_start - 1]):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj") for c in tok.children)


# Participles that modify a name or rank ("retired Lt. Col. Earl Rasmussen").
_NAME_PARTICIPLES = frozenset("retired".split())


def _modifier_read_as_verb(tok: Any) -> tuple[Any, Any] | None:
    """'"…," retired Lt. Col. Earl Rasmussen, executive vice president of X, said.': the parser
    read "retired" as a verb whose subject is the name, and that clause as the cue's complement.
    Returns (the participle, the name), else None; the name is the source, and
    :func:`source_span` puts the participle back in front of it."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i < tok.i and c.lower_ in _NAME_PARTICIPLES and _after_comma(tok.doc, c.i) \
                and not any(g.dep_ in ("dobj", "ccomp", "xcomp") and g.i > c.i for g in c.children):
            # (a clause of the quotation before it may hang on it too)
            name = next((g for g in c.children if g.dep_ == "nsubj" and g.i > c.i and lexicon.upos(g) == "PROPN"), None)
            if name is not None:
                return c, name
    return None


def _subject_in_fronted_phrase(tok: Any) -> Any:
    """"In an interview with RIA Novosti, Bundestag deputy X of the Y party said ...": the
    parser hangs the subject on the fronted phrase's object (as a conjunct or apposition), and
    the finite verb is left with no subject. The noun phrase that follows the phrase's comma and
    runs up to the verb is the subject."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.i < 3:
        return None
    doc = tok.doc
    for prep in (c for c in tok.children if c.dep_ in ("prep", "ccomp", "punct") and c.i < tok.i):
        # (also "<clause>, the Ukrainian General Staff reported": the name hung on the clause's object)
        # (the phrase may close with a comma: "<clause>, Russia's envoy to the EU, Vladimir Chizhov, said")
        end = tok.i - 2 if doc[tok.i - 1].text == "," else tok.i - 1
        # (or on the phrase's comma: "Speaking after the hearing, Detective Constable Ruth Oakley, of
        # Cleveland Police, said", "Oakley" a "prep" of the comma)
        found = [x for x in prep.subtree
                 if (x.dep_ in ("conj", "appos") and lexicon.upos(x) in ("PROPN", "NOUN")
                     or (x.dep_ == "prep" and lexicon.upos(x) == "PROPN" and x.head.is_punct))
                 and x.right_edge.i == end and x.left_edge.i >= 1 and _after_comma(doc, x.left_edge.i)]
        if not found:
            continue
        x = max(found, key=lambda t: t.left_edge.i)  # "In Cwmafan, Neath Port Talbot, X and Y said": X and Y
        outer = [y for y in found if y.dep_ == "appos" and lexicon.upos(y) == "NOUN" and y.i < x.i
                 and x.dep_ == "appos" and x in y.subtree]
        if outer:
            x = min(outer, key=lambda t: t.left_edge.i)  # "…, Russia's envoy to the EU, Vladimir Chizhov, said"
        h = x.head
        if x.dep_ == "appos" and lexicon.upos(x) == "NOUN" and lexicon.upos(h) == "PROPN" and (h in found or (
                h.left_edge.i > 0 and doc[h.left_edge.i - 1].text == "," and h.i < x.i)):
            x = h  # "..., Sergei Bendin, acting head of X said": the name, with its role
        if x.dep_ == "conj" and any(c.dep_ == "cc" for c in x.head.children if x.head.i < c.i < x.i):
            return None  # "with X, Y and Z said": a real coordination
        return x
    return None


# Adjectives of an extraposed "it" ("it is worth noting that", "it is important to remember
# that"): that "it" is no one; PolNeAR marks such cues as having no source.
_EXTRAPOSED_ADJ = frozenset("worth important necessary fair safe interesting notable noteworthy crucial vital "
                            "essential useful instructive helpful striking ironic tempting easy hard difficult "
                            "possible impossible reasonable fitting telling remarkable significant relevant wise "
                            "good better best right wrong sad curious odd strange surprising unsurprising".split())


_PLACE_PREPS = frozenset("into in inside at near outside across through toward towards onto".split())


# Verb forms that, right before "to be" / "to have", can only be a passive participle: "X,
# reported to have fled, ...", "X, believed to be ...". ("claimed to have", "expected to
# have" can be active, so they are not here.)
_REDUCED_PASSIVE_FORMS = frozenset("reported said believed thought alleged rumoured rumored known understood "
                                   "considered seen".split())


def _reduced_passive(tok: Any) -> bool:
    """A reduced passive the parser read as an active past tense ("Putin — reported to have
    taken personal control — may ..."): its subject is what is reported on, not who reports."""
    doc = tok.doc
    if tok.lower_ not in _REDUCED_PASSIVE_FORMS or tok.i + 2 >= len(doc):
        return False
    if doc[tok.i + 1].lower_ != "to" or doc[tok.i + 2].lower_ not in ("have", "be"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _inverted_object(tok: Any) -> tuple[Any, list[Any]] | None:
    """"X was a remarkable operation, wrote Walton, but …": a speech verb right after a comma,
    its clause before it (a clausal complement, or the clause it was coordinated with) and a
    name right after it that the parser took for the object: (the name, the clause's tokens)."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != "," or lexicon.lemma_of(tok) == "tell" or not _speech_form(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or lexicon.upos(obj) != "PROPN" or obj.left_edge.i != tok.i + 1:
        return None
    after = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ";", "\u2014"):
        return None
    ccomp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
    if ccomp is not None:
        clause = [t for t in ccomp.subtree if t.i < tok.i - 1]
    elif tok.dep_ == "conj" and tok.head.i < tok.i and not any(c.dep_ == "cc" for c in tok.head.children
                                                                if c.i < tok.i):
        clause = [t for t in tok.head.subtree if t.i < tok.i - 1]
    else:
        return None
    return (obj, clause) if clause else None


def _name_between_quote_and_tag(tok: Any) -> tuple[Any, Any] | None:
    """'“…,” Andrii Dykun, the head of the UAC, wrote.': a name (and its apposition) between a
    closing quotation mark and the speech verb that the parser hung elsewhere: (its first word,
    its head)."""
    doc = tok.doc
    close = next((t for t in reversed(doc[max(0, tok.i - 16):tok.i]) if t.is_quote), None)
    if close is None or close.i + 1 >= tok.i or not _speech_form(tok) or lexicon.upos(doc[close.i + 1]) != "PROPN":
        return None
    words = doc[close.i + 1:tok.i]
    if any(t.is_quote or lexicon.upos(t) in ("VERB", "AUX", "PRON") for t in words):
        return None
    first = words[0]
    head = first
    while head.i + 1 < tok.i and lexicon.upos(doc[head.i + 1]) == "PROPN":
        head = doc[head.i + 1]
    return first, head


_AGE_NOUN = re.compile(r"(?:the|a|an)\s+\d{1,3}-year-old", re.I)


def _age_noun_before(tok: Any) -> tuple[Any, Any] | None:
    """'"…," the 41-year-old said': the parser hangs "the" and "old" on the verb and leaves it no
    subject; the age noun between the quotation (or a comma) and the speech verb is the
    speaker: (its first word, its last)."""
    doc = tok.doc
    if not _speech_form(tok) or tok.i < 2:
        return None
    stop = next((t for t in reversed(doc[max(0, tok.i - 8):tok.i]) if t.is_quote or t.text == ","), None)
    if stop is None or stop.i + 1 >= tok.i:
        return None
    words = doc[stop.i + 1:tok.i]
    if not _AGE_NOUN.fullmatch(words.text):
        return None
    return words[0], words[-1]


def _name_right_before(tok: Any) -> tuple[Any, Any] | None:
    """'Instead of targeting ... projects like Willow—energy expert Jim Krane said policymakers
    need to ...': a finite speech verb without a subject, right after a name (and its party
    label, "Rep. Paul Ryan (R-WI) said") that the parser attached elsewhere: (the first word
    of the name phrase, its head)."""
    doc = tok.doc
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or not _speech_form(tok) or tok.i < 2 \
            or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    j = tok.i - 1
    if doc[j].text == ")":
        j = next((k for k in range(j - 1, max(j - 8, 0), -1) if doc[k].text == "("), 0) - 1
    if j < 1 or lexicon.upos(doc[j]) != "PROPN" or doc[j].head.i == tok.i:
        return None
    first = j
    while first > 0:
        p = doc[first - 1]
        if lexicon.upos(p) == "PROPN" or (p.is_lower and (p.lower_ in ROLE_NOUNS or (
                lexicon.upos(p) in ("NOUN", "ADJ") and doc[first].lower_ in ROLE_NOUNS))):
            first -= 1  # the name, the role before it and the role's modifiers ("energy expert")
        else:
            break
    if first > 0 and lexicon.upos(doc[first - 1]) in ("VERB", "AUX", "ADP", "PART"):
        return None  # ("US should support Ukraine Kissinger argued": where the name begins is unclear)
    return doc[first], doc[j]


def _speaker_read_as_object(tok: Any) -> Any:
    """'"…," added the official.', '"…," declared one of the men in the video.', '"…," wrote
    another.': after a quotation, the inverted speaker the parser took for the verb's object
    (a phrase running to the end of the clause)."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text == "," and tok.i > 1:
        before = doc[tok.i - 2]
    if before is None or not before.is_quote or not (_speech_form(tok) or _cue_like(tok)) or lexicon.lemma_of(tok) == "tell" \
            or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr") and c.left_edge.i == tok.i + 1), None)
    if obj is None:
        return None
    end = obj.right_edge.i + 1
    if end < len(doc) and not (doc[end].is_punct and doc[end].text in ".,;!?"):
        return None
    if lexicon.upos(obj) == "PROPN" or _person_noun(obj) or obj.lower_ in ("one", "another", "others") or (
            lexicon.upos(obj) == "NOUN" and any(c.dep_ in ("det", "poss") for c in obj.children)):
        return obj
    return None


def _speaker_in_following_clause(tok: Any) -> Any:
    """'"…,” said one former official who participated in the evaluation and who, like others,
    spoke on condition of anonymity': after a quotation, the parser made the inverted speaker
    the subject of a clause complementing the speech verb; that clause (its subject speaks)."""
    doc = tok.doc
    if tok.i < 2 or not _speech_form(tok) or not (doc[tok.i - 1].is_quote or doc[tok.i - 2].is_quote):
        return None
    for c in tok.children:
        subj = next((s for s in c.children if s.dep_ == "nsubj"), None) if c.dep_ == "ccomp" and c.i > tok.i else None
        if subj is not None and subj.left_edge.i == tok.i + 1 and lexicon.upos(subj) in ("NOUN", "PROPN") \
                and (_person_noun(subj) or lexicon.upos(subj) == "PROPN"):
            return c
    return None


def _speaker_read_as_apposition(tok: Any) -> Any:
    """"Speaking to Al Jazeera, Dr Ghassan Abu Sittah, a surgeon at the hospital, said ...": a
    subjectless speech verb after an opening participle phrase whose last noun has a name in
    apposition (the parser's reading of the speaker); that name, else None."""
    if lexicon.upos(tok) != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    part = next((c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < tok.i
                 and c.i == c.sent.start), None)
    if part is None:
        return None
    nouns = [t for t in part.subtree if t.dep_ == "appos" and lexicon.upos(t) == "PROPN" and t.head.dep_ == "pobj"]
    name = nouns[0] if nouns else None
    if name is None or name.right_edge.i >= tok.i or tok.doc[name.left_edge.i - 1].text != ",":
        return None
    return name


def _tag_subject_read_as_apposition(tok: Any) -> Any:
    """"... a protracted standoff with Russia, a veteran military expert has told Sputnik.": the
    subject of a closing tag that the parser hung on the last noun of the clause before as its
    apposition, leaving the speech verb without a subject. The apposition must end right before
    the verb (or its auxiliaries), after a comma, and the verb must end the sentence but for its
    object; the apposition's head, else None."""
    if lexicon.upos(tok) != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    doc = tok.doc
    # (the verb's own auxiliary right before it: "has told")
    first = tok.i - 1 if any(c.dep_ in ("aux", "neg") and c.i == tok.i - 1 for c in tok.children) else tok.i
    if first == 0:
        return None
    before = doc[first - 1]
    ap = next((t for t in [before, *before.ancestors] if t.dep_ == "appos" and t.right_edge.i == first - 1), None)
    if ap is None or ap.left_edge.i == 0 or doc[ap.left_edge.i - 1].text != "," or ap.head.i > ap.i:
        return None
    if any(not (t.is_punct or t.is_space) and t.dep_ not in _TAG_OBJECT_DEPS for t in doc[tok.i + 1:tok.sent.end]):
        return None
    return ap


# What may follow the verb of such a closing tag: its object ("told Sputnik", "told the BBC's ...")
_TAG_OBJECT_DEPS = frozenset("dobj dative prep pobj compound det npadvmod".split())


def _subject_read_as_apposition(tok: Any, subj: Any) -> Any:
    """"... injected by the pharmaceutical company Halbrook, a local physician has claimed,
    accusing ...": the speaker of a parenthetical tag that the parser hung on the name ending
    the clause before as its apposition, the name becoming the subject. A description right
    before the verb with no comma closing it, after a name glued to the words before it (not
    the start of a sentence or clause): the description's head, else None."""
    doc = tok.doc
    appos = [c for c in subj.children if c.dep_ == "appos" and c.i > subj.i]
    if subj.dep_ != "nsubj" or len(appos) != 1 or subj.left_edge.i <= tok.sent.start:
        return None
    a = appos[0]
    if a.right_edge.i >= tok.i or doc[a.left_edge.i - 1].text != "," \
            or doc[a.left_edge.i].lower_ not in ("a", "an", "one"):
        return None
    if any(t.is_punct or t.head.i != tok.i for t in doc[a.right_edge.i + 1:tok.i]):
        return None  # ("Halbrook, a local firm, has claimed": a closing comma makes it an apposition)
    if doc[subj.left_edge.i - 1].is_punct or doc[subj.left_edge.i - 1].lower_ in ("and", "but", "while", "as", "that"):
        return None  # the name starts its clause: it can be the subject
    return a


def _name_before_final_tag(tok: Any) -> tuple[Any, list[Any]] | None:
    """"<clause>, Chief of the ... Department at the General Staff Lieutenant-General Sergei
    Rudskoy said on Monday.": a name right before a speech verb that ends its sentence (but for
    a time phrase), after the sentence's last comma, that the parser hung on the clause before
    while taking a noun of that clause for the subject: (the name, the clause's tokens)."""
    doc = tok.doc
    if not _speech_form(tok) or tok.i == 0 or lexicon.upos(doc[tok.i - 1]) != "PROPN":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    name = doc[tok.i - 1]
    if subj is None or subj.i >= name.i - 1:
        return None
    sent = tok.sent
    tail = [t for t in doc[tok.i + 1:sent.end] if not (t.is_punct or t.lower_ in _TIME_WORDS or t.lower_ in ("on", "last"))]
    if tail:
        return None
    comma = next((t.i for t in reversed(doc[sent.start:name.i]) if t.text == ","), None)
    if comma is None or comma <= subj.i or name.i - comma > 25 or any(
            lexicon.upos(t) in ("VERB", "AUX") for t in doc[comma + 1:name.i]):
        return None
    clause = [t for t in doc[sent.start:comma]]
    return (name, clause) if clause else None


_COPULA_FORMS = frozenset("is was are were be been".split())


def _agent_noun(tok: Any) -> bool:
    """A noun for people or bodies that can act and speak ("protesters", "the government",
    "troops"), unlike things and events ("the strikes", "prices")."""
    return singular(tok.lower_) in _AGENT_NOUNS or tok.lower_ in _AGENT_NOUNS or singular(tok.lower_) in PERSON_NOUNS


_AGENT_NOUNS = GROUP_HEADS | frozenset("""protester demonstrator crowd mob troop troops force forces police army
military government ministry party council committee union company firm bank court agency administration
campaign group organisation organization team club board panel commission parliament congress senate
authority authorities public voter citizen worker people""".split())


# Cues a thing can be the subject of ("the image was taken and showed objects ..."): after a passive
# clause they go on with its subject
_THING_CUES = frozenset("show suggest indicate reveal demonstrate prove confirm mean find point".split())


def _reporters_conj(tok: Any) -> bool:
    """"said that the deployment was an act of piracy and called on ...": the parser put the
    second verb in the reported clause, but a thing described there calls on nobody; it
    coordinates with the reporting verb ("said the strikes had caused damage and called on
    ...": strikes call on nobody either; "the protesters had gathered and called for ..." keeps
    the protesters; 'claiming the levy would be "passed on to renters" and accusing ...': a
    passive's subject accuses nobody). So does a past tense after a modal clause ("said that
    Russia will take all necessary measures, but declined to elaborate")."""
    head = tok.head
    return tok.dep_ == "conj" and _governing_cue(head) is not None \
        and _cue_like(tok) and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "auxpass") for c in tok.children) \
        and (_past_joins_reporting_verb(tok) or any(
            c.dep_ in ("nsubj", "nsubjpass") and lexicon.upos(c) == "NOUN" and not _person_noun(c)
            and (head.lower_ in _COPULA_FORMS or not _agent_noun(c))
            and (c.dep_ == "nsubj" or lexicon.lemma_of(tok) not in _THING_CUES) for c in head.children))


def _place_object(noun: Any) -> bool:
    """"walked into the center shouting ...": the object of a preposition of place is where the
    speaker is, not the speaker."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPS


def _subject_before_as_aside(tok: Any) -> Any:
    """"The Israeli military, as is its usual practice, declined to comment": the parser made the
    subject the subject of the "as" aside; it is the verb's."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "advcl") and c.i < tok.i:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "as"), None)
            subj = next((x for x in c.children if x.dep_ == "nsubj" and mark is not None and x.i < mark.i
                         and tok.doc[mark.i - 1].text == ","), None)
            if subj is not None:
                return subj
    return None


def _subject_shallow(tok: Any) -> Any:
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and not _infinitive_subject(c):
            return _subject_read_as_apposition(tok, c) or c
    return None


def _infinitive_subject(c: Any) -> bool:
    """"To reduce X to a sideshow is to tell ...": an infinitive clause as subject names no speaker."""
    return c.dep_ == "csubj" and c.left_edge.lower_ == "to"


_SAID_FORMS = frozenset("said told written claimed argued insisted warned suggested promised vowed pledged "
                        "denied admitted acknowledged stated noted predicted called described".split())


def _source_apposition(doc: Any, k: int, end: int) -> tuple[int, int] | None:
    """(first, last + 1) of ", a <noun phrase>," at token ``k`` right after a source: a
    description of it ("a Britain-based war monitor"), not part of the clause that follows
    (which must keep at least three words)."""
    if k >= end or doc[k].text != ",":
        return None
    j = next((t.i for t in doc[k + 1:min(end, k + 12)] if t.text == ","), None)
    if j is None or j - k < 3 or end - j <= 3 or doc[k + 1].lower_ not in ("a", "an"):
        return None
    if lexicon.upos(doc[j - 1]) != "NOUN" or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[k + 1:j]):
        return None
    return k, j


_SUBORDINATORS = frozenset("""while although though whereas if when as because since after before unless until
once despite""".split())


def _fronted_unparsed_clause(tok: Any, source_tok: Any) -> list[Any] | None:
    """The words before "<comma> <source> <cue>" at a sentence's end when the parser did not
    make them the cue's clause: "U.S.-led coalition airstrikes killed at least 40 fighters near
    Raqqa, U.S. officials said Monday" (read as a noun phrase with a participle, hung on the
    cue as ``dep``). Only for a core reporting verb whose subject, right after the comma, can
    speak; nothing but time words after the verb; a fronted stretch of at least five words
    holding a verb and not opening with a subordinator."""
    if source_tok is None or lexicon.lemma_of(tok) not in lexicon.CORE_CUE_LEMMAS or source_tok.i > tok.i:
        return None
    if not (lexicon.upos(source_tok) in ("PROPN", "PRON") or _person_noun(source_tok)):
        return None  # "..., the road warns": a thing, not a speaker
    sent = tok.sent
    comma = source_tok.left_edge.i - 1
    if comma <= sent.start + 4 or tok.doc[comma].text != ",":
        return None
    if any(t.dep_ not in ("npadvmod", "punct", "advmod", "prep", "pobj", "det", "compound") for t in tok.doc[tok.i + 1:sent.end]):
        return None  # (only "Monday", "on Sunday", "." may follow the cue)
    fronted = list(tok.doc[sent.start:comma])
    if fronted[0].lower_ in _SUBORDINATORS:
        return None  # "While Iraqi forces wanted to ..., the US did not agree": a circumstance, not the content
    if not any(c.dep_ in ("dep", "nsubj", "npadvmod") and c.i < comma for c in tok.children):
        return None
    if not any(lexicon.upos(t) in ("VERB", "AUX") for t in fronted):
        return None
    return fronted
