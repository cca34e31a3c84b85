"""The title (headline) is analysed too: its layers live in ``Article.title_layers`` with
offsets into ``Article.title``; the body's layers and their offsets are untouched."""
from __future__ import annotations

import json

import pytest

from spinscope.commands.analyze import AnalysisResult
from spinscope.headline import is_title_case, parser_case
from spinscope.model import Article, Attribution, Entity, Span, Technique, TitleLayers
from spinscope.pipeline import Pipeline, PipelineConfig
from spinscope.render import render
from spinscope.store import Store

BODY = ("Journalist Anton Brisk said the army had let Islamic State fighters slip out of "
        "the port of Varnholt, in the north of Karsia, by the coastal road. \u201cNobody closed that road,\u201d Brisk told reporters on "
        "Monday.\n\nThe Pentagon declined to comment on the claim.")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    # every per-article stage but the technique model (tested on its own below)
    return Pipeline(PipelineConfig(disabled=("techniques", "narratives")))


def analysed(pipeline: Pipeline, title: str, text: str = BODY) -> Article:
    art = pipeline(Article(source="t.txt", title=title, text=text, raw_text=f"{title}\n\n{text}"))
    assert not art.errors, art.errors  # a stage that raised is recorded on the article, not raised
    return art


def test_title_attribution_found_and_speaker_linked_to_the_body(pipeline):
    title = "Journalist Claims Rebels Given Escape Route From Varnholt"
    a = analysed(pipeline, title)
    [st] = a.title_layers.attributions
    assert st.cue is not None and st.cue.text == "Claims"
    assert st.source is not None and st.source.text == "Journalist"
    assert st.content.text == "Rebels Given Escape Route From Varnholt"
    for span in (st.source, st.cue, st.content):
        assert title[span.start:span.end] == span.text
    # the bare role is the one journalist who speaks in the body
    assert st.speaker == "Anton Brisk" and st.speaker_entity == "Anton Brisk"
    assert "speaker_from_body" in st.flags
    # the body's statements keep their offsets into the body
    assert a.attributions and all(a.text[x.content.start:x.content.end] == x.content.text
                                  for x in a.attributions)


def test_headline_colon_convention(pipeline):
    title = "Experts: Army Let Rebels Escape From Varnholt"
    a = analysed(pipeline, title)
    [st] = a.title_layers.attributions
    assert (st.source.text, st.cue.text, st.content.text) == ("Experts", ":", "Army Let Rebels Escape From Varnholt")
    assert st.unnamed
    # a named report before the colon is the topic; a bare "Report:" speaks
    r = analysed(pipeline, "Karsia IG Report: A Slap On The Wrist For Brisk")
    assert not [x for x in r.title_layers.attributions if x.cue and x.cue.text == ":"]
    # a topic before the colon is no speaker
    b = analysed(pipeline, "Varnholt Siege: The Road Nobody Closed And Why")
    assert not [x for x in b.title_layers.attributions if x.cue and x.cue.text == ":"]
    # "Sources to <outlet>:" names the medium the sources spoke to
    m = analysed(pipeline, "Sources to Nordpost Daily: Army Let Rebels Escape From Varnholt")
    [sm] = m.title_layers.attributions
    assert (sm.source.text, sm.medium, sm.unnamed) == ("Sources", "Nordpost Daily", True)
    assert sm.medium_span is not None and m.title[sm.medium_span.start:sm.medium_span.end] == "Nordpost Daily"


def test_title_entity_shares_the_body_entity(pipeline):
    title = "Daesh Fighters Flee Varnholt As Pentagon Stays Silent"
    a = analysed(pipeline, title)
    body = {e.text: e.canonical for e in a.entities}
    found = {e.text: e for e in a.title_layers.entities}
    assert "Daesh" in found and found["Daesh"].canonical == body["Islamic State"]
    assert found["Varnholt"].canonical == body["Varnholt"]
    assert found["Pentagon"].canonical == body["Pentagon"]
    for e in a.title_layers.entities:
        assert title[e.start:e.end] == e.text


def test_title_surname_takes_the_full_name_of_the_body(pipeline):
    a = analysed(pipeline, "Brisk Says Army Let Rebels Go")
    [e] = [e for e in a.title_layers.entities if e.text == "Brisk"]
    assert e.canonical == "Anton Brisk" and e.label == "PERSON"
    [st] = a.title_layers.attributions
    assert st.speaker_entity == "Anton Brisk"


