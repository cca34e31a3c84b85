"""The ``spinscope.clean.v1`` pipeline stage: raw text -> clean text, title, debris."""
from __future__ import annotations

from ..headline import is_section_name
from ..model import Article
from ..registry import stages
from .cleaner import Cleaner, CleanOptions
from .dates import publication_date


class CleanStage:
    """Pipeline stage wrapping :class:`~spinscope.clean.cleaner.Cleaner`.

    Reads ``raw_text`` (falls back to ``text``), ``title`` and ``input_format``; writes
    ``text``, ``title``, ``removed``, ``captions``, ``credits``, ``authors`` (only when
    empty), ``published`` (only when empty: the date of a removed byline or dateline line, with
    ``meta["published_from"] = "byline"``), ``meta["repost_of"]`` / ``meta["site_name"]`` and
    ``outlet`` (only when empty: the site name of a "Headline | Site" title).
    Raises ``SpinscopeError(E_NO_TEXT_AFTER_CLEANING)`` when nothing is left.
    """

    name = "clean"
    requires = ("raw_text",)
    assigns = ("text", "title", "removed", "captions", "credits")

    def __init__(self, options: CleanOptions) -> None:
        self.options = options
        self.cleaner = Cleaner(options)

    def __call__(self, article: Article) -> Article:
        raw = article.raw_text or article.text
        result = self.cleaner.clean(raw, article.title, article.input_format, article.authors)
        article.text = result.text
        article.title = result.title
        article.removed.extend(result.removed)
        article.captions.extend(c for c in result.captions if c not in article.captions)
        article.credits.extend(c for c in result.credits if c not in article.credits)
        if not article.authors and result.authors:
            article.authors = list(dict.fromkeys(result.authors))
        for key, value in result.meta.items():
            article.meta.setdefault(key, value)
        site = result.meta.get("site_name")
        if not article.outlet and site and not is_section_name(site):
            article.outlet = site  # "Headline | Site" pasted as the first line (not "| Blog Posts")
        if not article.published and result.byline_lines:
            # "Published time: 14 Mar, 2017 09:12": the page's own dateline, removed as debris
            found = publication_date(result.byline_lines)
            if found:
                article.published = found
                article.meta["published_from"] = "byline"
        return article


@stages.register("spinscope.clean.v1")
def make_clean_stage(*, extra_patterns: str | None = None, max_pattern_chars: int | None = None,
                     position_rules: bool = True, strip_site_suffix: bool = True) -> CleanStage:
    """Factory of the cleaning stage.

    Args:
        extra_patterns: path of a rule file in the ``debris_patterns.txt`` format; its rules
            are tried before the built-in ones.
        max_pattern_chars: lines longer than this are never matched by a pattern (default 300).
        position_rules: apply the debris-cluster heuristics around the article body.
        strip_site_suffix: turn ``Headline | Site`` titles into ``Headline``.
    """
    options = CleanOptions(extra_patterns=extra_patterns, position_rules=position_rules,
                           strip_site_suffix=strip_site_suffix)
    if max_pattern_chars is not None:
        options.max_pattern_chars = max_pattern_chars
    return CleanStage(options)
