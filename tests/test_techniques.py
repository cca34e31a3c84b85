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
from spinscope.encoder import Segment, line_spans
from spinscope.techniques.encoding import extra_span_features, token_targets

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


# -- lexical head, decoding ------------------------------------------------------------------
def test_cue_features_shape_and_cues():
    from spinscope.techniques.lexical import N_CUES, cue_features

    s = ARTICLE.index("Make our")
    f = cue_features(ARTICLE, s, s + 27)
    assert f.shape == (N_CUES,) and f.dtype == np.float32
    assert f[7] == 1.0  # the slogan recurs in the article
    assert cue_features(ARTICLE, 0, 8)[7] == 0.0


def test_lexical_head_matches_sklearn_and_roundtrips(tmp_path):
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction.text import TfidfVectorizer

    from spinscope.techniques.lexical import LexicalHead, N_CUES, fit_lexical_head

    docs = load_ptc(_ptc_dir(tmp_path), "train")
    head = fit_lexical_head(docs, TECHNIQUES, c=1.0, min_df=1)
    spans = sorted({(x.start, x.end) for x in docs[0].labels})
    x = head.features(docs[0].text, spans)
    # the tf-idf block is sklearn's transform, column for column
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True).fit([docs[0].text[s:e] for s, e in spans])
    ref = vec.transform([docs[0].text[s:e] for s, e in spans]).toarray()
    order = [vec.vocabulary_[t] for t in head.vocab]
    assert np.allclose(x[:, :-N_CUES], ref[:, order], atol=1e-6)
    p = head.probs(docs[0].text, spans)
    assert p.shape == (len(spans), len(TECHNIQUES)) and np.allclose(p.sum(axis=1), 1.0)
    got = {TECHNIQUES[int(i)] for i in p.argmax(axis=1)}
    assert got == {"Slogans", "Loaded_Language"}
    head.save(tmp_path / "lexical_head.npz")
    again = LexicalHead.load(tmp_path / "lexical_head.npz")
    assert np.allclose(again.probs(docs[0].text, spans), p, atol=1e-6)


def _fake_encoded(probs):
    from spinscope.techniques.model import Encoded

    n = len(probs)
    starts = np.arange(n) * 4
    z = np.zeros(n, dtype=np.int64)
    return Encoded(starts, starts + 3, z, np.arange(n), np.asarray(probs, dtype=np.float64),
                   np.zeros((n, len(TECHNIQUES))), np.zeros((n, 4)), z, np.zeros((1, 4)))


@pytest.mark.model
def test_find_spans_hysteresis_gap_and_min_words():
    from spinscope.techniques.model import load_model

    m = load_model("fast")
    enc = _fake_encoded([0.1, 0.3, 0.6, 0.3, 0.1, 0.1, 0.5, 0.1])
    spans = lambda **kw: [(s, e) for s, e, _ in m.find_spans(enc, tech_weight=0.0, **kw)]
    assert spans(threshold=0.5, threshold_low=0.5, max_gap_words=0, min_words=1) == [(8, 11), (24, 27)]
    # hysteresis grows a span forwards over words passing the low threshold (never backwards)
    assert spans(threshold=0.5, threshold_low=0.25, max_gap_words=0, min_words=1) == [(8, 15), (24, 27)]
    assert spans(threshold=0.5, threshold_low=0.25, max_gap_words=0, min_words=2) == [(8, 15)]
    # a gap of two words bridges to the next span
    assert spans(threshold=0.5, threshold_low=0.25, max_gap_words=2, min_words=1) == [(8, 27)]


@pytest.mark.model
def test_combine_lexical_weight_zero_is_neural_only():
    from spinscope.techniques.model import load_model

    m = load_model()
    enc = m.encode(ARTICLE)
    spans = [(0, 8), (ARTICLE.index("corrupt"), ARTICLE.index("corrupt") + 14)]
    parts = m.span_components(ARTICLE, enc, spans)
    base = m.combine(parts, 0.0, 1.0, 0.0)
    assert np.allclose(base, parts["head"])
    if parts["lexical"] is not None:
        mixed = m.combine(parts, 0.0, 1.0, 1.0)
        ref = parts["head"] * parts["lexical"]
        assert np.allclose(mixed, ref / ref.sum(axis=1, keepdims=True), atol=1e-6)
    assert np.allclose(m.span_probs(ARTICLE, enc, spans), m.combine(parts))


@pytest.mark.model
def test_find_spans_mixes_technique_probabilities():
    from spinscope.techniques.model import load_model

    m = load_model("fast")
    enc = _fake_encoded([0.4, 0.1, 0.1])
    enc.tech_logits[0, 3] = 5.0  # one technique is sure about the first word
    assert m.find_spans(enc, threshold=0.5, threshold_low=0.5, max_gap_words=0, min_words=1, tech_weight=0.0) == []
    found = m.find_spans(enc, threshold=0.5, threshold_low=0.5, max_gap_words=0, min_words=1, tech_weight=0.5)
    assert [(s, e) for s, e, _ in found] == [(0, 3)]


