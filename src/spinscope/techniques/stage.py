"""The ``spinscope.techniques.v1`` stage: persuasion-technique spans on ``Article.techniques``."""
from __future__ import annotations

from ..model import Article
from ..registry import stages
from .model import TechniqueModel, load_model


class TechniquesStage:
    """Tag persuasion-technique spans (14 PTC techniques) in ``Article.text``.

    Spans may overlap; each has a technique, a score (P(span) x P(technique)) and its text.
    The model loads lazily on the first article, once per process.
    """

    name = "techniques"
    requires = ("text",)
    assigns = ("techniques",)

    def __init__(self, *, model: str | None = None, min_score: float = 0.0) -> None:
        self.model_name = model
        self.min_score = min_score
        self._model: TechniqueModel | None = None

    @property
    def model(self) -> TechniqueModel:
        if self._model is None:
            self._model = load_model(self.model_name)
        return self._model

    def __call__(self, article: Article) -> Article:
        if not article.text.strip():
            article.techniques = []
            return article
        found = self.model.predict(article.text)
        article.techniques = [t for t in found if t.score >= self.min_score]
        return article


@stages.register("spinscope.techniques.v1")
def make_techniques_stage(*, model: str | None = None, min_score: float = 0.0) -> TechniquesStage:
    """Factory: ``model`` is a shipped model name (``accurate``) or a model directory."""
    return TechniquesStage(model=model, min_score=min_score)
