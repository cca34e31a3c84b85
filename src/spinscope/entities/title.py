"""Entities and speakers of an article's title (headline), tied to the body's entities.

Statistical NER on a Title Case headline is mostly noise (measured in docs/entities.md,
"Headlines"), so the title keeps only *credible* mentions:

1. a name the body's entity layer already holds: a mention's surface form, its canonical
   form, or the surname of a person named in full in the body ("Carter" after "Ashton
   Carter"); the title mention takes that entity's canonical form and label;
2. an alias-table name ("Daesh", "ISIS"), with the table's guards; a short ambiguous alias
   ("US", "IS") only when the body names the same entity and the title is not shouting.

Overlaps keep the longer mention. Title speakers are resolved with the body's speaker
rules on the title alone, then linked to the body: a bare role ("Journalist Claims ...")
becomes the one person of the body with that role who speaks there.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import Article, Attribution, Entity
from .aliases import AliasTable
from .names import ROLE_NOUNS, folded_words, role_nouns_in, singular, strip_possessive
from .resolve import names_a_place, place_names
from .ruler import is_shouting, matcher_for

_POSSESSIVE_AFTER = r"(?:['\u2019]s?)?"


def _forms(body: list[Entity]) -> dict[str, Entity]:
    """Surface forms of the body's entities -> a representative entity (the first)."""
    forms: dict[str, Entity] = {}
    persons: dict[str, set[str]] = defaultdict(set)
    for e in body:
        for form in (e.text, e.canonical):
            form = form.strip()
            if len(form) >= 2 and any(c.isupper() for c in form):
                forms.setdefault(form, e)
        if e.label == "PERSON" and len(e.canonical.split()) >= 2:
            surname = e.canonical.split()[-1]
            persons[surname].add(e.canonical)
    for surname, canons in persons.items():
        if len(canons) == 1 and len(surname) >= 3 and surname[0].isupper():
            canon = next(iter(canons))
            forms.setdefault(surname, next(e for e in body if e.canonical == canon))
    return forms


def title_entities(title: str | None, body: list[Entity], table: AliasTable) -> list[Entity]:
    """Credible entity mentions of ``title`` (offsets into it), canonical forms shared with
    ``body`` (the article's entities); see the module docstring."""
    if not title or not title.strip():
        return []
    by_canonical: dict[str, Entity] = {}
    for e in body:
        by_canonical.setdefault(e.canonical, e)
    cands: list[tuple[int, int, str, str, int]] = []  # start, end, label, canonical, priority
    forms = _forms(body)
    if forms:
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w&@#/])(?:{alternation})(?={_POSSESSIVE_AFTER}(?![\w&@#/]))", title):
            e = forms[m.group(0)]
            cands.append((m.start(), m.end(), e.label, e.canonical, 2))
    shouting = is_shouting(title, 0, len(title))
    for tm in matcher_for(table).find(title):
        entry = tm.entry
        if tm.ambiguous and (shouting or entry.canonical not in by_canonical):
            continue  # "US" in "LET US PRAY"; "IS" where the body never names the group
        known = by_canonical.get(entry.canonical)
        label = known.label if known is not None else entry.label
        cands.append((tm.start, tm.end, label, entry.canonical, 1))
    # longer mentions first; at equal length the body's reading wins
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[4], c[0]))
    taken: list[tuple[int, int, str, str, int]] = []
    for c in cands:
        if all(c[1] <= t[0] or t[1] <= c[0] for t in taken):
            taken.append(c)
    taken.sort()
    return [Entity(s, e, title[s:e], label, canon) for s, e, label, canon, _ in taken]


