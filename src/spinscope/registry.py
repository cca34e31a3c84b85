"""Registries of named, versioned factories (``"spinscope.clean.v1"``).

Stages are created from configuration by name, so an implementation can be
swapped without touching the others. Built-in stages register through the same
mechanism that third-party code uses (see :func:`load_builtin_stages`).
"""
from __future__ import annotations

import importlib
from typing import Any, Callable

from .errors import SpinscopeError


class Registry:
    """A name -> factory table."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., Any]] = {}

    def register(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
            self._factories[name] = factory
            return factory

        return deco

    def get(self, name: str) -> Callable[..., Any]:
        load_builtin_stages()
        try:
            return self._factories[name]
        except KeyError:
            raise SpinscopeError(
                "E010", f"no {self.kind} registered as {name!r}; known: {', '.join(sorted(self._factories))}"
            ) from None

    def names(self) -> list[str]:
        load_builtin_stages()
        return sorted(self._factories)


stages = Registry("stage")
corpus_stages = Registry("corpus stage")

# Modules that register the built-in stages. Imported lazily (no import-time side
# effects on `import spinscope`), the way datasette loads DEFAULT_PLUGINS.
BUILTIN_STAGE_MODULES = (
    "spinscope.clean.stage",
    "spinscope.entities.stage",
    "spinscope.attribution.stage",
    "spinscope.techniques.stage",
    "spinscope.narratives.stage",
)
ENTRY_POINT_GROUP = "spinscope.stages"
_loaded = False


def load_builtin_stages() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for mod in BUILTIN_STAGE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:  # a stage package not written yet
            if e.name != mod:
                raise
    # Third-party stages: packages declare modules that register stages on import, e.g.
    # [project.entry-points."spinscope.stages"] mystage = "mypkg.stages"
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ep.load()
        except Exception as e:  # noqa: BLE001 - a broken plugin must not break the built-ins
            import warnings

            warnings.warn(f"spinscope: cannot load stage plugin {ep.name!r} ({ep.value}): {e}", stacklevel=2)
