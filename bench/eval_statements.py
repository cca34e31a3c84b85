"""Score attributed statements of `spinscope analyze` against hand-checked gold keys.

    .venv/bin/python bench/eval_statements.py --data evaldata/statements/heldout2 [--failures]

Each article `NAME.txt` has a gold key `NAME.gold.json`: a list, in text order, of the
statements the article attributes, with "speaker" (canonical name, or the vague phrase itself
for an unnamed source), "source", "description", "cue", "medium", "kind", "unnamed" and
"content_start" (the first words of what was said). A gold statement is *found* when an
output statement (body or headline) not matched yet contains its content's first five words
(case, quote marks and punctuation ignored). For the found ones it counts an exact (folded)
match of the speaker (an unnamed gold source counts as right when the output is unnamed too),
of the speaker's description (lenient: half the content words of the shorter one shared), of
the cue, of the medium (either containing the other) and of the unnamed flag. Output statements
matched by no gold statement are counted as extra. The gold statements of the headline (those
whose first words are in the file's first line) are also counted on their own: headlines
name their speakers by role ("AU chief warns ...") and are read by other rules than the body.

The scorer is strict about names ("OCHA" against "UN Office for the Coordination of
Humanitarian Affairs" is wrong) and the keys follow their writers' conventions (see
evaldata/statements/README.md), so the shares are lower bounds, useful to compare two versions
of the code on the same articles, not as an accuracy claim.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").translate(_QUOTES)).strip().casefold()


def _same_medium(pred: str | None, gold: str | None) -> bool:
    p, g = _norm(pred), _norm(gold)
    return p == g or bool(p and g and (p in g or g in p))


_FUNCTION_WORDS = frozenset("a an the of for at in on and to who which is was by with from its his her their".split())


def _same_description(pred: str | None, gold: str | None) -> bool:
    """Both empty, or at least half of the content words of the shorter one in the other
    ("head of a mid-sized installation company" ~ "who runs a mid-sized installation company")."""
    p, g = (set(_norm(x).split()) - _FUNCTION_WORDS for x in (pred, gold))
    if not p or not g:
        return not p and not g
    return len(p & g) * 2 >= min(len(p), len(g))


def score(data: Path, failures: bool = False) -> dict[str, int]:
    from spinscope.commands.analyze import analyze

    files = sorted(p for p in data.glob("*.txt") if p.with_suffix(".gold.json").exists())
    totals = dict(articles=len(files), gold=0, found=0, speaker=0, description=0, cue=0, medium=0, unnamed=0, extra=0,
                  headline_gold=0, headline_found=0, headline_speaker=0, headline_description=0)
    result = analyze([str(p) for p in files], store=None)
    for art in result.articles:
        gold = json.loads(Path(art.source).with_suffix(".gold.json").read_text(encoding="utf-8"))
        if art.errors:  # a stage that failed is recorded on the article: say so, never score it silently
            print(f"stage errors in {Path(art.source).name}: {[(e.stage, e.message) for e in art.errors]}")
        preds = list(art.attributions) + list(art.title_layers.attributions or [])
        used: set[int] = set()
        lines: list[str] = []
        first_line = _norm(Path(art.source).read_text(encoding="utf-8").lstrip().split("\n", 1)[0])
        for g in gold:
            totals["gold"] += 1
            key = " ".join(_norm(g.get("content_start")).split()[:5])
            headline = bool(key) and key in first_line
            totals["headline_gold"] += headline
            i = next((i for i, a in enumerate(preds) if i not in used and key and key in _norm(a.content.text)), None)
            if i is None:
                lines.append(f"  missed   {g['speaker']!r} {g.get('cue')!r}: {g.get('content_start')!r}")
                continue
            used.add(i)
            a = preds[i]
            totals["found"] += 1
            checks = {
                "speaker": _norm(a.speaker) == _norm(g["speaker"]) or bool(g.get("unnamed") and a.unnamed),
                "description": _same_description(a.speaker_description, g.get("description")),
                "cue": _norm(a.cue.text if a.cue else None) == _norm(g.get("cue")),
                "medium": _same_medium(a.medium, g.get("medium")),
                "unnamed": bool(a.unnamed) == bool(g.get("unnamed")),
            }
            for k, ok in checks.items():
                totals[k] += ok
            if headline:
                totals["headline_found"] += 1
                totals["headline_speaker"] += checks["speaker"]
                totals["headline_description"] += checks["description"]
            if not all(checks.values()):
                wrong = ", ".join(k for k, ok in checks.items() if not ok)
                lines.append(f"  {wrong:8} got {a.speaker!r} / {a.speaker_description!r} / {a.cue.text if a.cue else None!r}"
                             f" / {a.medium!r}, gold {g['speaker']!r} / {g.get('description')!r} / {g.get('cue')!r}"
                             f" / {g.get('medium')!r}")
        extra = [a for i, a in enumerate(preds) if i not in used]
        totals["extra"] += len(extra)
        if failures and (lines or extra):
            print(f"== {Path(art.source).name}")
            print("\n".join(lines + [f"  extra    {a.speaker!r} {a.cue.text if a.cue else None!r}: "
                                     f"{a.content.text[:60]!r}" for a in extra]))
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="evaldata/statements/heldout2", help="folder of NAME.txt + NAME.gold.json")
    ap.add_argument("--failures", action="store_true", help="print every statement that is not fully right")
    args = ap.parse_args()
    t = score(Path(args.data), args.failures)
    found = max(t["found"], 1)
    print(f"{t['articles']} articles, {t['gold']} gold statements, {t['found']} found "
          f"({t['found'] / max(t['gold'], 1):.3f}), {t['extra']} extra")
    for k in ("speaker", "description", "cue", "medium", "unnamed"):
        print(f"  {k:11} right {t[k]:4d} of {t['found']} found  {t[k] / found:.3f}")
    print(f"  headline: {t['headline_gold']} gold, {t['headline_found']} found, speaker right "
          f"{t['headline_speaker']}, description right {t['headline_description']}")


if __name__ == "__main__":
    main()
