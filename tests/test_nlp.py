"""Long texts are parsed in pieces whose offsets still point into the whole text."""
from __future__ import annotations

from spinscope import nlp


def test_split_for_parsing_round_trips_and_respects_the_limit():
    text = "\n\n".join(f"Paragraph {i}. The council met and the mayor said it would vote." for i in range(200))
    pieces = nlp.split_for_parsing(text, limit=500)
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces) and len(pieces) > 10
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut after a blank line
    one_line = "word " * 1000
    assert "".join(nlp.split_for_parsing(one_line, limit=300)) == one_line


def test_chunked_parse_keeps_offsets(monkeypatch):
    monkeypatch.setattr(nlp, "PARSE_CHUNK_CHARS", 300)
    text = "\n\n".join(f"Anna Lind visited Paris on day {i}. She said the talks went well." for i in range(30))
    doc = nlp.parse(text, nlp.get_nlp())
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
    assert sum(1 for s in doc.sents) >= 60


def test_a_sentence_never_crosses_a_paragraph_break():
    text = ("Intro line here.\n\nISIS: Escape Route Provided By US\n\n"
            "Darwish claimed that the coalition was not serious about defeating ISIS.")
    doc = nlp.get_nlp()(text)
    sents = [s.text.strip() for s in doc.sents]
    assert "Darwish claimed that the coalition was not serious about defeating ISIS." in sents
    claimed = next(t for t in doc if t.text == "claimed")
    assert any(c.dep_ == "nsubj" and c.text == "Darwish" for c in claimed.children)


def test_a_closing_quote_glued_to_the_next_word_is_split_off():
    from spinscope.nlp import get_nlp

    toks = [t.text for t in get_nlp(None)("a complex device,\u201dPolyansky explained. \u201cYes!\u201dTrump said.")]
    assert toks[:6] == ["a", "complex", "device", ",", "\u201d", "Polyansky"]
    assert "\u201d" in toks and "Trump" in toks
    assert [t.text for t in get_nlp(None)("The U.S.-led group, e.g. this.")][:3] == ["The", "U.S.-led", "group"]
