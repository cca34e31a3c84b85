"""Report renderers: json (the contract), text (terminal), html (one self-contained page)."""
from __future__ import annotations

import json
from typing import Any


def render(result: Any, fmt: str) -> str:
    """Render an ``AnalysisResult`` in a format: json, text or html."""
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        from .text import render_text

        return render_text(result)
    if fmt == "html":
        from .html import render_html

        return render_html(result)
    raise ValueError(f"unknown format {fmt!r}")
