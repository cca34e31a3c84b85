#!/usr/bin/env python3
"""Validate the cleaning evaluation set (stdlib only).

For every NNN_<kind>.txt / NNN_<kind>.json pair in this folder, check that:
  * the pair is complete and the JSON has the expected keys and types;
  * "kind" matches the file name;
  * "title" occurs in the first non-empty line of the .txt;
  * every must_keep / must_drop snippet is an exact substring of the .txt,
    is a single line and is 20-200 characters long;
  * counts: 4-10 must_keep; 3-10 must_drop (exactly 0 for kind "clean");
  * drop_reasons has exactly one allowed reason per must_drop snippet;
  * no must_keep snippet is contained in (or contains) a must_drop snippet,
    and no occurrence of a must_keep snippet overlaps an occurrence of a
    must_drop snippet in the .txt.

Also offers normalize(), the whitespace normalisation recommended for
evaluators (NBSP -> space, runs of whitespace collapsed).

Usage: check_snippets.py [FOLDER]   (default: the folder this script is in, e.g.
``python3 evaldata/cleaning/check_snippets.py evaldata/cleaning-heldout``).

Exit status 0 when everything passes, 1 otherwise.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REASONS = {
    "share_prompt", "related_teaser", "comment_form", "caption", "credit",
    "repeated_title", "newsletter", "cookie_notice", "advertisement",
    "navigation", "byline", "tags", "copyright", "repost_note",
    "forum_signature", "other",
}
NAME = re.compile(r"^(\d{3})_([a-z_]+)\.(txt|json)$")


def normalize(s: str) -> str:
    """Whitespace normalisation to apply to both snippet and cleaned text."""
    return " ".join(s.replace("\u00a0", " ").split())


def occurrences(text: str, sub: str):
    start = 0
    while True:
        i = text.find(sub, start)
        if i < 0:
            return
        yield i, i + len(sub)
        start = i + 1


def check_pair(txt_path: Path, json_path: Path, kind: str) -> list[str]:
    errs = []
    text = txt_path.read_text(encoding="utf-8")
    try:
        rec = json.loads(json_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [f"invalid JSON: {e}"]
    for key, typ in (("kind", str), ("title", str), ("must_keep", list),
                     ("must_drop", list), ("drop_reasons", dict)):
        if not isinstance(rec.get(key), typ):
            errs.append(f"missing or mistyped key {key!r}")
    if errs:
        return errs
    if rec["kind"] != kind:
        errs.append(f"kind {rec['kind']!r} != file-name kind {kind!r}")

    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if normalize(rec["title"]) not in normalize(first):
        errs.append(f"title not in first non-empty line: {first[:80]!r}")

    keep, drop = rec["must_keep"], rec["must_drop"]
    if not 4 <= len(keep) <= 10:
        errs.append(f"{len(keep)} must_keep snippets (want 4-10)")
    if kind == "clean":
        if drop:
            errs.append("kind 'clean' must have no must_drop snippets")
    elif not 3 <= len(drop) <= 10:
        errs.append(f"{len(drop)} must_drop snippets (want 3-10)")

    for label, snippets in (("must_keep", keep), ("must_drop", drop)):
        if len(set(snippets)) != len(snippets):
            errs.append(f"duplicate {label} snippets")
        for s in snippets:
            if not isinstance(s, str):
                errs.append(f"{label}: non-string snippet {s!r}")
                continue
            if s not in text:
                errs.append(f"{label} not a substring: {s[:70]!r}")
            if "\n" in s or "\r" in s:
                errs.append(f"{label} spans lines: {s[:70]!r}")
            if s != s.strip():
                errs.append(f"{label} has outer whitespace: {s[:70]!r}")
            if not 20 <= len(s) <= 200:
                errs.append(f"{label} length {len(s)} outside 20-200: {s[:70]!r}")

    reasons = rec["drop_reasons"]
    if set(reasons) != set(drop):
        errs.append("drop_reasons keys differ from must_drop")
    for s, r in reasons.items():
        if r not in REASONS:
            errs.append(f"unknown drop reason {r!r} for {s[:50]!r}")

    drop_spans = [sp for d in drop for sp in occurrences(text, d)]
    for k in keep:
        for d in drop:
            if k in d or d in k:
                errs.append(f"keep/drop contain each other: {k[:40]!r} / {d[:40]!r}")
        for a, b in occurrences(text, k):
            if any(a < y and x < b for x, y in drop_spans):
                errs.append(f"must_keep occurrence overlaps a must_drop span: {k[:60]!r}")
                break
    return errs


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else HERE
    if not folder.is_dir():
        print(f"FAIL {folder}: not a folder")
        return 1
    files = {}
    for p in sorted(folder.iterdir()):
        m = NAME.match(p.name)
        if m:
            files.setdefault((m.group(1), m.group(2)), {})[m.group(3)] = p
    failed = 0
    counts: dict[str, int] = {}
    nums = [n for n, _ in files]
    for n in set(nums):
        if nums.count(n) > 1:
            print(f"FAIL number {n} used by several kinds")
            failed += 1
    for (num, kind), pair in sorted(files.items()):
        name = f"{num}_{kind}"
        if set(pair) != {"txt", "json"}:
            print(f"FAIL {name}: incomplete pair {sorted(pair)}")
            failed += 1
            continue
        errs = check_pair(pair["txt"], pair["json"], kind)
        counts[kind] = counts.get(kind, 0) + 1
        if errs:
            failed += 1
            for e in errs:
                print(f"FAIL {name}: {e}")
    total = sum(counts.values())
    print(f"{total} articles: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    print("OK" if not failed else f"{failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