def test_title_case_ner_junk_is_not_kept(pipeline):
    # spaCy reads "Raid Killed Top Suspect" as a PERSON in Title Case
    title = "Raid Killed Top Suspect In Varnholt"
    a = analysed(pipeline, title)
    assert [e.text for e in a.title_layers.entities] == ["Varnholt"]


def test_ambiguous_alias_needs_the_body(pipeline):
    # "US" is only the United States when the body names it; never in a shouting line
    a = analysed(pipeline, "LET US PRAY FOR VARNHOLT")
    assert not [e for e in a.title_layers.entities if e.text == "US"]


def test_title_technique_offsets_slice_the_title():
    from spinscope.techniques.stage import TechniquesStage

    stage = TechniquesStage()
    title = "Treacherous Traitors Destroy Our Great Nation!"
    a = stage(Article(source="t.txt", title=title, text="The vote is on Tuesday."))
    assert a.title_layers.techniques
    for t in a.title_layers.techniques:
        assert 0 <= t.start < t.end <= len(title) and title[t.start:t.end] == t.text
    off = TechniquesStage(title=False)
    off._model = stage.model
    assert not off(Article(source="t.txt", title=title, text="The vote is on Tuesday.")).title_layers.techniques


def test_title_switch_off_leaves_title_layers_empty():
    config = PipelineConfig(disabled=("techniques", "narratives"))
    for spec in config.stages:
        if spec["name"] in ("entities", "attributions"):
            spec["options"] = {"title": False}
    a = Pipeline(config)(Article(source="t.txt", title="Journalist Claims Varnholt Fell", text=BODY))
    assert not a.title_layers and a.entities and a.attributions


EVIL = '<script>alert("x")</script>'


def hostile_title_result() -> AnalysisResult:
    title = f"Journalist Claims {EVIL} Won"
    a = Article(source="t.txt", title=title, text="Nothing to see.", published="2024-01-01")
    s = title.index("<script>")
    a.title_layers = TitleLayers(
        entities=[Entity(s, s + 8, title[s:s + 8], "ORG", EVIL)],
        attributions=[Attribution(speaker=EVIL, speaker_description=EVIL, source=Span.of(title, 0, 10),
                                  cue=Span.of(title, 11, 17), content=Span.of(title, 18, len(title)),
                                  kind="indirect")],
        techniques=[Technique("Loaded_Language", s, s + 20, 0.9, title[s:s + 20])])
    a.ensure_id()
    return AnalysisResult(articles=[a])


def test_html_escapes_a_hostile_title_with_spans():
    page = render(hostile_title_result(), "html")
    assert "<script>" not in page.lower()
    assert "&lt;script&gt;" in page
    # the title's spans are highlighted in the heading, like the body's
    heading = page[page.index('<h2 class="title">'):]
    heading = heading[:heading.index("</h2>")]
    assert "l-ent" in heading and "l-content" in heading and "l-tech" in heading


def test_text_report_shows_the_headline():
    out = render(hostile_title_result(), "text")
    assert "Headline:" in out and "| Claims |" in out
    assert "technique Loaded_Language" in out


def test_old_json_without_title_layers_still_loads():
    old = Article(source="t.txt", title="A Title", text="Body.").to_dict()
    del old["title_layers"]
    a = Article.from_dict(old)
    assert a.title_layers == TitleLayers() and not a.title_layers


def test_title_layers_round_trip_json_and_store(tmp_path):
    a = hostile_title_result().articles[0]
    doc = json.loads(json.dumps(a.to_dict()))
    assert doc["title_layers"]["entities"][0]["start"] == a.title_layers.entities[0].start
    assert Article.from_dict(doc).to_dict() == doc
    store = Store(tmp_path / "s.sqlite")
    store.put("k", a, "fp")
    back = store.get("k")
    store.close()
    assert back is not None and back.title_layers == a.title_layers