@pytest.mark.model
def test_retune_writes_lexical_head(tmp_path):
    pytest.importorskip("sklearn")
    from spinscope.techniques.model import TechniqueModel
    from spinscope.techniques.train import retune

    (tmp_path / "ptc").mkdir()
    out = retune(_ptc_dir(tmp_path / "ptc"), "fast", tmp_path / "m", heldout=0, log=lambda msg: None)
    assert (out / "lexical_head.npz").exists() and (out / "encoder.onnx").exists()
    m = TechniqueModel(out)
    assert m.lexical is not None and json.loads((out / "config.json").read_text())["training"]["lexical_head"]["articles"] == 1
    assert all(t.technique in TECHNIQUES for t in m.predict(ARTICLE))


def test_one_sentence_per_line_keeps_offsets():
    from spinscope.sentences import one_sentence_per_line

    text = ("The corrupt elites betrayed us. Mr. Smith met U.S. officials on Monday! “Why?” Trump asked. "
            "Fine.\nA new paragraph.  Two spaces.")
    out = one_sentence_per_line(text)
    assert len(out) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, out)) if a != b] == [
        text.index(" Mr."), text.index(" “Why"), text.index(" Fine"), text.index("  Two")]
    assert out.splitlines() == ["The corrupt elites betrayed us.", "Mr. Smith met U.S. officials on Monday!",
                                "“Why?” Trump asked.", "Fine.", "A new paragraph.", " Two spaces."]
    assert one_sentence_per_line("One line only") == "One line only"


@pytest.mark.model
@pytest.mark.parametrize("name", ["accurate", "fast"])
def test_model_reads_a_paragraph_as_its_sentences(name):
    # Trained on one sentence a line (PTC); real news has paragraphs. Same spans, same offsets,
    # same techniques whichever way the text is laid out.
    from spinscope.techniques.model import load_model

    model = load_model(name)
    body = ARTICLE.split("\n\n", 1)[1]
    paragraph = body.replace("\n", " ").strip()
    as_lines = "\n".join(body.strip().splitlines())
    assert len(paragraph) == len(as_lines)
    got = [(t.start, t.end, t.technique) for t in model.predict(paragraph)]
    assert got and got == [(t.start, t.end, t.technique) for t in model.predict(as_lines)]
    spans = [(0, 20), (32, 60)]
    assert model.classify_spans(paragraph, spans) == model.classify_spans(as_lines, spans)


def test_spans_snap_to_whole_words():
    from spinscope.techniques.model import snap_to_words

    text = "the party’s outrage over anti-Trump witch hunts, he said."
    cut = lambda s, e: text.__getitem__(slice(*snap_to_words(text, s, e)))  # noqa: E731
    assert cut(text.index("s outrage"), text.index(" over")) == "outrage"
    assert cut(text.index("Trump"), text.index(" witch")) == "anti-Trump"
    assert cut(text.index("witch"), text.index("hunts") + 3) == "witch hunts"
    assert cut(text.index("party"), text.index(" over")) == "party’s outrage"
    s = text.index("’s")
    assert snap_to_words(text, s + 1, s + 2)[0] >= s + 2  # nothing left of a lone possessive
    quoted = 'sanctions are "crippling" the economy'
    assert quoted.__getitem__(slice(*snap_to_words(quoted, 14, 29))) == '"crippling"'  # no dangling "the"


def test_paragraph_layout_keeps_the_gold_spans_text():
    from spinscope.eval.techniques import as_paragraphs
    from spinscope.techniques.data import PTCDocument

    text = "A title\n\nFirst sentence here.\nSecond one is loaded.\nThird.\nFourth line.\nFifth.\nSixth!\n"
    s = text.index("loaded")
    doc = PTCDocument("1", text, [Label("Loaded_Language", s, s + 6), Label("Doubt", 0, 7)])
    para = as_paragraphs(doc)
    assert para.text.startswith("A title\n\n") and para.text.count("\n\n") >= 2
    assert "First sentence here. Second one is loaded." in para.text.replace("\n\n", " ")
    assert [para.text[x.start:x.end] for x in para.labels] == ["loaded", "A title"]
    assert as_paragraphs(doc).text == para.text  # seeded: the same layout every run


def test_eval_command_takes_a_paragraph_layout(tmp_path, capsys):
    d = _ptc_dir(tmp_path)
    assert main(["eval", "techniques", "--data", str(d), "--split", "train", "--layout", "paragraphs", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["layout"] == "paragraphs" and rep["n_articles"] == 1 and rep["tc"]["n_gold"] == 2
