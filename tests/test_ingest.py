"""Reading inputs: formats, encodings, metadata, and a clear rejection for each bad input."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from spinscope.errors import InputRejected
from spinscope.ingest import IngestOptions, decode_bytes, read_inputs

BODY = ("The council voted on Tuesday to close the old bridge. "
        "Engineers said the supports had rusted through.\n")


def read(paths, **opts):
    items = list(read_inputs([str(p) for p in paths], IngestOptions(**opts)))
    ok = [i for i in items if not isinstance(i, InputRejected)]
    bad = [i for i in items if isinstance(i, InputRejected)]
    return ok, bad


def test_plain_text_title_is_first_non_empty_line(tmp_path):
    f = tmp_path / "2024-05-02-bridge.txt"
    f.write_text("\n\n  Bridge  closes   for good \n\n" + BODY, encoding="utf-8")
    (a,), bad = read([f])
    assert not bad
    assert a.title == "Bridge closes for good"
    assert "Engineers said" in a.raw_text and "Bridge closes" not in a.raw_text
    assert a.published == "2024-05-02"  # from the file name


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"), ("cp1252", b""), ("latin-1", b""),
])
def test_encodings_are_detected(tmp_path, encoding, prefix):
    text = "Café owners in Zürich\n\nThe mayor’s “plan” costs 5 € and naïve critics – many – object. " * 3
    if encoding == "latin-1":
        text = "Café owners in Zürich\n\nThe mayor's plan costs 5 francs; naïve critics object. Señor Núñez agreed. " * 3
    data = prefix + text.encode(encoding)
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    (a,), bad = read([f])
    assert not bad
    assert a.title == "Café owners in Zürich"
    assert "naïve" in a.raw_text
    if encoding != "latin-1":
        assert "“plan”" in a.raw_text  # typographic quotes kept


def test_decode_rejects_binary_and_empty():
    with pytest.raises(InputRejected) as e:
        decode_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "x")
    assert e.value.code == "E104"
    with pytest.raises(InputRejected) as e:
        decode_bytes(b"  \n\t \n", "x")
    assert e.value.code == "E103"


def test_each_bad_input_is_rejected_with_its_reason_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Good title\n\n" + BODY)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    big = tmp_path / "big.txt"
    big.write_text("Big\n\n" + BODY * 100)
    html = tmp_path / "nav.html"
    html.write_text("<html><head><title>x</title><script>alert(1)</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    missing = tmp_path / "missing.txt"
    ok, bad = read([good, empty, binary, big, html, missing], max_bytes=4000)
    assert [a.title for a in ok] == ["Good title"]
    codes = {Path(r.source).name: (r.code, r.reason) for r in bad}
    assert codes == {
        "empty.txt": ("E103", "empty"),
        "image.txt": ("E104", "binary"),
        "big.txt": ("E106", "too large"),
        "nav.html": ("E107", "no main text"),
        "missing.txt": ("E101", "not found"),
    }
    for r in bad:
        assert r.message and "Traceback" not in r.message


def test_directory_is_read_recursively_skipping_readme_and_sidecars(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "README.md").write_text("# not an article")
    (tmp_path / "a" / "one.txt").write_text("One\n\n" + BODY)
    (tmp_path / "a" / "b" / "two.txt").write_text("Two\n\n" + BODY)
    (tmp_path / "a" / "b" / "two.meta.json").write_text(json.dumps(
        {"outlet": "The Bugle", "published": "2023-07-09T10:00:00Z", "url": "https://bugle.example/x"}))
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    ok, bad = read([tmp_path])
    assert not bad
    assert [a.title for a in ok] == ["One", "Two"]
    two = ok[1]
    assert (two.outlet, two.published, two.url) == ("The Bugle", "2023-07-09", "https://bugle.example/x")


def test_jsonl_lines_become_articles_and_bad_lines_are_rejected_alone(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "T1", "text": BODY, "url": "https://www.example.org/a", "published": "2021-02-03"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<html><body><article><h1>H</h1><p>" + BODY * 3 + "</p></article></body></html>",
                    "outlet": "HTML Wire"}),
        json.dumps(["a list"]),
    ]
    f.write_text("\n".join(lines) + "\n")
    ok, bad = read([f])
    assert [a.source for a in ok] == [f"{f}:1", f"{f}:4"]
    assert ok[0].outlet == "example.org" and ok[0].published == "2021-02-03"
    assert ok[1].outlet == "HTML Wire" and "council voted" in ok[1].raw_text
    assert [(r.source.rsplit(":", 1)[1], r.code) for r in bad] == [("2", "E108"), ("3", "E103"), ("5", "E108")]


def test_stdin_text_and_size_limit():
    stdin = io.BytesIO(("From stdin\n\n" + BODY).encode())
    (a,) = list(read_inputs(["-"], IngestOptions(), stdin=stdin))
    assert a.source == "<stdin>" and a.title == "From stdin"
    (r,) = list(read_inputs(["-"], IngestOptions(max_bytes=10), stdin=io.BytesIO(b"x" * 50)))
    assert isinstance(r, InputRejected) and r.code == "E106"


def test_html_metadata_and_scripts_dropped(tmp_path):
    page = """<!doctype html><html><head><title>Dam breaks | The Courier</title>
    <meta property="og:site_name" content="The Courier">
    <meta property="article:published_time" content="2022-11-05T08:00:00Z">
    <meta name="author" content="Jo Bloggs">
    <link rel="canonical" href="https://courier.example/dam"></head>
    <body><article><h1>Dam breaks</h1>
    <p>The old dam on the river gave way at dawn, officials said, flooding three villages.</p>
    <script>document.write('<p>INJECTED</p>')</script>
    <p>Rescue teams reached the area by noon and began moving families to the school hall.</p>
    <figure><img src="x.jpg"><figcaption>Water covers the main road. Photo: J. Smith</figcaption></figure>
    <figure><img src="y.jpg"><figcaption>Villagers near the dam, November 2022 &copy; Reuters</figcaption></figure>
    <p>The regional governor promised an inquiry into why warnings were ignored last year.</p>
    </article></body></html>"""
    f = tmp_path / "dam.html"
    f.write_text(page)
    (a,), bad = read([f])
    assert not bad
    assert a.title.startswith("Dam breaks")
    assert a.published == "2022-11-05"
    assert a.outlet == "The Courier"
    assert a.url == "https://courier.example/dam"
    assert "INJECTED" not in a.raw_text and "document.write" not in a.raw_text
    # captions and their photo credits apart, as the cleaner keeps them for plain text
    assert a.captions == ["Water covers the main road.", "Villagers near the dam, November 2022"]
    assert a.credits == ["J. Smith", "Reuters"]


def test_the_same_html_twice_in_one_process_keeps_its_text(tmp_path):
    """A repost with the same paragraphs as an earlier page must not come out empty."""
    body = "".join(f"<p>Paragraph {i}: the harbour authority said ships would wait another week for repairs.</p>"
                   for i in range(6))
    page = f"<html><head><title>Harbour</title></head><body><article>{body}</article></body></html>"
    for name in ("a.html", "b.html", "c.html"):
        (tmp_path / name).write_text(page)
    for _ in range(3):
        ok, bad = read(sorted(tmp_path.glob("*.html")))
        assert not bad and len(ok) == 3
        assert all(a.raw_text.count("Paragraph") == 6 for a in ok)


@pytest.mark.parametrize("depth", [300, 20_000])
def test_a_page_nested_beyond_the_parsers_limit_still_gives_its_text(tmp_path, depth):
    """libxml2 stops 256 elements deep; the page is read again without its layout containers."""
    paragraphs = "".join(f"<p>Paragraph {i}: the harbour authority said ships would wait another week.</p>"
                         for i in range(4))
    (tmp_path / "deep.html").write_text(
        "<html><head><title>Harbour</title></head><body>" + "<div>" * depth + paragraphs
        + "</div>" * depth + "</body></html>")
    (tmp_path / "deep_empty.html").write_text(
        "<html><head><title>Nothing</title></head><body>" + "<div>" * depth + "</div>" * depth
        + "</body></html>")
    ok, bad = read([tmp_path / "deep.html", tmp_path / "deep_empty.html"])
    assert [a.raw_text.count("Paragraph") for a in ok] == [4]
    assert ok[0].meta["html_flattened"] is True
    assert [b.code for b in bad] == ["E107"]
    assert f"nested {depth + 2:,} elements deep" in bad[0].message  # with <html> and <body>


def test_a_shallow_page_is_not_flattened(tmp_path):
    (tmp_path / "p.html").write_text("<html><body><div><div><p>" + BODY + "</p></div></div></body></html>")
    ok, bad = read([tmp_path / "p.html"])
    assert not bad and "html_flattened" not in ok[0].meta


def test_one_paragraph_file_is_analysed_not_taken_for_a_title(tmp_path):
    from spinscope.commands.analyze import analyze

    one = tmp_path / "one.txt"
    one.write_text('According to the agency, "the regime was responsible for the attacks." '
                   "Investigators from the OPCW visited the scene and are investigating.", encoding="utf-8")
    (art,) = list(read_inputs([str(one)]))
    assert art.title is None and art.raw_text.startswith("According to the agency")
    res = analyze([str(one)], workers=1, store=None)
    assert not res.rejected and res.articles[0].text.startswith("According to the agency")
    assert any(a.cue and a.cue.text == "According to" for a in res.articles[0].attributions)


def test_outlet_from_the_title_tag_suffix_when_the_page_names_no_site():
    from spinscope.ingest.html import site_from_title_tag

    page = "<html><head><title>Zakharova slams drills &mdash; RT World News</title></head></html>"
    assert site_from_title_tag(page, "Zakharova slams drills") == "RT World News"
    assert site_from_title_tag(page, "Another headline") is None
    assert site_from_title_tag("<title>Zakharova slams drills - the latest</title>", "Zakharova slams drills") is None
    # a section of a site the page does not name is no outlet (the same check as for pasted titles)
    assert site_from_title_tag("<title>Zakharova slams drills | World News</title>", "Zakharova slams drills") is None


def test_outlet_from_a_pasted_title_suffix_but_not_a_section_name():
    from spinscope.clean.stage import make_clean_stage
    from spinscope.model import Article

    body = ("The United States has been arming fighters in northern Syria, a minister said on Tuesday in a "
            "long statement.\n\nA second paragraph follows here, with enough words to be body text.\n")
    stage = make_clean_stage()
    art = stage(Article(source="t", title="Pentagon arms fighters in Syria | Global Truth Monitor", raw_text=body,
                        input_format="text"))
    assert art.outlet == "Global Truth Monitor" and art.title == "Pentagon arms fighters in Syria"
    art = stage(Article(source="t", title="Derbyshire cheers for a hard Brexit | Blog Posts", raw_text=body,
                        input_format="text"))
    assert art.outlet is None


def test_saved_dynamic_pages_in_a_folder_are_read_as_html(tmp_path):
    page = ("<html><head><title>Envoy warns NATO</title></head><body><article><h1>Envoy warns NATO</h1>"
            "<p>" + BODY + "</p></article></body></html>")
    (tmp_path / "story.php").write_text(page)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 binary")
    ok, bad = read([tmp_path])
    assert not bad
    assert [(a.title, a.input_format) for a in ok] == [("Envoy warns NATO", "html")]