def test_parser_case_keeps_length_names_and_clause_starts():
    title = "Journalist Claims ISIS Given Escape Route From Mosul: Officials Deny It"
    cased = parser_case(title, keep={"Mosul"})
    assert len(cased) == len(title)
    assert cased == "Journalist claims ISIS given escape route from Mosul: Officials deny it"
    assert parser_case("US bloggers banned from entering UK") == "US bloggers banned from entering UK"
    assert not is_title_case("Trump pardons Oregon ranchers")
    assert is_title_case("Kavanaugh Nomination Is Exploding in Trump's Face")


def test_headline_ending_in_its_source(pipeline):
    a = analysed(pipeline, "Rebels were let out of the port on purpose \u2013 Brisk")
    [st] = a.title_layers.attributions
    assert (st.cue.text, st.content.text) == ("\u2013", "Rebels were let out of the port on purpose")
    assert st.speaker == "Anton Brisk" and not st.unnamed  # a body speaker's name
    b = analysed(pipeline, "Karsia to reopen the coastal road next month: Report")
    [rt] = b.title_layers.attributions
    assert rt.source.text == "Report" and rt.unnamed
    # an ordinary subtitle after a colon is no source
    c = analysed(pipeline, "The coastal road of Karsia: A Short History")
    assert not [x for x in c.title_layers.attributions if x.cue and x.cue.text == ":"]


def test_headlinese_clause_then_a_comma_and_a_source_with_a_speech_verb(pipeline):
    a = analysed(pipeline, "Army preparing provocation near Varnholt, Karsian expert warns")
    [st] = a.title_layers.attributions
    assert (st.source.text, st.cue.text, st.content.text) == (
        "Karsian expert", "warns", "Army preparing provocation near Varnholt")
    b = analysed(pipeline, "Army let rebels flee Varnholt, analyst tells RT")
    [rt] = b.title_layers.attributions
    assert rt.medium == "RT" and rt.content.text == "Army let rebels flee Varnholt"
    c = analysed(pipeline, "Army preparing provocation near Varnholt, the road warns")
    assert not c.title_layers.attributions
    d = analysed(pipeline, "Secret talks under way in Varnholt, sources say")
    [sd] = d.title_layers.attributions
    assert (sd.source.text, sd.cue.text, sd.unnamed) == ("sources", "say", True)


def test_headline_ending_in_a_named_group_of_sources(pipeline):
    a = analysed(pipeline, "Army shelled Varnholt market \u2013 DPR officials")
    [st] = a.title_layers.attributions
    assert st.source.text == "DPR officials" and st.unnamed
    assert st.content.text == "Army shelled Varnholt market"


@pytest.mark.parametrize("title,expected", [
    # a clause opening with its source and a present-tense speech verb, after "; " or " as "
    ("Port of Varnholt reopens; Army says road still closed to civilians",
     [("Army", "says", "road still closed to civilians", None)]),
    ("Fuel shortages spread as Karsia blames 'sabotage' at two refineries",
     [("Karsia", "blames", "'sabotage' at two refineries", None)]),
    # a closing tag of the clause before, with a quote mark after the comma and a medium
    ("Varnholt road closure 'a rehearsal for escalation,' experts tell RT",
     [("experts", "tell", "Varnholt road closure 'a rehearsal for escalation,'", "RT")]),
    # an inverted tag at the end; the audience after "tells" is the medium
    ("Election roadmap 'within weeks', says adviser",
     [("adviser", "says", "Election roadmap 'within weeks'", None)]),
    ("Army official tells lawmakers road shortage won't be fixed before 2028",
     [("Army official", "tells", "road shortage won't be fixed before 2028", "lawmakers")]),
    # a comma inside a list does not end the content
    ("Karsia threatens sanctions for Varnholt, Brisk, Osterby if talks fail",
     [("Karsia", "threatens", "sanctions for Varnholt, Brisk, Osterby if talks fail", None)]),
])
def test_headline_clauses_with_their_own_source_and_speech_verb(pipeline, title, expected):
    got = [(st.source.text, st.cue.text, st.content.text, st.medium)
           for st in analysed(pipeline, title).title_layers.attributions]
    assert got == expected


@pytest.mark.parametrize("title", [
    "Is Karsia Planning To Blast Ice Into The Atmosphere?",      # a question
    "Varnholt Battery Production's Demand for Nickel Grows",      # a noun after a possessive
    "Storm Ciaran slams into Karsia's coast overnight",           # no speech: "slams into"
    "Varnholt Council Votes To Condemn Karsia's Port Ban",        # an infinitive, not a headline's verb
])
def test_headline_clauses_that_are_not_statements(pipeline, title):
    assert analysed(pipeline, title).title_layers.attributions == []


