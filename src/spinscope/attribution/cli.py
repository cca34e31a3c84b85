"""``spinscope attributions PATH... --format json|text|brat [--out DIR]``.

Reads each file as is (UTF-8, no cleaning), so offsets are into the file's own
characters; ``brat`` writes ``<stem>.ann`` per input into ``--out``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..errors import E_USAGE, SpinscopeError
from ..ingest.exact import read_exact, text_files
from .brat import format_ann


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="text files (UTF-8) or folders of .txt files")
    parser.add_argument("--format", choices=("json", "text", "brat"), default="json")
    parser.add_argument("--out", help="output folder (required for brat; json/text print to stdout)")
    parser.add_argument("--model", dest="tagger", default=os.environ.get("SPINSCOPE_ATTRIBUTION_MODEL", "fast"),
                        metavar="NAME|DIR",
                        help="'fast' (default: dependency rules and linear models), 'accurate' (adds the shipped "
                             "transformer tagger: better recall, about 4-5x slower) or a tagger directory "
                             "(also SPINSCOPE_ATTRIBUTION_MODEL; see docs/attribution.md)")


def run(args: argparse.Namespace) -> int:
    from .extract import AttributionExtractor

    files = text_files(args.paths, recursive=False)
    if args.format == "brat" and not args.out:
        raise SpinscopeError(E_USAGE, "--format brat needs --out DIR")
    texts = [read_exact(f) for f in files]
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    from .extract import ExtractorOptions

    extractor = AttributionExtractor(options=ExtractorOptions(tagger=args.tagger))
    records = []
    for f, atts in zip(files, extractor.pipe(texts)):
        if args.format == "brat":
            assert out_dir is not None
            (out_dir / (f.stem + ".ann")).write_text(format_ann(atts), encoding="utf-8")
        elif args.format == "json":
            records.append({"path": str(f), "attributions": [a.to_dict() for a in atts]})
        else:
            lines = [f"# {f}"]
            for a in atts:
                who = a.speaker or "(unknown)"
                extra = []
                if a.speaker_description:
                    extra.append(a.speaker_description)
                if a.medium:
                    extra.append(f"via {a.medium}")
                if a.unnamed:
                    extra.append("unnamed")
                if a.flags:
                    extra.append(",".join(a.flags))
                tag = f" [{'; '.join(extra)}]" if extra else ""
                cue = a.cue.text if a.cue else "-"
                lines.append(f"{who}{tag} --{cue}--> ({a.kind}) {' '.join(a.content.text.split())}")
            records.append("\n".join(lines))
    if args.format == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2)
        if out_dir:
            (out_dir / "attributions.json").write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
    elif args.format == "text":
        text = "\n\n".join(records)
        if out_dir:
            (out_dir / "attributions.txt").write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
    else:
        print(f"wrote {len(files)} .ann files to {out_dir}", file=sys.stderr)
    return 0
