"""The corpus stage spinscope.narratives.v1: narrative clusters and reposts.

Unit tests build small analysed articles by hand (invented places, outlets and people;
no copied text). One integration test reads the full-pipeline run over examples/ from
the session fixture in conftest.py.
"""
from __future__ import annotations

import hashlib
import itertools
import random

import numpy as np
import pytest

from spinscope.errors import SpinscopeError
from spinscope.model import Article, Attribution, Entity, Span
from spinscope.narratives.cluster import SimilarityGraph, average_link
from spinscope.narratives.reposts import detect_reposts, find_note
from spinscope.narratives.similarity import PairDots, SharedFeaturePairs, tfidf
from spinscope.narratives.stage import make_narratives
from spinscope.registry import corpus_stages

# --- hand-made articles ------------------------------------------------------------------

PLACES = ("Velmar", "Orsk", "Kestany", "Pradel", "Lumen", "Harrowgate", "Saltmere", "Brissac", "Dunmore")


def art(title: str, text: str, outlet: str | None, published: str | None,
        speakers: tuple[tuple[str, str | None], ...] = (), source: str | None = None) -> Article:
    """An analysed article: entities for the invented place names and named speakers."""
    a = Article(source=source or f"{outlet}-{title}.txt", text=text, title=title, outlet=outlet,
                published=published)
    for name in PLACES:
        start = text.find(name)
        while start >= 0:
            a.entities.append(Entity(start, start + len(name), name, "GPE", name))
            start = text.find(name, start + 1)
    for name, medium in speakers:
        start = text.find(name)
        assert start >= 0, name
        a.entities.append(Entity(start, start + len(name), name, "PERSON", name))
        a.attributions.append(Attribution(
            speaker=name, speaker_description=None, source=Span.of(text, start, start + len(name)),
            cue=None, content=Span.of(text, 0, min(len(text), 40)), kind="indirect", medium=medium,
            speaker_entity=name, speaker_label="PERSON"))
    a.ensure_id()
    return a


DAM_1 = art(
    "Experts: Orsk navy blew up the Velmar dam to flood the valley",
    "The collapse of the Velmar dam last week was no accident, two experts told Radio Kest. "
    "Engineer Tomas Brill said the dam wall showed marks of explosive charges placed below the waterline. "
    "Naval divers from Orsk had been seen near the reservoir days before the flood, he said. "
    "Historian Ilka Varne told Radio Kest the sabotage was meant to drown the farms of the Velmar valley "
    "and push the villagers out before the spring harvest. The Orsk admiralty denied any role.",
    "Radio Kest", "2025-05-02", speakers=(("Tomas Brill", "Radio Kest"), ("Ilka Varne", "Radio Kest")))
DAM_2 = art(
    "Who really broke the Velmar dam?",
    "Questions are mounting over the Velmar dam disaster. Speaking to Radio Kest, engineer Tomas Brill "
    "pointed to explosive damage on the dam wall under the waterline, and said Orsk navy divers were "
    "spotted at the reservoir shortly before the flood. The aim, according to analysts, was to empty the "
    "Velmar valley of its farmers before harvest. Orsk has called the claims absurd, yet the admiralty "
    "has not explained what its divers were doing at the reservoir.",
    "The Lumen Courier", "2025-05-05", speakers=(("Tomas Brill", "Radio Kest"),))
DAM_3 = art(
    "Velmar flood: sabotage by Orsk divers, says historian",
    "Historian Ilka Varne has repeated her claim that divers from the Orsk navy sabotaged the Velmar dam. "
    "In an interview with Radio Kest she said the flood was planned to drive farmers off the valley "
    "before the harvest, and that explosive charges had been fixed to the dam wall beneath the waterline. "
    "The Orsk admiralty rejects the accusation. Villagers from the flooded valley remain in shelters.",
    "Pradel Today", "2025-05-09", speakers=(("Ilka Varne", "Radio Kest"),))

