"""The streaming pipeline: registry swap, per-article failures, workers, store and resume."""
from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.commands.analyze import analyze
from spinscope.errors import SpinscopeError
from spinscope.model import Article
from spinscope.pipeline import Pipeline, PipelineConfig
from spinscope.registry import stages
from spinscope.store import Store

CALLS: list[str] = []
CRASH_ON: set[str] = set()


class Boom(BaseException):
    """Stands in for a hard crash (kill, power loss): not an ordinary stage error."""


@stages.register("test.counter.v1")
def make_counter(*, fail_on: str = "") -> object:
    class Counter:
        name = "counter"
        requires = ("text",)
        assigns = ("meta",)

        def __call__(self, article: Article) -> Article:
            CALLS.append(article.title or "")
            if article.title in CRASH_ON:
                raise Boom()
            if fail_on and fail_on in article.text:
                raise ValueError("this article upset the counter")
            article.meta["counted"] = True
            return article

    return Counter()


def light_config(**options) -> PipelineConfig:
    return PipelineConfig(stages=[
        {"name": "clean", "factory": "spinscope.clean.v1"},
        {"name": "counter", "factory": "test.counter.v1", "options": options},
    ], corpus_stages=[])


def write_corpus(tmp_path: Path, n: int = 6) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(n):
        (d / f"a{i}.txt").write_text(
            f"Story number {i}\n\nThe river rose by {i} metres overnight, officials said. "
            f"Shops on street {i} stayed shut while crews pumped water out.\n", encoding="utf-8")
    return d


@pytest.fixture(autouse=True)
def _reset():
    CALLS.clear()
    CRASH_ON.clear()


def test_a_failing_stage_is_recorded_on_its_article_and_the_batch_goes_on(tmp_path):
    d = write_corpus(tmp_path, 4)
    (d / "a2.txt").write_text("Bad one\n\nThis text has the word KABOOM in it, which the counter hates.\n")
    res = analyze([str(d)], light_config(fail_on="KABOOM"))
    assert len(res.articles) == 4 and not res.rejected
    bad = [a for a in res.articles if a.errors]
    assert [a.title for a in bad] == ["Bad one"]
    (err,) = bad[0].errors
    assert err.stage == "counter" and err.code == "E201" and "upset the counter" in err.message
    assert all(a.meta.get("counted") for a in res.articles if not a.errors)


def test_unknown_stage_name_and_missing_requirement_are_clear_errors():
    with pytest.raises(SpinscopeError) as e:
        Pipeline(PipelineConfig(stages=[{"name": "x", "factory": "nope.v9"}], corpus_stages=[]))
    assert e.value.code == "E010" and "nope.v9" in e.value.message
    with pytest.raises(SpinscopeError) as e:  # speakers needs entities and attributions
        Pipeline(PipelineConfig(stages=[{"name": "clean", "factory": "spinscope.clean.v1"},
                                        {"name": "speakers", "factory": "spinscope.speakers.v1"}],
                                corpus_stages=[]))
    assert e.value.code == "E011" and "speakers" in e.value.message


def test_a_stage_can_be_swapped_by_configuration(tmp_path):
    @stages.register("test.upper_clean.v1")
    def make_upper():
        class Upper:
            name = "clean"
            requires = ("raw_text",)
            assigns = ("text",)

            def __call__(self, a: Article) -> Article:
                a.text = a.raw_text.strip().upper()
                return a
        return Upper()

    d = write_corpus(tmp_path, 1)
    cfg = PipelineConfig(stages=[{"name": "clean", "factory": "test.upper_clean.v1"}], corpus_stages=[])
    (a,) = analyze([str(d)], cfg).articles
    assert a.text.startswith("THE RIVER ROSE BY 0 METRES")


def test_two_workers_give_the_same_articles_in_the_same_order(tmp_path):
    d = write_corpus(tmp_path, 7)
    one = analyze([str(d)], light_config(), workers=1).articles
    two = analyze([str(d)], light_config(), workers=2).articles
    assert [a.to_dict() for a in one] == [a.to_dict() for a in two]
    assert [a.title for a in two] == [f"Story number {i}" for i in range(7)]


