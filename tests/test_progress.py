"""The progress bar: only on a terminal, only after a delay."""
from __future__ import annotations

import io

from spinscope import progress as prog


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_not_a_terminal(monkeypatch):
    clock = iter(range(0, 1000, 5))
    monkeypatch.setattr(prog.time, "monotonic", lambda: float(next(clock)))
    out = io.StringIO()
    p = prog.Progress(10, "analysing", stream=out)
    for _ in range(10):
        p.advance()
    p.close()
    assert out.getvalue() == ""


def test_bar_after_delay_on_a_terminal(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(prog.time, "monotonic", lambda: now[0])
    out = FakeTTY()
    p = prog.Progress(4, "analysing", stream=out)
    now[0] = 1.0
    p.advance()
    assert out.getvalue() == ""  # a short batch shows nothing
    now[0] = 3.0
    p.advance()
    assert "analysing [" in out.getvalue() and "2/4" in out.getvalue() and "eta" in out.getvalue()
    now[0] = 4.0
    p.advance(2)
    p.close()
    assert out.getvalue().endswith("\n") and "4/4" in out.getvalue()
