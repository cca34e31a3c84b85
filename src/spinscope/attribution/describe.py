"""Who the source is (name, role, vague or not) and through which medium they spoke.

Everything here comes straight from the dependency parse of the cue's sentence:
appositions ("X, director of Y, told RT"), pre-name roles ("defense analyst Victor
Litovkin"), vague heads ("critics", "officials", "a source") and the addressee or
outlet of the cue ("told RT", "told reporters", "in an interview with Sputnik",
"said in a statement to Reuters"). Resolving pronouns and aliases is the speakers
stage's job.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Attribution, Span
from ..entities.names import (ADDRESS_ONLY, NAME_PARTICLES, OUTLET_KINDS as _OUTLET_KINDS, PLATFORMS as _PLATFORMS,
                              ROLE_NOUNS, title_key, title_like)
from ..entities.resolve import place_names
from . import lexicon

_EDGE = ",.;:—–-()[] \n\t\"“”'’"
# Nouns whose "to" / "with" / "on" object is the medium ("in an interview with Sputnik", "in a
# statement to Reuters"): narrower than the extractor's ``_MEDIUM_NOUNS`` (which also takes "in a
# report", "in response to" into the cue), because "in response to a query" names no medium.
_MEDIUM_NOUNS = frozenset("interview statement op-ed column article post tweet letter show broadcast "
                          "appearance briefing conference remarks comment comments message email video".split())
_MEDIUM_PREPS = ("to", "with", "on")
# Medium nouns whose "on X" is their topic ("comments on the lawsuit"), not a channel; lemmas,
# as ``lexicon.lemma_of`` gives them ("comments" -> "comment")
_TOPIC_ON_NOUNS = frozenset("comment remark".split())
# Verbs whose "on X" is what they are about ("commented on Brexit"), not where ("said on CNN").
_TOPIC_ON_VERBS = frozenset("""comment focus report elaborate insist reflect weigh dwell touch remark expand
concentrate center centre rule vote agree disagree decide brief testify act campaign lecture call rely depend
count prey""".split())
_TOPIC_ON_STEMS = lexicon.form_stems(_TOPIC_ON_VERBS)
# Verbs whose "to X" / "with X" is the audience ("said to Reuters", "spoke with CNN").
_SPEECH_VERBS = frozenset("""say tell explain write speak talk announce confirm admit reveal declare state report
complain deny describe tweet post comment remark reply respond give send pledge promise apologise apologize
insist stress emphasise emphasize note add suggest argue warn signal hint concede acknowledge claim
boast brag vow swear recount recall repeat reiterate disclose leak outline testify point chat share
relay convey""".split())
_SPEECH_STEMS = lexicon.form_stems(_SPEECH_VERBS)
_SPEECH_IRREGULAR = frozenset("said told wrote written spoke spoken gave given sent swore sworn".split())


def _speech_verb(tok: Any) -> bool:
    return tok.lower_ in _SPEECH_IRREGULAR or lexicon.is_form_of(tok, _SPEECH_VERBS, _SPEECH_STEMS)


_NOT_MEDIA = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                       "may june july august september october november december jan feb mar apr jun jul aug "
                       "sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
                       "behalf night evening morning afternoon day week weekend month year noon midnight tonight "
                       "today yesterday".split())  # ("a statement on behalf of the ministers", "on Sunday night")


def _span(text: str, base: int, toks: list[Any]) -> Span | None:
    if not toks:
        return None
    s, e = base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return Span.of(text, s, e) if e > s else None


def second_subject_apposition(head: Any) -> Any:
    """"Bakyt Osmonov, the member of parliament who chairs the energy committee, said": an
    apposition after a name that the parser made a second subject of the verb; that phrase's
    head, else None."""
    doc = head.doc
    if lexicon.upos(head) != "PROPN" or head.dep_ != "nsubj" or head.right_edge.i + 2 >= len(doc) \
            or doc[head.right_edge.i + 1].text != ",":
        return None
    nxt = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i > head.i), None)
    if nxt is None or nxt.left_edge.i != head.right_edge.i + 2 or nxt.i > head.head.i \
            or lexicon.upos(nxt) != "NOUN" or "," not in (doc[nxt.right_edge.i].text, doc[nxt.right_edge.i + 1].text):
        return None
    return nxt


_BRACKETED_TAIL = re.compile(r"\s+\([A-Z][A-Za-z.&\-]{1,9}\)?$")
_TAG_HEAD = re.compile(r"^\(?[A-Z0-9][A-Z0-9 ]{1,9}\)\s+")


def _capital_role(tok: Any) -> bool:
    """A capitalised role or rank word tagged as part of a name ("MP", "Minister", "Senator")."""
    return tok.text[:1].isupper() and tok.is_alpha and title_like(tok.text) \
        and title_key(tok.text) not in ADDRESS_ONLY | {"st", "saint"}


def _role_of_something_then_name(before: list[Any], appos: list[Any]) -> bool:
    """"the Minister for Foreign Affairs and East African Cooperation, Hon. Joseph X,": a capitalised
    role of something (a role noun with "for", "of", "at" or "in") with a name of two words or more
    in apposition; not "Governor Mary Fallin (R-OK)", whose apposition is a party label."""
    role_of = any(t.text[:1].isupper() and t.lower_ in ROLE_NOUNS and any(
        c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "in") for c in t.children) for t in before)
    name = appos[0].doc[appos[0].i:appos[-1].i + 1].text
    return role_of and sum(lexicon.upos(t) == "PROPN" and t.is_alpha for t in appos) >= 2 \
        and not any(t.like_num for t in appos) and not re.match(r"\(?[DRI]\s*-\s*[A-Z]", name)


def _bracketed_acronym(tok: Any) -> bool:
    """"(DM)", "(IMD)": an acronym in brackets repeating the words before it, no apposition."""
    doc = tok.doc
    return tok.n_lefts + tok.n_rights <= 2 and tok.text.isupper() and 0 < tok.i < len(doc) - 1 \
        and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def describe_source(text: str, base: int, att: Attribution, head: Any) -> None:
    """Fill ``speaker``, ``speaker_description`` and ``unnamed`` from the source's head token."""
    toks = list(head.subtree)
    if att.source is not None:  # (what the source span left out, such as a fronted adverbial, is not described)
        toks = [t for t in toks if base + t.idx >= att.source.start] or toks
    appos = [c for c in head.children if c.dep_ == "appos" and (att.source is None or base + c.idx < att.source.end)]
    if len(appos) > 1 and any(_bracketed_acronym(c) for c in appos):
        # "Araria District Magistrate (DM) Rajiv Ranjan Sinha": the acronym is no apposition, the name is
        appos = [c for c in appos if not _bracketed_acronym(c)]
    appos = appos or [a for a in [second_subject_apposition(head)] if a is not None]
    description = None
    name_toks = toks
    age = next((c for c in appos if c.tag_ == "CD" and c.n_lefts + c.n_rights == 0), None)
    if age is not None:
        # "Mum-of-two Priya, 38, who ...": an age is no description (a role before the name may
        # be); "Earl Dunnigan, 74, a retired sawmill worker," is described by the apposition after it
        appos = [c for c in appos if c is not age]
        name_toks = [t for t in toks if t.i < age.i - 1]
    if appos:
        # (an apposition set off by a comma, not a name the parser hung on the head without one:
        # "The Chairman of the U.S. | Joint Chiefs of Staff, General Mark Milley,")
        a = next((c for c in appos if c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","), appos[0])
        a_toks = list(a.subtree)
        capital_role = lexicon.upos(head) == "PROPN" and a.lower_ not in ROLE_NOUNS and (
            head.lower_ in ROLE_NOUNS or _role_of_something_then_name([t for t in toks if t.i < a_toks[0].i], a_toks))
        # (an apposition that is a name: "Friends of Hartleigh Libraries" though "Friends" is tagged a noun)
        named_appos = lexicon.upos(a) == "PROPN" or (a.text[:1].isupper() and lexicon.upos(head) == "NOUN" and any(
            lexicon.upos(t) == "PROPN" for t in a.subtree) and a.lower_ not in ROLE_NOUNS)
        inner = [c for c in a.children if c.dep_ == "appos" and lexicon.upos(c) == "PROPN" and c.left_edge.i > 0
                 and c.doc[c.left_edge.i - 1].text == "," and sum(lexicon.upos(t) == "PROPN" and t.is_alpha
                                                                   for t in c.subtree) >= 2] \
            if a.lower_ in ROLE_NOUNS and lexicon.upos(head) == "PROPN" else []
        if inner:
            # "The Rail, Maritime and Transport union's general secretary, Gareth Lyle,": a comma
            # inside a body's name made its first word the head; the role's own apposition is the name
            name_toks = list(inner[-1].subtree)
            d = _span(text, base, [t for t in toks if t.i < name_toks[0].i - 1 and not (t.i == toks[0].i and t.dep_ == "det")])
            description = d.text if d else None
        elif (lexicon.upos(head) == "PROPN" and not capital_role) or not named_appos:
            # "Adel Darwish, a journalist," -> name + description
            name_toks = [t for t in name_toks if t.i < a_toks[0].i]
            d = _span(text, base, a_toks)
            description = d.text if d else None
        else:
            # "the journalist, Adel Darwish," / "Leader of the House, Andrea Leadsom," -> the
            # apposition is the name
            name_toks = a_toks
            d = _span(text, base, [t for t in toks if t.i < a_toks[0].i])
            description = d.text if d else None
    elif lexicon.upos(head) == "NOUN" and (head.lower_ in ROLE_NOUNS or head.lower_ == "representative"):
        # "the head of the Donetsk People's Republic, Denis Pushilin,": the parser hangs the
        # name on the organisation, but an organisation's name has no person in apposition
        inner = [t for t in toks if t.dep_ == "appos" and lexicon.upos(t) == "PROPN" and t.head.dep_ == "pobj"
                 and lexicon.upos(t.head) == "PROPN" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
                 and t.right_edge.i >= toks[-1].i - 1]
        if inner:
            a_toks = list(inner[-1].subtree)
            d = _span(text, base, [t for t in toks if t.i < a_toks[0].i - 1])
            name_toks, description = a_toks, (d.text if d else None)
    if lexicon.upos(head) == "PROPN":
        # Pre-name role: "defense analyst Victor Litovkin" -> role words before the name.
        left = [t for t in name_toks if t.i < head.i]
        name_start = head.i
        # the name ends at a capitalised role before a first and last name ("Opposition MP Pavel Drozd")
        at_role = False
        for t in reversed(left):
            if t.text in ("-", "\u2010") and t.i == name_start - 1 and not t.whitespace_ and t.i > 0 \
                    and not t.doc[t.i - 1].whitespace_ and lexicon.upos(t.doc[t.i - 1]) == "PROPN":
                name_start = t.i  # ("Alex Hoehn-Saric")
                continue
            if t.lower_ in NAME_PARTICLES and t.is_lower and t.i == name_start - 1 and t.i > 0 \
                    and t.doc[t.i - 1].text[:1].isupper():
                name_start = t.i  # ("Mr de Paor", "DI ap Gwilym": the particle is the surname's)
                continue
            if lexicon.upos(t) != "PROPN" or t.i != name_start - 1:
                break
            if _capital_role(t) and not _capital_role(head) and sum(
                    x.is_alpha and not _capital_role(x) for x in t.doc[name_start:head.i + 1]) >= 2:
                at_role = True
                break
            name_start = t.i
        role = [t for t in left if t.i < name_start and lexicon.upos(t) in ("NOUN", "ADJ", "PROPN", "ADP", "DET")]
        # Only lower-case role words, or a role after an organisation ("Kremlin adviser")
        pos_i = max((t.i for t in left if t.i < name_start and t.tag_ == "POS"), default=-1)
        # ("The country's defence ministry": a possessor with no role noun after it is the
        # owner, not a description; "Russia's foreign minister Sergei Lavrov" has one)
        if role and pos_i >= 0 and not any(lexicon.upos(t) == "NOUN" and t.i > pos_i for t in role) \
                and description is None and not any(t.text[:1].isupper() for t in left if t.i < pos_i and t.is_alpha
                                                    and t.lower_ not in ("the", "a", "an")):
            name_toks = [t for t in name_toks if t.i > pos_i]
        elif role and (any(lexicon.upos(t) == "NOUN" for t in role) or at_role or re.fullmatch(
                r"[A-Za-z]+-of-\w+", head.doc[role[0].i:name_start].text)) and description is None \
                and not head.is_lower:  # (also "Mum-of-two Priya", "Mum" tagged a name)
            # (a lower-case head is no name: "Britain's defence ministry" is the speaker whole)
            d = _span(text, base, [t for t in name_toks if t.i < name_start])
            description = d.text if d else None
            name_toks = [t for t in name_toks if t.i >= name_start]
    sp = _span(text, base, name_toks) or att.source
    att.speaker = sp.text if sp else (att.source.text if att.source else None)
    if att.speaker:
        # an acronym in brackets after the name, or its half the edge trim left ("People Power
        # Party (PPP"), and a wire's tag before it ("(LEAD) Presidential office") are no part of it
        att.speaker = _BRACKETED_TAIL.sub("", _TAG_HEAD.sub("", att.speaker)) or att.speaker
    if description:
        # an aside after a dash or a semicolon is no longer the role ("the consultant to handle
        # the PR – and decided that ..."); a bracket cut by the edge trim is closed again
        description = re.split(r"\s[\u2013\u2014]\s|\s--\s|;", description)[0]
        if description.count("(") > description.count(")") and d is not None and text[d.end:d.end + 1] == ")":
            description += ")"
        description = description.strip(" \t\n-\u2013\u2014,;:") or None  # "-- Kenyan President" after a dateline
    if description and att.speaker_description is None:
        att.speaker_description = description
    att.unnamed = is_vague(toks, head)


