"""``spinscope eval WHAT``: each evaluation lives in ``spinscope.eval.<what>``.

An evaluation module exposes ``add_arguments(parser)`` and ``run(args) -> int``.
"""
from __future__ import annotations

import argparse
import importlib

EVALUATIONS = {
    "cleaning": ("spinscope.eval.cleaning", "debris removal and sentence keeping on the cleaning evaluation set"),
    "attribution": ("spinscope.eval.attribution", "Source/Cue/Content and relation P/R/F1 on PolNeAR-style brat data"),
    "techniques": ("spinscope.eval.techniques", "SemEval-2020 Task 11 SI / TC / full-task scores on PTC"),
    "narratives": ("spinscope.eval.narratives", "narrative clustering (pairwise, B-cubed, ARI, V-measure) on WikiRef220 or SemEval-2025 topics"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    for name, (module, help_text) in EVALUATIONS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        mod.add_arguments(p)
        p.set_defaults(_eval_module=module)


def run(args: argparse.Namespace) -> int:
    return int(importlib.import_module(args._eval_module).run(args) or 0)
