"""The ``spinscope`` command line: a thin layer over importable functions.

Each command lives in a module exposing ``add_arguments(parser)`` and
``run(args) -> int``; this file only dispatches.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import SpinscopeError

# command -> (module, one-line help)
COMMANDS = {
    "analyze": ("spinscope.commands.analyze", "analyse articles: clean text, entities, attributions, techniques, narratives"),
    "attributions": ("spinscope.attribution.cli", "extract attributed statements (json, text or brat standoff)"),
    "techniques": ("spinscope.techniques.cli", "detect persuasion techniques (json or SemEval-2020 Task 11 formats)"),
    "eval": ("spinscope.commands.evaluate", "evaluate a component on a dataset (cleaning, attribution, techniques, narratives)"),
    "train": ("spinscope.commands.train", "train a component's model (techniques)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spinscope",
        description="Who claims what, on whose authority, with which persuasion techniques, "
        "pushing which narrative, and copied from where.")
    parser.add_argument("--version", action="version", version=f"spinscope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
            continue  # a command whose module is not installed in this build
        p = sub.add_parser(name, help=help_text, description=help_text)
        mod.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(importlib.import_module(args._module).run(args) or 0)
    except SpinscopeError as e:
        print(f"spinscope: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("spinscope: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
