"""Corpus files read exactly as they are (UTF-8, no cleaning, no newline translation).

For the commands whose output offsets must point into each input file's own characters
(`spinscope attributions --format brat`, `spinscope techniques --format semeval-*`).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import E_NOT_FOUND, E_UNDECODABLE, SpinscopeError


def text_files(paths: list[str], recursive: bool = True) -> list[Path]:
    """Files named on the command line; folders expanded to their ``*.txt`` files (sorted)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.txt") if recursive else p.glob("*.txt")))
        elif p.is_file():
            files.append(p)
        else:
            raise SpinscopeError(E_NOT_FOUND, f"input not found: {p}")
    return files


def read_exact(path: str | Path) -> str:
    """The file's text, every character kept ("\\r\\n" stays two characters)."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except UnicodeDecodeError as e:
        raise SpinscopeError(E_UNDECODABLE, f"{path} is not UTF-8 text") from e
