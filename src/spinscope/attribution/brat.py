"""Read and write attribution relations in brat standoff, PolNeAR's convention.

A statement is written as ``Source``/``Cue``/``Content`` T-lines, an ``Attribution``
T-line on the cue, and one E-line joining them::

    T1	Source 110 112	we
    T2	Cue 113 119	mocked
    T3	Content 120 160	...
    T4	Attribution 113 119	mocked
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

Discontinuous spans (``start end;start end``) are read as a list of fragments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..model import Attribution, Span

Fragments = tuple[tuple[int, int], ...]


@dataclass
class BratRelation:
    """One gold attribution: fragments of each role (``None`` when absent)."""

    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None
    type: str = "Attribution"


@dataclass
class BratDocument:
    """The text-bound spans and attribution relations of one ``.ann`` file."""

    spans: dict[str, tuple[str, Fragments, str]] = field(default_factory=dict)  # id -> (type, frags, text)
    relations: list[BratRelation] = field(default_factory=list)

    def spans_of(self, label: str) -> list[Fragments]:
        return [frags for (typ, frags, _t) in self.spans.values() if typ == label]


def _parse_fragments(offsets: str) -> Fragments:
    frags = []
    for part in offsets.split(";"):
        start, end = part.split()
        frags.append((int(start), int(end)))
    return tuple(frags)


def parse_ann(text: str) -> BratDocument:
    """Parse brat standoff text. Unknown or malformed lines are skipped, never fatal."""
    doc = BratDocument()
    events: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            head = cols[1].split(" ", 1)
            if len(head) != 2:
                continue
            try:
                doc.spans[cols[0]] = (head[0], _parse_fragments(head[1]), cols[2] if len(cols) > 2 else "")
            except ValueError:
                continue
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols[1])
    for ev in events:
        roles: dict[str, str] = {}
        parts = ev.split()
        if not parts:
            continue
        typ = parts[0].split(":", 1)[0]
        for arg in parts[1:]:
            if ":" in arg:
                role, ref = arg.split(":", 1)
                roles[role.rstrip("0123456789")] = ref

        def frags(role: str) -> Fragments | None:
            ref = roles.get(role)
            return doc.spans[ref][1] if ref in doc.spans else None

        doc.relations.append(BratRelation(frags("Source"), frags("Cue"), frags("Content"), typ))
    return doc


def read_ann(path: str | Path) -> BratDocument:
    return parse_ann(Path(path).read_text(encoding="utf-8"))


def format_ann(attributions: Iterable[Attribution]) -> str:
    """Write attributions in PolNeAR's brat convention (offsets as stored on the spans)."""
    lines: list[str] = []
    t = e = 0

    def tline(label: str, *pieces: Span) -> str:
        # A span over line breaks is written as fragments (brat's "s e;s e"), one per line,
        # so that each fragment's text is on one line as brat requires; a content with parts
        # (a split quotation, its speech tag left out) gets one fragment per part, as PolNeAR's.
        nonlocal t
        t += 1
        frags = []
        for piece in pieces:
            for m in re.finditer(r"[^\n]+", piece.text):
                a, b = m.start(), m.end()
                while a < b and piece.text[a].isspace():
                    a += 1
                while b > a and piece.text[b - 1].isspace():
                    b -= 1
                if b > a:
                    frags.append((piece.start + a, piece.start + b, piece.text[a:b]))
        if not frags:
            frags = [(p.start, p.end, p.text) for p in pieces]
        offsets = ";".join(f"{a} {b}" for a, b, _ in frags)
        lines.append(f"T{t}\t{label} {offsets}\t{' '.join(f for _, _, f in frags)}")
        return f"T{t}"

    for a in attributions:
        args = []
        src = tline("Source", a.source) if a.source else None
        cue = tline("Cue", a.cue) if a.cue else None
        content = tline("Content", *(a.content_parts or [a.content]))
        attr = tline("Attribution", a.cue or a.content)
        e += 1
        args = [f"Attribution:{attr}", f"Content:{content}"]
        if cue:
            args.append(f"Cue:{cue}")
        if src:
            args.append(f"Source:{src}")
        lines.append(f"E{e}\t" + " ".join(args))
    return "\n".join(lines) + ("\n" if lines else "")