def test_a_crashed_batch_resumes_without_redoing_or_duplicating_work(tmp_path):
    d = write_corpus(tmp_path, 6)
    db = tmp_path / "store.sqlite"
    CRASH_ON.add("Story number 3")
    store = Store(db)
    with pytest.raises(Boom):
        analyze([str(d)], light_config(), store=store)
    store.close()
    assert CALLS == [f"Story number {i}" for i in range(4)]
    CALLS.clear()
    CRASH_ON.clear()
    store = Store(db)
    assert store.count() == 3  # the three finished before the crash were kept
    res = analyze([str(d)], light_config(), store=store)
    assert CALLS == ["Story number 3", "Story number 4", "Story number 5"]
    assert res.reused == 3 and len(res.articles) == 6
    assert store.count() == 6
    CALLS.clear()
    again = analyze([str(d)], light_config(), store=store)
    assert CALLS == [] and again.reused == 6
    assert [a.to_dict() for a in again.articles] == [a.to_dict() for a in res.articles]
    store.close()


def test_two_workers_with_a_store_resume_too(tmp_path):
    d = write_corpus(tmp_path, 5)
    (d / "blank.txt").write_text("  ")
    store = Store(tmp_path / "s.sqlite")
    first = analyze([str(d)], light_config(), workers=2, store=store)
    again = analyze([str(d)], light_config(), workers=2, store=store)
    assert len(first.articles) == 5 and again.reused == 5 and len(again.rejected) == 1
    assert store.count() == 5
    store.close()


def test_changed_input_or_configuration_is_analysed_again(tmp_path):
    d = write_corpus(tmp_path, 2)
    store = Store(tmp_path / "s.sqlite")
    analyze([str(d)], light_config(), store=store)
    (d / "a1.txt").write_text("Story number 1\n\nA corrected text: the river rose by two metres.\n")
    CALLS.clear()
    analyze([str(d)], light_config(), store=store)
    assert CALLS == ["Story number 1"]
    CALLS.clear()
    analyze([str(d)], light_config(fail_on="never-there"), store=store)  # other options
    assert len(CALLS) == 2
    store.close()


def test_rejections_are_stored_and_reported(tmp_path):
    d = write_corpus(tmp_path, 1)
    (d / "blank.txt").write_text("   \n")
    (d / "debris.txt").write_text("Only debris\n\nShare this:\nFacebook\nTwitter\n")
    store = Store(tmp_path / "s.sqlite")
    res = analyze([str(d)], light_config(), store=store)
    assert sorted((Path(r.source).name, r.code) for r in res.rejected) == [("blank.txt", "E103"), ("debris.txt", "E109")]
    rows = store.conn.execute("SELECT source, code FROM rejected ORDER BY source").fetchall()
    assert [(Path(s).name, c) for s, c in rows] == [("blank.txt", "E103"), ("debris.txt", "E109")]
    store.close()


def test_fingerprint_follows_the_contents_of_user_files(tmp_path, monkeypatch):
    """Editing an alias table a stage reads must invalidate stored results made with it."""
    from spinscope.pipeline import PipelineConfig

    monkeypatch.delenv("SPINSCOPE_ALIASES", raising=False)
    table = tmp_path / "aliases.tsv"
    table.write_text("Acme Corp\tORG\tAcme\n", encoding="utf-8")
    config = PipelineConfig()
    for spec in config.stages:
        if spec.get("factory") == "spinscope.entities.v1":
            spec.setdefault("options", {})["aliases_path"] = str(table)
    before = config.fingerprint()
    assert config.fingerprint() == before
    table.write_text("Acme Corp\tORG\tAcme\tACME\n", encoding="utf-8")
    assert config.fingerprint() != before
    # the environment variable counts as well
    plain = PipelineConfig().fingerprint()
    monkeypatch.setenv("SPINSCOPE_ALIASES", str(table))
    assert PipelineConfig().fingerprint() != plain


