"""Attributed-statement extraction on a dependency parse.

The cascade, per sentence that holds a cue candidate or a quote mark:

1. cue: "according to", "reportedly", "In a ... poll,", or a verb whose form was a cue often
   enough in PolNeAR train (:mod:`.lexicon`) or whose lemma is a core reporting verb, accepted
   by the learned classifier (:mod:`.cuemodel`); the cue span's edges come from a second
   learned model (:mod:`.boundary`);
2. source: the cue's subject (``nsubj``), the agent of a passive, the object of
   "according to", or the subject inherited from the verb it is coordinated with
   ("..., adding that ...");
3. content: the cue's clausal complement (``ccomp``/``xcomp``/object clause), or for a
   parenthetical cue ("..., he said, ...") the rest of the clause; a quotation next to
   the cue is taken whole, and a split quotation ('"A," he said, "B."') becomes one
   statement whose content runs from the first to the last quote part;
4. quotations that no cue claimed join the content of the statement just before them when
   it is in the same paragraph (PolNeAR's discontinuous contents), or inherit its speaker as a
   statement of their own when it is in the previous paragraph.

Only candidate sentences are parsed (a cheap regex splits sentences first).

This module holds the cascade itself (:class:`AttributionExtractor`) and the clean-up of its
statements; the rules it calls live by construction in :mod:`.cues` (which words are cues),
:mod:`.sources` (the cue's subject, the source and medium spans), :mod:`.contents` (the cue's
and the content's edges), :mod:`.layout` (transcripts, embedded posts, headline quotes,
datelines) and :mod:`.tokens` (small shared tests on tokens and spans).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..entities.names import PERSON_NOUNS, ROLE_NOUNS, singular
from ..model import Attribution, Span
from ..sentences import is_abbreviation, sentence_spans
from . import boundary, cuemodel, lexicon
from .contents import (
    _CONJOINED_GAP,
    _RELATIVE_WORDS,
    OBJECT_DEPS,
    _adjacent_quote,
    _cue_chain,
    _cue_extension,
    _cut_at_closing_dash,
    _cut_trailing_relative,
    _for_clause,
    _left_modifiers,
    _misattached_complement,
    _paragraph_below,
    _perfect_tag,
    _relative_gap_content,
    _that_clause_as_dep,
    _verb_phrase_content,
    content_parts,
)
from .cues import (
    _IN_ONES_WORDS,
    _MAKE_ADJECTIVES,
    _MAKE_FORMS,
    _NOT_COLON_CUES,
    _NOT_COLON_STEMS,
    _NOUN_READ_VERBS,
    _SAY_IDIOM,
    _SHARED_FORMS,
    _adverbial_clause_before,
    _as_put_it,
    _as_reported_by,
    _asyndetic_tag,
    _caps_name_read_as_verb,
    _claim_after_shared_posts,
    _clause_under_caps_name,
    _closing_speech_tag,
    _colon_before_quote,
    _imperative,
    _in_ones_words,
    _make_clear,
    _no_speech,
    _opening_idiom,
    _own_statement_conj,
    _physical_attack,
    _plain_speech,
    _quote_paragraph_after_tag,
    _verb_read_as_noun,
    _yes_no_question,
)
from .describe import describe_source, find_medium
from .layout import (
    _DATELINE,
    _LEADING_CONJUNCTION,
    _PLACE_OUTLET_DATELINE,
    _headline_quote,
    embedded_posts,
    labelled_quotes,
    transcript_answers,
)
from .quotes import DOUBLE_APOS, OPENERS, STRAIGHT, QuoteRegion, find_quotes
from .sources import (
    _BELIEF_STATES,
    _NOT_SOURCES,
    _acl_speech_tag,
    _apposition_that_is_the_subject,
    _fronted_unparsed_clause,
    _inverted_object,
    _modifier_read_as_verb,
    _name_before_final_tag,
    _age_noun_before,
    _name_between_quote_and_tag,
    _name_right_before,
    _reporters_conj,
    _source_apposition,
    _speaker_in_following_clause,
    _speaker_read_as_apposition,
    _tag_subject_read_as_apposition,
    _speaker_read_as_object,
    _subject,
    medium_phrases,
    source_span,
)
from .tokens import (
    _CAPS_NAMES,
    _TIME_WORDS,
    _WEEKDAYS,
    _cue_like,
    _object_control,
    _overlaps,
    _tok_end,
    _trim,
    _wrap_quotes,
)

_QUOTE_CHARS = "\"“”«»„"

CONTENT_DEPS = ("ccomp", "xcomp")

CUE_EXTRA_DEPS = ("prt",)

# Cue verbs whose object noun phrase is the content ("criticized the plan").
MIN_OBJECT_CONTENT_PRIOR = 0.45

# NER is not needed; the rule lemmatizer costs a quarter of the parse time (see lexicon.lemma_of).
# The attribute ruler's Matcher costs another quarter (see lexicon.upos).
# The extractor parses single sentences cut by :func:`split_sentences` (which cuts at every
# line break), so the paragraph-break component has nothing to do there.
_DEFAULT_NLP_EXCLUDE = ("ner", "lemmatizer", "attribute_ruler", "spinscope_paragraphs")
_WORDS_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PATTERN_WORDS = frozenset({"reportedly", "poll", "survey"})  # words of the fixed patterns

_DEMONSTRATIVES = frozenset("this that these those".split())
_HEARERS = frozenset("you us me".split())


@dataclass
class ExtractorOptions:
    """Options of the attribution extractor (one object, passed down)."""

    min_cue_ratio: float = lexicon.MIN_CUE_RATIO
    parse_all: bool = False  # parse every sentence, not only candidates
    batch_size: int = 256  # sentences per parser batch (64: about a fifth slower on this CPU)
    link_orphan_quotes: bool = True
    continue_quote_paragraphs: bool = True
    object_content: bool = True
    vp_content: bool = True  # content = the cue's right-hand complements ("X as Y", "him of Z")
    use_cue_model: bool = True
    cue_threshold: float | None = None  # None: the threshold stored with the model
    learned_cue_boundaries: bool = True  # cue span from models/cue_boundary.json when it exists
    boundary_model_path: str | None = None
    tagger_boundary_model_path: str | None = None  # with a tagger: models/cue_boundary_tagger.json
    cue_model_path: str | None = None  # another cue model file  # the learned cue classifier, when models/cue_model.json exists
    # The learned span tagger (:mod:`.tagger`): None/"fast" for the parse-only extractor,
    # "accurate" for the shipped tagger, or a model directory. With a tagger, a word is a cue
    # when the tagger says so and the dependency rules link source and content to it (the
    # rules' span edges were better on the train hold-out than the tagger's own).
    tagger: str | None = None
    cue_decision: str = "tagger"  # "tagger" | "union" (tagger or the linear cue classifier)
    tagger_orphans: bool = True  # tagger cues no rule could link: link by proximity to tagged spans
    orphan_min_score: float = 0.7  # ... when the cue's mean tagger probability reaches this
    orphan_min_words: int = 4  # ... and the content has at least this many words


# No sentence of real news runs this long (the longest of 63,000 in PolNeAR and four news
# corpora has 1,104 characters); a longer "sentence" (a hostile input without full stops) is
# cut at spaces into pieces of at most this many, which the parser takes in bounded time (a
# single sentence of 1 MB is beyond spaCy's limit).
SENTENCE_MAX_CHARS = 2000


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences to parse, as (start, end) character offsets (:func:`spinscope.sentences.sentence_spans`),
    each without a leading dateline ("NUSA DUA, Indonesia (AP) — Michel said ...")."""
    out = []
    for s, e in sentence_spans(text):
        d = _DATELINE.match(text[s:e]) if text[s:s + 1].isupper() or text[s:s + 1] == "(" else None
        if d is None and (s == 0 or text[s - 1] == "\n"):
            d = _PLACE_OUTLET_DATELINE.match(text[s:e])
        if d and s + d.end() < e:  # parse the sentence without it
            s += d.end()
        while e - s > SENTENCE_MAX_CHARS:
            cut = text.rfind(" ", s + SENTENCE_MAX_CHARS // 2, s + SENTENCE_MAX_CHARS)
            cut = cut if cut != -1 else s + SENTENCE_MAX_CHARS
            out.append((s, len(text[s:cut].rstrip()) + s))
            s = cut
            while text[s].isspace():
                s += 1
        out.append((s, e))
    return out


def _subject_read_as_object(tok: Any, clause: Any) -> Any:
    """"warned the backflip could force council to repay ...", "warned any move to trim concessions
    would be cruel": the parser made the reported clause's subject the cue's object and left the
    clause (no "that") without one. The first token of that object, or None."""
    if clause.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children):
        return None
    if lexicon.is_form_of(tok, _TELL_VERBS, _TELL_STEMS):
        return None  # "told the Journal chloropicrin is toxic": the object is who was told
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None or obj.right_edge.i + 1 != clause.left_edge.i or lexicon.upos(obj) != "NOUN" \
            or obj.lower_ in lexicon.AUDIENCE_WORDS or singular(obj.lower_) in _PEOPLE_NOUNS:
        return None  # (a name, a pronoun, an audience or a person is an addressee: "warned NATO ...", "warned voters ...")
    if any(t.dep_ in ("relcl", "appos") or t.lower_ in ("that", "who", "which")
           or t.text in (":", '"', "\u201c", "\u201d") for t in obj.subtree):
        return None  # (not "warned a group of advocates that ...": a relative clause or a quotation inside)
    first = obj.left_edge
    return first if first.i > tok.i else None