# Heads that a multi-word name before them turns into a named body ("the World Weather
# Attribution group"), unlike "US defense officials".
_NAMED_GROUP_HEADS = frozenset("group team organisation organization institute coalition network campaign "
                               "initiative project alliance foundation".split())


def is_vague(toks: list[Any], head: Any) -> bool:
    """A source that names nobody in particular ("critics", "US defense officials", "a source")."""
    if lexicon.upos(head) in ("PROPN", "PRON") and lexicon.lemma_of(head) not in ("some", "many", "others", "several"):
        return False
    # A proper name makes the source specific, except short place/organisation
    # modifiers ("US defense officials", "local and US officials").
    # A name after a preposition says whom the source works for, not who it is ("a
    # spokesperson for Prime Minister Theresa May", "an official at the State Department").
    employer = {t.i for c in head.children if c.dep_ == "prep" for t in c.subtree}
    # (also whom an adjective ties the source to: "a source close to Monroe", "a person familiar with X")
    employer |= {t.i for a in head.children if a.dep_ in ("amod", "acl") for c in a.children if c.dep_ == "prep"
                 for t in c.subtree}
    if any(lexicon.upos(t) == "PROPN" and t.i not in employer and not (
            t.i != head.i and (t.text.isupper() and len(t.text) <= 4 or t.dep_ in ("compound", "amod", "nmod")))
           for t in toks):
        return False
    names = [t for t in toks if lexicon.upos(t) == "PROPN" and t.i < head.i and t.i not in employer]
    if len(names) >= 2 and head.lower_ in _NAMED_GROUP_HEADS:
        return False  # "the World Weather Attribution (WWA) group": a group with a name
    lemma = lexicon.lemma_of(head)
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "poss")]
    if head.tag_ == "NN" and any(d in ("the", "this", "that", "his", "her", "our") for d in dets):
        return False  # "the analyst": a definite, already introduced person
    return lemma in lexicon.VAGUE_SOURCE_HEADS or head.lower_ in lexicon.VAGUE_SOURCE_HEADS


