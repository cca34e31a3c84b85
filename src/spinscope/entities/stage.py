"""Registered stages: ``spinscope.entities.v1`` and ``spinscope.speakers.v1``."""
from __future__ import annotations

import os
from typing import Any

from ..model import Article
from ..registry import stages
from .aliases import AliasTable, load_aliases, user_alias_paths


def _table(aliases_path: str | os.PathLike | None, default_aliases: bool) -> AliasTable:
    return load_aliases(user_alias_paths(aliases_path), include_default=default_aliases)


class EntitiesStage:
    """People, organisations, places and media with canonical forms (alias-merged).

    Options: ``aliases_path`` (an extra alias file, also ``SPINSCOPE_ALIASES``),
    ``default_aliases`` (use the shipped table, default True), ``spacy_model``, ``title``
    (also find the title's mentions, ``Article.title_layers.entities``; default True).
    """

    name = "entities"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, *, aliases_path: str | None = None, default_aliases: bool = True,
                 spacy_model: str | None = None, title: bool = True) -> None:
        self.table = _table(aliases_path, default_aliases)
        self.spacy_model = spacy_model
        self.title = title

    def __call__(self, article: Article) -> Article:
        from ..nlp import SHARED_PARSE_EXCLUDE, doc_for, get_nlp
        from .resolve import build_entities
        from .title import title_entities

        if not article.text:
            article.entities = []
            article.title_layers.entities = []
            return article
        nlp = get_nlp(self.spacy_model, SHARED_PARSE_EXCLUDE) if self.spacy_model else None
        doc = doc_for(article, nlp)
        article.entities = build_entities(article.text, doc, self.table)
        article.title_layers.entities = (title_entities(article.title, article.entities, self.table)
                                         if self.title else [])
        return article


class SpeakersStage:
    """Rewrite each attribution's ``speaker`` to a canonical name; describe it; link media.
    The title's attributions too (``Article.title_layers``), linked to the body's people.

    Options: ``aliases_path``, ``default_aliases`` as for the entities stage; ``capitals``
    (default True): a capital that speaks ("Moscow said") is its country
    (``spinscope/data/capitals.tsv``), flagged ``capital_for_country``.
    """

    name = "speakers"
    requires: tuple[str, ...] = ("entities", "attributions")
    assigns: tuple[str, ...] = ("attributions",)

    def __init__(self, *, aliases_path: str | None = None, default_aliases: bool = True, capitals: bool = True) -> None:
        self.table = _table(aliases_path, default_aliases)
        self.capitals = capitals

    def __call__(self, article: Article) -> Article:
        from ..nlp import doc_for
        from .speakers import resolve_speakers
        from .title import link_headline_lines, link_title_speakers

        if article.attributions:
            # the parse is cached by earlier stages; it tells subjects from modifiers
            resolve_speakers(article, self.table, doc_for(article), capitals=self.capitals)
            link_headline_lines(article)
        # the title's speakers, against the body's people (offsets stay into the title)
        link_title_speakers(article, self.table, capitals=self.capitals)
        return article


@stages.register("spinscope.entities.v1")
def make_entities(**options: Any) -> EntitiesStage:
    return EntitiesStage(**options)


@stages.register("spinscope.speakers.v1")
def make_speakers(**options: Any) -> SpeakersStage:
    return SpeakersStage(**options)