CHEESE = art(
    "Saltmere cheese fair draws record crowds",
    "The annual cheese fair in Saltmere drew more than twenty thousand visitors over the weekend. "
    "Stallholders sold aged goat cheese, smoked rounds and soft blue wheels from mountain dairies. "
    "Organiser Marta Quell said the tasting tent ran out of bread by noon on Saturday, and that next "
    "year the fair will move to the larger market square beside the harbour.",
    "Saltmere Gazette", "2025-05-03", speakers=(("Marta Quell", None),))
FOOTBALL = art(
    "Brissac United win the cup on penalties",
    "Brissac United lifted the national cup after beating Dunmore Rovers on penalties in front of a "
    "sold-out stadium. Goalkeeper Ivo Stens saved two spot kicks after a goalless draw in which both "
    "strikers hit the crossbar. Manager Petra Lanz praised the defence and dedicated the trophy to the "
    "supporters who travelled overnight by coach.",
    "Sport Daily", "2025-05-04", speakers=(("Petra Lanz", None),))
SOFTWARE = art(
    "Harrowgate startup releases open-source database engine",
    "A Harrowgate software company has released the source code of its database engine under a "
    "permissive licence. The engine stores time series from factory sensors and compresses them on "
    "disk. Chief engineer Dara Holm said the team wanted outside developers to audit the storage format "
    "and write client libraries for more programming languages.",
    "Tech Weekly", "2025-05-06", speakers=(("Dara Holm", None),))

CORPUS = [DAM_1, CHEESE, DAM_2, FOOTBALL, DAM_3, SOFTWARE]

LONG_STORY = (
    "The regional council of Kestany voted on Tuesday to close the old coal harbour by the end of the decade. "
    "Councillors argued that the quays are crumbling and that dredging the channel every spring costs more "
    "than the harbour earns from the few barges that still call there.\n"
    "Dock workers gathered outside the council hall with banners and asked for retraining money before any "
    "closure date is fixed. Their union said about three hundred jobs depend on the harbour directly and "
    "many more in the repair yards along the river.\n"
    "The council promised a fund for retraining and said a park and a ferry terminal could replace the coal "
    "quays. A public consultation on the plans will open in the autumn and run for twelve weeks.\n"
    "Shipping firms said they would move their remaining barges to the deep-water port at Dunmore, which "
    "is already expanding its container terminal with money from a national infrastructure programme.")


def stage(**options):
    return make_narratives(**options)


def by_title(narrative, articles):
    titles = {a.id: a.title for a in articles}
    return {titles[i] for i in narrative.article_ids}


# --- clustering --------------------------------------------------------------------------

def test_registered_under_versioned_name():
    assert corpus_stages.get("spinscope.narratives.v1") is make_narratives


def test_groups_the_storyline_and_leaves_unrelated_stories_out():
    narratives = stage()(list(CORPUS))
    assert len(narratives) == 1
    n = narratives[0]
    assert by_title(n, CORPUS) == {DAM_1.title, DAM_2.title, DAM_3.title}
    assert n.outlets == sorted(["Radio Kest", "The Lumen Courier", "Pradel Today"])
    assert n.dates == ["2025-05-02", "2025-05-05", "2025-05-09"]
    assert n.article_ids == [DAM_1.id, DAM_2.id, DAM_3.id]  # by date
    assert n.media == ["Radio Kest"]
    assert {"Tomas Brill", "Ilka Varne"} <= set(n.speakers)
    assert "Velmar" in n.entities and "Orsk" in n.entities
    assert "Velmar" in n.label and " · " in n.label
    assert "dam" in n.keywords
    assert "kest" not in n.keywords  # words of the medium's name are not keywords


