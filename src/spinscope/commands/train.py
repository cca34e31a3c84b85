"""``spinscope train WHAT``: each trainer lives in its component package.

A trainer module exposes ``add_arguments(parser)`` and ``run(args) -> int``.
"""
from __future__ import annotations

import argparse
import importlib

TRAINERS = {
    "techniques": ("spinscope.techniques.train", "train the persuasion-technique model on PTC-format data"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    for name, (module, help_text) in TRAINERS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        mod.add_arguments(p)
        p.set_defaults(_train_module=module)


def run(args: argparse.Namespace) -> int:
    return int(importlib.import_module(args._train_module).run(args) or 0)
