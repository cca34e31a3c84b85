"""Clustering metrics of ``spinscope eval narratives`` on hand-made toy clusterings."""
from __future__ import annotations

import math
import random
from types import SimpleNamespace

import pytest

from spinscope.eval.narratives import (adjusted_rand, bcubed, load_wikiref, pairwise_prf, predicted_labels,
                                       round_robin, score, v_measure)

# gold: a a a b b      pred: x x y y y
#   contingency  a: x2 y1 ; b: y2
GOLD = ["a", "a", "a", "b", "b"]
PRED = ["x", "x", "y", "y", "y"]


def test_pairwise_on_toy():
    r = pairwise_prf(GOLD, PRED)
    # right pairs: (0,1) and (3,4); predicted pairs 1 + 3; gold pairs 3 + 1
    assert (r["true_pairs"], r["predicted_pairs"], r["gold_pairs"]) == (2, 4, 4)
    assert r["precision"] == pytest.approx(0.5)
    assert r["recall"] == pytest.approx(0.5)
    assert r["f1"] == pytest.approx(0.5)


def test_bcubed_on_toy():
    r = bcubed(GOLD, PRED)
    # precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    assert r["precision"] == pytest.approx(11 / 15)
    assert r["recall"] == pytest.approx(11 / 15)
    assert r["f1"] == pytest.approx(11 / 15)


def test_ari_on_toy():
    # index 2, expected 4 * 4 / 10 = 1.6, max 4 -> (2 - 1.6) / (4 - 1.6) = 1/6
    assert adjusted_rand(GOLD, PRED) == pytest.approx(1 / 6)


def test_v_measure_on_toy():
    h_g = -(0.6 * math.log(0.6) + 0.4 * math.log(0.4))
    h_g_given_p = 0.2 * math.log(3) + 0.4 * math.log(1.5)
    h = 1 - h_g_given_p / h_g
    r = v_measure(GOLD, PRED)
    assert r["homogeneity"] == pytest.approx(h)
    assert r["completeness"] == pytest.approx(h)  # the toy is symmetric
    assert r["v_measure"] == pytest.approx(h)


def test_perfect_and_relabelled():
    gold = ["a", "a", "b", "b", "b", "c"]
    pred = [7, 7, 3, 3, 3, 9]
    s = score(gold, pred)
    assert s["pairwise"]["f1"] == pytest.approx(1.0)
    assert s["bcubed"]["f1"] == pytest.approx(1.0)
    assert s["ari"] == pytest.approx(1.0)
    assert s["v_measure"] == pytest.approx(1.0)


def test_everything_in_one_cluster():
    gold = ["a", "a", "b", "b"]
    pred = ["x"] * 4
    s = score(gold, pred)
    assert s["pairwise"]["recall"] == pytest.approx(1.0)
    assert s["pairwise"]["precision"] == pytest.approx(2 / 6)
    assert s["bcubed"]["precision"] == pytest.approx(0.5)
    assert s["bcubed"]["recall"] == pytest.approx(1.0)
    assert s["ari"] == pytest.approx(0.0)
    assert s["homogeneity"] == pytest.approx(0.0)
    assert s["completeness"] == pytest.approx(1.0)
    assert s["v_measure"] == pytest.approx(0.0)


def test_all_singletons_predicted():
    gold = ["a", "a", "a", "b"]
    pred = ["s1", "s2", "s3", "s4"]
    s = score(gold, pred)
    assert s["pairwise"]["precision"] == 1.0  # no pair claimed, none wrong
    assert s["pairwise"]["recall"] == 0.0
    assert s["bcubed"]["precision"] == pytest.approx(1.0)
    assert s["bcubed"]["recall"] == pytest.approx((3 * (1 / 3) + 1) / 4)
    assert s["ari"] == pytest.approx(0.0)
    assert s["homogeneity"] == pytest.approx(1.0)


def test_matches_sklearn_on_random_partitions():
    metrics = pytest.importorskip("sklearn.metrics")  # dev cross-check only; not a runtime dependency
    rng = random.Random(7)
    for _ in range(30):
        n = rng.randint(2, 40)
        gold = [rng.randint(0, 4) for _ in range(n)]
        pred = [rng.randint(0, 6) for _ in range(n)]
        assert adjusted_rand(gold, pred) == pytest.approx(metrics.adjusted_rand_score(gold, pred), abs=1e-9)
        h, c, v = metrics.homogeneity_completeness_v_measure(gold, pred)
        r = v_measure(gold, pred)
        assert (r["homogeneity"], r["completeness"], r["v_measure"]) == pytest.approx((h, c, v), abs=1e-9)


def test_predicted_labels_unassigned_are_singletons():
    arts = [SimpleNamespace(source=s, ensure_id=lambda s=s: "id-" + s) for s in ("p", "q", "r", "t")]
    nars = [SimpleNamespace(article_ids=["id-q", "id-p"])]
    labels = predicted_labels(["p", "q", "r", "t", "missing"], arts, nars)
    assert labels[0] == labels[1] == "n0"
    assert len(set(labels[2:])) == 3 and all(x.startswith("single:") for x in labels[2:])


def test_wikiref_names_and_round_robin(tmp_path):
    for name in ("premier.league.3.txt", "premier.league.10.txt", "ParisAttacks2015 (2).txt", "U2.149.txt",
                 "notes.md"):
        (tmp_path / name).write_text("Title\n\nbody\n", encoding="utf-8")
    docs = load_wikiref(tmp_path)
    assert sorted(t for _, t in docs) == ["ParisAttacks2015", "U2", "premier.league", "premier.league"]
    picked = round_robin(docs, 3)
    assert sorted(t for _, t in picked) == ["ParisAttacks2015", "U2", "premier.league"]
