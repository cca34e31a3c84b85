"""Character-level normalisation of decoded input text.

Odd spaces become plain spaces, zero-width and control characters go, line ends
become ``\\n``. Typographic quotes and dashes are kept as they are: they carry
evidence (quotations) that later stages read.
"""
from __future__ import annotations

import re
import unicodedata

# U+00A0, U+1680, U+2000-U+200B, U+202F, U+205F, U+3000 and tabs/vertical whitespace
# inside a line read as a plain space. U+200B is listed here (not with the removed
# characters) because scraped text uses it between words as often as inside them.
_SPACE_CHARS = "\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200C)) + "\u202f\u205f\u3000\t\x0b"
_SPACE_TABLE = {ord(c): " " for c in _SPACE_CHARS}
# Line and paragraph separators, form feed and NEL end a line.
_SPACE_TABLE.update({0x2028: "\n", 0x2029: "\n\n", 0x0C: "\n", 0x85: "\n"})

_MULTI_SPACE = re.compile(r" {2,}")


# Control (Cc) characters except the line feed, and format (Cf) characters: zero-width
# joiners, soft hyphen, bidi marks, BOM, tag characters (Unicode 15 Cf list).
_DROPPED = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]")


def _is_dropped(ch: str) -> bool:
    """Zero-width, format (Cf) and control (Cc) characters other than the line feed."""
    return ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")


def normalize_text(text: str) -> str:
    """Normalise line ends, spaces and invisible characters; strip every line.

    Args:
        text: decoded input text.
    Returns:
        The text with ``\\n`` line ends, single plain spaces, no zero-width or
        control characters, and no leading/trailing spaces on any line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_SPACE_TABLE)
    text = _DROPPED.sub("", text)
    lines = (_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def normalize_line(line: str) -> str:
    """Normalise one line (or a title): like :func:`normalize_text`, joined to one line."""
    return " ".join(normalize_text(line).split())


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-"})


def squash(text: str) -> str:
    """Comparison key: case-folded, quotes/dashes unified, whitespace collapsed."""
    return " ".join(text.translate(_QUOTES).casefold().split())