_PHRASE_DEPS = ("prep", "pobj", "dobj", "obj", "amod", "acomp", "npadvmod")


def _nested_in_phrases(cue: Any, depth: int = 3) -> list[Any]:
    """"in ..." phrases the parser hung below the cue's own phrases, not on the cue
    ("dismissed the reports as false in an email to AFP"), within ``depth`` arcs and outside
    clauses (a clause's "in an interview" is its own)."""
    found, frontier = [], [c for c in cue.children if c.dep_ in _PHRASE_DEPS]
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "in" and any(
                        g.dep_ == "pobj" and lexicon.lemma_of(g) in _MEDIUM_NOUNS for g in c.children):
                    found.append(c)
                elif c.dep_ in _PHRASE_DEPS:
                    nxt.append(c)
        frontier = nxt
    return found


def fronted_participles(head: Any) -> list[Any]:
    """"Speaking to RT, | American journalist Mark Delaney, ..., said": a participle phrase opening
    the sentence that the parser hung on the speaker's name; not part of the source."""
    return [c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < head.i
            and c.left_edge.i == c.sent.start and c.right_edge.i + 1 < head.i
            and head.doc[c.right_edge.i + 1].text == ","]


def _speaking_to(cue: Any) -> Any:
    """"Speaking to RTÉ's Morning Ireland, O'Brien explained ...": the audience of a fronted
    "speaking to" / "talking to" / "in an interview with" participle is the cue's medium; also
    one set off after the speaker ("Sergey Markov, speaking to RT, said"), or a relative clause
    on them ("According to Igor Korotchenko, who spoke to Sputnik, ...")."""
    speakers = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if cue.lower_ == "according":
        speakers += [p for t in cue.children if t.lower_ == "to" for p in t.children if p.dep_ == "pobj"]
    verbs = [c for c in cue.children if c.dep_ == "advcl" and c.i < cue.i and c.tag_ == "VBG"]
    verbs += [c for s in speakers for c in s.children if c.dep_ in ("acl", "relcl") and c.i > s.i]
    verbs += [c for s in speakers for c in fronted_participles(s)]  # (hung on the speaker by the parser)
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.head.i < cue.i:
        verbs.append(cue.head)  # "X spoke to The Northern Review about ..., saying ...": the verb the cue follows
    for adv in verbs:
        if adv.lower_ not in ("speaking", "talking", "writing", "spoke", "talked", "wrote", "speaks", "talks"):
            continue
        for prep in (c for c in adv.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
            pobj = [c for c in prep.children if c.dep_ == "pobj" and c.lower_.rstrip(".") not in _NOT_MEDIA]
            if pobj and (lexicon.upos(pobj[0]) == "PROPN" or pobj[0].lower_ in lexicon.AUDIENCE_WORDS
                         or (len(pobj[0].text) > 1 and pobj[0].text.isupper() and pobj[0].is_alpha)):
                return pobj[0]  # (not "Speaking on Monday", "speaking on the issue"; "ERT" tagged a noun)
    return None


# Verbs whose "in X" names the publication ("wrote in Asia Times"), not a place.
_WRITE_VERBS = frozenset("write publish opine pen".split())
# Social platforms, written as their owners write them ("X" alone is a platform only after "on").
_CHANNEL_NOUNS = frozenset("channel account page feed blog profile website site podcast show".split())


def _is_place(tok: Any) -> bool:
    """A known place name (the gazetteer of :func:`spinscope.entities.resolve.place_names`)."""
    name = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "nmod") or t.i == tok.i)
    return name in place_names() or tok.text in place_names()