_PEOPLE_NOUNS = PERSON_NOUNS | ROLE_NOUNS  # (who is warned: "warned voters ...", "warned the minister ...")
_TELL_VERBS = frozenset({"tell"})
_TELL_STEMS = lexicon.form_stems(_TELL_VERBS)


# Verbs whose prepositional object is who is told to act ("called on the UN to open ...", "appealed to
# voters to ...", "pressed for X to ..."): PolNeAR's content is "X to Y"
_DIRECTIVE_VERBS = frozenset("call appeal press push plead beg".split())
_DIRECTIVE_STEMS = lexicon.form_stems(_DIRECTIVE_VERBS)


class AttributionExtractor:
    """Extract :class:`Attribution` records from raw or clean text."""

    def __init__(self, nlp: Any = None, options: ExtractorOptions | None = None) -> None:
        self.options = options or ExtractorOptions()
        self._nlp = nlp
        model_path = self.options.cue_model_path or str(cuemodel.CUE_MODEL_FILE)
        self.cue_model = cuemodel.load_model(model_path) if self.options.use_cue_model else None
        self._all_verbs = bool(self.cue_model and self.cue_model.get("all_verbs"))
        self._rich = bool(self.cue_model and self.cue_model.get("rich"))
        self._nominal = bool(self.cue_model and (self.cue_model.get("nominal") or self._all_verbs))
        if self.cue_model and self.cue_model.get("stems_file"):
            from pathlib import Path

            lexicon.use_stems(Path(model_path).parent / self.cue_model["stems_file"])
        self.record_boundaries: list[Any] | None = None  # training: (base, doc, core, rule, tagged) per cue
        self.tagger = None
        from .tagger import load_tagger, resolve_tagger_path

        tp = resolve_tagger_path(self.options.tagger)
        if tp is not None:
            self.tagger = load_tagger(str(tp.resolve()))
        self.boundary_model = None
        if self.options.learned_cue_boundaries:
            if self.tagger is not None:
                self.boundary_model = boundary.load_model(
                    self.options.tagger_boundary_model_path or str(boundary.TAGGER_BOUNDARY_MODEL_FILE))
            if self.boundary_model is None:
                self.boundary_model = boundary.load_model(
                    self.options.boundary_model_path or str(boundary.BOUNDARY_MODEL_FILE))
        self._tagged: Any = None
        self._cue_spans: list[Any] = []
        self._quotes: list[QuoteRegion] = []
        self._base = 0
        forms = lexicon.cue_forms()
        self.cue_form_set = frozenset(
            w for w, (c, t) in forms.items()
            if c >= lexicon.MIN_CUE_COUNT and c / max(t, 1) >= self.options.min_cue_ratio and w != ":")
        self._cue_words = frozenset(w.lower() for w in self.cue_form_set | _core_forms() | _PATTERN_WORDS
                                    | _NOUN_READ_VERBS)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from ..nlp import get_nlp

            self._nlp = get_nlp(exclude=_DEFAULT_NLP_EXCLUDE)
        return self._nlp

    # -- public API -------------------------------------------------------------------
    def __call__(self, text: str) -> list[Attribution]:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Attribution]]:
        """Extract from many texts, parsing their candidate sentences in batches."""
        # Candidate sentences of consecutive texts are parsed together (full batches make
        # the parser's matrix products about a fifth faster than one text at a time).
        buf: list[tuple[str, list[QuoteRegion], list[tuple[int, int]], Any, list[tuple[int, int]]]] = []
        pending = 0
        for text in texts:
            sents = split_sentences(text)
            tagged = self.tagger(text) if self.tagger is not None else None
            quotes = find_quotes(text)
            todo = [(s, e) for s, e in sents if self.options.parse_all or self._is_candidate(text[s:e], s, e, tagged)
                    or _colon_before_quote(text, e, quotes)]
            buf.append((text, quotes, todo, tagged, sents))
            pending += len(todo)
            if pending >= self.options.batch_size:
                yield from self._parse_and_extract(buf)
                buf, pending = [], 0
        yield from self._parse_and_extract(buf)

    def _parse_and_extract(self, buf: list[tuple[str, list[QuoteRegion], list[tuple[int, int]], Any,
                                                list[tuple[int, int]]]]) -> Iterator[list[Attribution]]:
        docs = iter(self.parse_sentences((text[s:e] for text, _q, todo, _t, _s in buf for s, e in todo)))
        for text, quotes, todo, tagged, sents in buf:
            parsed = [(s, next(docs)) for s, _e in todo]
            yield self._extract(text, parsed, quotes, sents, tagged)

    def parse_sentences(self, sentences: Iterable[str]) -> Iterator[Any]:
        """Parse each string (:func:`parser_view` of it) as the splitter's sentence: the parser may
        start another one inside only after a full stop, "!" or "?" that is no abbreviation's
        (where the splitter kept a speech tag with its quotation, '“…recruiter.” She also said');
        not after a rank or inside a clause ("said Cmdr. | William Marks of the 7th Fleet" would
        lose its speaker to a second root)."""
        def one_sentence(sentence: str) -> Any:
            doc = self.nlp.make_doc(parser_view(sentence))
            for tok in doc[1:]:
                if not _may_end_sentence(doc, tok.i - 1):
                    tok.is_sent_start = False
            return doc
        return self.nlp.pipe((one_sentence(x) for x in sentences), batch_size=self.options.batch_size)

    def from_doc(self, text: str, doc: Any) -> list[Attribution]:
        """Extract using an existing full parse of ``text`` (e.g. the pipeline's cached
        ``article.cache["doc"]``) instead of parsing again."""
        quotes = find_quotes(text)
        tagged = self.tagger(text) if self.tagger is not None else None
        parsed = []
        sents = split_sentences(text)
        windows = _DocWindows(doc)
        for s, e in sents:
            if not (self.options.parse_all or self._is_candidate(text[s:e], s, e, tagged)
                    or _colon_before_quote(text, e, quotes)):
                continue
            part, offset = windows.around(s, e)
            span = part.char_span(s - offset, e - offset, alignment_mode="expand")
            if span is not None and len(span):
                if not span[0].is_sent_start or _parse_differs(span):
                    # a sentence cut out of the article's (a dateline left out): its words hang on
                    # heads outside it in the article parse, so parse it on its own; also one the
                    # parser cut after a rank ("Lt.-Gen." | "Talib Shaghati said": the rank was lost)
                    parsed.append((s, next(self.parse_sentences([text[s:e]]))))
                    continue
                parsed.append((span.start_char + offset, span.as_doc()))
        return self._extract(text, parsed, quotes, sents, tagged)

    def _is_candidate(self, sent: str, start: int = 0, end: int = 0, tagged: Any = None) -> bool:
        """Whether a sentence is worth parsing: with a tagger, one of its words is a likely cue
        (or it holds a fixed pattern); without, it holds a quote mark or a known cue word."""
        words = _WORDS_RE.findall(sent.lower())
        if "as" in words and "it" in words and ("put" in words or "puts" in words):
            return True  # "as one senator put it"
        if not _MAKE_ADJECTIVES.isdisjoint(words) and not _MAKE_FORMS.isdisjoint(words):
            return True  # "made it clear that"
        if _IN_ONES_WORDS.match(sent):
            return True  # "In his words, ...", "In the words of X, ..."
        if tagged is not None:
            if tagged.prob_at("Cue", start, end) >= self.tagger.thresholds["Cue"]:
                return True
            if not _PATTERN_WORDS.isdisjoint(words) or "according" in words:
                return True
            if self.options.cue_decision == "tagger":
                return False
        return (any(q in sent for q in _QUOTE_CHARS) or DOUBLE_APOS in sent
                or not self._cue_words.isdisjoint(words))

    # -- cue finding ------------------------------------------------------------------
    def _is_cue_verb(self, tok: Any) -> bool:
        pos = lexicon.upos(tok)
        if pos == "VERB" and self._colon_quote(tok):
            return True
        if self._tagged is not None:
            if self._tagged_cue(tok):
                return True
            if self.options.cue_decision == "tagger":
                return False
        if pos != "VERB" and not (pos == "AUX" and lexicon.lemma_of(tok) == "say") and not (
                self._nominal and pos in ("NOUN", "ADJ")):
            return False
        if self.cue_model is not None:
            if _plain_speech(tok) or lexicon.quoted_as_saying(tok) is not None:
                return True  # (and "RT quoted a source as saying ...", however the classifier scores it)
            return cuemodel.is_candidate(tok, self._all_verbs, self._nominal) and cuemodel.score(
                self.cue_model, cuemodel.features(tok, self._in_quote(tok), self._sent_quote(tok), self._rich)
            ) >= (self.options.cue_threshold if self.options.cue_threshold is not None
                  else self.cue_model["threshold"])
        return tok.lower_ in self.cue_form_set or lexicon.lemma_of(tok) in lexicon.CORE_CUE_LEMMAS

    def _colon_quote(self, tok: Any) -> bool:
        """"Vyacheslav Volodin, the Speaker of the Duma, raged: “These are war criminals …”": a
        verb with a subject, then a colon and a quotation, introduces that quotation whatever
        the verb ("raged", "read", "proclaimed"); the lexicon knows only the usual ones."""
        doc = tok.doc
        k = tok.i + 1
        if lexicon.lemma_of(tok) == "put" and k < len(doc) and doc[k].lower_ == "it":
            k += 1  # "One of them put it bluntly: “…”"
            while k < len(doc) and lexicon.upos(doc[k]) == "ADV":
                k += 1
        elif lexicon.is_form_of(tok, _NOT_COLON_CUES, _NOT_COLON_STEMS):
            return False
        if k >= len(doc) or doc[k].text != ":":
            return False
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                   and lexicon.upos(c) in ("NOUN", "PROPN", "PRON", "NUM") for c in tok.children):
            return False
        colon_end = self._base + doc[k].idx + 1
        return _colon_before_quote(self._text, colon_end, self._quotes)

    def _tagged_cue(self, tok: Any) -> bool:
        """Whether the tagger put ``tok`` in a cue span and it heads that span (its syntactic
        head lies outside the span, or is not a word that can carry a cue)."""
        if not _cue_pos(tok):
            return False
        start = self._base + tok.idx
        span = next((c for c in self._cue_spans if c.start <= start < c.end), None)
        if span is None:
            return False
        h = tok.head
        return h.i == tok.i or not (span.start <= self._base + h.idx < span.end and _cue_pos(h))

    def _in_quote(self, tok: Any) -> bool:
        pos = self._base + tok.idx
        region = next((q for q in self._quotes if q.start < pos < q.end), None)
        if region is None or (not region.balanced and _closing_speech_tag(tok)):
            # (an unclosed quotation's extent is a guess: a speech tag closing its sentence,
            # '"Unbalanced quote marks start here, the minister said on Tuesday.', is a cue)
            return False
        # 'Guterres “strongly condemned” the attack': a short quotation of the speaker's own verb
        # phrase, its subject before the quotation, is the writer's sentence, not quoted text
        # (not a quoted slogan: "his “Feel the Bern” wave", "“don't ask, don't tell”")
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.tag_ != "PRP$"
                     and lexicon.upos(c) in ("NOUN", "PROPN", "PRON")), None)
        return not (subj is not None and self._base + subj.idx < region.start and tok.tag_ in ("VBD", "VBN", "VBZ")
                    and len(self._text[region.start:region.end].split()) <= 4)

    def _sent_quote(self, tok: Any) -> bool:
        s, e = self._base + tok.sent.start_char, self._base + tok.sent.end_char
        return any(q.start < e and s < q.end for q in self._quotes)

    def _extract(self, text: str, parsed: list[tuple[int, Any]], quotes: list[QuoteRegion],
                 sents: list[tuple[int, int]], tagged: Any = None) -> list[Attribution]:
        found: list[Attribution] = []
        self._quotes = quotes
        self._text = text
        self._tagged = tagged
        self._cue_spans = tagged.spans("Cue", self.tagger.thresholds["Cue"]) if tagged is not None else []
        for s, e in sents:  # headline statements need no parse ("Trump: ‘I’m the worst thing ...’")
            headline = _headline_quote(text, s, text[s:e])
            if headline is not None:
                found.append(headline)
        for base, doc in parsed:
            self._base = base
            for tok in doc:
                att = None
                if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    att = self._according_to(text, base, doc, tok)
                elif _acl_speech_tag(tok):
                    att = self._acl_tag(text, base, doc, tok)
                elif (read_as_noun := _verb_read_as_noun(tok)) is not None:
                    subj, clause = read_as_noun
                    sub = sorted(clause.subtree, key=lambda t: t.i)
                    c_start, c_end = _trim(text, base + sub[0].idx, base + _tok_end(sub[-1]))
                    att = _statement(text, base, subj, base + tok.idx, base + _tok_end(tok), c_start, c_end)
                    det = next((c for c in tok.children if c.dep_ == "det" and c.i < subj.left_edge.i), None)
                    if det is not None and att.source is not None:  # "The central bank forecasts that"
                        att.source = Span.of(text, base + det.idx, att.source.end)
                elif (shared := _claim_after_shared_posts(tok)) is not None:
                    # "Posts shared thousands of times on Facebook claim that ...": source up to the cue
                    c_start, c_end = _trim(text, base + shared[0].idx, base + _tok_end(shared[1]))
                    s_start, s_end = _trim(text, base + tok.sent[0].idx, base + tok.idx)
                    source = Span.of(text, s_start, s_end)
                    att = Attribution(speaker=source.text, speaker_description=None, source=source,
                                      cue=Span.of(text, base + tok.idx, base + _tok_end(tok)),
                                      content=Span.of(text, c_start, c_end), kind="indirect", unnamed=True)
                elif (by := _as_reported_by(tok)) is not None:
                    att = self._according_to(text, base, doc, tok.doc[tok.i - 1], by)
                    if att is not None:  # the cue is the verb, as PolNeAR marks it ("As reported by X")
                        att.cue = Span.of(text, base + tok.idx, base + _tok_end(tok))
                        find_medium(text, base, att, tok)  # "as told by X to Reuters"
                elif tok.text == "In" and [t.lower_ for t in doc[tok.i + 1:tok.i + 4]] == ["the", "words", "of"] \
                        and not self._in_quote(tok):
                    # "In the words of X, ..." opening a sentence (not a saying quoted inside a quotation)
                    att = self._according_to(text, base, doc, tok, doc[tok.i + 3])
                elif tok.text == "In" and (poss := _in_ones_words(doc, tok)) is not None and not self._in_quote(tok):
                    att = self._in_ones_words(text, base, doc, tok, poss)
                elif tok.lower_ == "reportedly" or (tok.lower_ == "in" and tok.dep_ == "prep"):
                    att = self._adverbial_cue(text, base, doc, tok)
                elif _make_clear(tok) is not None:
                    att = self._make_clear_cue(text, base, doc, tok)
                elif _as_put_it(tok) is not None or self._is_cue_verb(tok):
                    if lexicon.upos(tok) in ("NOUN", "ADJ"):
                        att = self._noun_cue(text, base, doc, tok)
                    else:
                        att = self._verb_cue(text, base, doc, tok, quotes)
                if att is not None:
                    _cut_at_closing_dash(text, att, base)
                    found.append(att)
        found = [a for a in _dedupe(found, text) if not _leaves_its_quotation(a, quotes)]
        if tagged is not None:
            found = self._link_tagged_cues(text, found, tagged, sents)
        if self.options.link_orphan_quotes:
            found = self._orphan_quotes(text, found, quotes)
        found.sort(key=lambda a: (a.content.start, a.content.end))
        for a in found:
            _repair_closing_tag(text, a, quotes)
            _finish(text, a, quotes)
        # "employees who spoke to the Guardian": whom they spoke to, not what they said
        found = [a for a in found if a.medium_span is None or not (
            a.medium_span.start <= a.content.start and a.content.end <= a.medium_span.end)]
        posts = []
        for post in embedded_posts(text):
            cued = next((b for b in found if (b.content.start, b.content.end) == (post.content.start, post.content.end)), None)
            if cued is None:
                posts.append(post)
            elif "embedded_post" not in cued.flags:  # "she posted on X:" above it: that statement says it
                cued.flags.append("embedded_post")
                cued.kind = "direct"  # (the post itself, word for word)
        answers = transcript_answers(text)
        answers += [q for q in labelled_quotes(text) if not any(
            b.content.start < q.content.end and q.content.start < b.content.end for b in found + answers)]
        # (an answer replaces the "Label: ..." statement the headline-style rule may have made)
        found = [b for b in found if not any(a.content.start < b.content.end and b.content.start < a.content.end
                                             and b.cue is not None and b.cue.text == ":" for a in answers)]
        if posts or answers:
            found = sorted(found + posts + answers, key=lambda a: (a.content.start, a.content.end))
        return found

    def _link_tagged_cues(self, text: str, found: list[Attribution], tagged: Any,
                          sents: list[tuple[int, int]]) -> list[Attribution]:
        """Link the tagger's cues that no rule used to the nearest tagged source and content
        (cue, source and content edges from the tagger: "his criticism of X", "[Reuters.]")."""
        if not self.options.tagger_orphans:
            return found
        th = self.tagger.thresholds
        sources = tagged.spans("Source", th["Source"])
        contents = tagged.spans("Content", th["Content"])
        used = [(a.cue.start, a.cue.end) for a in found if a.cue is not None]
        for c in self._cue_spans:
            if c.score < self.options.orphan_min_score or any(s < c.end and c.start < e for s, e in used):
                continue
            sent = next(((s, e) for s, e in sents if s <= c.start < e), (c.start, c.end))
            cont = _nearest([x for x in contents if not (x.start < c.end and c.start < x.end)
                             and sent[0] - 2 <= x.end and x.start <= sent[1] + 2], c)
            if cont is None or len(text[cont.start:cont.end].split()) < self.options.orphan_min_words:
                continue
            src = _nearest([x for x in sources if sent[0] <= x.start and x.end <= sent[1]
                            and not (x.start < c.end and c.start < x.end)
                            and not (x.start < cont.end and cont.start < x.end)], c)
            source = Span.of(text, src.start, src.end) if src is not None else None
            head = source.text.split()[-1].lower().strip(_EDGE_CHARS) if source is not None and source.text.split() else ""
            found.append(Attribution(
                speaker=source.text if source is not None else None, speaker_description=None, source=source,
                cue=Span.of(text, c.start, c.end), content=Span.of(text, cont.start, cont.end), kind="indirect",
                unnamed=head in lexicon.VAGUE_SOURCE_HEADS or head.rstrip("s") in lexicon.VAGUE_SOURCE_HEADS))
        return found

    # -- patterns ---------------------------------------------------------------------
    def _acl_tag(self, text: str, base: int, doc: Any, tok: Any) -> Attribution | None:
        """"<clause>, Iran's Press TV reported on Monday, citing ...": the parser hung the tag's
        name on the clause and its verb on the name (see :func:`_acl_speech_tag`)."""
        head = tok.head
        np_start = min(t.i for t in head.subtree if t.i <= head.i)
        sent = tok.sent
        c_start, c_end = _trim(text, base + doc[sent.start].idx, base + doc[np_start - 1].idx)
        if c_end <= c_start:
            return None
        att = Attribution(
            speaker=None, speaker_description=None, source=source_span(text, base, head),
            cue=Span.of(text, base + tok.idx, base + _tok_end(tok)),
            content=Span.of(text, c_start, c_end), kind="indirect")
        att.speaker = att.source.text if att.source is not None else None
        find_medium(text, base, att, tok)
        return att

    def _according_to(self, text: str, base: int, doc: Any, tok: Any, to: Any = None) -> Attribution | None:
        """"according to X, ..." (``tok`` "according"); also "as reported by X, ..." (``tok``
        "as", ``to`` "by"): X is the source, the clause around the phrase the content."""
        to = doc[tok.i + 1] if to is None else to
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        if not pobj:
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
        if not pobj:
            return None
        if lexicon.lemma_of(pobj[0]) in _NOT_SOURCES:
            return None  # "according to plan"
        src_toks = list(pobj[0].subtree)
        src = source_span(text, base, pobj[0])
        subj = _apposition_that_is_the_subject(pobj[0], tok)
        if subj is not None:  # "According to X, the new restrictions, which ..., "will hit ...""
            src_toks = [t for t in src_toks if t.i < subj.left_edge.i and not (t.is_punct and t.i == subj.left_edge.i - 1)]
            src = Span.of(text, base + src_toks[0].idx, base + _tok_end(src_toks[-1]))
        phrase = (min(tok.i, src_toks[0].i), max(to.i, src_toks[-1].i))
        # Content: the clause the phrase modifies, without the phrase.
        sent = tok.sent
        appos = _source_apposition(doc, phrase[1] + 1, sent.end)
        if appos is not None:  # "According to X, a Britain-based war monitor, the convoy ..."
            phrase = (phrase[0], appos[1])
        before = (sent.start, phrase[0])
        after = (phrase[1] + 1, sent.end)
        k = after[0]
        while k < sent.end and doc[k].is_punct:
            k += 1
        if k < sent.end and doc[k].lower_ in ("which", "who") and before[1] > before[0]:
            after = (k, k)  # "..., according to the UN agency (UNRWA), which said ...": its own statement
        cand = [r for r in (before, after) if r[1] > r[0]]
        if not cand:
            return None
        r = max(cand, key=lambda r: r[1] - r[0])
        c_start, c_end = _trim(text, base + doc[r[0]].idx, base + _tok_end(doc[r[1] - 1]))
        if c_end <= c_start:
            return None
        att = Attribution(
            speaker=None, speaker_description=None,
            source=src,
            cue=Span.of(text, base + tok.idx, base + _tok_end(to)),
            content=Span.of(text, c_start, c_end), kind="indirect")
        describe_source(text, base, att, pobj[0])
        find_medium(text, base, att, tok)  # "According to X, who spoke to Sputnik, ..."
        if appos is not None and att.speaker_description is None:
            att.speaker_description = text[base + doc[appos[0] + 1].idx:base + _tok_end(doc[appos[1] - 1])]
        return att

    def _in_ones_words(self, text: str, base: int, doc: Any, tok: Any, poss: Any) -> Attribution | None:
        """"In his words, the Americans 'need these people'", "In her view, ...": the possessive is
        the source (resolved like any pronoun), "In his words" the cue, the rest of the sentence
        the content."""
        comma = next((t for t in doc[poss.i + 1:tok.sent.end] if t.text == ","), None)
        if comma is None or comma.i + 1 >= tok.sent.end:
            return None
        c_start, c_end = _trim(text, base + doc[comma.i + 1].idx, base + _tok_end(doc[tok.sent.end - 1]))
        if c_end <= c_start:
            return None
        source = Span.of(text, base + poss.idx, base + _tok_end(poss))
        return Attribution(speaker=source.text, speaker_description=None, source=source,
                           cue=Span.of(text, base + tok.idx, base + _tok_end(doc[comma.i - 1])),
                           content=Span.of(text, c_start, c_end), kind="indirect")

    def _verb_cue(self, text: str, base: int, doc: Any, tok: Any, quotes: list[QuoteRegion]) -> Attribution | None:
        if lexicon.is_form_of(tok, _ANONYMITY_VERBS, _ANONYMITY_STEMS) and _ANONYMITY.match(doc[tok.i + 1:tok.i + 12].text):
            return None  # "who asked not to be named", "did not want to be identified": no statement
        if _opening_idiom(doc, tok):
            return None  # "All told, Mueller charged 34 people", "That said, Hughes has ...": no statement
        if tok.lower_ in ("say", "speak") and _SAY_IDIOM.search(doc[max(tok.i - 3, 0):min(tok.i + 4, len(doc))].text):
            return None  # "it's safe to say", "needless to say", "to say the least": no statement
        if tok.lower_ in ("recalled", "noted", "remembered") and any(
                c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children) and any(
                c.dep_ == "aux" and c.lower_ in ("will", "would", "should", "must", "may", "might", "can")
                for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
            return None  # "It will be recalled that ...", "It should be noted that ...": the writer's aside
        source_tok = _subject(tok)
        if tok.tag_ == "VBG" and tok.i == tok.sent.start and source_tok is not None and source_tok.i > tok.i \
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return None  # "Warning to polluters: 3.6bn people are now ...": a headline label, no speaker
        if source_tok is None and tok.head.lower_ in ("let", "lets") and tok.head.i < tok.i or (
                source_tok is not None and source_tok.lower_ in ("'s", "’s", "us")
                and tok.head.lower_ in ("let", "lets")):
            return None  # "let's say Greece", "let us say": a supposition, not a statement
        if source_tok is None and _imperative(tok):
            return None  # an imperative ("Think your friends would be interested? Share this!", "Call X and demand ...")
        if (source_tok is not None and source_tok.lower_ in _DEMONSTRATIVES and source_tok.n_lefts + source_tok.n_rights == 0
                and lexicon.lemma_of(tok) not in lexicon.CORE_CUE_LEMMAS):
            return None  # "this contradicted the plan": a thing, not a speaker, with a non-speech verb
        if source_tok is not None and source_tok.lower_ in _DEMONSTRATIVES and source_tok.n_lefts + source_tok.n_rights == 0 \
                and lexicon.lemma_of(tok) == "tell" and any(c.dep_ in ("dative", "dobj") and c.lower_ in _HEARERS
                                                            for c in tok.children):
            return None  # "that tells you something", "This tells us that ...": the writer's inference
        if _no_speech(tok):
            return None  # "pronounced dead", "is called berberine", "shared 14,000 times", ... (see there)
        if source_tok is not None and source_tok.lower_ in ("who", "whoever") and (
                source_tok.i <= tok.sent.start + 1 or doc[source_tok.i - 1].lower_ in ("and", "but", "so", "\u2014", "\u2013")) \
                and tok.sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"):
            return None  # "Who really believes that?", "— and who can blame them?": a rhetorical question
        if source_tok is not None and _yes_no_question(tok, source_tok):
            return None  # "Does China plan to retaliate?": a question put to someone, not their statement
        if tok.lower_ in _SHARED_FORMS and any(_claim_after_shared_posts(t) for t in tok.sent if t.i > tok.i):
            return None  # "Posts shared ... on Facebook claim that": the claim is the cue
        if tok.lower_ == "known" and tok.dep_ == "acl":
            return None  # "The former president, known for his fiery rhetoric, argued": a description
        if _physical_attack(tok, source_tok):
            return None  # "militants attacked military posts", "drones attacked the fleet": no words
        if lexicon.lemma_of(tok) == "plan" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children) \
                and not any(c.dep_ == "agent" for c in tok.children):
            return None  # "COP30 is planned to take place in Brazil": a schedule, nobody's intention
        caps = _caps_name_read_as_verb(tok) if source_tok is None else None
        read_as_verb = _modifier_read_as_verb(tok)
        modified = read_as_verb[0] if read_as_verb is not None else None
        if read_as_verb is not None and (source_tok is None or source_tok in modified.subtree):
            caps, source_tok = read_as_verb  # '"…," retired Lt. Col. X, ..., said': "retired" read as X's verb
        if caps is not None and caps is not modified:
            source_tok = caps  # "Syria's news agency SANA, citing local sources, said": SANA read as a verb
        if source_tok is None:
            source_tok = _speaker_read_as_apposition(tok)
        tag_appos = _tag_subject_read_as_apposition(tok) if source_tok is None else None
        if tag_appos is not None:
            source_tok = tag_appos  # "..., with Russia, a veteran military expert has told Sputnik."
        read_obj = _speaker_read_as_object(tok) if source_tok is None else None
        if read_obj is not None:
            source_tok = read_obj
        between = _name_between_quote_and_tag(tok) if source_tok is None else None
        if between is None and source_tok is None:
            between = _name_right_before(tok) or _age_noun_before(tok)
        if between is not None:
            source_tok = between[1]
        told_clause = _speaker_in_following_clause(tok) if source_tok is None else None
        if told_clause is not None:
            source_tok = next(c for c in told_clause.children if c.dep_ == "nsubj")
        final_tag = _name_before_final_tag(tok)
        inverted = _inverted_object(tok) or final_tag
        if inverted is not None:
            source_tok = inverted[0]  # "…, wrote Walton, but …": the parser made the speaker the object
        cue_head = tok
        anchor = _cue_chain(tok)  # "declined to comment on", "made no mention of"
        tok = anchor
        children = list(tok.children)
        content: tuple[int, int] | None = None
        comp = ([_clause_under_caps_name(c) for c in children if c.dep_ in CONTENT_DEPS and (caps is None or c.i != caps.i)
                 and c is not told_clause and not _adverbial_clause_before(c, tok)]
                or _misattached_complement(tok) or _that_clause_as_dep(tok) or _for_clause(tok))
        vp = _verb_phrase_content(tok) if self.options.vp_content and inverted is None and caps is None \
            and read_obj is None else None
        if _as_put_it(tok) is not None:
            comp, vp = [], None  # "as X put it": the clause around it is the content
        from_clause = vp is not None or bool(comp)
        # '"...," Corbyn said, referring to the film': a participle after a speech verb goes on
        # with it; the clause and the quotation around them are the verb's, not the participle's
        follows_cue = tok.tag_ == "VBG" and tok.head.i < tok.i and tok.dep_ in ("advcl", "xcomp", "conj") \
            and _cue_like(tok.head)
        if inverted is not None:
            content = (base + inverted[1][0].idx, base + _tok_end(inverted[1][-1]))
        elif vp is not None:
            content = (base + vp[0].idx, base + _tok_end(vp[1]))
        elif comp:
            toks = list(comp[0].subtree)
            rest = next((c for c in children if c.dep_ == "ccomp" and c.i > comp[0].i), None)
            if rest is not None and rest.left_edge.i == toks[-1].i + 1 and not any(
                    g.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for g in rest.children):
                # "adding that oil smuggled out of Syria ... was worth more than $30 million": the
                # parser split one clause into two complements, the second without a subject
                toks += list(rest.subtree)
            own = next((c for c in comp[0].children if _reporters_conj(c) or _own_statement_conj(c)), None)
            if own is not None:  # (its own statement: "... and called on X to ...", "..., and associations have cautioned")
                cc = [c for c in comp[0].children if c.dep_ == "cc" and c.i < own.i]
                stop = cc[-1].i if cc else own.left_edge.i
                toks = [t for t in toks if t.i < stop]
            mark = next((m for m in comp[0].children if m.dep_ == "mark"), None) if comp[0].dep_ in (
                "dep", "acl", "relcl") else None
            if mark is not None:  # (from _that_clause_as_dep: the clause starts at its "that")
                toks = [t for t in toks if t.i >= mark.i]
            toks = [t for t in toks if not (t.i == tok.i + 1 and t.dep_ == "mark" and t.lower_ == "for")]  # ("calling for | X")
            if toks[0].lower_ in _RELATIVE_WORDS and toks[0].dep_ in ("nsubj", "nsubjpass") and toks[0].i < tok.i \
                    and any(t.i > tok.i for t in toks):
                # "a knife amnesty, which officers said had resulted in ...": the relative pronoun is
                # the clause's subject; what was said is the rest of the clause, after the cue
                toks = [t for t in toks if t.i > tok.i]
            toks = _cut_trailing_relative(toks)
            if tag_appos is not None:  # (the clause ends before its comma and the speaker)
                toks = [t for t in toks if t.i < tag_appos.left_edge.i - 1] or toks
            content = (base + toks[0].idx, base + _tok_end(toks[-1]))
            subject = _subject_read_as_object(tok, comp[0])
            if subject is not None and base + subject.idx < content[0]:
                content = (base + subject.idx, content[1])  # "warned | the backflip could force ..."
            if source_tok is None and comp[0].dep_ == "xcomp" and tok is cue_head:
                # "X is expected to ...", "X seems to ...": PolNeAR's content is subject + complement
                subj = [c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
                if subj and lexicon.upos(subj[0]) not in ("PRON", "DET"):
                    content = (base + next(iter(subj[0].subtree)).idx, content[1])
        elif not follows_cue and (tok.dep_ in ("parataxis", "ccomp") or _asyndetic_tag(tok, source_tok) or (
                tok.dep_ == "advcl" and (tok.tag_ != "VBN" or _perfect_tag(tok))
                and not any(c.dep_ == "mark" and c.lower_ != "as" for c in children) and (  # (not "after X warned")
                tok.i > tok.head.i or any(c.dep_ == "mark" and c.lower_ == "as" for c in children)))) \
                and tok.head.i != tok.i and lexicon.upos(tok.head) in ("VERB", "AUX") \
                and not (tok.tag_ == "VBG" and any(c.dep_ in OBJECT_DEPS for c in children)):
            # (not "..., warning the enemy against any folly": that participle has its own object)
            # Parenthetical: "“...,” he said, “...”" or "..., officials said."
            head = tok.head
            inner = {t.i for t in tok.subtree}
            rest = [t for t in head.subtree if t.i not in inner]
            before = [t for t in rest if t.i < min(inner)]
            lead = {c.i for c in children if c.i < tok.i and (c.dep_ == "punct" or (
                c.dep_ == "mark" and c.lower_ == "that"))}
            set_off = min(inner) > 0 and (tok.doc[min(inner) - 1].is_punct or min(inner) in lead
                                          or tok.doc[min(inner)].lower_ == "as")
            if before and set_off and all(t.is_punct for t in rest if t.i > max(inner)):
                # the tag closes the sentence, set off by a comma or "as" ("<content>, as Chomsky
                # said."; not "this is what the West wants"): the content ends
                # where the tag begins; where the parser hung the quotation's last words on the
                # tag ('"The WHO has never said that," X wrote': "that", the comma and the
                # closing mark), where the tag's own words begin
                first_own = min(t.i for t in tok.subtree if t.i not in lead) if min(inner) in lead else min(inner)
                rest = [t for t in head.subtree if t.i < first_own]
            elif tok.dep_ == "advcl" and tok.i < head.i and any(not t.is_punct for t in rest if t.i > max(inner)) \
                    and all(t.is_punct or t.dep_ in ("advmod", "cc") for t in before):
                # "However, as Slay News has reported, top scientists have debunked ...": the clause after the tag
                rest = [t for t in rest if t.i > max(inner)]
            if rest:
                content = (base + rest[0].idx, base + _tok_end(rest[-1]))
                if tok.dep_ == "ccomp" and source_tok is None:
                    return None
        elif self.options.object_content and (self.cue_model is not None
                                              or lexicon.cue_prior(tok.lower_) >= MIN_OBJECT_CONTENT_PRIOR):
            obj = [c for c in children if c.dep_ in OBJECT_DEPS]
            if obj:
                toks = list(obj[0].subtree)
                what = next((c for c in children if c.dep_ == "prep" and c.i == toks[-1].i + 1
                             and c.lower_ in _OBJECT_THEN_PREPS), None)
                if what is not None:  # "warning the enemy against any folly", "accused X of Y"
                    toks = [*toks, *what.subtree]
                content = (base + toks[0].idx, base + _tok_end(toks[-1]))
        q = _adjacent_quote(text, base, doc, tok, quotes)
        if q is not None and follows_cue and q[1] <= base + tok.head.idx:
            q = None  # '"...," Corbyn said, referring to the film': the quotation is the said's
        if q is not None and any(c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp", "conj") and _cue_like(c)
                                 and c.i > tok.i and base + c.idx < q[0] for c in children):
            q = None  # 'blamed Republicans, telling reporters that the GOP "has refused ..."': the participle's
        if q is not None and content is not None and q[1] <= base + tok.idx < content[0] \
                and _CONJOINED_GAP.match(text, q[1], base + tok.idx):
            q = None  # 'said Moscow "has never threatened anyone" and accused Washington of ...': the object is after
        if q is not None and q[1] <= base + cue_head.idx and _reporters_conj(cue_head):
            q = None  # 'said that Russia "will take all necessary measures", but declined to elaborate': the said's
        if q is not None:
            if content and _overlaps(q, content):
                content = (min(q[0], content[0]), max(q[1], content[1]))
            elif not (content and from_clause and len(text[content[0]:content[1]].split()) >= 3):
                content = q  # (a clausal complement of its own, elsewhere, wins over a nearby quote)
        if content is None and tok is cue_head and tok.lower_ not in _BELIEF_STATES:
            # "The motion was denied", "He is backed by 34%": the passive subject is the content
            # (but "Not everyone is convinced" states nobody's belief)
            subj = [c for c in children if c.dep_ == "nsubjpass" and lexicon.upos(c) not in ("PRON", "DET")]
            if subj and not any(c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ != "by" for c in children):
                sub = list(subj[0].subtree)
                content = (base + sub[0].idx, base + _tok_end(sub[-1]))
        if tok is cue_head and content is not None and text[content[0]:content[1]].lower() == "what":
            label = next((c for c in children if c.dep_ == "oprd"), None) or next(
                (p for c in children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"), None)
            if label is not None:  # "what he described as a steady flow of munitions": the label is what he said
                sub = list(label.subtree)
                content = (base + sub[0].idx, base + _tok_end(sub[-1]))
        if tok is cue_head and (content is None or text[content[0]:content[1]].lower() in _RELATIVE_WORDS):
            content = _relative_gap_content(base, tok, source_tok) or content
        if content is None and tok is cue_head:
            fronted = _fronted_unparsed_clause(tok, source_tok)
            if fronted is not None:  # "<clause the parser read as a noun phrase>, U.S. officials said Monday."
                content = (base + fronted[0].idx, base + _tok_end(fronted[-1]))
        if content is None and text[base + _tok_end(tok):base + _tok_end(tok) + 1] == ":":
            content = _paragraph_below(text, base + _tok_end(tok) + 1)  # "Foreign Secretary X said:" + a paragraph
        if content is None and not any(c.dep_ == "prep" for c in children):
            return None
        cue_toks = [tok] + [c for c in children if c.dep_ in CUE_EXTRA_DEPS] + _left_modifiers(cue_head)
        cue_toks += [doc[i] for i in range(cue_head.i, tok.i)]
        ext, prep_obj = _cue_extension(tok)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "npadvmod" and nxt.lower_ in _WEEKDAYS:
            ext.append(nxt)  # "announced Friday"
        cue_toks += ext
        if comp and comp[0].dep_ == "advcl" and doc[tok.i + 1].dep_ == "mark" and doc[tok.i + 1].head.i == comp[0].i:
            cue_toks.append(doc[tok.i + 1])  # "called for | the minister to resign"
        rule = (min(t.i for t in cue_toks), max(t.i for t in cue_toks))
        core = (cue_head.i, tok.i)
        if self.record_boundaries is not None:
            self.record_boundaries.append((base, doc, core, rule, self._tagged))
        if self.boundary_model is not None:
            controller = (source_tok.i if source_tok is not None and cue_head.dep_ == "xcomp"
                          and source_tok.head.i == cue_head.head.i and _object_control(cue_head.head) else None)
            first, last = boundary.decide(self.boundary_model, doc, core, rule, self._tagged, base, controller)
            if content is not None and content[0] >= base + doc[first].idx and base + _tok_end(doc[last]) >= content[1]:
                first, last = rule  # the learned edge swallowed the whole content: keep the rule's cue
            elif last > rule[1] and any(c.dep_ == "ccomp" and c.tag_.startswith("VB") and rule[1] < c.i <= last
                                        for c in tok.children):
                # "The IMD said heavy to very heavy rainfall was likely at | isolated places": the
                # learned edge ran into the reported clause, up to its verb
                first, last = rule
            if last > tok.i and doc[last].dep_ == "prep" and any(
                    c.dep_ == "pobj" and c.lower_ in _TIME_WORDS and c.i > last for c in doc[last].children):
                last -= 1  # "stressed on | Sunday that": the preposition of a time phrase ends no cue
            while last > tok.i and doc[last].tag_ in ("DT", "PDT"):
                last -= 1  # "quietly released | a 46-page update": a determiner opens the object, it ends no cue
            src_end = (source_tok.i if source_tok is not None and source_tok.text in _CAPS_NAMES
                       else source_tok.right_edge.i if source_tok is not None else -1)
            if source_tok is not None and first <= source_tok.i < cue_head.i and src_end < cue_head.i:
                first = src_end + 1  # "came amidst report saying": the cue starts after its source
            cue_start, cue_end = doc[first].idx, _tok_end(doc[last])
            cue_start, cue_end = _trim(text, base + cue_start, base + cue_end)
            cue_start, cue_end = cue_start - base, cue_end - base
        else:
            cue_start = min(t.idx for t in cue_toks)
            cue_end = max(_tok_end(t) for t in cue_toks)
        if text[base + cue_end:base + cue_end + 1] == ":":
            cue_end += 1  # "said:", "tweeted:" (PolNeAR keeps the colon in the cue)
            after = next((r for r in quotes if 0 <= r.start - (base + cue_end) <= 2), None)
            if after is not None:
                content = (after.start, after.end)  # '..., adding: "Negotiate now."': the quotation after the colon
            else:  # "she posted on X:" + the post, a paragraph of its own
                content = _paragraph_below(text, base + cue_end) or content
        it = _as_put_it(cue_head)
        if it is not None:
            cue_start, cue_end = cue_head.idx, _tok_end(it)  # "as one senator put it": cue "put it"
        if prep_obj is not None and (content is None or content[0] < base + cue_end < content[1]):
            po = list(prep_obj.subtree)
            content = (base + po[0].idx, base + _tok_end(po[-1])) if content is None else content
        elif prep_obj is not None and content is not None:
            po = list(prep_obj.subtree)
            po_start, po_end = base + po[0].idx, base + _tok_end(po[-1])
            if base + cue_end <= po_start and po_end <= content[0] and not text[po_end:content[0]].strip() \
                    and text.startswith("to ", content[0]) \
                    and lexicon.is_form_of(cue_head, _DIRECTIVE_VERBS, _DIRECTIVE_STEMS):
                content = (po_start, content[1])  # "called on | the UN to open an investigation" (PolNeAR: X to Y)
        if content is not None and content[0] < base + cue_end <= content[1] and content[0] >= base + cue_start:
            content = (base + cue_end, content[1])
        if content is None:
            return None
        if _INVERTED_CONDITIONAL.match(text, content[0]):
            # "said that should the forces rush in, this could lead to ...": the parser makes
            # the condition the complement; the statement runs to the end of the sentence
            content = (content[0], max(content[1], base + _tok_end(doc[-1])))
        c_start, c_end = _wrap_quotes(text, *_trim(text, *content))
        if c_end <= c_start:
            return None
        att = _statement(text, base, source_tok, base + cue_start, base + cue_end, c_start, c_end)
        if final_tag is not None and inverted is final_tag and att.source is not None:
            # the whole phrase after the comma names the speaker ("Chief of the ... Department at
            # the General Staff Lieutenant-General Sergei Rudskoy")
            first = final_tag[1][-1].i + 2
            while first < source_tok.i and (doc[first].is_punct or doc[first].is_quote):
                first += 1  # ("'' Mr. Obama added": not the closing quotation mark)
            att.source = Span.of(text, base + doc[first].idx, att.source.end)
        if between is not None and att.source is not None and base + between[0].idx != att.source.start:
            # ("Andrii" hung on the quote mark; "... like Willow—energy expert Jim Krane" read as an object)
            att.source = Span.of(text, base + between[0].idx, max(att.source.end, base + _tok_end(between[1])))
        if told_clause is not None and att.source is not None:  # (the rest of the speaker's relative clause)
            last = max(told_clause.subtree, key=lambda t: t.i)
            att.source = Span.of(text, *_trim(text, att.source.start, base + _tok_end(last)))
        if caps is not None and caps is not modified and att.source is not None \
                and att.source.end > base + _tok_end(caps):
            att.source = Span.of(text, att.source.start, base + _tok_end(caps))  # not ", citing ..."
        find_medium(text, base, att, tok, medium_phrases(source_tok) if source_tok is not None else None)
        return att

    def _make_clear_cue(self, text: str, base: int, doc: Any, tok: Any) -> Attribution | None:
        """"X made it clear that ...", "made known that ...": cue from the verb to the adjective,
        content the clause."""
        adj, clause = _make_clear(tok)
        cue_toks = [tok, adj] + _left_modifiers(tok)
        toks = list(clause.subtree)
        att = _statement(text, base, _subject(tok), base + min(t.idx for t in cue_toks),
                         base + max(_tok_end(t) for t in cue_toks), base + toks[0].idx, base + _tok_end(toks[-1]))
        find_medium(text, base, att, tok)
        return att

    def _adverbial_cue(self, text: str, base: int, doc: Any, tok: Any) -> Attribution | None:
        """"X has reportedly done Y" (cue "reportedly", no source, the clause is the content) and
        "In a new poll by X, Y leads" (cue "In", the poll is the source, the clause the content):
        PolNeAR annotates both (in train: "reportedly" was a cue 5 times out of 6, a clause-initial
        "In ... poll/survey," about 3 times out of 4)."""
        head = tok.head
        for _ in range(3):  # "In the poll, 40 percent back X" is often hung on "percent"
            if lexicon.upos(head) in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.i == tok.i or (lexicon.upos(head) not in ("VERB", "AUX") and head.dep_ != "ROOT"):
            return None
        source_tok = None
        if tok.lower_ == "reportedly" and self._is_cue_verb(head):
            return None  # "Some officials reportedly believe that ...": the verb is the cue (and takes the adverb)
        if tok.lower_ == "in":
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if not pobj or lexicon.stem(pobj[0].lower_) not in ("poll", "survey") or tok.i > head.i:
                return None
            after = doc[pobj[0].right_edge.i + 1] if pobj[0].right_edge.i + 1 < len(doc) else None
            if after is None or after.text != ",":
                return None
            if any(self._is_cue_verb(t) for t in (head, *head.children) if t.i != tok.i):
                return None  # "In a statement, X said": the verb is the cue
            source_tok = pobj[0]
        skip = {t.i for t in tok.subtree}
        toks = [t for t in head.subtree if t.i not in skip and t.dep_ != "punct" or (
            t.i not in skip and tok.right_edge.i < t.i < head.right_edge.i)]
        if source_tok is not None:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > tok.i]
            first = subj[0].left_edge.i if subj else tok.right_edge.i + 1
            toks = [t for t in toks if t.i >= first]
        if not toks:
            return None
        c_start, c_end = _wrap_quotes(text, *_trim(text, base + toks[0].idx, base + _tok_end(toks[-1])))
        if c_end <= c_start:
            return None
        att = Attribution(
            speaker=None, speaker_description=None,
            source=source_span(text, base, source_tok) if source_tok is not None else None,
            cue=Span.of(text, base + tok.idx, base + _tok_end(tok)),
            content=Span.of(text, c_start, c_end), kind="indirect", flags=[], medium=None)
        if source_tok is not None:
            describe_source(text, base, att, source_tok)
        return att

    def _noun_cue(self, text: str, base: int, doc: Any, tok: Any) -> Attribution | None:
        """A nominal or adjectival cue: "his criticism of X", "support for X", "confident that X".

        Source: the possessor, else the subject of the verb or copula it hangs on. Content:
        a clause it governs ("claims that ..."), else the object of its preposition (the
        preposition joins the cue, PolNeAR's habit).
        """
        children = list(tok.children)
        head = tok.head
        source_tok = next((c for c in children if c.dep_ == "poss"), None)
        if source_tok is None and head.i != tok.i and tok.dep_ in ("dobj", "attr", "acomp", "pobj", "nsubj"):
            gov = head.head if tok.dep_ == "pobj" and head.head.i != head.i else head
            if tok.dep_ != "nsubj":
                source_tok = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        cue_toks = [tok] + [c for c in children if c.dep_ in ("amod", "neg") and c.i < tok.i and c.i == tok.i - 1]
        if lexicon.upos(tok) == "ADJ" or tok.dep_ == "attr":
            cue_toks += [c for c in head.children if c.dep_ in ("aux", "neg") and c.i < tok.i] + (
                [head] if head.i < tok.i and lexicon.lemma_of(head) == "be" else [])
        content = None
        comp = [c for c in children if c.dep_ in ("ccomp", "xcomp", "acl") and c.i > tok.i]
        preps = [c for c in children if c.dep_ == "prep" and c.i > tok.i]
        if comp:
            sub = list(comp[0].subtree)
            content = (sub[0], sub[-1])
        elif preps:
            pobj = [c for c in preps[0].children if c.dep_ in ("pobj", "pcomp")]
            if pobj:
                cue_toks.append(preps[0])
                sub = list(pobj[0].subtree)
                content = (sub[0], sub[-1])
        if content is None:
            return None
        cue_start = min(t.idx for t in cue_toks)
        cue_end = max(_tok_end(t) for t in cue_toks)
        c_start, c_end = _wrap_quotes(text, *_trim(text, base + content[0].idx, base + _tok_end(content[1])))
        if c_end <= c_start or c_start < base + cue_end:
            return None
        return _statement(text, base, source_tok, base + cue_start, base + cue_end, c_start, c_end)

    def _orphan_quotes(self, text: str, found: list[Attribution], quotes: list[QuoteRegion]) -> list[Attribution]:
        """Give quotations no cue claimed to the speaker of the statement just before."""
        out = list(found)
        ordered = sorted(found, key=lambda a: a.content.start)
        for q in quotes:
            if any(a.content.start <= q.start + 1 and a.content.end >= q.end - 1 for a in out):
                continue
            if any(_overlaps((q.start, q.end), (a.content.start, a.content.end)) for a in out):
                continue
            if q.end - q.start < 25 or len(text[q.start:q.end].split()) < 5:
                continue  # scare quotes and titles, not statements
            prev = [a for a in ordered if a.content.end <= q.start]
            if not prev:
                continue
            p = prev[-1]
            between = text[p.content.end:q.start]
            if len(between) > 400:
                continue
            breaks = re.sub(r"\n[ \t]*\n", "\n", between).count("\n")  # paragraph breaks, blank lines or not
            if breaks == 1 and p.cue is not None and p.source is not None and self.options.continue_quote_paragraphs \
                    and _quote_paragraph_after_tag(text, p, q):
                # '“A,” he said.' then a paragraph that is only '“B.”': the journalistic
                # convention for one speaker quoted over several paragraphs; PolNeAR marks most
                # such paragraphs as part of the same content (24 of 31 in train)
                p.content = Span.of(text, p.content.start, q.end)
                if "continued_quote" not in p.flags:
                    p.flags.append("continued_quote")
                continue
            if between.count("\n") > 1:
                continue
            if "\n" not in between and p.cue is not None:
                # PolNeAR's convention: a quotation continuing the statement just before it in
                # the same paragraph ('“A,” X said, adding ... “B.”') is part of that content.
                p.content = Span.of(text, p.content.start, q.end)
                if between.strip() and "continued_quote" not in p.flags:
                    p.flags.append("continued_quote")  # (not a quotation that only ends the clause)
                continue
            out.append(Attribution(
                speaker=p.speaker, speaker_description=p.speaker_description, source=p.source, cue=None,
                content=Span.of(text, q.start, q.end), kind="direct", medium=p.medium,
                unnamed=p.unnamed, medium_span=p.medium_span, flags=["inherited_source"]))
        return out


_EDGE_CHARS = ",.;:()[]\"“”'’"


def _cue_pos(tok: Any) -> bool:
    """Whether a token can carry a statement's cue: a verb, "say" as auxiliary, a noun or adjective."""
    pos = lexicon.upos(tok)
    return pos in ("VERB", "NOUN", "ADJ") or (pos == "AUX" and lexicon.lemma_of(tok) == "say")


def _nearest(spans: list[Any], c: Any) -> Any:
    """The span of ``spans`` closest to span ``c`` (character gap), or None."""
    return min(spans, key=lambda x: max(x.start - c.end, c.start - x.end, 0), default=None)


def _statement(text: str, base: int, source_tok: Any, cue_start: int, cue_end: int,
               c_start: int, c_end: int) -> Attribution:
    """An indirect statement from absolute offsets, its source (if any) described; a source
    span that overlaps the cue is dropped."""
    source = source_span(text, base, source_tok) if source_tok is not None else None
    if source is not None and source.start < cue_end and source.end > cue_start:
        # "Patronis in a prepared statement said": the parser hung the medium phrase, which the
        # cue takes, on the subject; the source ends where the cue begins
        s, e = _trim(text, source.start, cue_start) if source.start < cue_start else (0, 0)
        source = Span.of(text, s, e) if e > s and base + source_tok.idx < cue_start else None
    if source is not None and c_start < source.start and source.end >= c_end - 1 and source.end <= cue_start \
            and (text[c_start:source.start].rstrip().endswith(",") or (
                c_end > source.start and text[c_start:source.start].rstrip().rstrip("\u201d\"").endswith(","))) \
            and source_tok.lower_ not in _RELATIVE_WORDS:
        # "<clause>, the Ukrainian General Staff reported": a source the parser hung on the clause
        # ends the content; the content stops before it
        c_start, c_end = _trim(text, c_start, source.start)
    att = Attribution(speaker=None, speaker_description=None, source=source,
                      cue=Span.of(text, cue_start, cue_end), content=Span.of(text, c_start, c_end),
                      kind="indirect")
    if source is not None:
        describe_source(text, base, att, source_tok)
        if att.speaker and att.speaker.startswith(source.text) and len(att.speaker) > len(source.text):
            att.speaker = source.text  # the name part the source was cut to
    return att


_EDITORIAL_BRACKETS = re.compile(r"\[([^\[\]\n]{1,60})\]")
# "Brigadier General (ret.) Munir Shehadeh": a retired rank's mark, whose dot ends the sentence
# for the parser
_RETIRED_MARK = re.compile(r"\((?:ret|retd|retired)\.?\)(?=\s+[A-Z])", re.I)


def _may_end_sentence(doc: Any, i: int) -> bool:
    """Whether token ``i`` can end a sentence: ".", "!", "?" (or a closing quotation mark after
    one), not an abbreviation's dot ("Cmdr.", "U.S.")."""
    tok = doc[i]
    if tok.is_quote and i > 0:
        tok = doc[i - 1]
    if tok.text in ("!", "?", "...", "\u2026"):
        return True
    return tok.text == "." or (tok.text.endswith(".") and len(tok.text) > 1 and not is_abbreviation(tok.text)
                                and not re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,4}\.", tok.text))


class _DocWindows:
    """A long article's parse cut into pieces of whole parsed sentences, made as needed.

    ``Span.as_doc`` copies the whole article's arrays and entities for every sentence taken out
    of it, which on a hostile one-paragraph article of 200 KB costs minutes; taken out of a piece
    of about WINDOW_TOKENS tokens instead, the sentence comes out the same (no parse arc crosses
    a sentence boundary), at a cost that does not grow with the article. An article of at most
    WINDOW_TOKENS tokens is its own one window.
    """

    WINDOW_TOKENS = 3000

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.bounds: list[tuple[int, int]] = []  # (start token, end token) of each piece
        if len(doc) > self.WINDOW_TOKENS and doc.has_annotation("SENT_START"):
            start = 0
            for sent in doc.sents:
                if sent.end - start >= self.WINDOW_TOKENS:
                    self.bounds.append((start, sent.end))
                    start = sent.end
            if start < len(doc):
                self.bounds.append((start, len(doc)))
        self.starts = [self.doc[s].idx for s, _e in self.bounds]  # (characters)
        self.ends = [self.doc[e - 1].idx + len(self.doc[e - 1]) for _s, e in self.bounds]
        self.pieces: dict[int, Any] = {}  # (only the piece in use: sentences come in order)

    def around(self, start: int, end: int) -> tuple[Any, int]:
        """The piece holding characters ``start:end`` and its offset (the article when no one
        piece holds them all)."""
        i = bisect_left(self.ends, end)
        if i == len(self.bounds) or self.starts[i] > start:
            return self.doc, 0
        if i not in self.pieces:
            self.pieces = {i: self.doc[self.bounds[i][0]:self.bounds[i][1]].as_doc()}
        return self.pieces[i], self.starts[i]


def _parse_differs(span: Any) -> bool:
    """Whether the article's parse does not have ``span``, a sentence of the splitter, as one
    sentence: it started a sentence inside it (after a rank, "Lt.-Gen." | "Talib Shaghati
    said", or elsewhere, "Sen. Elizabeth Warren (D-MA) | said ...") or ran it on into the next
    one; the words then hang on heads outside the span."""
    if any(t.is_sent_start for t in span[1:]):
        return True
    doc = span.doc
    nxt = next((t for t in doc[span.end:span.end + 4] if not t.is_space), None)
    return nxt is not None and not nxt.is_sent_start


def parser_view(sentence: str) -> str:
    """The sentence as the parser reads it: an editorial insertion in square brackets ("ISIL
    [Daesh] terrorists", "the terrorists [Daesh]") is bracketed with parentheses instead, which
    the parser reads as an aside; in brackets, the small model tags the words as unknowns and
    breaks the sentence's parse. A retired rank's mark before a name ("General (ret.) Munir
    Shehadeh") is blanked. Same length, so every offset holds."""
    sentence = _RETIRED_MARK.sub(lambda m: " " * len(m.group(0)), sentence)
    return _EDITORIAL_BRACKETS.sub(lambda m: "(" + m.group(1) + ")", sentence)


def _core_forms() -> set[str]:
    forms = set()
    for lemma in lexicon.CORE_CUE_LEMMAS:
        forms.update(lexicon.inflections(lemma))
    forms.update({"said", "told", "wrote", "written", "thought", "according"})
    return forms


_INVERTED_CONDITIONAL = re.compile(r"that\s+(?:should|were|had)\s+\S+(?:\s+\S+){0,6}?,", re.I)


# "asked not to be named", "did not want to be identified", "requested anonymity"
_ANONYMITY_VERBS = frozenset("ask want wish request prefer demand plead beg insist".split())
_ANONYMITY_STEMS = lexicon.form_stems(_ANONYMITY_VERBS)
_ANONYMITY = re.compile(r"(?:(?:not\s+)?to\s+be\s+(?:named|identified|quoted)|anonymity|"
                        r"(?:us|me|them)\s+not\s+to\s+(?:publish|use|print|give|reveal)\b.{0,30}\b(?:name|call\s+sign|identity)|"
                        r"to\s+be\s+identified\s+only\s+(?:as|by))\b",
                        re.I)


# Prepositions after a cue's object that say what about it ("warned X against Y", "accused X of Y").
_OBJECT_THEN_PREPS = frozenset("against of about over for".split())


def _leaves_its_quotation(a: Attribution, quotes: list[QuoteRegion]) -> bool:
    """A cue inside a quotation whose content runs past the closing mark: the parser read the
    quotation's last words and the speech tag after it as one clause ('"The WHO has never said
    that," Tarik Jasarevic wrote': not a statement "that ... Jasarevic wrote" by the WHO)."""
    if a.cue is None:
        return False
    return any(q.balanced and q.start < a.cue.start and a.cue.end < q.end and a.content.start < q.end < a.content.end
               for q in quotes)


def _dedupe(found: list[Attribution], text: str) -> list[Attribution]:
    """One statement per cue: the same cue and content found twice, or two verbs of one
    chain ("started talking about X": "started" and "talking") whose learned cue spans
    overlap with the same source; of those, the one with the longer content is kept."""
    seen: set[tuple[int, int, int]] = set()
    out: list[Attribution] = []
    for a in found:
        key = (a.cue.start if a.cue else -1, a.content.start, a.content.end)
        if key in seen:
            continue
        seen.add(key)
        twin = next((i for i, b in enumerate(out) if a.cue is not None and b.cue is not None and _same_source(a, b)
                     and _overlaps((a.cue.start, a.cue.end), (b.cue.start, b.cue.end))), None)
        same_quote = next((b for b in out if (b.content.start, b.content.end) == (a.content.start, a.content.end)
                           and b.content.text[:1] in _OPEN_QUOTES), None)
        if same_quote is not None:
            # one quotation over two paragraphs with a cue at each end ('X said: "A.' ... '"B," he
            # told reporters.'): one statement, the medium from whichever cue names it
            if same_quote.medium is None and a.medium is not None:
                same_quote.medium, same_quote.medium_span = a.medium, a.medium_span
            continue
        if twin is None:
            out.append(a)
        elif len(a.content.text) > len(out[twin].content.text):
            out[twin] = a
    # "... but the facts say otherwise, the political scientist noted": the parser makes the
    # speech tag the complement of the verb before it; a content that is only another
    # statement's source and cue is no statement
    tags = {(b.source.start, b.cue.end) for b in out if b.source is not None and b.cue is not None
            and 0 <= b.cue.start - b.source.end <= 1}
    return [a for a in out if (a.content.start, a.content.end) not in tags or _closing_tag(text, a)]


def _closing_tag(text: str, a: Attribution) -> bool:
    """A statement whose tag closes its sentence after its content ("<content>, the political
    scientist noted."): its content stays even where it looks like another statement's source
    and cue ("the facts say otherwise")."""
    return a.source is not None and a.cue is not None and text[a.content.end:a.source.start].strip() == "," \
        and a.source.end <= a.cue.start and text[a.cue.end:a.cue.end + 1] in (".", "")


_OPEN_QUOTES = frozenset(OPENERS + STRAIGHT + "\u2018'")  # the quotation marks quotes.py opens with


def _same_source(a: Attribution, b: Attribution) -> bool:
    if a.source is None or b.source is None:
        return a.source is None and b.source is None
    return (a.source.start, a.source.end) == (b.source.start, b.source.end)


def _only_tag_outside(text: str, c: Span, inner: list[QuoteRegion]) -> bool:
    """Whether everything between the quote parts is a short speech tag (no other words)."""
    if c.start < inner[0].start - 1 or c.end > inner[-1].end + 1:
        return False
    gaps = [text[x.end:y.start] for x, y in zip(inner, inner[1:])]
    return all(len(g) < 160 and "\n" not in g for g in gaps)


_TAG_GAP = re.compile(r"[^.!?;:\"\u201c\u201d\n]{3,160}")
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.")
_NAME_THEN_APPOSITION = re.compile(r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)*,(?: [^,]+,?)?")


def _repair_closing_tag(text: str, a: Attribution, quotes: list[QuoteRegion]) -> None:
    """'"They let them go. It is the same thing we saw in Mosul," retired Lt. Col. Earl Rasmussen,
    ..., said.': where the parser ran the content out of the quotation into its speech tag (or
    cut it at a sentence end inside the quotation), the content is the quotation and the source
    is the tag's words before the cue. Only for a quotation closed by ',"' / '?"' / '!"' with
    nothing but the source between it and the cue."""
    if a.cue is None:
        return
    q = next((q for q in quotes if q.balanced and a.content.start < q.end < a.content.end <= a.cue.start + 1
              and q.end <= a.cue.start), None)
    if q is None or text[q.end - 2:q.end - 1] not in (",", "?", "!"):
        return
    gap = _ABBREVIATION.sub("X", text[q.end:a.cue.start])  # ("Lt. Col." ends no sentence)
    if not _TAG_GAP.fullmatch(gap) or (
            a.source is not None and not (q.end <= a.source.start and a.source.end <= a.cue.start)):
        return
    before = text[q.end:a.source.start if a.source is not None else a.cue.start].strip().lstrip(",").strip()
    if "," in before and not _NAME_THEN_APPOSITION.fullmatch(before):
        return  # '"…," Macchio said, the AP reported': a clause, not a source, before the source
    s, e = _trim(text, q.end, a.cue.start)
    if e <= s:
        return
    if text[e:e + 1] == "," and "," in text[s:e]:
        e += 1  # the comma closing an apposition, as PolNeAR keeps it
    a.content = Span.of(text, q.start, q.end)
    if a.source is None or (a.source.start, a.source.end) != (s, e):
        a.source = Span.of(text, s, e)
        a.speaker = None  # (from the source, and resolved by the speakers stage)


_CLAUSE_START = re.compile(r"\s+(?=(?:he|she|they|it|we|i|you|the|a|an|that|this|there|his|her|their|its)\s)", re.I)


def _finish(text: str, a: Attribution, quotes: list[QuoteRegion]) -> None:
    """Fill kind, speaker, flags and medium from the spans."""
    c = a.content
    m = _DATELINE.match(c.text) or _LEADING_CONJUNCTION.match(c.text)
    if m and m.end() < len(c.text) and (a.cue is None or a.cue.start >= c.start + m.end() or a.cue.end <= c.start):
        c = a.content = Span.of(text, c.start + m.end(), c.end)
    clause = _CLAUSE_START.match(text, a.medium_span.end, c.end) if a.medium_span is not None \
        and a.medium_span.start == c.start and a.medium_span.text.islower() else None
    if clause is not None:
        # "told officers he had been asleep": an audience the parser read as the clause's subject
        # (not "told Megyn not to worry", "told BBC Radio 4's Today programme that ...")
        c = a.content = Span.of(text, clause.end(), c.end)
    inner = [q for q in quotes if q.start >= c.start - 1 and q.end <= c.end + 1]
    partial = [q for q in quotes if _overlaps((q.start, q.end), (c.start, c.end)) and q not in inner]
    if any(not q.balanced for q in inner + partial):
        if "unbalanced_quotes" not in a.flags:
            a.flags.append("unbalanced_quotes")
    # Characters of the content outside quotation marks, ignoring the speech tag of a
    # split quote ('"A," Smith, director of X, told RT. "B."') and punctuation.
    covered = [(q.start, q.end) for q in inner] + [(x.start, x.end) for x in (a.source, a.cue, a.medium_span) if x]
    outside = sum(1 for i in range(c.start, c.end)
                  if text[i].isalnum() and not any(s <= i < e for s, e in covered))
    if inner and not partial and (outside <= 3 or _only_tag_outside(text, c, inner)):
        a.kind = "direct"
    elif inner or partial:
        a.kind = "mixed"
    else:
        a.kind = "indirect"
    if a.source is not None and a.speaker is None:
        a.speaker = a.source.text
    a.content_parts = content_parts(text, a)