def test_a_bare_role_the_rules_left_unnamed_is_the_bodys_one_such_speaker(pipeline):
    body = ("Viktor Lebedinsky, a military expert and former staff officer, told the agency that the drills "
            "were a rehearsal. \u201cThey are testing us,\u201d Lebedinsky said.\n\n"
            "Nasser Kazemi-Rad, the Foreign Ministry spokesman, warned that Tehran would respond.")
    a = analysed(pipeline, "West Is 'Turning The Sea Into A Testing Ground', Expert Says", body)
    [st] = a.title_layers.attributions
    assert st.speaker == "Viktor Lebedinsky" and not st.unnamed
    # a capitalised acronym before the role: "FM" is the "Foreign Ministry" of the description
    a = analysed(pipeline, "Iran will not remain silent over 'politicized' resolution, FM spokesman warns", body)
    [st] = a.title_layers.attributions
    assert st.speaker == "Nasser Kazemi-Rad" and not st.unnamed
    # an article's expert is not one of several: "An expert" stays an unnamed source
    a = analysed(pipeline, "Drills are a rehearsal, an expert says", body)
    assert all(x.unnamed for x in a.title_layers.attributions)


def test_a_headline_line_role_prefers_the_description_written_so(pipeline):
    body = ("Transport secretary says the demands are unaffordable\n\n"
            "Transport Secretary Helen Ferrars wrote on X that the pay claim \u201cwould blow a hole in the finances\u201d.\n\n"
            "The Rail, Maritime and Transport union's general secretary, Gareth Lyle, told BBC Radio 4 that the union "
            "would keep striking.")
    a = analysed(pipeline, "Tube strike: live updates", body)
    first = min(a.attributions, key=lambda x: x.content.start)
    assert first.source.text == "Transport secretary" and first.speaker == "Helen Ferrars"
    lyle = [x for x in a.attributions if x.cue and x.cue.text == "told"]
    assert lyle and lyle[0].speaker == "Gareth Lyle"


@pytest.mark.parametrize("title,expected", [
    # a clause after the cue is the content, not the clause before it (the parse read "CEO says" as a tag)
    ("Karsia Foods cuts 2025 forecast, CEO says shoppers are 'choppy'; shares tumble",
     [("CEO", "says", "shoppers are 'choppy'", None)]),
    # a clause's reading ends where another clause's source and cue begin
    ("Karsia says Varnholt talks 'sabotaged' as Osterby warns of 'grave consequences'",
     [("Karsia", "says", "Varnholt talks 'sabotaged'", None), ("Osterby", "warns", "of 'grave consequences'", None)]),
    # a comma inside quote marks ends no clause; a tag may be followed by an "as" clause
    ("Drought aid 'too little, too late', farmers' federation says as dry spell deepens",
     [("farmers' federation", "says", "Drought aid 'too little, too late'", None)]),
    # "finds" is a study's speech verb
    ("Young children exposed to wildfire smoke twice as likely to develop asthma, U.K. study finds",
     [("U.K. study", "finds", "Young children exposed to wildfire smoke twice as likely to develop asthma", None)]),
    # stances: defending, backing, criticising
    ("Brisk defends 'boring' port plan", [("Brisk", "defends", "'boring' port plan", None)]),
    ("Karsia's ex-interior minister lashes out at government's stance on Varnholt",
     [("Karsia's ex-interior minister", "lashes out at", "government's stance on Varnholt", None)]),
    # the audience of a closing tag may end in a role
    ("Defection rumour: I'm not leaving the party, Brisk tells KDP chair",
     [("Brisk", "tells", "I'm not leaving the party", "KDP chair")]),
])
def test_headline_clauses_read_forwards_inside_quotes_and_after_as(pipeline, title, expected):
    got = [(st.source.text, st.cue.text, st.content.text, st.medium)
           for st in analysed(pipeline, title).title_layers.attributions]
    assert got == expected