def test_the_statement_scorer_counts_found_right_and_extra(tmp_path: Path) -> None:
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("eval_statements", Path(__file__).parents[1] / "bench" / "eval_statements.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    (tmp_path / "a.txt").write_text(
        "Talks\n\nDefense analyst Victor Litovkin told RT that the talks had failed. Critics say the plan is "
        "doomed. The weather was fine.\n", encoding="utf-8")
    gold = [{"speaker": "Victor Litovkin", "description": "a defense analyst", "cue": "told", "medium": "RT", "unnamed": False,
             "content_start": "that the talks had failed"},
            {"speaker": "Critics", "cue": "say", "medium": None, "unnamed": True, "content_start": "the plan is doomed"},
            {"speaker": "Nobody", "cue": "said", "medium": None, "unnamed": False, "content_start": "the weather was fine"}]
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    t = mod.score(tmp_path)
    assert (t["gold"], t["found"], t["speaker"], t["cue"], t["medium"], t["unnamed"], t["extra"]) == (3, 2, 2, 2, 2, 2, 0)
    assert t["description"] == 2  # "Defense analyst" ~ "a defense analyst"; none for the critics
    assert mod._same_description("head of a mid-sized installation company", "who runs a mid-sized installation company")
    assert not mod._same_description("Dr.", "a German microbiologist")
    assert not mod._same_description(None, "prosecutor") and mod._same_description(None, "")


@stages.register("test.sleeper.v1")
def make_sleeper(*, seconds: float = 30.0, word: str = "SLOW") -> object:
    import time

    class Sleeper:
        name = "sleeper"
        requires = ("text",)
        assigns = ("meta",)

        def __call__(self, article: Article) -> Article:
            if word in article.text:
                try:
                    time.sleep(seconds)
                except Exception:  # a stage's own catch-all must not swallow the time limit
                    pass
            article.meta["slept"] = True
            return article

    return Sleeper()


def test_an_article_past_the_time_limit_is_stopped_reported_and_not_stored(tmp_path):
    d = write_corpus(tmp_path, 3)
    (d / "a1.txt").write_text("Slow one\n\nThis SLOW text keeps the sleeper busy, officials said.\n", encoding="utf-8")
    config = PipelineConfig(stages=[
        {"name": "clean", "factory": "spinscope.clean.v1"},
        {"name": "sleeper", "factory": "test.sleeper.v1"},
        {"name": "counter", "factory": "test.counter.v1"},
    ], corpus_stages=[], article_timeout=0.5)
    store = Store(tmp_path / "s.sqlite")
    res = analyze([str(d)], config, store=store)
    assert len(res.articles) == 3 and not res.rejected
    (slow,) = [a for a in res.articles if a.title == "Slow one"]
    (err,) = slow.errors
    assert err.code == "E203" and err.stage == "sleeper" and "0.5 s" in err.message
    from spinscope.render import render

    assert "! stage sleeper stopped [E203]" in render(res, "text")
    assert "counted" not in slow.meta and "slept" not in slow.meta  # later stages skipped
    assert all(a.meta.get("counted") and not a.errors for a in res.articles if a is not slow)
    # the finished articles are stored and reused; the stopped one is tried again
    CALLS.clear()
    again = analyze([str(d)], config, store=store)
    assert again.reused == 2 and CALLS == []  # (the counter never ran: the retry stopped again)
    assert [e.code for a in again.articles for e in a.errors] == ["E203"]


def test_the_time_limit_changes_nothing_for_articles_within_it(tmp_path):
    d = write_corpus(tmp_path, 2)
    plain = analyze([str(d)], light_config())
    limited_config = light_config()
    limited_config.article_timeout = 60
    limited = analyze([str(d)], limited_config)
    assert [a.to_dict() for a in plain.articles] == [a.to_dict() for a in limited.articles]
    assert limited_config.fingerprint() == light_config().fingerprint()