def link_title_speakers(article: Article, table: AliasTable, capitals: bool = True) -> None:
    """Resolve the speakers of the title's attributions (after the body's were resolved).

    The body's speaker rules run on the title alone (its entities carry the body's canonical
    forms, so "Trump says" resolves to the body's "Donald Trump"); a source that is a bare
    singular role noun ("Journalist", "Analyst") is then linked to the one named person of
    the body whose description (or source phrase) has that role and who speaks there.
    """
    layers = article.title_layers
    if not layers.attributions or not article.title:
        return
    from .speakers import resolve_speakers

    scratch = Article(source=article.source, text=article.title, entities=list(layers.entities),
                      attributions=layers.attributions)
    resolve_speakers(scratch, table, None, capitals=capitals)
    layers.entities = sorted(scratch.entities, key=lambda e: e.start)  # a medium may have been added
    quoted = [a for a in layers.attributions if "quote_from_body" in a.flags]
    for a in quoted:
        said = _body_statement_quoting(a.content.text, article.attributions)
        if said is None:
            layers.attributions.remove(a)  # (the body quotes it, but attributes it to nobody)
        else:
            _speaker_from_body(a, said)
            a.unnamed = said.unnamed
    for a in layers.attributions:
        if a.source is None or (a.speaker_entity and not _named_inside_an_office(a, layers.entities)):
            continue
        if a.unnamed and not _bare_role(a.source.text):
            continue  # ("Expert says ...", unnamed by the rules, is the body's one expert who speaks)
        same = _body_same_phrase(a.source.text, article.attributions)
        person = same or _body_person_with_role(a.source.text, article.attributions)
        if person is not None:
            _speaker_from_body(a, person)
            continue
        org = _body_org_with_head(a.source.text, article)
        if org is not None:
            a.speaker, a.speaker_entity, a.speaker_label = org
            a.unnamed = False
            a.flags = [f for f in a.flags if f != "speaker_unresolved"] + ["speaker_from_body"]
    for a in layers.attributions:
        if a.speaker_entity and a.speaker_label == "PERSON" and not a.speaker_description:
            # "Families buying flats ...: Ong Kah Seng": the description the body gives the speaker
            # most often ("Minister for National Development Ong Kah Seng said ...")
            given = Counter(b.speaker_description for b in article.attributions
                            if b.speaker_entity == a.speaker_entity and b.speaker_description)
            a.speaker_description = given.most_common(1)[0][0] if given else None


def link_headline_lines(article: Article) -> None:
    """Body lines written as headlines (an article's key points, a live blog's entries:
    "Premier says the government will accept ...", "Transport secretary says ..."): a bare
    singular role at the start of a line that no rule resolved is linked, as a title's is, to
    the one named person of the body with that role."""
    for a in article.attributions:
        if a.speaker_entity or a.unnamed or a.source is None or not (
                a.source.start == 0 or article.text[a.source.start - 1] == "\n"):
            continue
        person = _body_person_with_role(a.source.text, article.attributions)
        if person is not None:
            _speaker_from_body(a, person)


def _body_statement_quoting(quote: str, body: list[Attribution]) -> Attribution | None:
    """The first statement of the body whose content holds this quotation's words, with a speaker
    resolved to an entity or a vague source (not an unresolved "we")."""
    words = folded_words(quote)
    for b in body:
        if b.speaker and (b.speaker_entity or b.unnamed) and words and words in folded_words(b.content.text):
            return b
    return None


def _speaker_from_body(a: Attribution, person: Attribution) -> None:
    """``a``'s bare role (or quotation) is ``person``'s, a statement of the body's: its speaker,
    entity and label (and its description, where ``a`` has none)."""
    a.speaker, a.speaker_entity, a.speaker_label = person.speaker, person.speaker_entity, person.speaker_label
    a.unnamed = False
    a.speaker_description = a.speaker_description or person.speaker_description or (a.source.text if a.source else None)
    a.flags = [f for f in a.flags if f != "speaker_unresolved"]
    a.flags.append("speaker_from_body")


