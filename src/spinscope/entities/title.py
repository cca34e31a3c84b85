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
from collections import defaultdict

from ..model import Article, Attribution, Entity
from .aliases import AliasTable
from .names import ROLE_NOUNS, role_nouns_in, singular
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
    for a in layers.attributions:
        if a.speaker_entity or a.source is None or (a.unnamed and not _bare_role(a.source.text)):
            continue  # ("Expert says ...", unnamed by the rules, is the body's one expert who speaks)
        person = _body_person_with_role(a.source.text, article.attributions)
        if person is not None:
            _speaker_from_body(a, person)


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


def _speaker_from_body(a: Attribution, person: Attribution) -> None:
    """``a``'s bare role is ``person``, a statement of the body's: its speaker, entity and label
    (and its description, where ``a`` has none)."""
    assert a.source is not None
    a.speaker, a.speaker_entity, a.speaker_label = person.speaker, person.speaker_entity, person.speaker_label
    a.unnamed = False
    a.speaker_description = a.speaker_description or person.speaker_description or a.source.text
    a.flags = [f for f in a.flags if f != "speaker_unresolved"]
    a.flags.append("speaker_from_body")


def _bare_role(source: str) -> bool:
    """A title's source that is a singular role noun without an article, alone or after
    capitalised words ("Expert", "FM spokesman", "Hamas official"; not "An expert", "Experts",
    "a senior official")."""
    words = source.split()
    head = words[-1].casefold() if words and words[-1].isalpha() else ""
    return 1 <= len(words) <= 3 and head in ROLE_NOUNS and singular(head) == head \
        and all(w[:1].isupper() for w in words[:-1]) and words[0][:1].isupper() \
        and words[0].casefold() not in ("a", "an", "the", "one", "some")


def _mentions(word: str, description: str) -> bool:
    """Does ``description`` name what ``word`` does ("Valdorian" ~ "Valdoria's defence ...", "FM"
    ~ "Foreign Ministry spokesman")?"""
    if word.isupper() and 2 <= len(word) <= 5:
        caps = [w[0] for w in re.findall(r"[A-Za-z]+", description) if w[0].isupper()]
        if word in "".join(caps):
            return True
    stem = word.casefold()[:max(4, len(word) - 2)]
    return re.search(rf"\b{re.escape(stem)}", description.casefold()) is not None


def _body_person_with_role(source: str, body: list[Attribution]) -> Attribution | None:
    """The one named person of the body whose role is the title's bare source ("Journalist",
    "Valdorian Defence Secretary"): the head noun must be among the person's role nouns and
    every other capitalised word of the source in the person's description."""
    tokens = [t for t in re.findall(r"[A-Za-z\-]+", source) if t.casefold() not in ("the", "a", "an")]
    if not tokens or len(tokens) > 4:
        return None
    head = tokens[-1].casefold()
    if head not in ROLE_NOUNS or singular(head) != head:
        return None  # "Journalist" only: "Experts" are several, never one body speaker
    qualifiers = [t for t in tokens[:-1] if t[0].isupper() and t.casefold() not in ROLE_NOUNS]
    found: dict[str, Attribution] = {}
    for b in body:
        if not b.speaker_entity or b.speaker_label != "PERSON" or b.unnamed:
            continue
        description = " ".join(x for x in (b.speaker_description, b.source.text if b.source else None) if x)
        if head in role_nouns_in(description) and all(_mentions(q, description) for q in qualifiers):
            found.setdefault(b.speaker_entity, b)
    if len(found) > 1 and qualifiers:
        # "Transport secretary": the "Transport Secretary", not the union's "general secretary" whose
        # union has "Transport" in its name
        phrase = " ".join(tokens).casefold()
        found = {k: b for k, b in found.items() if phrase in (b.speaker_description or "").casefold()} or found
    if len(found) != 1:
        return None  # nobody, or two journalists: do not guess
    return next(iter(found.values()))
