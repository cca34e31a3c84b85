"""Turn untrusted bytes into text: encoding detection and binary sniffing.

Cascade (each step documented, thresholds named):
1. byte-order marks (UTF-8, UTF-16 LE/BE, UTF-32);
2. known binary signatures (PDF, images, archives, office files) -> rejected;
3. UTF-16 without BOM, recognised by NUL bytes in alternate positions;
4. NUL bytes anywhere else -> binary;
5. strict UTF-8;
6. charset-normalizer's best guess when it is confident;
7. Windows-1252 (a superset of Latin-1's printable range), then Latin-1;
then the decoded text is rejected if too much of it is control characters.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import E_BINARY, E_EMPTY, E_UNDECODABLE, InputRejected

# Share of NUL bytes at odd (LE) or even (BE) positions above which a BOM-less
# input is taken to be UTF-16 (English text in UTF-16 has ~50%).
UTF16_NUL_SHARE = 0.3
# Share of control characters (not tab/newline/CR/FF) in decoded text above which
# the input is not text.
MAX_CONTROL_SHARE = 0.01
# charset-normalizer guesses below this coherence are ignored (short texts fool it).
MIN_GUESS_COHERENCE = 0.5

BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office file"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x01\x00", "icon"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Decoded:
    text: str
    encoding: str


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(text)


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) / len(odd) > UTF16_NUL_SHARE and even.count(0) / len(even) < 0.05:
        return "utf-16-le"
    if even.count(0) / len(even) > UTF16_NUL_SHARE and odd.count(0) / len(odd) < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode input bytes or raise :class:`InputRejected` saying why not."""
    if not data.strip():
        raise InputRejected(E_EMPTY, "the input is empty (or only whitespace)", source)
    text: str | None = None
    encoding = ""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputRejected(E_UNDECODABLE, f"starts with a {enc} byte-order mark but is not "
                                    f"valid {enc} ({e.reason} at byte {e.start})", source) from e
            break
    if text is None:
        for magic, kind in BINARY_SIGNATURES:
            if data.startswith(magic):
                raise InputRejected(E_BINARY, f"binary file ({kind}), not text", source)
        enc16 = _looks_utf16(data)
        if enc16:
            try:
                text, encoding = data.decode(enc16), enc16
            except UnicodeDecodeError as e:
                raise InputRejected(E_UNDECODABLE, f"looks like UTF-16 but does not decode "
                                    f"({e.reason} at byte {e.start})", source) from e
        elif b"\x00" in data:
            raise InputRejected(E_BINARY, "binary file (contains NUL bytes), not text", source)
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = None
    if text is None:
        text, encoding = _guess_single_byte(data)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputRejected(E_UNDECODABLE, f"decoded as {encoding} but "
                            f"{_control_share(text):.0%} of it is control characters: "
                            "not text in a known encoding", source)
    if not text.strip():
        raise InputRejected(E_EMPTY, "the input is empty after decoding", source)
    return Decoded(text, encoding)


def _guess_single_byte(data: bytes) -> tuple[str, str]:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding and (1.0 - best.chaos) >= MIN_GUESS_COHERENCE:
            enc = best.encoding
            # News text that is not UTF-8 is overwhelmingly Windows-1252/Latin-1;
            # charset-normalizer may name a cousin code page for short inputs.
            if enc in {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2"} or best.language == "English":
                enc = "cp1252"
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                pass
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
