"""Long and hostile inputs: the look-ups that make a one-paragraph article of hundreds of KB
take seconds instead of minutes (``bench/bench_hostile.py`` times them) give the answers of the
plain scans they replace."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from spinscope.entities.descriptions import PRE_NAME_REACH, _pre_name
from spinscope.entities.resolve import Occupied, WordIndex, _title_case_line
from spinscope.entities.ruler import SHOUTING_MIN_WORDS, SHOUTING_UPPER_SHARE, is_shouting

ROOT = Path(__file__).resolve().parents[1]

TEXT = ("Orban met Orbanism's critics. Viktor Orban-Smith, not Orban, spoke; O'Brien and O\u2019Brien\n"
        "said Orban.\nThe NATO-led force and NATO. Esparza R\u00edos and Esparza R\u00edos-Lopez, "
        "-NATO, Orban\u2019s aide, Orban")


@pytest.mark.parametrize("phrase", ["Orban", "NATO", "O'Brien", "O\u2019Brien", "Esparza R\u00edos",
                                    "Smith", "-NATO", "Orban-Smith", "Nobody", "aide"])
def test_word_index_finds_what_a_whole_word_regex_finds(phrase):
    want = [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w\-]){re.escape(phrase)}(?![\w\-])", TEXT)]
    got = [(m.start(), m.end()) for m in WordIndex(TEXT).finditer(phrase)]
    assert got == want


def test_occupied_agrees_with_a_scan_of_every_span():
    rng = random.Random(11)
    spans: list[tuple[int, int]] = []
    occupied = Occupied()
    for _ in range(400):
        s = rng.randrange(0, 5000)
        e = s + rng.randrange(1, 300)
        want = all(e <= a or s >= b for a, b in spans)
        assert occupied.free(s, e) == want, (s, e)
        if rng.random() < 0.5:
            spans.append((s, e))
            occupied.add(s, e)
    assert not all(occupied.free(s, e) for s, e in spans)


def _title_case_scan(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z]+", text[start:end if end != -1 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _shouting_scan(text: str, start: int, end: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls:len(text) if le == -1 else le]
    if len(re.findall(r"[^\W\d_]+", line)) < SHOUTING_MIN_WORDS:
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= SHOUTING_UPPER_SHARE


LINES = ("Minister Says Jobs And Reef Depend On Deal\nThe minister said jobs depend on the deal.\n"
         "BREAKING: NATO TROOPS ENTER THE CITY\n\nshort\nAnother Line With Most Words Capitalised here\n"
         "ALL CAPS")


def test_line_judgements_agree_with_reading_the_line_each_time():
    assert {_title_case_scan(LINES, p) for p in range(len(LINES))} == {True, False}
    for pos in range(len(LINES)):
        assert _title_case_line(LINES, pos) == _title_case_scan(LINES, pos), pos
    for start in range(0, len(LINES), 3):
        for end in (start, start + 1, start + 9, start + 40):  # (the last ones cross lines)
            end = min(end, len(LINES))
            assert is_shouting(LINES, start, end) == _shouting_scan(LINES, start, end), (start, end)


def test_role_before_a_name_is_found_on_a_very_long_line():
    tail = "In Kyiv, defence analyst Oleh Zhdanov said the line held."
    text = "Filler words without any stop " * (3 * PRE_NAME_REACH // 30) + "and so on. " + tail
    at = text.index("Oleh")
    assert "\n" not in text and at > 2 * PRE_NAME_REACH
    assert _pre_name(text, at, None) == _pre_name(tail, tail.index("Oleh"), None) == "analyst"


def test_sentences_taken_from_pieces_of_a_long_parse_are_the_same(monkeypatch):
    from spinscope.attribution.extract import AttributionExtractor, _DocWindows
    from spinscope.ingest.readers import read_inputs
    from spinscope.clean.stage import make_clean_stage
    from spinscope.nlp import SHARED_PARSE_EXCLUDE, get_nlp, parse

    article = next(iter(read_inputs([str(ROOT / "examples" / "harbour-post")])))
    text = make_clean_stage()(article).text
    text = "\n\n".join([text] * 3)
    doc = parse(text, get_nlp(None, SHARED_PARSE_EXCLUDE))
    extractor = AttributionExtractor()

    def spans(attributions):
        return [(a.source and (a.source.start, a.source.end), a.cue and (a.cue.start, a.cue.end),
                 (a.content.start, a.content.end), a.kind) for a in attributions]

    monkeypatch.setattr(_DocWindows, "WINDOW_TOKENS", 10 ** 9)
    whole = spans(extractor.from_doc(text, doc))
    monkeypatch.setattr(_DocWindows, "WINDOW_TOKENS", 60)
    assert len(_DocWindows(doc).bounds) > 10
    pieces = spans(extractor.from_doc(text, doc))
    assert len(whole) >= 9 and pieces == whole


def test_a_text_without_full_stops_is_parsed_in_bounded_pieces():
    from spinscope.attribution.extract import SENTENCE_MAX_CHARS, AttributionExtractor, split_sentences

    run = " ".join(f"Word{i} Another Capital Run" for i in range(600))  # 15,000 characters, no stop
    text = run + " as the Minister said the talks would go on"
    pieces = split_sentences(text)
    assert len(pieces) > 7 and all(0 < e - s <= SENTENCE_MAX_CHARS for s, e in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(text[s:e] == text[s:e].strip() for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")
    (a,) = AttributionExtractor()(text)
    assert a.cue is not None and text[a.cue.start:a.cue.end] == "said"