def test_neutral_report_on_the_same_event_is_not_in_the_narrative():
    # Same place, same flood, no sabotage claim and no shared source: topic, not storyline.
    relief = art(
        "Aid reaches Velmar valley flood shelters",
        "Relief convoys reached the shelters of the Velmar valley on Thursday, a week after the dam collapsed "
        "and flooded dozens of farms. Regional governor Anja Poll told reporters that engineers are still "
        "inspecting what remains of the dam wall and that the cause of the failure will be known within a "
        "month. About four thousand villagers remain in school gyms and tents. Farmers fear the silt left by "
        "the flood will ruin this year's harvest.",
        "Kestany Wire", "2025-05-06", speakers=(("Anja Poll", "reporters"),))
    [n] = stage()(CORPUS + [relief])
    assert relief.id not in n.article_ids
    assert len(n.article_ids) == 3


def test_result_does_not_depend_on_input_order():
    expected = [n.to_dict() for n in stage()(list(CORPUS))]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = list(CORPUS)
        rng.shuffle(shuffled)
        assert [n.to_dict() for n in stage()(shuffled)] == expected


def test_narrative_id_is_a_hash_of_the_sorted_article_ids():
    n = stage()(list(CORPUS))[0]
    ids = sorted([DAM_1.id, DAM_2.id, DAM_3.id])
    assert n.id == "n-" + hashlib.sha256("\n".join(ids).encode()).hexdigest()[:12]


def test_empty_corpus_and_single_article():
    assert stage()([]) == []
    assert stage()([DAM_1]) == []


def test_unrelated_articles_make_no_narrative():
    assert stage()([CHEESE, FOOTBALL, SOFTWARE]) == []


def test_min_outlets_option():
    # The same storyline in two articles of one outlet is a narrative by default...
    a = art("Velmar dam sabotage claim", DAM_1.text, "Radio Kest", "2025-05-02",
            speakers=(("Tomas Brill", "Radio Kest"),))
    b = art("More on the Velmar dam", DAM_3.text, "Radio Kest", "2025-05-09",
            speakers=(("Ilka Varne", "Radio Kest"),))
    assert len(stage()([a, b])) == 1
    # ... but not when two outlets are required.
    assert stage(min_outlets=2)([a, b]) == []


def test_stub_articles_do_not_cluster():
    a = art("Note", "Extra words here.", "A", "2025-01-01")
    b = art("Note", "Extra words here!", "B", "2025-01-02")
    assert stage()([a, b]) == []


def test_unknown_option_is_a_config_error():
    with pytest.raises(SpinscopeError) as e:
        make_narratives(treshold=0.3)
    assert e.value.code == "E012"


@pytest.mark.parametrize("accumulator", [0, 8, 10**9])  # sort the pair keys / either / one slot per pair
def test_shared_feature_pairs_match_dense_computation(accumulator, monkeypatch):
    monkeypatch.setattr("spinscope.narratives.similarity.DENSE_ACCUMULATOR", accumulator)
    rng = random.Random(1)
    words = [f"w{c}" for c in "abcdefghijklmnop"]
    docs = [{w: rng.randint(1, 4) for w in rng.sample(words, rng.randint(1, 8))} for _ in range(30)]
    vec = tfidf(docs)
    dense = np.zeros((vec.n, len(vec.features)))
    dense[vec.rows, vec.cols] = vec.vals
    expected = dense @ dense.T
    eligible = np.ones(vec.n, dtype=bool)
    eligible[[3, 11]] = False  # these take part in no pair
    expected[~eligible, :] = 0
    expected[:, ~eligible] = 0
    df = np.bincount(vec.cols[eligible[vec.rows]], minlength=len(vec.features))
    for max_df in (None, 12, 5, 2):  # every feature enumerated, then fewer and fewer
        keys, dots = SharedFeaturePairs(vec, eligible, max_df).dots(0, vec.n)
        i, j = np.divmod(keys, vec.n)
        assert (i < j).all()
        used = dense * (df <= (max_df or vec.n))  # the dot over the enumerated features only
        over_used = used @ used.T
        assert np.allclose(dots, over_used[i, j], atol=1e-12)
        found = np.zeros_like(expected, dtype=bool)
        found[i, j] = True
        assert (found == np.triu((over_used > 0) & (expected > 0), 1)).all()  # all such pairs, no other
    # Groups: only pairs inside one group, with their full dot products.
    group = np.array([k % 3 for k in range(vec.n)])
    shared = SharedFeaturePairs(vec, eligible, None, group)
    parts = [shared.dots(r, min(r + 7, vec.n)) for r in range(0, vec.n, 7)]  # in blocks of rows
    keys, dots = np.concatenate([k for k, _ in parts]), np.concatenate([d for _, d in parts])
    i, j = np.divmod(keys, vec.n)
    assert (group[i] == group[j]).all() and np.allclose(dots, expected[i, j], atol=1e-12)
    assert len(keys) == np.count_nonzero(np.triu(expected * (group[:, None] == group[None, :]), 1))
    assert np.allclose(PairDots(vec)(np.array([0, 1]), np.array([5, 2])), [expected[0, 5], expected[1, 2]])


