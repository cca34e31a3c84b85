"""Tests for persuasion-technique detection: scorer, data reading, encoding, CLI, stage.

Scorer and data tests use hand-made inputs; tests marked ``model`` use the shipped model.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from spinscope.cli import main
from spinscope.eval.techniques import flc_score, merge_overlapping, si_score, tc_score
from spinscope.model import Article
from spinscope.techniques.data import TECHNIQUES, Label, article_id, load_ptc, read_labels
from spinscope.techniques.encoding import extra_span_features, line_spans, token_targets, Segment

ARTICLE = (
    "Traitors sell out our great nation\n"
    "\n"
    "The corrupt elites have betrayed every hard-working family in this country.\n"
    "Make our nation great again!\n"
    "Critics, who know nothing, say the plan will fail.\n"
    "Make our nation great again!\n"
)


# -- scorer ---------------------------------------------------------------------------------
def test_merge_overlapping_keeps_touching_spans_apart():
    assert merge_overlapping([(0, 4), (2, 6), (6, 9), (20, 22)]) == [(0, 6), (6, 9), (20, 22)]


def test_si_partial_overlap():
    s = si_score({"1": [(5, 15)]}, {"1": [(0, 10)]})
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5) and s.f1 == pytest.approx(0.5)


def test_si_merges_before_counting():
    # two overlapping predictions become one span of 10 chars covering a gold span of 5
    s = si_score({"1": [(0, 6), (4, 10)]}, {"1": [(0, 5)]})
    assert s.n_pred == 1
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1.0)


def test_si_missing_article_counts_as_misses():
    s = si_score({"1": [(0, 10)]}, {"1": [(0, 10)], "2": [(0, 10)]})
    assert s.precision == pytest.approx(1.0) and s.recall == pytest.approx(0.5)


def test_tc_duplicate_span_matched_as_multiset():
    gold = {"1": [Label("Doubt", 0, 5), Label("Slogans", 0, 5), Label("Repetition", 10, 20)]}
    pred = {"1": [Label("Slogans", 0, 5), Label("Loaded_Language", 0, 5), Label("Repetition", 10, 20)]}
    micro, per = tc_score(pred, gold)
    assert micro.f1 == pytest.approx(2 / 3)
    assert per["Slogans"].f1 == pytest.approx(1.0)
    assert per["Doubt"].recall == 0.0
    assert per["Loaded_Language"].precision == 0.0


def test_flc_needs_same_technique():
    gold = {"1": [Label("Doubt", 0, 10)]}
    assert flc_score({"1": [Label("Slogans", 0, 10)]}, gold)[0].f1 == 0.0
    assert flc_score({"1": [Label("Doubt", 0, 10)]}, gold)[0].f1 == pytest.approx(1.0)


# -- data -----------------------------------------------------------------------------------
def _ptc_dir(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article123.txt").write_text(ARTICLE, encoding="utf-8", newline="")
    (tmp_path / "articles" / "article456.txt").write_text("Title\n\nA calm sentence.\n", encoding="utf-8")
    s = ARTICLE.index("Make our")
    (tmp_path / "labels-tc.tsv").write_text(f"123\tSlogans\t{s}\t{s + 27}\n123\tLoaded_Language\t0\t8\n")
    (tmp_path / "split.tsv").write_text("123\ttrain\n456\tdev\n")
    (tmp_path / "techniques.txt").write_text("\n".join(TECHNIQUES) + "\n")
    return tmp_path


def test_load_ptc_split_and_labels(tmp_path):
    d = _ptc_dir(tmp_path)
    train = load_ptc(d, "train")
    assert [x.id for x in train] == ["123"]
    assert train[0].text[train[0].labels[0].start:train[0].labels[0].end] == "Make our nation great again"
    assert [x.id for x in load_ptc(d, "dev")] == ["456"]
    with pytest.raises(Exception, match="E310"):
        load_ptc(d, "test")


def test_techniques_match_corpus_names():
    names = Path("/work/shared/data/ptc/techniques.txt")
    if not names.exists():
        pytest.skip("PTC not available")
    assert tuple(sorted(names.read_text().split())) == TECHNIQUES


def test_article_id_and_template(tmp_path):
    assert article_id("x/article999.txt") == "999"
    assert article_id("x/my-news.txt") == "my-news"
    t = tmp_path / "t.tsv"
    t.write_text("7\t?\t3\t9\n7\tanything\t10\t12\n")
    labels = read_labels(t)
    assert [(x.start, x.end) for x in labels["7"]] == [(3, 9), (10, 12)]


# -- encoding -------------------------------------------------------------------------------
def test_line_spans_skip_blank_lines():
    spans = line_spans("ab\n\n  cd \nef")
    assert spans == [(0, 2), (6, 8), (10, 12)]


def test_token_targets_mark_overlapping_pieces():
    seg = Segment([1, 2, 3], np.array([0, 4, 9]), np.array([3, 8, 12]), [0, 1, 2])
    inside, tech = token_targets(seg, [("Doubt", 5, 10)], TECHNIQUES)
    assert inside.tolist() == [0.0, 1.0, 1.0]
    assert tech[:, TECHNIQUES.index("Doubt")].tolist() == [0.0, 1.0, 1.0]


def test_extra_features_see_repetition():
    s = ARTICLE.index("Make our")
    repeated = extra_span_features(ARTICLE, s, s + 27)
    once = extra_span_features(ARTICLE, 0, 8)
    assert repeated[1] > 0 and once[1] == 0


# -- shipped model --------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize("name", [None, "accurate", "fast"])
def test_model_predicts_valid_spans(name):
    from spinscope.techniques.model import load_model

    model = load_model(name)
    found = model.predict(ARTICLE)
    assert found, "expected at least one technique span in an openly loaded text"
    for t in found:
        assert t.technique in TECHNIQUES
        assert 0 <= t.start < t.end <= len(ARTICLE)
        assert ARTICLE[t.start:t.end] == t.text
        assert 0.0 <= t.score <= 1.0
    assert model.predict("") == []


@pytest.mark.model
def test_classify_duplicate_span_gets_distinct_labels():
    from spinscope.techniques.model import load_model

    s = ARTICLE.index("corrupt elites")
    labels = load_model().classify_spans(ARTICLE, [(s, s + 14), (s, s + 14), (0, 8)])
    assert len(labels) == 3 and labels[0] != labels[1]
    assert all(x in TECHNIQUES for x in labels)


@pytest.mark.model
def test_stage_registered_and_fills_layer():
    from spinscope.registry import stages

    stage = stages.get("spinscope.techniques.v1")(model="accurate")
    assert stage.requires == ("text",) and stage.assigns == ("techniques",)
    art = stage(Article(source="t", text=ARTICLE))
    assert art.techniques and all(ARTICLE[t.start:t.end] == t.text for t in art.techniques)


@pytest.mark.model
def test_cli_semeval_formats(tmp_path, capsys):
    d = _ptc_dir(tmp_path)
    art = d / "articles"
    assert main(["techniques", str(art), "--format", "semeval-si"]) == 0
    si = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert si and all(len(r) == 3 and r[0] in {"123", "456"} and int(r[1]) < int(r[2]) for r in si)
    assert main(["techniques", str(art / "article123.txt"), "--format", "semeval-flc"]) == 0
    flc = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert flc and all(r[0] == "123" and r[1] in TECHNIQUES for r in flc)
    template = tmp_path / "tpl.tsv"
    template.write_text("123\t?\t0\t8\n123\t?\t45\t60\n")
    assert main(["techniques", str(art), "--format", "semeval-tc", "--spans", str(template)]) == 0
    tc = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [(r[0], r[2], r[3]) for r in tc] == [("123", "0", "8"), ("123", "45", "60")]
    assert all(r[1] in TECHNIQUES for r in tc)
    assert main(["techniques", str(art / "article123.txt")]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec[0]["id"] == "123" and isinstance(rec[0]["techniques"], list)


def test_unknown_model_is_a_clear_error():
    from spinscope.techniques.model import load_model

    with pytest.raises(Exception, match="E202"):
        load_model("no-such-model")


def test_cli_tc_needs_template(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("x\n")
    assert main(["techniques", str(f), "--format", "semeval-tc"]) == 2
    assert "E313" in capsys.readouterr().err


@pytest.mark.model
def test_eval_command_runs_on_fixture(tmp_path, capsys):
    d = _ptc_dir(tmp_path)
    assert main(["eval", "techniques", "--data", str(d), "--split", "train", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["n_articles"] == 1 and rep["tc"]["n_gold"] == 2
    assert 0.0 <= rep["si"]["f1"] <= 1.0


def test_every_cli_option_documented():
    import argparse

    from spinscope.commands import train as train_cmd
    from spinscope.eval import techniques as eval_cmd
    from spinscope.techniques import cli

    doc = (Path(__file__).parent.parent / "docs" / "techniques.md").read_text(encoding="utf-8")
    for module in (cli, eval_cmd):
        parser = argparse.ArgumentParser()
        module.add_arguments(parser)
        for action in parser._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in doc, f"{opt} of {module.__name__} not in docs/techniques.md"
    from spinscope.techniques import train as trainer

    parser = argparse.ArgumentParser()
    trainer.add_arguments(parser)
    for action in parser._actions:
        for opt in action.option_strings:
            if opt.startswith("--") and opt != "--help":
                assert opt in doc, f"{opt} of spinscope train techniques not in docs/techniques.md"
    assert train_cmd.TRAINERS["techniques"][0] == "spinscope.techniques.train"


@pytest.mark.model
def test_repetition_boost_only_touches_recurring_spans():
    from spinscope.techniques.model import load_model

    model = load_model("accurate")
    enc = model.encode(ARTICLE)
    s = ARTICLE.index("Make our")
    once = ARTICLE.index("corrupt elites")
    probs = model.span_probs(ARTICLE, enc, [(s, s + 27), (once, once + 14)], repetition_boost=1e6)
    plain = model.span_probs(ARTICLE, enc, [(s, s + 27), (once, once + 14)], repetition_boost=1.0)
    k = TECHNIQUES.index("Repetition")
    assert probs[0].argmax() == k
    assert np.allclose(probs[1], plain[1])
    assert np.allclose(probs.sum(axis=1), 1.0)