def _bare_role(source: str) -> bool:
    """A title's source that is a singular role noun without an article, alone or after
    capitalised words or a possessive ("Expert", "researcher", "FM spokesman", "Hamas official",
    "Brazil's carbon registry chief"; not "An expert", "Experts", "a senior official")."""
    words = source.split()
    head = words[-1].casefold() if words and words[-1].isalpha() else ""
    if not (head in ROLE_NOUNS and singular(head) == head) or words[0].casefold() in ("a", "an", "the", "one", "some"):
        return False
    if len(words) == 1:
        return True  # ("..., researcher says": the article's researcher)
    owner = words[0] != strip_possessive(words[0]) and words[0][:1].isupper()
    return (len(words) <= 3 and all(w[:1].isupper() for w in words[:-1])) or (owner and len(words) <= 5)


def _named_inside_an_office(a: Attribution, entities: list[Entity]) -> bool:
    """Whether a title source names a body through an entity it only mentions ("Chinese mission
    to EU": the mission, not the EU): its head noun, before "to"/"of" or last, is an
    organisation's and no entity mention covers it."""
    assert a.source is not None
    words = list(re.finditer(r"[\w\-]+", a.source.text))
    if not words:
        return False
    head = words[_head_index([w.group(0) for w in words])]
    if singular(head.group(0)) not in _ORG_HEADS:
        return False
    at = a.source.start + head.start()
    return not any(e.start <= at < e.end for e in entities)


def _head_index(words: list[str]) -> int:
    """Where the head noun of a body's kind stands: before its first "to", "of" or "for" ("mission
    to EU"), else last."""
    return next((i for i, w in enumerate(words) if i and w.casefold() in ("to", "of", "for")), len(words)) - 1


def _body_same_phrase(source: str, body: list[Attribution]) -> Attribution | None:
    """The body's statement whose source is written as the title's ("police say" in the title,
    "police said" in the body), when every such statement names one and the same speaker."""
    def bare(phrase: str) -> str:
        return re.sub(r"^(?:the|a|an)\s+", "", phrase.casefold().strip())

    key = bare(source)
    same = [b for b in body if b.source is not None and b.speaker_entity and not b.unnamed and bare(b.source.text) == key]
    if not same or len({b.speaker_entity for b in same}) != 1 or len(key.split()) > 4:
        return None
    return same[0]


def _mentions(word: str, description: str) -> bool:
    """Does ``description`` name what ``word`` does ("Valdorian" ~ "Valdoria's defence ...", "FM"
    ~ "Foreign Ministry spokesman")?"""
    if word.isupper() and 2 <= len(word) <= 5:
        caps = [w[0] for w in re.findall(r"[A-Za-z]+", description) if w[0].isupper()]
        if word in "".join(caps):
            return True
    stem = word.casefold()[:max(4, len(word) - 2)]
    if re.search(rf"\b{re.escape(stem)}", description.casefold()) is not None:
        return True
    # a nationality names its country ("Chinese" ~ "People's Republic of China", "Ukrainian" ~ "Ukraine")
    return word[:1].isupper() and len(word) >= 5 and re.search(r"(?:ese|ian|an|ish|i)$", word) is not None \
        and re.search(rf"\b{re.escape(word[:4])}", description) is not None


# Words a headline writes for an office whose holder the body names by the office's own title
# ("AU chief" / "who chairs the AU Commission", "Hong Kong security chief" / "Secretary for
# Security", "FAA official" / "FAA Deputy Administrator", "diplomat" / "Foreign Ministry spokeswoman").
_HEADS_OF = frozenset("chief head boss leader".split())
_OFFICE_HEADS = frozenset("""chief head boss leader chairman chairwoman chairperson chair president director secretary
minister commissioner governor mayor ceo executive premier chancellor administrator superintendent ombudsman""".split())
_HEADING_VERBS = re.compile(r"\b(?:runs|chairs|heads|leads)\b")
_OFFICIALS = _OFFICE_HEADS | frozenset("""official officer spokesman spokeswoman spokesperson deputy adviser advisor
representative envoy ambassador commander""".split())
_DIPLOMATS = frozenset("diplomat ambassador envoy consul".split())
_SPOKES = frozenset("spokesman spokeswoman spokesperson".split())
_DOCTORS = frozenset("doctor physician gp surgeon practitioner clinician".split())
_SCIENTISTS = frozenset("scientist academic professor scholar fellow physicist chemist geneticist".split())