def test_a_lower_case_group_after_as_opens_a_headline_clause():
    from spinscope.attribution.title import _clause_statements
    title = "Singer 'splits from partner' as insiders claim his schedule took its toll"
    got = [(a.source.text, a.cue.text, a.content.text) for a in _clause_statements(title, set())]
    assert got == [("insiders", "claim", "his schedule took its toll")]


def test_headline_finds_only_for_a_study_and_a_shared_subject_speaks_after_a_comma(pipeline):
    assert analysed(pipeline, "Police find body in Varnholt river").title_layers.attributions == []
    body = ("Halvard Robotics said on Monday it had signed a deal with the port of Varnholt.\n\n"
            "The company said the first machines would arrive in spring.")
    a = analysed(pipeline, "Halvard Robotics lands deal with Varnholt port, says rollout will start in spring", body)
    [st] = a.title_layers.attributions
    assert (st.source.text, st.cue.text, st.content.text) == ("Halvard Robotics", "says", "rollout will start in spring")
    assert st.speaker == "Halvard Robotics"


BODY_OFFICES = (
    "Secretary for Security Edmund Varn said on Friday the arrests had nothing to do with speech.\n\n"
    "Marta Osk, a Karsian researcher based in Varnholt, said she found the leak in March.\n\n"
    "Federal Aviation Administration Deputy Administrator Kevin Dorne told lawmakers the shortage would last.\n\n"
    "Amina Kone, a Malian diplomat who chairs the AU Commission, warned that debt would cost a decade.\n\n"
    "The Varnholt Police Department said a man had been charged. Police said the victim was 44.\n\n"
    "The Royal College of Nursing has warned that corridor care is now normal.\n\n"
    "The UN migration agency said thousands were fleeing the town.")


@pytest.mark.parametrize("title,speaker", [
    # chief ~ Secretary; a place the description leaves out
    ("Arrests 'have nothing to do with speech', Malta security chief says", "Edmund Varn"),
    ("App left users' health data exposed, researcher says", "Marta Osk"),                      # a lower-case role
    ("FAA official tells lawmakers controller shortage will last until 2028", "Kevin Dorne"),   # official ~ Administrator
    ("AU chief warns Africa faces 'lost decade' without debt relief", "Amina Kone"),            # chief ~ who chairs
    ("Varnholt man charged after neighbour found shot, police say", "Varnholt Police Department"),
    ("Corridor care has become 'the norm', nurses' union warns", "Royal College of Nursing"),
])
def test_a_headline_role_or_kind_of_body_is_the_body_speaker_holding_it(pipeline, title, speaker):
    a = analysed(pipeline, title, BODY_OFFICES)
    [st] = a.title_layers.attributions
    assert st.speaker == speaker and not st.unnamed
    assert "speaker_from_body" in st.flags


def test_a_headline_office_word_is_nobody_when_two_fit_equally(pipeline):
    body = ("Anna Brisk, who heads the Karsian Port Authority, said the port would reopen.\n\n"
            "Boris Tann, who chairs the Karsian Rail Board, said the trains would run.")
    a = analysed(pipeline, "Port to reopen next week, Karsian chief says", body)
    [st] = a.title_layers.attributions
    assert st.speaker_entity is None


def test_a_name_before_the_acronym_it_spells_is_one_organisation(pipeline):
    body = ("South Karsian Farmers' Federation (SKFF) president Fiona Brisk said the money would barely help.\n\n"
            "The federation is calling for rates to be waived.")
    a = analysed(pipeline, "Drought aid falls short", body)
    orgs = {(e.text, e.label) for e in a.entities}
    assert ("South Karsian Farmers' Federation", "ORG") in orgs
    assert not any(e.text == "Farmers" for e in a.entities)


def test_a_diplomatic_mission_named_in_full_is_one_body_and_the_headline_mission(pipeline):
    body = ("The Mission of the People's Republic of China to the European Union said the probe was protectionism.\n\n"
            "The European Commission declined to comment.")
    a = analysed(pipeline, "Chinese mission to EU slams turbine probe as 'protectionism'", body)
    mission = "Mission of the People's Republic of China to the European Union"
    assert any(e.canonical == mission and e.label == "ORG" for e in a.entities)
    assert a.attributions[0].speaker == mission
    [st] = a.title_layers.attributions
    assert st.speaker == mission  # the mission, not the EU its name mentions