def _platform(pobj: Any) -> bool:
    """"on X", "on Telegram", "on her Telegram channel", "on his VKontakte page", "on his blog"."""
    if pobj.text in _PLATFORMS:
        return True
    return lexicon.lemma_of(pobj) in _CHANNEL_NOUNS and any(
        (c.text in _PLATFORMS and c.dep_ in ("compound", "amod", "nmod"))
        or (c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our", "my"))
        for c in pobj.children if c.i < pobj.i)


def _quoting_outlet(cue: Any) -> Any:
    """"TASS quoted Peskov as saying": the outlet that quotes is the medium of "saying"; and
    '"…," Newsom said, as quoted by Bloomberg': Bloomberg."""
    for c in cue.children:
        if c.dep_ == "advcl" and c.lower_ in lexicon.QUOTING_FORMS and c.i > cue.i \
                and cue.doc[c.i - 1].lower_ == "as":
            by = next((b for b in c.children if b.dep_ == "agent"), None)
            pobj = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
            if pobj is not None and lexicon.upos(pobj) == "PROPN":
                return pobj
    quoting = lexicon.quoted_as_saying(cue)
    if quoting is None:
        return None
    by = next((b for b in quoting.children if b.dep_ == "agent"), None)  # "was quoted by RIA Novosti as saying"
    outlet = next((p for p in by.children if p.dep_ == "pobj"), None) if by is not None else None
    if outlet is not None and lexicon.upos(outlet) == "PROPN":
        return outlet
    subj = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
    if subj is not None and lexicon.upos(subj) != "PROPN":
        # "Russia's state broadcaster RT quoted ...": the outlet's name in apposition
        subj = next((c for c in subj.children if c.dep_ == "appos" and lexicon.upos(c) == "PROPN"), None)
    return subj if subj is not None and lexicon.upos(subj) == "PROPN" else None


def _noun_of(tok: Any) -> str:
    """The lemma of a noun, whole when the tokenizer split it at a hyphen ("op-ed": "ed")."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 1].whitespace_ == "" and doc[tok.i - 2].whitespace_ == "":
        return f"{doc[tok.i - 2].lower_}-{lexicon.lemma_of(tok)}"
    return lexicon.lemma_of(tok)


# Participles whose agent is the channel of a statement ("a statement carried by SANA", "an
# interview broadcast by Rossiya 1"); not "released by" / "issued by", which name its issuer.
_CHANNEL_PARTICIPLES = frozenset("carry publish broadcast air run relay".split())
_CHANNEL_STEMS = lexicon.form_stems(_CHANNEL_PARTICIPLES)


def _carried_by(noun: Any) -> Any:
    """The outlet that carried a statement: the agent of "carried by", "published by", ...
    (also "an interview broadcast by Rossiya 1", where the participle was read as the noun)."""
    if noun.lower_ in ("broadcast", "aired", "published", "carried") and any(c.dep_ == "compound" for c in noun.children):
        for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
            inner = [c for c in by.children if c.dep_ == "pobj" and lexicon.upos(c) == "PROPN"]
            if inner:
                return inner[0]
    for acl in (c for c in noun.children if c.dep_ == "acl" and lexicon.is_form_of(c, _CHANNEL_PARTICIPLES, _CHANNEL_STEMS)):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            inner = [c for c in agent.children if c.dep_ == "pobj" and c.lower_.rstrip(".") not in _NOT_MEDIA]
            if inner:
                return inner[0]
    return None


def find_medium(text: str, base: int, att: Attribution, cue: Any, hung: list[Any] | None = None) -> None:
    """The outlet or audience of a cue: "told RT", "in an interview with Sputnik", "to Reuters".
    ``hung``: "in a statement ..." phrases the parser hung on the source instead of the cue."""
    cand = _quoting_outlet(cue)
    if cand is None and lexicon.lemma_of(cue) == "tell":
        objs = [c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")]
        if objs and (lexicon.upos(objs[0]) == "PROPN" or objs[0].lower_ in lexicon.TOLD_AUDIENCES):
            cand = objs[0]
    if cand is None:
        for prep in (c for c in cue.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ == "on" and lexicon.is_form_of(cue, _TOPIC_ON_VERBS, _TOPIC_ON_STEMS) and not (
                        _platform(pobj) and any(c.dep_ == "ccomp" for c in cue.children)):
                    continue  # "commented on Brexit", "focused on RCP8.5": a topic, not a channel
                    # (but "commented on X that ...")
                if prep.lower_ in ("to", "with") and lexicon.upos(pobj) == "PROPN" and not _speech_verb(cue):
                    continue  # "refused flyover permission to the UK": a recipient, not an audience
                if prep.lower_ in _MEDIUM_PREPS and lexicon.upos(pobj) == "PROPN" and pobj.lower_.rstrip(".") not in _NOT_MEDIA:
                    cand = pobj
                elif prep.lower_ == "in" and lexicon.upos(pobj) == "PROPN" and lexicon.lemma_of(cue) in _WRITE_VERBS \
                        and pobj.lower_.rstrip(".") not in _NOT_MEDIA and not _is_place(pobj) \
                        and _noun_of(pobj) not in _MEDIUM_NOUNS:
                    cand = pobj  # "wrote in Asia Times" (not "wrote in Moscow")
                elif prep.lower_ in ("on", "via") and _platform(pobj):
                    cand = pobj  # "wrote on X" (tagged a common noun), "on her Telegram channel"
                elif _noun_of(pobj) in _MEDIUM_NOUNS:
                    # "in an interview with Sputnik", "in a statement to Reuters", "in an op-ed for
                    # Consortium News" (but "in comments on the lawsuit": what the comments are about)
                    preps = ("to", "with") if _noun_of(pobj) in _TOPIC_ON_NOUNS else (*_MEDIUM_PREPS, "for")
                    for p2 in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in preps):
                        inner = [c for c in p2.children if c.dep_ == "pobj" and c.lower_.rstrip(".") not in _NOT_MEDIA]
                        if inner:
                            cand = inner[0]  # the first: "with Sputnik", not "on Monday" after it
                            break
                    if cand is None:
                        cand = _carried_by(pobj)  # "in a statement carried by SANA"
                    if cand is None:
                        for p2 in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
                            inner = [c for c in p2.children if c.dep_ == "pobj" and lexicon.upos(c) == "PROPN"]
                            if inner:
                                cand = inner[0]
                if cand is not None:
                    break
            if cand is not None:
                break
    if cand is None:
        cand = _speaking_to(cue)
    # "dismissed the reports as false in an email to AFP": the parser hung the "in" phrase on
    # another of the cue's phrases
    nested = _nested_in_phrases(cue)
    for prep in [*(hung or ()), *nested]:
        if cand is not None:
            break
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            inner = [c for p2 in pobj.children if p2.dep_ == "prep" and p2.lower_ in _MEDIUM_PREPS
                     for c in p2.children if c.dep_ == "pobj" and c.lower_.rstrip(".") not in _NOT_MEDIA]
            if inner:
                cand = inner[0]
                break
    if cand is None:
        return
    named = [c for c in cand.children if c.dep_ == "appos" and lexicon.upos(c) == "PROPN"]
    if named and lexicon.upos(cand) != "PROPN":
        cand = named[0]  # "with the Russian state news agency TASS" -> TASS
    elif cand.lower_ in _OUTLET_KINDS and cand.i + 1 < len(cand.doc):
        # "told British newspaper The Times that": the parser hung the name elsewhere
        k = cand.i + 1 + (cand.doc[cand.i + 1].lower_ == "the")
        run = []
        while k < len(cand.doc) and (lexicon.upos(cand.doc[k]) == "PROPN" or lexicon.caps_name(cand.doc[k])):
            run.append(cand.doc[k])
            k += 1
        if run and not any(t.dep_ in ("nsubj", "nsubjpass") for t in run):  # (not "told the agency Reuters had lied")
            sp = _span(text, base, [cand.doc[cand.i + 1], *run])
            if sp is not None:
                att.medium_span, att.medium = sp, sp.text
                return
    owner = {t.i for c in cand.children if c.dep_ == "poss" and lexicon.upos(cand) != "PROPN" for t in c.subtree}
    if lexicon.lemma_of(cand) in _CHANNEL_NOUNS and not any(c.text in _PLATFORMS for c in cand.children):
        owner = set()  # "on his blog", "on its website": the owner's own channel
    # ("Germany's dpa news agency": the outlet is the agency, not the country that owns it)
    toks = [t for t in cand.subtree if (t.dep_ not in ("prep", "relcl", "punct") or t.i <= cand.i) and t.i not in owner]
    # "BBC Radio 4"; not the compounds of a name the parser hung on it ("with RIA Novosti, Bundestag
    # deputy X said")
    toks = [t for t in toks if t.i <= cand.i or (t.dep_ in ("compound", "nummod") and t.head.i == cand.i)]
    while len(toks) > 1 and (toks[0].dep_ == "poss" and lexicon.upos(toks[0]) == "PRON"
                             or (toks[0].dep_ == "amod" and toks[0].is_lower)) and lexicon.upos(cand) == "PROPN":
        toks = toks[1:]  # "in its latest Oil Market Report": the report
    conj = [c for c in cand.children if c.dep_ == "conj" and c.i > cand.i]
    if conj and any(c.dep_ == "cc" for c in cand.children):
        # "in a letter to Republican and Democrat leaders": the audience is the whole phrase
        toks = sorted(set(toks) | {t for t in cand.subtree if cand.i < t.i <= conj[0].i and t.dep_ != "punct"}
                      | {t for t in conj[0].subtree if t.i <= conj[0].i}, key=lambda t: t.i)
    quote = next((t for t in toks if t.is_quote or t.text in "\u201c\u201d\u2018\""), None)
    if quote is not None:
        # "posted on X “Big Oil has been lying”": the parser ran the medium into the quotation
        toks = [t for t in toks if t.i < quote.i]
        if not toks:
            return
    sp = _span(text, base, toks)
    if sp is not None:
        att.medium_span = sp
        att.medium = sp.text
