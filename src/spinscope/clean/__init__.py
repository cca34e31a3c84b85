"""Plain-text cleaning: boilerplate, captions and credits out, clean article text in.

The stage (``spinscope.clean.v1``) lives in :mod:`spinscope.clean.stage`; the cascade in
:mod:`spinscope.clean.cleaner`. Importing this package registers nothing.
"""
from __future__ import annotations

from .cleaner import Cleaner, CleanOptions, CleanResult, clean_text

__all__ = ["Cleaner", "CleanOptions", "CleanResult", "clean_text"]