@pytest.mark.parametrize("title,body,speaker", [
    ("Karsia Foods cuts forecast, CEO says shoppers are 'choppy'",
     "Chief Executive Laura Brent said shoppers were trading down.\n\nAnalyst Tom Varn said the shares were cheap.",
     "Laura Brent"),
    ("Doctors sound alarm over cancer surge - Researcher Says Data Is Being Buried",
     "Dr. Helmut Sauer, a Dutch-born molecular biologist, said the data was hidden.\n\n"
     "Dr. Ada Okon, a family physician in Ohio, said she had seen no surge.",
     "Helmut Sauer"),
])
def test_a_headline_ceo_or_researcher_is_the_chief_executive_or_scientist_of_the_body(pipeline, title, body, speaker):
    sts = [st for st in analysed(pipeline, title, body).title_layers.attributions if st.speaker == speaker]
    assert sts and "speaker_from_body" in sts[0].flags


def test_a_headline_quotation_the_body_attributes_is_that_speakers(pipeline):
    body = ("Judge Simon Varn told Tom Brisk: \u201cYou preyed on her kindness and you took everything she had.\u201d\n\n"
            "Brisk was jailed for four years.")
    a = analysed(pipeline, "'You preyed on her kindness': Judge jails conman who stole war medals", body)
    [st] = a.title_layers.attributions
    assert st.content.text == "'You preyed on her kindness'" and st.cue is None and st.source is None
    assert st.speaker == "Simon Varn" and "quote_from_body" in st.flags
    # a quotation the body never attributes to anyone is no statement
    b = analysed(pipeline, "'Nobody closed that road': Varnholt siege revisited",
                 "Nobody closed that road, the sign read.\n\nThe port reopened in May.")
    assert b.title_layers.attributions == []


def test_a_body_speakers_name_then_a_colon_is_their_statement(pipeline):
    body = ("Rep. Darrell Issa said on Sunday that Anna Brisk's honesty was in question.\n\n"
            "Abaaoud was not available for comment.")
    a = analysed(pipeline, "Issa: Anna Brisk\u2019s \u2018Honesty Is In Question.\u2019", body)
    [st] = a.title_layers.attributions
    assert (st.source.text, st.cue.text, st.content.text) == ("Issa", ":", "Anna Brisk\u2019s \u2018Honesty Is In Question.\u2019")
    assert st.speaker == "Darrell Issa"
    b = analysed(pipeline, "Brisk on the port deal: \u2018We Will Reopen It By May\u2019",
                 "Anna Brisk told reporters the port would reopen by May.")
    [sb] = b.title_layers.attributions
    assert sb.source.text == "Brisk" and sb.content.text == "\u2018We Will Reopen It By May\u2019" and sb.speaker == "Anna Brisk"
    # an organisation that speaks in the body too
    o = analysed(pipeline, "Halvard Robotics: forklift sales stronger than last year",
                 "Halvard Robotics said on Monday that sales of its forklifts rose 12%.")
    [so] = o.title_layers.attributions
    assert (so.source.text, so.cue.text, so.speaker) == ("Halvard Robotics", ":", "Halvard Robotics")
    # a name the body mentions but never quotes is a topic ("Abaaoud: Profile of ...")
    c = analysed(pipeline, "Abaaoud: Profile Of A Man Nobody Stopped", body)
    assert not [x for x in c.title_layers.attributions if x.cue and x.cue.text == ":"]
    # nor is a speaker's name after a gerund, or before a topic ("Profile Of ...")
    for title in ("Understanding Issa: What You Need To Know About The Probe", "Issa: Profile Of A Congressman"):
        d = analysed(pipeline, title, body)
        assert not [x for x in d.title_layers.attributions if x.cue and x.cue.text == ":"], title


def test_a_headline_speaker_named_in_the_body_takes_the_bodys_description(pipeline):
    body = "Minister for National Development Ong Kah Seng said the changes would help families.\n\nThe scheme opens in May."
    a = analysed(pipeline, "Families buying flats near parents to get bigger grant: Ong Kah Seng", body)
    [st] = a.title_layers.attributions
    assert st.speaker == "Ong Kah Seng" and st.speaker_description == a.attributions[0].speaker_description
    assert st.speaker_description and "Minister" in st.speaker_description
