from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spinscope")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from .model import Article, Attribution, Entity, Narrative, Span, Technique  # noqa: E402

__all__ = ["Article", "Attribution", "Entity", "Narrative", "Span", "Technique", "__version__"]