def _graph(sim: np.ndarray) -> SimilarityGraph:
    i, j = np.nonzero(np.triu(sim, 1))
    return SimilarityGraph(len(sim), i, j, sim[i, j])


def test_average_link_does_not_chain():
    # a~b and b~c are strong, a~c is nothing: single link would join all three.
    sim = np.array([[0, .9, 0, 0], [.9, 0, .5, 0], [0, .5, 0, 0], [0, 0, 0, 0]], dtype=float)
    assert average_link(_graph(sim), 0.4) == [[0, 1], [2], [3]]
    assert average_link(_graph(sim), 0.2) == [[0, 1, 2], [3]]


# --- reposts -----------------------------------------------------------------------------

def test_repost_by_shared_text_points_to_the_earlier_article():
    paragraphs = LONG_STORY.split("\n")
    original = art("Kestany to close coal harbour", LONG_STORY, "Kestany Post", "2025-06-01")
    copied_text = "\n".join(paragraphs[:2] + paragraphs[3:]) + "\nShare this story with your friends."
    copy = art("Kestany to close coal harbour", copied_text, "Daily Truth Blog", "2025-06-03")
    for order in itertools.permutations([copy, original, CHEESE]):
        narratives = stage()([Article.from_dict(a.to_dict()) for a in order])
        assert len(narratives) == 1
        [r] = narratives[0].reposts
        assert r["article_id"] == copy.id and r["original_id"] == original.id
        assert r["original_outlet"] == "Kestany Post"
        assert r["containment"] >= 0.9
        assert "earlier" in r["evidence"]
    arts = [copy, original]
    stage()(arts)
    assert copy.meta["repost_of"] == "Kestany Post"
    assert copy.meta["repost_of_id"] == original.id
    assert "repost_of" not in original.meta


def test_rewritten_story_sharing_a_quote_is_not_a_repost():
    quote = ("“We will not let the harbour die while there is still a single barge that needs unloading,” "
             "said the union leader.")
    a = art("Dockers protest", LONG_STORY.split("\n")[0] + "\n" + quote, "Kestany Post", "2025-06-01")
    b = art("Union vows to fight closure",
            "Union members marched through Kestany on Wednesday against the council plan. " + quote
            + " The council says the decision is final and that retraining money is on the way.",
            "River News", "2025-06-02")
    assert detect_reposts([a, b]) == []


def test_repost_note_names_an_original_outside_the_corpus():
    text = LONG_STORY + "\nThis story was first published by Harbour Watch."
    a = art("Coal harbour to close", text, "Aggregator Now", "2025-06-02")
    [r] = detect_reposts([a, CHEESE])
    assert r["article_id"] == a.id
    assert r["original_id"] is None
    assert r["original_outlet"] == "Harbour Watch"
    assert r["containment"] is None
    assert "first published by Harbour Watch" in r["evidence"]