def _role_fit(head: str, description: str) -> int:
    """2: the description has the headline's role noun; 1: an office that noun stands for in
    headlines ("chief", "official", "diplomat", "doctor", "CEO", "researcher"); 0: neither."""
    nouns = role_nouns_in(description)
    if head in nouns:
        return 2
    folded = description.casefold()
    if head in _HEADS_OF and (nouns & _OFFICE_HEADS or _HEADING_VERBS.search(folded)):
        return 1
    if head == "official" and nouns & _OFFICIALS:
        return 1
    if head == "diplomat" and (nouns & _DIPLOMATS or (nouns & _SPOKES and "foreign" in folded)):
        return 1
    if head == "doctor" and (nouns & _DOCTORS or re.search(r"(?:^|\s)Dr\.?\s", description)):
        return 1
    if head == "ceo" and "chief executive" in folded:
        return 1
    if head == "researcher" and any(n in _SCIENTISTS or n.endswith("ologist") for n in nouns):
        return 1
    return 0


def _body_person_with_role(source: str, body: list[Attribution]) -> Attribution | None:
    """The one named person of the body whose role is the title's bare source ("Journalist",
    "Valdorian Defence Secretary", "AU chief"): the head noun must be among the person's role
    nouns, or name their office as headlines do (see _role_fit: then one of the source's lower-case
    words, if it has any, must be in the description too: "security chief", "Secretary for
    Security"), and every other capitalised word of the source must be in the person's
    description, but for a place where the description names none and holds the office through
    every lower-case word ("Hong Kong security chief" / "Secretary for Security"; not "Greek leader"
    for a "Socialist PASOK leader")."""
    words = [strip_possessive(w) for w in source.split() if w.casefold() not in ("the", "a", "an")]
    tokens = [t for w in words for t in re.findall(r"[A-Za-z\-]+", w)]
    if not tokens or len(tokens) > 5:
        return None
    head = tokens[-1].casefold()
    if head not in ROLE_NOUNS or singular(head) != head:
        return None  # "Journalist" only: "Experts" are several, never one body speaker
    qualifiers = [t for t in tokens[:-1] if t[0].isupper() and t.casefold() not in ROLE_NOUNS]
    lower = [t for t in tokens[:-1] if not t[0].isupper() and t.casefold() not in ROLE_NOUNS]
    places = place_names()
    found: dict[str, Attribution] = {}
    fits: dict[str, int] = {}
    named: set[str] = set()
    for b in body:
        if not b.speaker_entity or b.speaker_label != "PERSON" or b.unnamed:
            continue
        description = " ".join(x for x in (b.speaker_description, b.source.text if b.source else None) if x)
        fit = _role_fit(head, description)
        if not fit or (fit == 1 and lower and not any(_mentions(w, description) for w in lower)):
            continue
        unmentioned = [q for q in qualifiers if not _mentions(q, description)]
        if unmentioned and not (fit == 1 and lower and all(_mentions(w, description) for w in lower)
                                and (" ".join(unmentioned) in places or all(q in places for q in unmentioned))
                                and not names_a_place(description)):
            continue  # ("Hong Kong security chief": the "Secretary for Security" of an article on Hong Kong)
        found.setdefault(b.speaker_entity, b)
        fits[b.speaker_entity] = max(fit, fits.get(b.speaker_entity, 0))
        if not unmentioned:
            named.add(b.speaker_entity)
    if named:
        found = {k: b for k, b in found.items() if k in named}  # (the place as written beats a place left out)
    if len(found) > 1 and max(fits.values()) == 2:
        found = {k: b for k, b in found.items() if fits[k] == 2}  # the role as written beats an office it stands for
    elif len(found) > 1:
        # offices that a headline word stands for ("Doctor Reveals ...": two doctors): the one who
        # speaks first in the body, when nobody speaks more often
        counts = Counter(b.speaker_entity for b in body if b.speaker_entity in found)
        first = next(b.speaker_entity for b in body if b.speaker_entity in found)
        if counts[first] > max(n for k, n in counts.items() if k != first):
            found = {first: found[first]}
    if len(found) > 1 and qualifiers:
        # "Transport secretary": the "Transport Secretary", not the union's "general secretary" whose
        # union has "Transport" in its name
        phrase = " ".join(tokens).casefold()
        found = {k: b for k, b in found.items() if phrase in (b.speaker_description or "").casefold()} or found
    if len(found) != 1:
        return None  # nobody, or two journalists: do not guess
    return next(iter(found.values()))


