"""The alias table: surface forms -> one canonical entity, shipped as editable data.

Format (``src/spinscope/data/aliases.tsv``)::

    canonical<TAB>label<TAB>alias1|alias2|...

``#`` starts a comment line. An alias written ``!IS`` is ambiguous with an ordinary
word and is only matched in running text when the guards in :mod:`.ruler` accept it.
Users extend the table with their own file (same format) through the stage option
``aliases_path`` or the environment variable ``SPINSCOPE_ALIASES`` (several paths
separated by ``os.pathsep``); later lines win over earlier ones.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import SpinscopeError

ENV_ALIASES = "SPINSCOPE_ALIASES"
from ..errors import E_BAD_ALIAS_FILE
KNOWN_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MEDIA", "EVENT", "PRODUCT"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})
_KEY_DROP = re.compile(r"[.\u200b]")
_KEY_SPACE = re.compile(r"[\s\-\u2010-\u2015_/]+")
_LEADING_THE = re.compile(r"^the\s+", re.I)


def alias_key(text: str) -> str:
    """The lookup key of a surface form: case-folded, no dots, hyphens as spaces, no "the".

    "U.S." and "US" share a key, as do "US-led coalition" and "U.S. led coalition".
    """
    text = text.translate(_APOSTROPHES).strip()
    text = _LEADING_THE.sub("", text)
    text = _KEY_DROP.sub("", text)
    text = _KEY_SPACE.sub(" ", text)
    return text.casefold().strip()


@dataclass(frozen=True)
class AliasEntry:
    """One entity of the table."""

    canonical: str
    label: str
    aliases: tuple[str, ...]
    ambiguous: frozenset[str] = frozenset()  # aliases that need context guards


@dataclass
class AliasTable:
    """Canonical entities and their surface forms, with key lookup."""

    entries: dict[str, AliasEntry] = field(default_factory=dict)
    _by_key: dict[str, AliasEntry] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add(self, entry: AliasEntry) -> None:
        old = self.entries.get(entry.canonical)
        if old is not None:  # a later file extends an entity already known
            entry = AliasEntry(entry.canonical, entry.label,
                               tuple(dict.fromkeys(old.aliases + entry.aliases)),
                               old.ambiguous | entry.ambiguous)
        self.entries[entry.canonical] = entry
        for surface in (entry.canonical,) + entry.aliases:
            self._by_key[alias_key(surface)] = entry

    def lookup(self, text: str) -> AliasEntry | None:
        """The entry whose alias has the same key as ``text``, else None.

        An ambiguous alias ("!WHO", "!US", "!IS") only matches when written with its own
        capitals: "who" and "us" are never the WHO or the United States.
        """
        key = alias_key(text)
        entry = self._by_key.get(key)
        if entry is None or not entry.ambiguous:
            return entry
        amb = [a for a in entry.ambiguous if alias_key(a) == key]
        if not amb:
            return entry
        # every spelling with this key ("U.S." and "US"), compared with its capitals
        def bare(t: str) -> str:
            return _KEY_SPACE.sub(" ", _KEY_DROP.sub("", _LEADING_THE.sub("", t.translate(_APOSTROPHES).strip())))

        same_key = [a for a in (entry.canonical,) + entry.aliases if alias_key(a) == key]
        return entry if any(bare(text) == bare(a) for a in same_key) else None

    def surface_forms(self) -> list[tuple[str, AliasEntry, bool]]:
        """All (surface form, entry, ambiguous) triples, for the text matcher."""
        out: list[tuple[str, AliasEntry, bool]] = []
        for entry in self.entries.values():
            for surface in (entry.canonical,) + entry.aliases:
                surface = _LEADING_THE.sub("", surface)
                # the latest entry owning a key wins (user files override the shipped table)
                if self._by_key.get(alias_key(surface)) is not entry:
                    continue
                out.append((surface, entry, surface in entry.ambiguous))
        return out

    def __len__(self) -> int:
        return len(self.entries)


def parse_alias_lines(lines: list[str], origin: str = "<string>") -> list[AliasEntry]:
    """Parse table lines; raises :class:`SpinscopeError` E301 naming the bad line."""
    entries: list[AliasEntry] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip():
            raise SpinscopeError(E_BAD_ALIAS_FILE, f"{origin}:{lineno}: expected "
                                 "'canonical<TAB>label<TAB>alias1|alias2', got {line!r}")
        canonical, label = cols[0].strip(), cols[1].strip().upper()
        if label not in KNOWN_LABELS:
            raise SpinscopeError(E_BAD_ALIAS_FILE, f"{origin}:{lineno}: unknown label {label!r}; "
                                 f"use one of {', '.join(sorted(KNOWN_LABELS))}")
        aliases: list[str] = []
        ambiguous: set[str] = set()
        for alias in (cols[2].split("|") if len(cols) > 2 else []):
            alias = alias.strip()
            if alias.startswith("!"):
                alias = alias[1:].strip()
                ambiguous.add(alias)
            if alias:
                aliases.append(alias)
        entries.append(AliasEntry(canonical, label, tuple(aliases), frozenset(ambiguous)))
    return entries


def default_alias_text() -> str:
    return resources.files("spinscope").joinpath("data/aliases.tsv").read_text(encoding="utf-8")


def user_alias_paths(aliases_path: str | os.PathLike | None = None) -> tuple[str, ...]:
    """Extra alias files: the option first, then ``SPINSCOPE_ALIASES`` (os.pathsep-separated)."""
    paths: list[str] = []
    env = os.environ.get(ENV_ALIASES, "")
    paths.extend(p for p in env.split(os.pathsep) if p.strip())
    if aliases_path:
        # the explicit option is applied last: it wins (several paths: os.pathsep-separated)
        paths.extend(p for p in str(aliases_path).split(os.pathsep) if p.strip())
    return tuple(paths)


@lru_cache(maxsize=16)
def load_aliases(extra_paths: tuple[str, ...] = (), include_default: bool = True) -> AliasTable:
    """The shipped table extended by ``extra_paths`` (cached per combination)."""
    table = AliasTable()
    if include_default:
        for entry in parse_alias_lines(default_alias_text().splitlines(), "aliases.tsv"):
            table.add(entry)
        table.sources.append("spinscope/data/aliases.tsv")
    for path in extra_paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise SpinscopeError(E_BAD_ALIAS_FILE, f"cannot read alias file {path!r}: {e}; "
                                 "check the aliases_path option or SPINSCOPE_ALIASES") from e
        for entry in parse_alias_lines(text.splitlines(), str(p)):
            table.add(entry)
        table.sources.append(str(p))
    return table
