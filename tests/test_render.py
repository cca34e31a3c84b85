"""Reports treat article text as hostile: everything is escaped, nothing is fetched."""
from __future__ import annotations

import json
import re

from spinscope.commands.analyze import AnalysisResult
from spinscope.errors import InputRejected
from spinscope.model import Article, Attribution, Entity, Narrative, Removed, Span, Technique
from spinscope.render import render

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)> "quoted" & </textarea>'


def hostile_result() -> AnalysisResult:
    text = f"Officials said {EVIL} was fine. Critics say it was not."
    a = Article(source='evil"<b>.txt', text=text, title=f"Title {EVIL}", outlet="<i>Outlet</i>",
                published="2024-01-01")
    s = text.index("<script>")
    a.entities = [Entity(s, s + 8, text[s:s + 8], "ORG", "<script>")]
    a.attributions = [Attribution(speaker="Officials", speaker_description=EVIL,
                                  source=Span.of(text, 0, 9), cue=Span.of(text, 10, 14),
                                  content=Span.of(text, 15, len(text) - 30), kind="indirect",
                                  medium=EVIL, unnamed=True)]
    a.techniques = [Technique("Loaded_Language", s, s + 20, 0.9, text[s:s + 20]),
                    Technique("Doubt", s + 5, s + 30, 0.5, text[s + 5:s + 30])]
    a.removed = [Removed(EVIL, "share_prompt")]
    a.ensure_id()
    r = AnalysisResult(articles=[a], narratives=[Narrative("n1", EVIL, [a.id], outlets=[EVIL])],
                       rejected=[InputRejected("E105", EVIL, f"bad{EVIL}.txt")])
    return r


def test_html_report_escapes_everything():
    page = render(hostile_result(), "html")
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "</textarea>" not in page.replace("&lt;/textarea&gt;", "")
    assert "&lt;script&gt;alert(" in page
    assert "<i>Outlet</i>" not in page
    # no script of ours either, and a CSP that forbids them
    assert not re.search(r"<script\b", page, re.I)
    assert "default-src 'none'" in page


def test_text_report_has_no_control_sequences_from_input():
    r = hostile_result()
    r.articles[0].title = "Title \x1b[31mRED\x1b[0m"
    out = render(r, "text")
    assert "\x1b" not in out


def test_json_round_trips():
    doc = json.loads(render(hostile_result(), "json"))
    assert doc["articles"][0]["title"].endswith(EVIL)
    assert doc["rejected"][0]["code"] == "E105"
    back = Article.from_dict(doc["articles"][0])
    assert back.to_dict() == doc["articles"][0]