# Head nouns of a body a headline names by its kind ("police say", "nurses' union warns",
# "Grampians fire inquiry finds", "Chinese mission to EU slams").
_ORG_HEADS = frozenset("""police union federation inquiry ministry mission agency council party commission department
court government committee association board authority regulator watchdog embassy office service bureau coalition
alliance institute foundation organisation organization group""".split())
# Heads that say only that it is a body: the qualifiers alone must name it ("nurses' union": the
# Royal College of Nursing)
_GENERIC_ORG_HEADS = frozenset("union federation association organisation organization group body".split())
_POLICE_WORDS = re.compile(r"\b(?:police|constabulary|sheriff|garda|gardaí|policing)\b", re.I)


def _body_org_with_head(source: str, article: Article) -> tuple[str, str, str] | None:
    """(canonical, entity, label) of the one organisation of the body that a title's kind-of-body
    source stands for: the body's speaker (else entity) whose name or description has the head
    noun and every capitalised word of the source ("UN agency" / "UN migration agency" for the
    IOM), or, for a generic head, the source's other words ("nurses' union" / "Royal College of
    Nursing")."""
    words = [strip_possessive(w) for w in re.findall(r"[\w\-'\u2019]+", source)
             if w.casefold() not in ("the", "a", "an")]
    if not words or len(words) > 6:
        return None
    at = _head_index(words)
    head = singular(words[at])
    if head not in _ORG_HEADS:
        return None
    qualifiers = [w for i, w in enumerate(words) if i != at and w.casefold() not in ("to", "of", "for", "and")]
    caps = [q for q in qualifiers if q[:1].isupper()]
    speakers: dict[str, tuple[str, str, str]] = {}
    texts: dict[str, list[str]] = defaultdict(list)
    for b in article.attributions:
        if b.speaker_entity and b.speaker_label == "ORG" and not b.unnamed and b.speaker:
            speakers.setdefault(b.speaker_entity, (b.speaker, b.speaker_entity, "ORG"))
            texts[b.speaker_entity] += [b.speaker_description or "", b.source.text if b.source else ""]
    named = {e.canonical: (e.canonical, e.canonical, "ORG") for e in article.entities if e.label == "ORG"}

    def fits(canonical: str) -> bool:
        text = " ".join([canonical] + texts.get(canonical, []))
        if head == "police":
            has_head = bool(_POLICE_WORDS.search(text))
        else:
            has_head = _mentions(head, text)
        if not all(_mentions(q, text) for q in caps):
            return False
        if has_head:
            return not qualifiers or bool(caps) or any(_mentions(q, text) for q in qualifiers)
        others = [w for w in canonical.split() if not any(_mentions(q, w) for q in qualifiers)]
        return head in _GENERIC_ORG_HEADS and bool(qualifiers) and bool(others) \
            and all(_mentions(q, text) for q in qualifiers)  # (not the NER's "Farmers" for "farmers' federation")

    for pool in (speakers, named):
        hits = [v for k, v in pool.items() if fits(k)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None  # two police forces: do not guess
    return None
