"""The one article model: clean text plus character-offset annotation layers.

Every pipeline stage reads an :class:`Article` and adds to one of its layers;
no stage invents a parallel model. All offsets are into ``Article.text`` (the
clean text), end exclusive, like Python slices. The title (headline) has layers of its
own, :class:`TitleLayers` on ``Article.title_layers``, with offsets into ``Article.title``,
so that every offset of the body layers keeps meaning the same thing.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import E_TIMEOUT

SCHEMA_VERSION = "1.3"  # 1.1: attribution.content_parts; 1.2: article.title_layers; 1.3: attribution.co_speakers


@dataclass
class Span:
    """A character span of the clean text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Span | None":
        return None if d is None else cls(d["start"], d["end"], d["text"])


@dataclass
class Removed:
    """A fragment cut from the input while cleaning, with the reason."""

    text: str
    reason: str  # debris, caption, credit, repeated_title, comment_form, share_prompt, ...


@dataclass
class Entity:
    """One mention of a person, organisation, place (or other) with its canonical form."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, MEDIA, ...
    canonical: str


@dataclass
class Attribution:
    """A statement the article attributes to someone."""

    speaker: str | None
    speaker_description: str | None
    source: Span | None
    cue: Span | None
    content: Span
    kind: str  # direct | indirect | mixed
    medium: str | None = None
    unnamed: bool = False
    medium_span: Span | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "unbalanced_quotes"
    # Filled by the speakers stage: the canonical entity the speaker resolved to (None for
    # vague or unresolved sources) and its label (PERSON, ORG, MEDIA, ...).
    speaker_entity: str | None = None
    speaker_label: str | None = None
    # The pieces of ``content`` around a speech tag inside it ('"A," he told RT. "B."' ->
    # "A," and "B."); empty when the content is one piece.
    content_parts: list[Span] = field(default_factory=list)
    # Further named speakers of a joint statement ("X, chairman of A, and Y, chairman of B, said
    # in a joint statement"): canonical entities after ``speaker``, in text order.
    co_speakers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_description": self.speaker_description,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "medium": self.medium,
            "medium_span": self.medium_span.to_dict() if self.medium_span else None,
            "unnamed": self.unnamed,
            "flags": list(self.flags),
            "speaker_entity": self.speaker_entity,
            "speaker_label": self.speaker_label,
            "content_parts": [p.to_dict() for p in self.content_parts],
            "co_speakers": list(self.co_speakers),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Attribution":
        return cls(
            speaker=d.get("speaker"),
            speaker_description=d.get("speaker_description"),
            source=Span.from_dict(d.get("source")),
            cue=Span.from_dict(d.get("cue")),
            content=Span.from_dict(d["content"]),  # type: ignore[arg-type]
            kind=d["kind"],
            medium=d.get("medium"),
            unnamed=bool(d.get("unnamed", False)),
            medium_span=Span.from_dict(d.get("medium_span")),
            flags=list(d.get("flags", [])),
            speaker_entity=d.get("speaker_entity"),
            speaker_label=d.get("speaker_label"),
            content_parts=[Span.from_dict(p) for p in d.get("content_parts", [])],  # type: ignore[misc]
            co_speakers=list(d.get("co_speakers", [])),
        )


@dataclass
class Technique:
    """A persuasion-technique span (PTC technique names)."""

    technique: str
    start: int
    end: int
    score: float
    text: str = ""


@dataclass
class StageError:
    """A failure inside one stage for one article; recorded, never fatal to a batch."""

    stage: str
    code: str
    message: str

    @property
    def outcome(self) -> str:
        """How reports word it: "stopped" for the time limit (E203), else "failed"."""
        return "stopped" if self.code == E_TIMEOUT else "failed"


@dataclass
class TitleLayers:
    """The layers of the headline: the same records as the body's layers, with offsets into
    ``Article.title`` (``title[start:end] == span.text``).

    Title entities carry the canonical names of the body's entities ("ISIS" in the title
    and "Islamic State" in the body are one entity); title speakers are resolved against
    the body's people.
    """

    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.entities or self.attributions or self.techniques)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": [asdict(e) for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "techniques": [asdict(t) for t in self.techniques],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "TitleLayers":
        d = d or {}
        return cls(
            entities=[Entity(**e) for e in d.get("entities", [])],
            attributions=[Attribution.from_dict(a) for a in d.get("attributions", [])],
            techniques=[Technique(**t) for t in d.get("techniques", [])],
        )


def content_id(text: str) -> str:
    """Stable article id: a hash of the clean content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One input article: metadata, clean text, removed fragments and annotation layers."""

    source: str
    text: str = ""
    id: str = ""
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    # The headline's entities, attributions and techniques, offsets into ``title``.
    title_layers: TitleLayers = field(default_factory=TitleLayers)
    claims: list[dict[str, Any]] = field(default_factory=list)
    catalog_matches: list[dict[str, Any]] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Input as read (decoded), before cleaning. Not serialised: the clean text is the contract.
    raw_text: str = field(default="", repr=False)
    # Which input format produced it: text, html, jsonl.
    input_format: str = "text"
    # Per-run scratch space shared by stages (e.g. a parsed spaCy Doc under "doc").
    # Never serialised; the pipeline clears it when an article leaves.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def ensure_id(self) -> str:
        if not self.id:
            self.id = content_id(self.text or self.raw_text)
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.ensure_id(),
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "authors": list(self.authors),
            "captions": list(self.captions),
            "credits": list(self.credits),
            "text": self.text,
            "removed": [asdict(r) for r in self.removed],
            "entities": [asdict(e) for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "techniques": [asdict(t) for t in self.techniques],
            "title_layers": self.title_layers.to_dict(),
            "claims": list(self.claims),
            "catalog_matches": list(self.catalog_matches),
            "errors": [asdict(e) for e in self.errors],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(
            source=d["source"],
            text=d.get("text", ""),
            id=d.get("id", ""),
            outlet=d.get("outlet"),
            title=d.get("title"),
            published=d.get("published"),
            url=d.get("url"),
            authors=list(d.get("authors", [])),
            captions=list(d.get("captions", [])),
            credits=list(d.get("credits", [])),
            removed=[Removed(**r) for r in d.get("removed", [])],
            entities=[Entity(**e) for e in d.get("entities", [])],
            attributions=[Attribution.from_dict(a) for a in d.get("attributions", [])],
            techniques=[Technique(**t) for t in d.get("techniques", [])],
            title_layers=TitleLayers.from_dict(d.get("title_layers")),
            claims=list(d.get("claims", [])),
            catalog_matches=list(d.get("catalog_matches", [])),
            errors=[StageError(**e) for e in d.get("errors", [])],
            meta=dict(d.get("meta", {})),
        )


@dataclass
class Narrative:
    """A storyline carried by several articles (corpus-level layer)."""

    id: str
    label: str
    article_ids: list[str]
    outlets: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    reposts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def corpus_to_dict(articles: list[Article], narratives: list[Narrative],
                   rejected: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The top-level JSON document (the public contract)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [a.to_dict() for a in articles],
        "narratives": [n.to_dict() for n in narratives],
        "rejected": list(rejected or []),
    }
