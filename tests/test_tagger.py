"""Tests for the learned attribution tagger: targets, decoding and its use by the extractor."""
from __future__ import annotations

import numpy as np
import pytest

from spinscope.attribution.brat import parse_ann
from spinscope.attribution.extract import AttributionExtractor, ExtractorOptions
from spinscope.attribution.tagger import ROLES, Tagged, resolve_tagger_path, targets
from spinscope.errors import SpinscopeError
from spinscope.encoder import Segment


def _tagged(words: list[tuple[int, int]], probs: list[list[float]], lines: list[int] | None = None) -> Tagged:
    return Tagged(np.array([s for s, _ in words]), np.array([e for _, e in words]),
                  np.array(lines or [0] * len(words)), np.array(probs, dtype=float))


def test_targets_mark_begin_and_inside_per_role() -> None:
    # "He said it rained" as four one-piece words
    seg = Segment([1, 2, 3, 4], np.array([0, 3, 8, 11]), np.array([2, 7, 10, 17]), [0, 1, 2, 3])
    gold = parse_ann("T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 17\tit rained\n"
                     "T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    y = targets(seg, gold)
    cue, src, con = (ROLES.index(r) for r in ("Cue", "Source", "Content"))
    assert y[:, 2 * src + 1].tolist() == [1, 0, 0, 0] and y[:, 2 * src].tolist() == [1, 0, 0, 0]
    assert y[:, 2 * cue + 1].tolist() == [0, 1, 0, 0]
    assert y[:, 2 * con + 1].tolist() == [0, 0, 1, 1] and y[:, 2 * con].tolist() == [0, 0, 1, 0]


def test_spans_split_on_begin_and_on_line_change() -> None:
    k = 2 * ROLES.index("Content")
    rows = []
    for begin, inside in [(0.9, 0.9), (0.1, 0.8), (0.8, 0.9), (0.1, 0.2), (0.1, 0.9), (0.1, 0.9)]:
        r = [0.0] * 6
        r[k], r[k + 1] = begin, inside
        rows.append(r)
    t = _tagged([(0, 3), (4, 7), (8, 11), (12, 15), (16, 19), (20, 23)], rows, [0, 0, 0, 0, 0, 1])
    spans = [(s.start, s.end) for s in t.spans("Content", 0.5)]
    # word 2 begins a new span; word 3 is outside; words 4 and 5 sit on different lines
    assert spans == [(0, 7), (8, 11), (16, 19), (20, 23)]
    assert t.prob_at("Content", 12, 15) == pytest.approx(0.2)
    assert t.prob_at("Cue", 0, 23) == 0.0


def test_unknown_tagger_directory_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(SpinscopeError) as e:
        resolve_tagger_path(str(tmp_path / "nope"))
    assert e.value.code == "E202"


def test_shipped_tagger_finds_nominal_and_verbal_cues() -> None:
    ex = AttributionExtractor(options=ExtractorOptions(tagger="accurate"))
    assert ex.tagger is not None
    text = ("The senator dismissed the report as a partisan stunt. "
            "Her spokesman told reporters on Monday that the committee would not meet again.")
    atts = ex(text)
    cues = {a.cue.text for a in atts if a.cue}
    assert any("dismissed" in c for c in cues)
    assert any("told" in c for c in cues)
    told = next(a for a in atts if a.cue and "told" in a.cue.text)
    assert told.source is not None and "spokesman" in told.source.text
    assert "committee would not meet" in told.content.text


def test_fast_extractor_has_no_tagger() -> None:
    ex = AttributionExtractor(options=ExtractorOptions(tagger="fast"))
    assert ex.tagger is None
    atts = ex("“We will not leave,” he said, “until the last family is safe.”")
    assert len(atts) == 1 and atts[0].kind == "direct"


def test_probs_at_takes_the_largest_over_overlapping_words() -> None:
    rows = [[0.1, 0.2, 0.0, 0.0, 0.0, 0.0], [0.9, 0.7, 0.0, 0.3, 0.0, 0.0], [0.0, 0.4, 0.0, 0.0, 0.8, 0.6]]
    t = _tagged([(0, 3), (4, 8), (9, 12)], rows)
    assert t.probs_at(4, 8).tolist() == rows[1]
    assert t.probs_at(2, 10).tolist() == [0.9, 0.7, 0.0, 0.3, 0.8, 0.6]  # words 0-2 overlap
    assert t.probs_at(3, 4).tolist() == [0.0] * 6  # the space between two words
    assert t.probs_at(13, 20).tolist() == [0.0] * 6


def test_tagger_aware_boundary_model_reads_the_tagger_only_when_trained_with_it() -> None:
    from spinscope.attribution import boundary
    from spinscope.nlp import get_nlp

    doc = get_nlp()("She threatened to veto the bill.")
    core = (1, 1)  # "threatened"
    # a model that extends the cue over a token exactly when the tagger puts it inside the cue
    model = {"intercept": -3.0, "weights": {"R_t_cin=5": 6.0, "L_t_cin=5": 6.0}, "tagger": True}
    inside_to = _tagged([(t.idx, t.idx + len(t.text)) for t in doc],
                        [[0, 0.95 if t.i in (1, 2) else 0.01, 0, 0, 0, 0] for t in doc])
    outside = _tagged([(t.idx, t.idx + len(t.text)) for t in doc],
                      [[0, 0.95 if t.i == 1 else 0.01, 0, 0, 0, 0] for t in doc])
    assert boundary.decide(model, doc, core, core, inside_to, 0) == (1, 2)  # "threatened to"
    assert boundary.decide(model, doc, core, core, outside, 0) == (1, 1)
    assert boundary.decide(dict(model, tagger=False), doc, core, core, inside_to, 0) == (1, 1)


@pytest.mark.parametrize("vocab, expected", [
    ({"[PAD]": 0, "[UNK]": 100, "[CLS]": 101, "[SEP]": 102, "news": 7}, (101, 102, 0)),  # BERT, MiniLM
    ({"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "news": 7}, (0, 2, 1)),  # MPNet, RoBERTa
])
def test_special_ids_follow_the_tokenizers_vocabulary(vocab, expected) -> None:
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel

    from spinscope.encoder import special_ids

    unk = "[UNK]" if "[UNK]" in vocab else "<unk>"
    assert special_ids(Tokenizer(WordLevel(vocab, unk_token=unk))) == expected
