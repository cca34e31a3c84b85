"""``spinscope eval cleaning``: debris removal and sentence keeping on snippet gold data.

Data layout (trafilatura's ``evaldata.json`` idea, one file pair per article):
``DIR/NNN_kind.txt`` - the input, read like a plain-text file (first non-empty line is
the title, the rest the body) - and ``DIR/NNN_kind.json`` with
``{"kind", "title", "must_keep": [...], "must_drop": [...], "drop_reasons": {snippet: reason}}``.

Metrics (snippets and clean text compared with whitespace collapsed, nothing else):
- debris removal, positive = "a must_drop snippet is gone":
  TP = must_drop absent, FN = must_drop present, FP = must_keep absent.
- sentence keeping, positive = "a must_keep snippet is there":
  TP = must_keep present, FN = must_keep absent, FP = must_drop present.
- title accuracy: cleaned title == gold title (whitespace collapsed).
- reason accuracy (secondary): for removed must_drop snippets with a gold reason, the
  reason of the Removed fragment that contains the snippet.
An article the cleaner rejects (nothing left) counts all its must_keep as lost.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from ..clean.cleaner import Cleaner
from ..clean.normalize import normalize_line
from ..clean.stage import CleanStage
from ..errors import SpinscopeError
from ..model import Article

DEFAULT_DATA = "evaldata/cleaning"
from ..errors import E_NO_EVAL_DATA


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", default=DEFAULT_DATA,
                        help=f"folder of NNN_kind.txt + NNN_kind.json pairs (default {DEFAULT_DATA})")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--failures", type=int, default=30,
                        help="how many failures to list in the table output (default 30)")


def _ws(text: str) -> str:
    return " ".join(normalize_line(text).split())


def read_plain_text(path: Path) -> Article:
    """Read a .txt the way plain-text input is ingested (the lead's reader if present)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        from ..ingest import article_from_text
    except ImportError:  # ingest not available: same split, done here
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        i = next((k for k, ln in enumerate(lines) if ln.strip()), len(lines))
        title = " ".join(lines[i].split()) if i < len(lines) else None
        return Article(source=str(path), title=title, raw_text="\n".join(lines[i + 1:]))
    return article_from_text(text, str(path))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    """Precision/recall/F1; None where undefined (e.g. a kind without must_drop snippets)."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = (2 * p * r / (p + r) if p + r else 0.0) if p is not None and r is not None else None
    rnd = (lambda x: None if x is None else round(x, 4))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": rnd(p), "recall": rnd(r), "f1": rnd(f)}


class _Tally:
    def __init__(self) -> None:
        self.files = 0
        self.keep_present = self.keep_absent = self.drop_present = self.drop_absent = 0
        self.title_ok = 0
        self.reason_ok = self.reason_total = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "debris": _prf(self.drop_absent, self.keep_absent, self.drop_present),
            "keeping": _prf(self.keep_present, self.drop_present, self.keep_absent),
            "title": {"correct": self.title_ok, "total": self.files,
                      "accuracy": round(self.title_ok / self.files, 4) if self.files else 0.0},
            "reasons": {"correct": self.reason_ok, "total": self.reason_total,
                        "accuracy": round(self.reason_ok / self.reason_total, 4) if self.reason_total else 0.0},
        }


def find_items(data_dir: str | Path) -> list[tuple[Path, Path]]:
    root = Path(data_dir)
    pairs = [(t, t.with_suffix(".json")) for t in sorted(root.glob("*.txt")) if t.with_suffix(".json").is_file()]
    if not pairs:
        raise SpinscopeError(E_NO_EVAL_DATA, f"no NNN_kind.txt + NNN_kind.json pairs under {root}; "
                             "pass --data DIR")
    return pairs


def evaluate_cleaning(data_dir: str | Path = DEFAULT_DATA, cleaner: Cleaner | None = None) -> dict[str, Any]:
    """Score the cleaner on a snippet gold folder; returns the metrics described above."""
    stage = CleanStage(cleaner.options) if cleaner else CleanStage(Cleaner().options)
    pairs = find_items(data_dir)
    total, per_kind = _Tally(), {}
    failures: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    digest = hashlib.sha256()
    t0 = time.perf_counter()
    for txt, js in pairs:
        digest.update(txt.read_bytes())
        digest.update(js.read_bytes())
        gold = json.loads(js.read_text(encoding="utf-8"))
        kind = gold.get("kind") or txt.stem.partition("_")[2] or "unknown"
        tallies = (total, per_kind.setdefault(kind, _Tally()))
        article = read_plain_text(txt)
        try:
            article = stage(article)
            clean = _ws(article.text)
        except SpinscopeError as e:
            errors.append({"file": txt.name, "code": e.code, "message": e.message})
            clean = ""
        removed = [(_ws(r.text), r.reason) for r in article.removed]
        for tally in tallies:
            tally.files += 1
        for snippet in gold.get("must_keep", []):
            present = _ws(snippet) in clean
            for tally in tallies:
                if present:
                    tally.keep_present += 1
                else:
                    tally.keep_absent += 1
            if not present:
                failures.append({"file": txt.name, "kind": kind, "type": "lost_sentence", "snippet": snippet})
        reasons = gold.get("drop_reasons", {}) or {}
        for snippet in gold.get("must_drop", []):
            s = _ws(snippet)
            present = s in clean
            for tally in tallies:
                if present:
                    tally.drop_present += 1
                else:
                    tally.drop_absent += 1
            if present:
                failures.append({"file": txt.name, "kind": kind, "type": "kept_debris", "snippet": snippet})
            elif snippet in reasons:
                got = next((r for t, r in removed if s in t or (t and t in s)), None)
                ok = got == reasons[snippet]
                for tally in tallies:
                    tally.reason_total += 1
                    tally.reason_ok += ok
                if not ok:
                    failures.append({"file": txt.name, "kind": kind, "type": "wrong_reason", "snippet": snippet,
                                     "expected": reasons[snippet], "got": got})
        title_ok = _ws(article.title or "") == _ws(gold.get("title") or "")
        for tally in tallies:
            tally.title_ok += title_ok
        if not title_ok:
            failures.append({"file": txt.name, "kind": kind, "type": "title",
                             "expected": gold.get("title"), "got": article.title})
    result = total.as_dict()
    result.update({
        "data": str(data_dir),
        "data_sha256": digest.hexdigest()[:16],
        "per_kind": {k: v.as_dict() for k, v in sorted(per_kind.items())},
        "failures": failures,
        "errors": errors,
        "seconds": round(time.perf_counter() - t0, 3),
    })
    return result


def _num(x: float | None) -> str:
    return f"{'-':>7}" if x is None else f"{x:>7.3f}"


def _row(name: str, d: dict[str, Any]) -> str:
    de, ke = d["debris"], d["keeping"]
    cells = [de["precision"], de["recall"], de["f1"], ke["precision"], ke["recall"], ke["f1"],
             d["title"]["accuracy"]]
    return f"{name:<18} {d['files']:>5} " + " ".join(_num(c) for c in cells)


def format_table(result: dict[str, Any], max_failures: int = 30) -> str:
    head = (f"{'':<18} {'files':>5} {'drop P':>7} {'drop R':>7} {'drop F1':>7} "
            f"{'keep P':>7} {'keep R':>7} {'keep F1':>7} {'title':>7}")
    out = [f"cleaning evaluation on {result['data']} (inputs sha256 {result['data_sha256']}, "
           f"{result['seconds']} s)", head, "-" * len(head)]
    for kind, d in result["per_kind"].items():
        out.append(_row(kind, d))
    out.append("-" * len(head))
    out.append(_row("ALL", result))
    r = result["reasons"]
    out.append(f"removal reason accuracy: {r['correct']}/{r['total']} = {r['accuracy']:.3f}")
    if result["errors"]:
        out.append(f"rejected after cleaning: {', '.join(e['file'] for e in result['errors'])}")
    fails = result["failures"]
    if fails:
        out.append(f"failures ({len(fails)}, first {min(len(fails), max_failures)}):")
        for f in fails[:max_failures]:
            if f["type"] == "title":
                out.append(f"  {f['file']}: title: expected {f['expected']!r}, got {f['got']!r}")
            elif f["type"] == "wrong_reason":
                out.append(f"  {f['file']}: reason {f['got']!r} != {f['expected']!r}: {f['snippet'][:70]!r}")
            else:
                out.append(f"  {f['file']}: {f['type']}: {f['snippet'][:90]!r}")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    result = evaluate_cleaning(args.data)
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(format_table(result, args.failures))
    return 0
