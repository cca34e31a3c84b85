"""``spinscope techniques PATH... [--format json|text|semeval-si|semeval-flc|semeval-tc]``.

Files are read exactly as they are (UTF-8, no cleaning), so offsets are into
each file's own characters. Folders are searched recursively for ``*.txt``.
The SemEval-2020 Task 11 formats use as ``ID`` the digits of ``article<ID>.txt``
and otherwise the file stem:

* ``semeval-si``: ``ID<TAB>start<TAB>end`` per predicted span;
* ``semeval-flc``: ``ID<TAB>technique<TAB>start<TAB>end`` per predicted span;
* ``semeval-tc``: label the spans of ``--spans TEMPLATE`` (lines
  ``ID<TAB>?<TAB>start<TAB>end``, any placeholder in column 2), printing
  ``ID<TAB>technique<TAB>start<TAB>end`` in the template's order.
"""
from __future__ import annotations

import argparse
import json
import sys

from ..errors import E_TECHNIQUES_USAGE, SpinscopeError
from ..ingest.exact import read_exact, text_files
from .data import article_id, read_labels

FORMATS = ("json", "text", "semeval-si", "semeval-flc", "semeval-tc")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="text files (UTF-8) or folders (searched recursively for *.txt)")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format (default: json)")
    parser.add_argument("--spans", metavar="TEMPLATE", help="for semeval-tc: the spans to label (ID<TAB>?<TAB>start<TAB>end)")
    parser.add_argument("--model", default=None, help="shipped model name or a model directory (default: the default model; "
                        "env SPINSCOPE_TECHNIQUES_MODEL)")
    parser.add_argument("--min-score", type=float, default=0.0, help="drop spans scoring below this (json, text, semeval-si/flc)")


def run(args: argparse.Namespace) -> int:
    from .model import load_model

    if args.format == "semeval-tc" and not args.spans:
        raise SpinscopeError(E_TECHNIQUES_USAGE, "--format semeval-tc needs --spans TEMPLATE (lines ID<TAB>?<TAB>start<TAB>end)")
    if args.spans and args.format != "semeval-tc":
        raise SpinscopeError(E_TECHNIQUES_USAGE, "--spans is only used with --format semeval-tc")
    files = text_files(args.paths)
    model = load_model(args.model)
    out = sys.stdout
    if args.format == "semeval-tc":
        template = read_labels(args.spans)
        by_id = {article_id(f): f for f in files}
        missing = sorted(set(template) - set(by_id))
        if missing:
            raise SpinscopeError(E_TECHNIQUES_USAGE, f"--spans names {len(missing)} article(s) not among the inputs, e.g. {missing[0]}")
        for doc_id, labels in template.items():
            text = read_exact(by_id[doc_id])
            spans = [(x.start, x.end) for x in labels]
            for (s, e), technique in zip(spans, model.classify_spans(text, spans)):
                out.write(f"{doc_id}\t{technique}\t{s}\t{e}\n")
        return 0
    records = []
    for f in files:
        text = read_exact(f)
        doc_id = article_id(f)
        found = [t for t in model.predict(text) if t.score >= args.min_score]
        if args.format == "semeval-si":
            for t in found:
                out.write(f"{doc_id}\t{t.start}\t{t.end}\n")
        elif args.format == "semeval-flc":
            for t in found:
                out.write(f"{doc_id}\t{t.technique}\t{t.start}\t{t.end}\n")
        elif args.format == "text":
            out.write(f"# {f} ({len(found)} spans, model {model.name})\n")
            for t in found:
                snippet = t.text.replace("\n", " ")
                out.write(f"{t.start}-{t.end}\t{t.technique}\t{t.score:.2f}\t{snippet}\n")
        else:
            records.append({"path": str(f), "id": doc_id, "model": model.name,
                            "techniques": [{"technique": t.technique, "start": t.start, "end": t.end,
                                            "score": t.score, "text": t.text} for t in found]})
    if args.format == "json":
        json.dump(records, out, indent=2, ensure_ascii=False)
        out.write("\n")
    return 0
