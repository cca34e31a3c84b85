"""The ``spinscope.attributions.v1`` stage: who says what, through which cue and medium."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from ..model import Article
from ..registry import stages
from .extract import AttributionExtractor, ExtractorOptions
from .title import body_names, title_attributions


def _speaking_names(article: Article) -> set[str]:
    """Names of the people and organisations mentioned inside a source of the body's statements
    (linear: a hostile article may hold thousands of both)."""
    sources = sorted((a.source.start, a.source.end) for a in article.attributions if a.source is not None)
    starts = [s for s, _ in sources]
    reach = list(accumulate((e for _, e in sources), max))  # the furthest end of the sources so far
    out: set[str] = set()
    for e in article.entities:
        i = bisect_right(starts, e.start) - 1
        if e.label in ("PERSON", "ORG") and i >= 0 and reach[i] >= e.end:
            out.add(e.text)
    return out


class AttributionStage:
    """Fill ``Article.attributions`` from ``Article.text``.

    Parses only the sentences holding a cue candidate or a quote mark; when an earlier
    stage left a full parse in ``article.cache["doc"]`` it reuses that instead. The title's
    statements go to ``Article.title_layers.attributions``, offsets into ``Article.title``
    (option ``title``, default True; see :mod:`.title`).
    """

    name = "attributions"
    requires = ("text",)
    assigns = ("attributions",)

    def __init__(self, nlp: Any = None, *, title: bool = True, **options: Any) -> None:
        self.extractor = AttributionExtractor(nlp=nlp, options=ExtractorOptions(**options))
        self.title = title

    def _title(self, article: Article) -> None:
        if not self.title or not article.title:
            article.title_layers.attributions = []
            return
        keep = body_names(article.text, [e.text for e in article.entities]
                          + [e.text for e in article.title_layers.entities])
        names = {e.text for e in article.entities} | {e.canonical for e in article.entities}
        names |= {a.speaker for a in article.attributions if a.speaker and not a.unnamed}
        speakers = _speaking_names(article)
        article.title_layers.attributions = title_attributions(self.extractor, article.title, keep, names,
                                                               article.text, speakers)

    def __call__(self, article: Article) -> Article:
        if not article.text:
            article.attributions = []
            article.title_layers.attributions = []
            return article
        doc = article.cache.get("doc")
        if doc is not None and doc.text == article.text and doc.has_annotation("DEP"):
            # An earlier stage already parsed the whole article: reuse it.
            article.attributions = self.extractor.from_doc(article.text, doc)
        else:
            article.attributions = self.extractor(article.text)
        self._title(article)  # after the body: a headline may end in a body speaker's name
        return article

    def pipe(self, articles: list[Article]) -> list[Article]:
        for article, atts in zip(articles, self.extractor.pipe(a.text for a in articles)):
            article.attributions = atts
            self._title(article)
        return articles


@stages.register("spinscope.attributions.v1")
def make_attribution_stage(**options: Any) -> AttributionStage:
    """Factory for the attribution stage; options are :class:`ExtractorOptions` fields, and
    ``title`` (also extract the title's statements; default True)."""
    return AttributionStage(**options)
