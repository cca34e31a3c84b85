"""The command line: exit codes, summaries, no tracebacks for a user's mistakes, documented options."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from spinscope.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
LIGHT = ["--no-store", "--disable", "techniques", "--disable", "attributions", "--disable", "speakers"]


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_good_and_bad_inputs_exit_1_with_a_summary(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "Flood warning\n\nThe river rose overnight, the mayor said on Monday.\n")
    empty = write(tmp_path, "empty.txt", "")
    out = tmp_path / "out.json"
    rc = main(["analyze", str(good), str(empty), str(tmp_path / "nope.txt"), "--format", "json",
               "--out", str(out), *LIGHT])
    err = capsys.readouterr().err
    assert rc == 1
    assert "analysed 1 article, rejected 2" in err
    assert "empty.txt: [E103] empty" in err and "nope.txt: [E101] not found" in err
    assert "Traceback" not in err
    doc = json.loads(out.read_text())
    assert [a["title"] for a in doc["articles"]] == ["Flood warning"]
    assert {r["code"] for r in doc["rejected"]} == {"E103", "E101"}


def test_all_good_exits_0_and_text_goes_to_stdout(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "Flood warning\n\nThe river rose overnight, the mayor said on Monday.\n")
    rc = main(["analyze", str(good), "--format", "text", *LIGHT])
    cap = capsys.readouterr()
    assert rc == 0
    assert cap.out.startswith("== Flood warning")
    assert "analysed 1 article, rejected 0" in cap.err


def test_a_folder_names_the_files_it_did_not_read_and_a_dead_link_is_rejected(tmp_path, capsys):
    write(tmp_path, "good.txt", "Flood warning\n\nThe river rose overnight, the mayor said on Monday.\n")
    write(tmp_path, "good.ann", "T1\tSource 0 5\tFlood\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    write(tmp_path, "README.md", "# About this corpus")  # documentation: passed over without a word
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    rc = main(["analyze", str(tmp_path), "--format", "json", *LIGHT])
    err = capsys.readouterr().err
    assert rc == 1
    assert "analysed 1 article, rejected 1" in err
    assert "loop.txt: [E101] not found: a symbolic link to nothing" in err
    assert "not read in the folders: 2 files (1 .ann, 1 .png)" in err
    assert "good.ann" in err and "photo.png" in err and "README" not in err


def test_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        "Pasted story\n\nCouncil members said the vote was postponed until May.\n".encode())))
    rc = main(["analyze", "-", "--format", "json", "--quiet", *LIGHT])
    cap = capsys.readouterr()
    assert rc == 0 and cap.err == ""
    (a,) = json.loads(cap.out)["articles"]
    assert a["source"] == "<stdin>" and a["title"] == "Pasted story"


@pytest.mark.parametrize("args,code", [
    (["--config", "/nonexistent/config.json"], "E012"),
    (["--disable", "nosuchstage"], "E013"),
    (["--workers", "0"], "E014"),
    (["--article-timeout", "0"], "E015"),
    (["--aliases", "/nonexistent/aliases.tsv"], "E302"),
    (["--attribution-model", "nosuchmodel"], "E202"),
])
def test_user_mistakes_are_one_line_errors(tmp_path, capsys, args, code):
    good = write(tmp_path, "good.txt", "T\n\nSome words here for the body of it.\n")
    rc = main(["analyze", str(good), "--no-store", *args])
    err = capsys.readouterr().err
    assert rc == 2
    assert f"[{code}]" in err and "Traceback" not in err


def test_size_limit_option(tmp_path, capsys):
    big = write(tmp_path, "big.txt", "Big\n\n" + "A sentence of the body. " * 200)
    rc = main(["analyze", str(big), "--max-bytes", "1000", *LIGHT])
    assert rc == 1
    assert "[E106] too large" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path):
    r = subprocess.run([sys.executable, "-m", "spinscope.cli", "analyze", str(tmp_path / "missing.txt"),
                        "--no-store", "--quiet"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr


def _options(parser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o.startswith("--") and o != "--help"}


def test_every_analyze_option_is_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, p in sub.choices.items():
        assert f"spinscope {name}" in docs, name
        if name == "analyze":
            missing = [o for o in _options(p) if o not in docs]
            assert not missing, f"undocumented analyze options: {missing}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make run", readme, re.M) and re.search(r"^make test", readme, re.M)


def test_brat_without_out_is_a_usage_error(tmp_path, capsys):
    f = write(tmp_path, "a.txt", "The mayor said the bridge would reopen.\n")
    rc = main(["attributions", str(f), "--format", "brat"])
    err = capsys.readouterr().err
    assert rc == 2 and "[E304]" in err and "--out" in err


def test_attribution_offsets_are_into_the_files_own_characters(tmp_path, capsys):
    f = tmp_path / "crlf.txt"
    f.write_bytes(b"The mayor said the bridge would reopen.\r\nCritics say it will not.\r\n")
    assert main(["attributions", str(f), "--format", "json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    raw = f.read_bytes().decode("utf-8")
    spans = [a["content"] for a in doc["attributions"]]
    assert [raw[s["start"]:s["end"]] for s in spans] == ["the bridge would reopen", "it will not"]


def test_jsonl_streams_one_object_per_line_and_keeps_no_articles_without_narratives(tmp_path, capsys, monkeypatch):
    from spinscope.commands import analyze as analyze_mod

    good = write(tmp_path, "good.txt", "Flood warning\n\nThe river rose overnight, the mayor said on Monday.\n")
    other = write(tmp_path, "other.txt", "Dam holds\n\nThe dam held, engineers told reporters.\n")
    empty = write(tmp_path, "empty.txt", "")
    seen = {}
    real = analyze_mod.analyze

    def spy(*args, **kwargs):
        result = real(*args, **kwargs)
        seen["kept"] = len(result.articles)
        return result

    monkeypatch.setattr(analyze_mod, "analyze", spy)
    out = tmp_path / "out.jsonl"
    rc = main(["analyze", str(good), str(other), str(empty), "--format", "jsonl", "--out", str(out),
               *LIGHT, "--disable", "narratives"])
    err = capsys.readouterr().err
    assert rc == 1 and "analysed 2 articles, rejected 1" in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["type"] for r in rows) == ["article", "article", "rejected"]
    assert {r["title"] for r in rows if r["type"] == "article"} == {"Flood warning", "Dam holds"}
    assert all(r["schema_version"] for r in rows if r["type"] == "article")
    assert seen["kept"] == 0  # streamed, not held in memory


def test_jsonl_with_narratives_ends_with_narrative_lines(tmp_path, capsys):
    rc = main(["analyze", str(ROOT / "examples"), "--format", "jsonl", "--no-store", "--quiet",
               "--disable", "techniques"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    types = [r["type"] for r in rows]
    assert rc == 0 and "narrative" in types
    assert types.index("narrative") > max(i for i, t in enumerate(types) if t == "article")
