"""Reading PTC-format data (SemEval-2020 Task 11): articles, labels, splits.

A PTC directory holds ``articles/article<ID>.txt`` (title, blank line, one
sentence a line), ``labels-tc.tsv`` (``ID<TAB>technique<TAB>start<TAB>end``,
character offsets into the file, end exclusive), ``split.tsv`` (``ID<TAB>split``)
and ``techniques.txt`` (the 14 technique names).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import E_BAD_SPAN_LINE, E_NOT_PTC_DATA, SpinscopeError

# The 14 PTC technique names, exactly as in PTC's techniques.txt (sorted).
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

_ARTICLE_ID = re.compile(r"article(\d+)")


@dataclass
class Label:
    """One gold or predicted technique span of a document."""

    technique: str
    start: int
    end: int


@dataclass
class PTCDocument:
    """One article of a PTC-format corpus with its labels."""

    id: str
    text: str
    labels: list[Label] = field(default_factory=list)
    split: str | None = None


def article_id(path: str | Path) -> str:
    """The SemEval id of a file: the digits of ``article<ID>.txt``, else the file stem."""
    path = Path(path)
    m = _ARTICLE_ID.fullmatch(path.stem)
    return m.group(1) if m else path.stem


def read_text(path: str | Path) -> str:
    """Read a corpus file exactly (no newline translation: offsets count every character)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def read_labels(path: str | Path, with_technique: bool = True) -> dict[str, list[Label]]:
    """Read a labels file (``ID technique start end`` or ``ID start end``) into id -> labels.

    Any placeholder in the technique column is kept as is (``?`` for a TC template).
    """
    out: dict[str, list[Label]] = defaultdict(list)
    for n, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        cols = line.rstrip("\r\n").split("\t")
        try:
            if len(cols) >= 4:
                doc_id, technique, start, end = cols[0], cols[1], int(cols[2]), int(cols[3])
            elif len(cols) == 3:
                doc_id, technique, start, end = cols[0], "?", int(cols[1]), int(cols[2])
            else:
                raise ValueError(f"{len(cols)} columns")
        except ValueError as e:
            raise SpinscopeError(E_BAD_SPAN_LINE, f"{path}:{n}: not a SemEval span line ({e}): {line[:80]!r}") from e
        out[doc_id].append(Label(technique, start, end))
    return dict(out)


def read_split(path: str | Path) -> dict[str, str]:
    out = {}
    for line in read_text(path).splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            out[cols[0].strip()] = cols[1].strip()
    return out


def load_ptc(data_dir: str | Path, split: str | None = None) -> list[PTCDocument]:
    """Load a PTC-format corpus, optionally one split (``train``/``dev``) of ``split.tsv``.

    Raises:
        SpinscopeError: E310 when the directory is not PTC-format or the split is unknown.
    """
    data_dir = Path(data_dir)
    art_dir = data_dir / "articles"
    if not art_dir.is_dir():
        raise SpinscopeError(E_NOT_PTC_DATA, f"{data_dir} has no articles/ folder: not a PTC-format directory")
    labels_path = data_dir / "labels-tc.tsv"
    labels = read_labels(labels_path) if labels_path.exists() else {}
    split_path = data_dir / "split.tsv"
    splits = read_split(split_path) if split_path.exists() else {}
    if split is not None and split not in set(splits.values()):
        raise SpinscopeError(
            E_NOT_PTC_DATA, f"split {split!r} not in {split_path} (known: {', '.join(sorted(set(splits.values()))) or 'none'})")
    docs = []
    for path in sorted(art_dir.glob("article*.txt")):
        doc_id = article_id(path)
        doc_split = splits.get(doc_id)
        if split is not None and doc_split != split:
            continue
        docs.append(PTCDocument(doc_id, read_text(path), list(labels.get(doc_id, [])), doc_split))
    return docs
