"""The ``spinscope.techniques.v1`` stage: persuasion-technique spans on ``Article.techniques``."""
from __future__ import annotations

from ..model import Article
from ..registry import stages
from .model import TechniqueModel, load_model


class TechniquesStage:
    """Tag persuasion-technique spans (14 PTC techniques) in ``Article.text``.

    Spans may overlap; each has a technique, a score (P(span) x P(technique)) and its text.
    The title is tagged on its own (one line, as PTC's titles are) into
    ``Article.title_layers.techniques``, offsets into ``Article.title`` (option ``title``).
    The model loads lazily on the first article, once per process.
    """

    name = "techniques"
    requires = ("text",)
    assigns = ("techniques",)

    def __init__(self, *, model: str | None = None, min_score: float = 0.0, title: bool = True) -> None:
        self.model_name = model
        self.min_score = min_score
        self.title = title
        self._model: TechniqueModel | None = None

    @property
    def model(self) -> TechniqueModel:
        if self._model is None:
            self._model = load_model(self.model_name)
        return self._model

    def __call__(self, article: Article) -> Article:
        if not article.text.strip():
            article.techniques = []
            article.title_layers.techniques = []
            return article
        found = self.model.predict(article.text)
        article.techniques = [t for t in found if t.score >= self.min_score]
        title = article.title if self.title and article.title and article.title.strip() else ""
        article.title_layers.techniques = [
            t for t in (self.model.predict(title) if title else []) if t.score >= self.min_score]
        return article


@stages.register("spinscope.techniques.v1")
def make_techniques_stage(*, model: str | None = None, min_score: float = 0.0,
                          title: bool = True) -> TechniquesStage:
    """Factory: ``model`` is a shipped model name (``accurate``) or a model directory;
    ``title``: also tag the title (default True)."""
    return TechniquesStage(model=model, min_score=min_score, title=title)