@pytest.mark.parametrize("note, outlet", [
    ("This article originally appeared on The Kestany Post.", "The Kestany Post"),
    ("Originally published by River News. Republished with permission.", "River News"),
    ("Republished from Harbour Watch under a Creative Commons licence.", "Harbour Watch"),
    ("Source: harbourwatch.example", "harbourwatch.example"),
    ("Dock workers are angry (via River News)", "River News"),
])
def test_repost_note_forms(note, outlet):
    a = Article(source="x.txt", text=LONG_STORY + "\n" + note)
    found = find_note(a)
    assert found is not None and found.outlet == outlet


def test_source_cited_in_prose_is_not_a_repost_note():
    text = ("The figures, first published by the Kestany Post in 2019, showed the harbour losing money "
            "every year.\n" + LONG_STORY)
    assert find_note(Article(source="x.txt", text=text)) is None


def test_note_from_the_cleaner_is_used():
    a = art("Coal harbour to close", LONG_STORY, "Aggregator Now", "2025-06-02")
    a.meta["repost_of"] = "Harbour Watch"
    [r] = detect_reposts([a])
    assert r["original_outlet"] == "Harbour Watch" and r["original_id"] is None


def test_note_naming_own_outlet_is_not_a_repost():
    a = art("Coal harbour to close", LONG_STORY + "\nThis article originally appeared on Kestany Post.",
            "Kestany Post", "2025-06-02")
    assert detect_reposts([a]) == []


# --- the example corpus and the seeds, through the whole pipeline ---------------------

NARRATIVE_FILES = (
    "orbis24/2025-03-04-experts-escape-corridor-dravnik",
    "eastern-ledger/2025-03-07-whats-behind-brennick-pushing-zarvak",
    "truthwave/2025-03-11-whats-behind-brennick-pushing-zarvak",
    "global-insight-daily/2025-03-12-journalist-says-valdoria-let-idl-slip-out",
    "kelmora-herald/2025-03-20-border-guards-repel-zarvak-skaro",
    "eastern-ledger/2025-04-02-dravnik-liberation-staged-zarvak-tarvel",
    "free-dispatch/2025-04-07-the-dravnik-deal-coastal-highway",
)
UNRELATED_TITLES = ("Tolmir mayoral", "Brennick City", "heatwave", "Lumenra")


def _ids_of(result, fragments):
    return {a.id for a in result.articles if any(f in a.source for f in fragments)}


def test_examples_main_narrative(examples_result):
    r = examples_result
    assert not r.corpus_errors
    wanted = _ids_of(r, NARRATIVE_FILES)
    assert len(wanted) == 7
    main = [n for n in r.narratives if wanted <= set(n.article_ids)]
    assert main, [(n.label, len(n.article_ids)) for n in r.narratives]
    n = main[0]
    assert "Orbis24" in n.media
    unrelated = {a.id for a in r.articles if any(t in (a.title or "") for t in UNRELATED_TITLES)}
    assert len(unrelated) == 4
    assert not unrelated & set(n.article_ids)
    assert "Dmitar Halvosk" in n.speakers
    truthwave = next(a for a in r.articles if a.outlet == "Truthwave")
    ledger = _ids_of(r, NARRATIVE_FILES[1:2])
    [rep] = [x for x in n.reposts if x["article_id"] == truthwave.id]
    assert {rep["original_id"]} == ledger
    assert rep["containment"] >= 0.8
    assert truthwave.meta["repost_of"] == "The Eastern Ledger"


def test_seeds_form_one_narrative(seeds_result):
    [n] = seeds_result.narratives
    assert len(n.article_ids) == 2
    assert n.media == ["RT"]
    assert "Mosul" in n.entities


def test_unresolved_speaker_phrases_are_not_names() -> None:
    from spinscope.narratives.features import looks_like_a_name

    assert looks_like_a_name("Dmitar Halvosk") and looks_like_a_name("Ministry of Defence")
    assert not looks_like_a_name("Karsian intelligence itself")
    assert not looks_like_a_name("Valdoria and the coalition")
    assert not looks_like_a_name("Brennick")  # one word: could be anything
