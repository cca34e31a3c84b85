"""What the narrative stage reads from an analysed article: content words, entities, speakers, media.

All features are plain Python collections keyed by strings, built once per article;
the similarity module turns them into weighted vectors.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Article

# Words that carry no storyline on their own: the usual English stopwords plus the
# vocabulary of news reporting itself (every article "says" and "reports").
_NEWS_STOPWORDS = frozenset("""
said says say saying told tell tells telling according reported reports report reporting
added add adds stated state states statement claimed claim claims asked ask noted note
also would could might may must one two three four five first second last new old
year years month months week weeks day days today yesterday tomorrow time times
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
mr mrs ms dr per cent percent including include includes included
article story news photo photograph image video read share follow click
people thing things way lot many much even still yet just like well
""".split())

# Mediums that name no outlet ("told reporters", "said in an interview with journalists").
_GENERIC_MEDIA = frozenset("""
reporters reporter journalists journalist press media the press news conference
a news conference supporters crowd audience lawmakers parliament television radio
interview an interview a statement statement website the website
""".split()) | {"a news conference", "the press", "news conference", "an interview",
                "a statement", "the website", "state media", "state television"}

# First words that show a "speaker" is a phrase, not a name ("His comment", "Its interior ministry").
_NOT_A_NAME = frozenset("his her its their this that these those our my your it he she they".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# Entity labels that are not "who or where" (counts, dates, money).
_SKIP_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


# Lower-case words that may sit inside a name ("Ministry of Defence", "Ibn al-Athir").
_NAME_PARTICLES = frozenset("of the for de du da di del la le van von der den al el bin ibn y in on at".split())


def looks_like_a_name(phrase: str) -> bool:
    """Whether an unresolved speaker phrase reads as a proper name: two or more words, every
    word capitalised except name particles, no coordination ("Karsian intelligence itself",
    "Valdoria and the coalition" are phrases, not names)."""
    words = phrase.split()
    if len(words) < 2 or any(w.lower() in ("and", "&", "or") for w in words):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES for w in words)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """spaCy's English stopword list plus news-reporting verbs and calendar words."""
    return frozenset(_spacy_stop_words()) | _NEWS_STOPWORDS


def _spacy_stop_words() -> set[str]:
    # Importing spaCy costs seconds; when the stage runs on stored results nothing else
    # needs it, so read the (self-contained) list file without importing the package.
    if "spacy" not in sys.modules:
        spec = importlib.util.find_spec("spacy")
        if spec and spec.origin:
            path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
            if path.is_file():
                namespace: dict[str, object] = {}
                exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102
                words = namespace.get("STOP_WORDS")
                if isinstance(words, set):
                    return words
    from spacy.lang.en.stop_words import STOP_WORDS

    return set(STOP_WORDS)


def normalise_word(word: str) -> str:
    """Lowercase, drop a possessive and fold simple plurals ("fighters" -> "fighter").

    A deliberately light stemmer: it must map inflections of the same content word
    together without merging different words; lemmatising would need the parser.
    """
    w = _POSSESSIVE.sub("", word.lower().replace("’", "'"))
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is", "os")):
        return w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Normalised content words of a text (stopwords and words under 3 letters dropped)."""
    return [w for w in map(_content_form, _WORD.findall(text)) if w]


@lru_cache(maxsize=200_000)
def _content_form(word: str) -> str:
    """The normalised form of one word, or "" for a stopword or a word under 3 letters."""
    stop = stopwords()
    raw = word.lower()
    if len(raw) < 3 or raw in stop:
        return ""
    w = normalise_word(raw)
    return w if len(w) >= 3 and w not in stop else ""


def is_named_medium(medium: str | None) -> bool:
    """True for a medium that names an outlet ("RT", "Orbis24"), not "reporters" or "Monday"."""
    if not medium:
        return False
    m = medium.strip()
    if not m or not (m[0].isupper() or m[0].isdigit()):
        return False
    low = m.lower()
    return low not in _GENERIC_MEDIA and low not in _NEWS_STOPWORDS


def same_outlet(a: str | None, b: str | None) -> bool:
    """Loose outlet equality: case, a leading "The", a short form or an acronym do not matter.

    "the Tribune" matches "Valdoria Tribune" (a word-suffix of the name) and "CPA" matches
    "Continental Press Agency" (its initials).
    """
    if not a or not b:
        return False
    ka, kb = outlet_key(a), outlet_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = _outlet_words(a), _outlet_words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if short and len(short) < len(long_) and long_[-len(short):] == short:
        return True
    for x, y in ((a, wb), (b, wa)):
        x = x.strip().replace(".", "")
        if x.isupper() and len(x) >= 2 and len(y) == len(x) and "".join(w[0] for w in y).upper() == x:
            return True
    return False


def _outlet_words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.lower())
    return words[1:] if words[:1] == ["the"] else words


def outlet_key(name: str) -> str:
    k = re.sub(r"^(the)\s+", "", name.strip().lower())
    k = re.sub(r"\.(com|org|net|co\.uk|ru|news)$", "", k)
    return re.sub(r"[^\w]+", "", k)


@dataclass
class ArticleFeatures:
    """The per-article inputs of narrative clustering."""

    terms: Counter[str] = field(default_factory=Counter)
    entities: dict[str, str] = field(default_factory=dict)  # canonical -> label (first seen)
    entity_counts: Counter[str] = field(default_factory=Counter)  # canonical -> mentions
    speakers: set[str] = field(default_factory=set)  # named speakers, canonical where resolved
    # those that read as names (resolved, or capitalised words): the ones a narrative lists
    named_speakers: set[str] = field(default_factory=set)
    media: set[str] = field(default_factory=set)  # named media the speakers told (own outlet excluded)
    media_all: set[str] = field(default_factory=set)  # same, own outlet included (for reporting)


def article_features(article: Article, title_weight: int = 2) -> ArticleFeatures:
    """Extract the clustering features of one analysed article."""
    f = ArticleFeatures()
    f.terms.update(content_words(article.text))
    if article.title:
        for w in content_words(article.title):
            f.terms[w] += title_weight
    for e in article.entities:
        if e.label in _SKIP_ENTITY_LABELS or not e.canonical:
            continue
        f.entities.setdefault(e.canonical, e.label)
        f.entity_counts[e.canonical] += 1
    for a in article.attributions:
        if a.unnamed:
            continue
        name = a.speaker_entity
        if not name and a.speaker and a.speaker_label is None and a.speaker[:1].isupper() \
                and len(a.speaker.split()) >= 2:
            name = a.speaker  # an unresolved but named speaker ("Dmitar Halvosk")
        if name and a.speaker_label not in ("GPE", "NORP", "LOC", "EVENT", "PRODUCT") and len(name.split()) <= 5 \
                and name.split()[0].lower() not in _NOT_A_NAME:
            f.speakers.add(name)
            if a.speaker_entity or looks_like_a_name(name):
                f.named_speakers.add(name)
            for co in a.co_speakers:  # the other people of a joint statement
                f.speakers.add(co)
                f.named_speakers.add(co)
        if name and is_named_medium(a.medium):
            medium = a.medium.strip()  # type: ignore[union-attr]
            f.media_all.add(medium)
            if not same_outlet(medium, article.outlet):
                f.media.add(medium)
    return f
