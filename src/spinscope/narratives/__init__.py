"""Corpus level: narratives carried across outlets, and reposts (``spinscope.narratives.v1``).

The stage itself lives in :mod:`spinscope.narratives.stage` and registers when the
registry loads the built-in stages; importing this package has no side effects.
"""
