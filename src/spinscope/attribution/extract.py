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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..clean.lines import POST_SIGNATURE_HEAD
from ..entities.names import (DOCUMENT_NOUNS, GROUP_HEADS, ISSUING_VERBS, PARTY_LABEL, PERSON_NOUNS, ROLE_NOUNS,
                             singular)
from ..model import Attribution, Span
from ..sentences import SPEECH_TAG, is_abbreviation, sentence_spans
from . import boundary, cuemodel, lexicon
from .describe import describe_source, find_medium, fronted_participles, second_subject_apposition
from .quotes import DOUBLE_APOS, OPENERS, STRAIGHT, QuoteRegion, find_quotes

_QUOTE_CHARS = "\"“”«»„"

CONTENT_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CUE_EXTRA_DEPS = ("prt",)
# Left dependants glued to the cue in PolNeAR's convention ("has said", "also said").
CUE_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod")
# Cue verbs whose object noun phrase is the content ("criticized the plan").
MIN_OBJECT_CONTENT_PRIOR = 0.45
EDGE_PUNCT = ",.;:—–-()[] \n\t\xa0"

# NER is not needed; the rule lemmatizer costs a quarter of the parse time (see lexicon.lemma_of).
# The attribute ruler's Matcher costs another quarter (see lexicon.upos).
# The extractor parses single sentences cut by :func:`split_sentences` (which cuts at every
# line break), so the paragraph-break component has nothing to do there.
_DEFAULT_NLP_EXCLUDE = ("ner", "lemmatizer", "attribute_ruler", "spinscope_paragraphs")
_WORDS_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PATTERN_WORDS = frozenset({"reportedly", "poll", "survey"})  # words of the fixed patterns
# Capitalised modals that are surnames when the verb after them is not a bare infinitive
# ("George Will wrote", "“…,” May told the BBC").
_MODAL_NAMES = frozenset({"Will", "May"})
_DEMONSTRATIVES = frozenset("this that these those".split())
_HEARERS = frozenset("you us me".split())
_APPEAL_VERBS = frozenset("call contact ring phone email report come get visit submit".split())
_NOT_SOURCES = frozenset("plan plans schedule script rule rules tradition design".split())


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
        out.append((s, e))
    return out


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
        for s, e in sents:
            if not (self.options.parse_all or self._is_candidate(text[s:e], s, e, tagged)
                    or _colon_before_quote(text, e, quotes)):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span):
                if not span[0].is_sent_start or _parse_differs(span):
                    # a sentence cut out of the article's (a dateline left out): its words hang on
                    # heads outside it in the article parse, so parse it on its own; also one the
                    # parser cut after a rank ("Lt.-Gen." | "Talib Shaghati said": the rank was lost)
                    parsed.append((s, next(self.parse_sentences([text[s:e]]))))
                    continue
                parsed.append((span.start_char, span.as_doc()))
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
        read_obj = _speaker_read_as_object(tok) if source_tok is None else None
        if read_obj is not None:
            source_tok = read_obj
        between = _name_between_quote_and_tag(tok) if source_tok is None else None
        if between is None and source_tok is None:
            between = _name_right_before(tok)
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
            content = (base + toks[0].idx, base + _tok_end(toks[-1]))
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


# -- helpers ---------------------------------------------------------------------------
# Verbs that introduce a list or an example with a colon, not words ("The list includes:").
_NOT_COLON_CUES = frozenset("be have include contain feature consist comprise involve become follow go come "
                            "remain list need require mean cover get take make do see look".split())
_NOT_COLON_STEMS = lexicon.form_stems(_NOT_COLON_CUES)


def _colon_before_quote(text: str, end: int, quotes: list[QuoteRegion]) -> bool:
    """Whether ``text[:end]`` ends with a colon and a quotation of four words or more opens
    right after it (on the same line or the next paragraph)."""
    head = text[max(0, end - 3):end].rstrip()
    if not head.endswith(":"):
        return False
    return any(end <= q.start <= end + 4 and len(text[q.start:q.end].split()) >= 4 for q in quotes)


def _quote_paragraph_after_tag(text: str, p: Attribution, q: QuoteRegion) -> bool:
    """Whether quotation ``q`` is a paragraph of its own and the paragraph before it ends with
    statement ``p`` (at most a short speech tag after its content: '," he told Sky News.')."""
    para_start = text.rfind("\n", 0, q.start) + 1
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end == -1 else para_end
    if text[para_start:q.start].strip() or text[q.end:para_end].strip(" \t.,;:"):
        return False
    tail = text[p.content.end:text.find("\n", p.content.end)] if "\n" in text[p.content.end:q.start] else ""
    return len(tail) <= 150 and not re.search(r"[.!?]\s+[A-Z]", tail.strip())


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


_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
# The signature under an embedded tweet, as pages paste it: "— Donald J. Trump (@realDonaldTrump)
# October 18, 2018" (the post's text is the paragraph above it).
_POST_SIGNATURE = re.compile(r"^" + POST_SIGNATURE_HEAD + r"[ \t]+(?:" + _MONTH_NAMES + r")[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$",
                             re.M)


# A paragraph of an interview transcript: "Macgregor: No. Ukraine has lost ...", "Q: Why ...?"
_TRANSCRIPT_LINE = re.compile(r"^(?P<src>[A-Z][\w.'\u2019\-]*(?:[ \t]+[A-Z][\w.'\u2019\-]*){0,2})[ \t]*:[ \t]+(?P<content>\S.*\S)[ \t]*$",
                              re.M)
_QUESTION_LABELS = frozenset("q question interviewer".split())
_DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                        "may june july august september october november december today yesterday week month "
                        "year".split())
# Labels of page furniture, not speakers ("Read: ...", "Note: ...").
_NOT_TRANSCRIPT_LABELS = frozenset(["note", "update", "editor's note", "source", "sources", "photo", "read",
                                    "read more", "read also", "also read", "see also", "more", "related", "warning",
                                    "disclaimer", "tags", "image", "video", "watch", "listen", "credit", "via",
                                    "correction", "clarification", "background", "context", "follow",
                                    # (appeals and fact-check furniture: "IMPORTANT: Download our FREE guide",
                                    # "Claim: ...", "Verdict: ...")
                                    "important", "breaking", "exclusive", "attention", "ps", "p.s.", "nb", "tip",
                                    "fact", "facts", "claim", "the claim", "verdict", "our verdict", "rating",
                                    "summary", "latest", "analysis", "bottom line", "caption", "download", "share",
                                    "subscribe", "advertisement", "sponsored", "what we found", "the facts"])


def transcript_answers(text: str) -> list[Attribution]:
    """The answers of an interview transcript: paragraphs opened by a speaker's label and a colon
    ("Macgregor: No. Ukraine has lost ..."), where the article has question paragraphs ("Q:",
    "Question:") or the label opens two paragraphs or more. Each answer is a direct statement of
    the label, cue ":" (the transcript gives the words as said); the questions are not
    statements. Flag ``transcript``."""
    lines = [m for m in _TRANSCRIPT_LINE.finditer(text) if m.group("src").casefold() not in _NOT_TRANSCRIPT_LABELS
             and not any(ch.isdigit() for ch in m.group("src"))
             and not any(w.casefold() in _DATE_WORDS for w in m.group("src").split())]
    by_label: dict[str, list[re.Match]] = {}
    for m in lines:
        by_label.setdefault(m.group("src"), []).append(m)
    # an interviewer: a label whose paragraphs are mostly questions ("Sputnik: Does Theresa May ...?")
    askers = {lb for lb, ms in by_label.items()
              if sum(x.group("content").rstrip().endswith("?") for x in ms) / len(ms) >= 0.6}
    has_questions = bool(askers) or any(lb.casefold().rstrip(".") in _QUESTION_LABELS for lb in by_label)
    medium = next((lb for lb in sorted(askers) if lb.casefold().rstrip(".") not in _QUESTION_LABELS
                   and len(lb) > 1), None) if len(askers) == 1 else None
    out: list[Attribution] = []
    for m in lines:
        label = m.group("src")
        mine = by_label[label]
        if label.casefold().rstrip(".") in _QUESTION_LABELS or label in askers \
                or not (has_questions or len(mine) >= 2):
            continue
        if len(label.rstrip(".")) == 1:
            continue  # "A: ...": the answerer is named elsewhere, if at all
        c_start, c_end = _trim(text, *m.span("content"))
        if len(text[c_start:c_end].split()) < 1 or sum(len(x.group("content").split()) for x in mine) / len(mine) < 6:
            continue  # ("September: 1 black model", "This Week: 2 black models": a list, not answers)
        colon = text.index(":", m.end("src"))
        out.append(Attribution(speaker=label, speaker_description=None, source=Span.of(text, *m.span("src")),
                               cue=Span.of(text, colon, colon + 1), content=Span.of(text, c_start, c_end),
                               kind="direct", flags=["transcript"], medium=medium))
    return out


def embedded_posts(text: str) -> list[Attribution]:
    """Embedded social-media posts: the paragraph above a tweet signature line is a direct
    statement by the account named in it, given on Twitter; the dash is the cue (the page
    says who posted it by that line alone). Flag ``embedded_post``."""
    out: list[Attribution] = []
    for m in _POST_SIGNATURE.finditer(text):
        above = text[:m.start()].rstrip()
        para_start = above.rfind("\n") + 1
        c_start, c_end = _trim(text, para_start, len(above))
        if c_end - c_start < 2 or _POST_SIGNATURE.match(text, c_start):
            continue
        name_start, name_end = m.span("name")
        while name_end > name_start and not (text[name_end - 1].isalnum() or text[name_end - 1] in ".)"):
            name_end -= 1  # "Alex Bruesewitz 🇺🇸": the flag is not the name
        if name_end <= name_start:
            continue
        att = Attribution(speaker=text[name_start:name_end], speaker_description=None,
                          source=Span.of(text, name_start, name_end), cue=Span.of(text, *m.span("dash")),
                          content=Span.of(text, c_start, c_end), kind="direct", medium="Twitter",
                          flags=["embedded_post"])
        out.append(att)
    return out


_EDITORIAL_BRACKETS = re.compile(r"\[([^\[\]\n]{1,60})\]")


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
    breaks the sentence's parse. Same length, so every offset holds."""
    return _EDITORIAL_BRACKETS.sub(lambda m: "(" + m.group(1) + ")", sentence)


def _core_forms() -> set[str]:
    forms = set()
    for lemma in lexicon.CORE_CUE_LEMMAS:
        forms.update(lexicon.inflections(lemma))
    forms.update({"said", "told", "wrote", "written", "thought", "according"})
    return forms


def _left_modifiers(tok: Any) -> list[Any]:
    """Auxiliaries, negation and adverbs right before the cue ("has also said", "was not expected")."""
    out = []
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].head.i == tok.i and (doc[i].dep_ in CUE_LEFT_DEPS or (
            doc[i].dep_ == "npadvmod" and doc[i].lower_ in _TIME_WORDS)):
        if (doc[i].text in _MODAL_NAMES and doc[i].dep_ == "aux" and tok.tag_ != "VB") or doc[i].text in _CAPS_NAMES:
            break  # "George Will wrote", "IS has said": a name tagged as a modal or an auxiliary
        out.append(doc[i])
        if doc[i].dep_ == "npadvmod" and i > 0 and doc[i - 1].head.i == doc[i].i and doc[i - 1].lower_ in (
                "last", "this", "next", "on", "that", "early", "late"):
            out.append(doc[i - 1])  # "last week said"
            i -= 1
        i -= 1
    return out


def _tok_end(tok: Any) -> int:
    return tok.idx + len(tok.text)


def _span(text: str, base: int, first: Any, last: Any) -> Span:
    s, e = _trim(text, base + first.idx, base + _tok_end(last))
    return Span.of(text, s, e)


# "CLEVELAND - ", "(Reuters) - ", "WASHINGTON (Reuters) - ", "Dec 29 (Reuters) - ": a wire
# dateline opening the paragraph is not part of a source or a content
# "But the last part, as Krugman points out, is ...": the linking word is the writer's, not the speaker's.
_LEADING_CONJUNCTION = re.compile(r"(?:And|But|Yet|Or|So|Still|Plus)\b,?\s+(?=\S)")
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'-]+\s[-—–]\s|(?:[A-Z][\w.,' ]{0,30}\s)?\(?[A-Z][\w .&/-]{1,30}\)\s*[-—–]{1,2}\s"
                       r"|[A-Z][A-Z .'-]+,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*[-—–]{1,2}\s"
                       r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3},\s+[A-Z][a-z]{1,12}\.?\s*[-—–]{1,2}\s"
                       r"|[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\([A-Z]{2,6}\)\s)")
# ("NEW YORK, March 5 - ": a place in capitals and a date, no outlet; "CARVER SPRINGS, Ky. — ": a
# place in capitals and its state or country; "Patna, Jul 9 (PTI) ": a place, a date and the agency)
# "Tehran, Press TV - ", "Damascus, SANA - ": a place, a comma, the outlet; only where a paragraph
# starts (inside one, "Putin, Biden - " is no dateline)
_PLACE_OUTLET_DATELINE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s(?:[A-Z][\w&'’.-]*\s){0,3}"
                                    r"[A-Z][\w&'’.-]*\s[-—–]{1,2}\s")


_UNDER_TITLE = re.compile(r"(?:\b[A-Z][\w.]*\s+){0,2}Under[\s-]+$")


def _apposition_that_is_the_subject(pobj: Any, according: Any) -> Any:
    """"According to Varnavskaya, the new restrictions, which ..., "will hit the consumer"": the
    parser made the clause's subject an apposition of the source, leaving the verb after it with
    no subject. Returns that noun (a plural or a thing, not "a spokeswoman") or None."""
    verb = according.head
    appos = next((c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i), None)
    if appos is None or verb.i <= appos.right_edge.i or not verb.tag_.startswith("VB") \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if not all(t.is_punct or t.dep_ in ("aux", "auxpass", "neg", "advmod") or t.is_quote
               for t in verb.doc[appos.right_edge.i + 1:verb.i]):
        return None
    if appos.tag_ not in ("NNS", "NNPS") and lexicon.lemma_of(appos) in ROLE_NOUNS:
        return None  # (a description of the source: "According to X, the spokeswoman, ...")
    return appos


def source_span(text: str, base: int, head: Any) -> Span:
    """The source noun phrase in PolNeAR's convention.

    Keeps appositions (with the comma that closes them) and parenthesised party labels
    ("(R-Ky.)"), drops trailing relative and participial clauses ("..., who spoke on
    condition of anonymity") and a leading dateline ("CLEVELAND - ").
    """
    toks = [head] if head.text in _CAPS_NAMES else list(head.subtree)  # "IS" parsed as the verb: itself only
    # PolNeAR keeps a relative clause on the source's head ("Scott Reed, who managed ...,"),
    # not one inside an apposition ("..., president of X, which endorsed Y,").
    cut = [c for c in head.children if c.dep_ == "acl" and c.i > head.i and not _issued_by(head, c)]
    cut += [c for a in head.children if a.dep_ == "appos" for c in a.children if c.dep_ in ("relcl", "acl")]
    cut += medium_phrases(head)  # "X and Y, ..., in a joint statement on dpa": the cue's medium, not the source
    cut.sort(key=lambda c: c.i)
    if cut:
        stop = min(t.i for t in cut[0].subtree)
        toks = [t for t in toks if t.i < stop]
    for p in fronted_participles(head):  # "Speaking to RT, journalist X said": the source starts after it
        toks = [t for t in toks if t.i > p.right_edge.i + 1]
    while len(toks) > 2 and toks[0].text == ",":
        toks = toks[1:]
    while len(toks) > 2:
        # "..., in Dodoma yesterday, the Minister for ..., Hon. X, announced": adverbials the parser
        # hung on the subject's head, set off by a comma before it, are not the source
        lead = [c for c in head.children if c.i < head.i and c.dep_ in ("prep", "npadvmod", "advmod")
                and c.left_edge.i == toks[0].i]
        if not lead:
            break
        end = lead[0].right_edge.i
        while end + 1 < head.i and head.doc[end + 1].dep_ == "npadvmod" and head.doc[end + 1].head.i == head.i:
            end += 1  # ("in Dodoma | yesterday")
        if end + 1 >= head.i or head.doc[end + 1].text != ",":
            break
        toks = [t for t in toks if t.i > end + 1]
    appos = second_subject_apposition(head)
    if appos is not None:  # (the apposition keeps its own relative clause out, as above)
        rel = [c for c in appos.children if c.dep_ in ("relcl", "acl")]
        toks += [t for t in appos.subtree if not rel or t.i < min(x.i for r in rel for x in r.subtree)]
    while lexicon.upos(head) == "PROPN" and toks[0].i > toks[0].sent.start:
        p = head.doc[toks[0].i - 1]  # "Bakyt | Osmonov, the member of parliament, said": a first name hung on the verb
        if lexicon.upos(p) != "PROPN" or p.dep_ not in ("dep", "npadvmod", "nmod") or p.head.i != head.head.i \
                or p.n_lefts + p.n_rights:
            break
        toks.insert(0, p)
    s, e = base + toks[0].idx, base + _tok_end(toks[-1])
    s, e = _trim(text, s, e)
    while s > 1 and text[s - 1] == "-" and text[s - 2].isalnum():  # "ex-communists" split by the tokenizer
        s -= 1
        while s > 0 and text[s - 1].isalnum():
            s -= 1
    # a quotation's closing mark parsed onto the source ('“We will win,” Smith said')
    while s < e and (text[s] in "”»" or (text[s] in "\"'" and text.count(text[s], s, e) % 2)):
        s, e = _trim(text, s + 1, e)
    close = text.find("\u201d", s, e)
    if close != -1 and text.rfind("\u201c", 0, s) > text.rfind("\u201d", 0, s) and "\u201c" not in text[s:close]:
        # the end of a quotation parsed onto the source ('“... not make, any arrangement with the
        # IDL,” its spokesperson, Colonel X, said'): the source starts after the closing mark
        s, e = _trim(text, close + 1, e)
    m = _DATELINE.match(text[s:e])
    if m and m.end() < e - s:
        s += m.end()
    if text.endswith(tuple(w + " " for w in _NAME_PARTICIPLES), 0, s) and head.head.lower_ in _NAME_PARTICIPLES:
        s = text.rfind(" ", 0, s - 1) + 1  # "retired Lt. Col. Earl Rasmussen"
    if text.startswith(("Secretary", "Secretary-"), s):
        under = _UNDER_TITLE.search(text, max(0, s - 40), s)
        if under is not None:  # "US Under Secretary of State X": the tagger read "Under" as a preposition
            s = under.start()
    aside = _FOR_ONES_PART.search(text, s, e)
    if aside is not None and aside.start() > s:
        e = aside.start()  # "Karine Jean-Pierre, for her part, blamed": an aside, not the source
    seg = text[s:e]
    if seg.count("(") > seg.count(")"):
        close = text.find(")", e, e + 4)
        if close != -1:
            e = close + 1
    last_word = text[s:e].rsplit(None, 1)[-1] if e > s else ""
    if text[e:e + 1] == "." and (PARTY_LABEL.fullmatch(last_word) or is_abbreviation(last_word)):
        e += 1  # "Sen. Daniel Pruitt, R-Kan.", "the U.S.": the abbreviation's dot is the name's
    if "," in text[s:e] and text[e:e + 1] == "," and (appos is not None or any(
            c.dep_ in ("appos", "relcl") for c in head.children)):
        e += 1
    return Span.of(text, s, e)


_PARAGRAPH_BELOW = re.compile(r"[ \t]*\n\s*([^\n]*\w[^\n]*)")


def _paragraph_below(text: str, pos: int) -> tuple[int, int] | None:
    """The paragraph after a colon that ends its line at ``pos`` (a statement or post given as
    a paragraph of its own, with no quotation marks), or None."""
    below = _PARAGRAPH_BELOW.match(text, pos)
    return _trim(text, *below.span(1)) if below is not None else None


_FOR_ONES_PART = re.compile(r",\s*for (?:his|her|its|their|our|my|your) (?:part|side)\s*,?\s*$", re.I)
_ISSUED_FORMS = frozenset(v.split()[0] for v in ISSUING_VERBS)  # ("put" of "put out")


def _issued_by(head: Any, acl: Any) -> bool:
    """ "a statement released by the Ministry of National Defense": the participle names the
    document's issuer, which the speakers stage makes the speaker; it stays in the source."""
    return lexicon.lemma_of(head) in DOCUMENT_NOUNS and acl.lower_ in _ISSUED_FORMS and any(
        c.dep_ == "agent" for c in acl.children)


def medium_phrases(head: Any) -> list[Any]:
    """An "in a statement ..." / "in an interview with ..." phrase the parser hung on the
    source, after it ("said Rainer Dulger, ..., and Reiner Hoffmann, ..., in a joint statement
    Monday on Germany's dpa news agency"): it says how the statement was given, so it is cut
    from the source and read for the medium."""
    found = []
    for t in head.subtree:
        if t.dep_ == "prep" and t.lower_ == "in" and t.i > head.i and t.head.dep_ not in ("pobj", "prep"):
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            if pobj and lexicon.lemma_of(pobj[0]) in _MEDIUM_NOUNS:
                found.append(t)
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_INVERTED_CONDITIONAL = re.compile(r"that\s+(?:should|were|had)\s+\S+(?:\s+\S+){0,6}?,", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip edge punctuation and space, but keep a quotation's own marks (and an ellipsis at
    the end: "the war would go on …"; at the start it is the end of the sentence before)."""
    while start < end and (text[start] in EDGE_PUNCT or text[start] == "\u2026"):
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


_RAISING = frozenset("appear seem sound look".split())


# Verbs whose object says the infinitive: "prompting experts to question", "urged them to reject"
_OBJECT_CONTROL = frozenset("""prompt urge ask force lead cause encourage persuade convince allow push spur invite
compel tell order pressure press inspire challenge dare get got drive motivate provoke implore beg""".split())
_OBJECT_CONTROL_STEMS = lexicon.form_stems(_OBJECT_CONTROL)


def _object_control(tok: Any) -> bool:
    return lexicon.is_form_of(tok, _OBJECT_CONTROL, _OBJECT_CONTROL_STEMS)


_REDUCED_CLAUSE_MARKS = frozenset("when if while after before once unless".split())


def _closing_speech_tag(tok: Any) -> bool:
    """ "..., the minister said on Tuesday.": a speech verb whose subject follows a comma and
    which ends its sentence (at most four words after it, none a verb)."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or lexicon.lemma_of(tok) not in lexicon.CORE_CUE_LEMMAS:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.left_edge.i < 1 or tok.doc[subj.left_edge.i - 1].text != ",":
        return False
    after = [t for t in tok.doc[tok.i + 1:tok.sent.end] if not t.is_punct]
    return len(after) <= 4 and not any(lexicon.upos(t) in ("VERB", "AUX") for t in after)


def _passive_quoted_as_saying(tok: Any) -> Any:
    """The "saying" of "X was quoted (by Y) as saying" for its passive "quoted" (else None)."""
    if tok.lower_ not in lexicon.QUOTING_FORMS or tok.tag_ != "VBN" or not any(
            c.dep_ == "nsubjpass" for c in tok.children):
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


# Passive forms that state their subject's belief or fear ("X is convinced that", "X was worried
# that"): the subject is the source, not the topic.
_BELIEF_STATES = frozenset("convinced persuaded worried concerned".split())


def _subject(tok: Any) -> Any:
    """The source token of a cue, or None when the statement has no source in the text.

    A passive without agent ("it was said", "X is expected to") and raising verbs
    ("appears to") have a grammatical subject that is the topic, not the source.
    """
    if lexicon.lemma_of(tok) in _RAISING or lexicon.stem(tok.lower_) in _RAISING:
        return None
    if _reduced_passive(tok):
        return None  # "Putin — reported to have taken control — may ...": reported by somebody unnamed
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "the two men, identified as X and Y": identified by nobody named
    if (tok.tag_ == "VBN" or (tok.tag_ == "VBD" and (tok.i == tok.sent.start or (
            tok.i == tok.sent.start + 1 and tok.doc[tok.i - 1].lower_ in _REDUCED_CLAUSE_MARKS)))) \
            and tok.dep_ == "advcl" and (
            tok.i < tok.head.i or tok.doc[tok.i - 1].text == "," or tok.doc[tok.i - 1].lower_ in _REDUCED_CLAUSE_MARKS) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        # (also "X made the remarks at a briefing when asked about ...": asked by someone unnamed)
        return None  # "Asked about the leak, Priebus said ...", "..., identified as X": the asker is unnamed (but
        # "While Sanders has pledged to ..., Devine said" has a subject of its own)
    if tok.dep_ == "acomp" and tok.lower_ in _BELIEF_STATES:
        # "Some experts are convinced that ...", "Officials were worried that ...": the copula's subject
        return next((c for c in tok.head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that")),
                    None)
    if _passive_quoted_as_saying(tok) is not None and not any(c.dep_ == "agent" for c in tok.children):
        # '"…," Grushko was quoted as saying by TASS': the one quoted speaks (with an agent, "X
        # was cited by The Scotsman as saying ...", the outlet is the source of the citing, as
        # in the active "The Scotsman cited X as saying", and X of the "saying")
        return next(c for c in tok.children if c.dep_ == "nsubjpass")
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not c.is_punct and not _infinitive_subject(c)]
    if not subjects:
        subjects = [x for x in [_subject_before_as_aside(tok)] if x is not None]
    if len(subjects) > 1 and subjects[-1].i < tok.i:
        appos = second_subject_apposition(subjects[-2])
        if appos is not None and appos.i == subjects[-1].i:
            subjects = subjects[-2:-1]  # "Bakyt Osmonov, | the member of parliament ..., said": the name
        else:
            subjects = subjects[-1:]  # "ex-communists" parsed as three subjects: the head noun
    for c in subjects:
        if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "this", "that") and any(
                a.dep_ == "auxpass" and a.lower_ in ("'s", "\u2019s") for a in tok.children) and tok.lower_ in _SAID_FORMS:
            return c  # "He's said he ...": "'s" is "has", not a passive
        if c.dep_ == "nsubjpass":
            for a in tok.children:
                if a.dep_ == "agent":
                    pobj = [p for p in a.children if p.dep_ == "pobj"]
                    if pobj:
                        return pobj[0]
            if tok.lower_ in _BELIEF_STATES and c.lower_ not in ("it", "this", "that"):
                return c  # "Some experts are convinced that ...": the convinced believe it
            return None
        return _name_after_participle(c) or _subject_read_as_apposition(tok, c) or c
    for c in tok.children:
        if c.dep_ == "agent":
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            if pobj:
                return pobj[0]
        if c.dep_ == "prep" and c.text == "Under" and c.i < tok.i and tok.doc[c.i + 1].text.startswith("Secretary"):
            # "US Under Secretary of State X said": the title's "Under" read as a preposition
            # and the name as its object (source_span puts "US Under" back)
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for c in tok.children:
        if c.text in _MODAL_NAMES and c.dep_ == "aux" and c.i < tok.i and tok.tag_ != "VB":
            return c  # "Will wrote", "May told the BBC": a surname tagged as a modal
        if c.text in _CAPS_NAMES and c.dep_ in ("aux", "auxpass") and c.i < tok.i:
            return c  # "IS has said", "IS claimed": the group's name read as the verb "is"
    if tok.dep_ == "acomp" and tok.head.text in _CAPS_NAMES and tok.head.i == tok.i - 1:
        return tok.head  # "IS demands allegiance": parsed as "is" + adjective
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and lexicon.upos(tok.head) in ("NOUN", "PROPN") \
            and lexicon.stem(tok.head.lower_) not in _NOT_SOURCES and tok.head.lower_ not in _TIME_WORDS \
            and not _place_object(tok.head):
        return tok.head  # "candidates proposing ...", "a message apparently referring to ..."
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _place_object(tok.head):
        return _subject_shallow(tok.head.head.head)  # "X walked into the center shouting": X
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        # "came amidst report saying ...": the parser hangs the participle on the verb, but
        # with no comma between, it describes the noun right before it
        if prev.dep_ == "pobj" and lexicon.upos(prev) in ("NOUN", "PROPN") \
                and lexicon.stem(prev.lower_) not in _NOT_SOURCES and prev.lower_ not in _TIME_WORDS \
                and not _place_object(prev):
            return prev
    if tok.dep_ == "xcomp" and _object_control(tok.head):
        # object control: "prompting experts to question", "urged the party to reject"
        obj = [c for c in tok.head.children if c.dep_ in ("dobj", "dative") and c.i < tok.i]
        if obj and lexicon.upos(obj[-1]) in ("NOUN", "PROPN", "PRON"):
            return obj[-1]
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 1 and tok.doc[tok.i - 1].text == ",":
        # "<clause>, Iran's Press TV reported on Monday, citing local sources": the tag's name
        tag = next((t for t in reversed(tok.doc[max(0, tok.i - 8):tok.i - 1]) if _acl_speech_tag(t)), None)
        if tag is not None and {x.i for x in tok.doc[tag.i:tok.i - 1]} <= {y.i for y in tag.subtree}:
            return tag.head
    if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.dep_ == "ROOT" and tok.head.i < tok.i \
            and lexicon.upos(tok.head) in ("NOUN", "PROPN") and not any(
                t.i != tok.i and t.dep_ != "aux" and lexicon.upos(t) in ("VERB", "AUX") for t in tok.doc[tok.head.i:tok.i]):
        return tok.head  # "The editorial called on governments to ...": a sentence's verb read as a reduced relative
    quoting = lexicon.quoted_as_saying(tok)
    if quoting is not None:
        obj = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            # "TASS quoted Peskov as saying that ...", "Ryabkov was quoted by RIA Novosti as
            # saying that ...": Peskov, Ryabkov say it (TASS, RIA Novosti are the medium)
            return obj
    if tok.tag_ == "VBG" and tok.dep_ == "oprd" and _after_comma(tok.doc, tok.i) and tok.sent.root.i < tok.i:
        # "X condemned what he called the "complicity" of ..., warning of ...": the parser hung the
        # participle on the clause inside; it goes with the sentence's verb
        return _subject_shallow(tok.sent.root)
    # "..., adding that ...", "X said ... and warned ...": inherit the governing subject.
    if tok.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp") and tok.head.i != tok.i:
        head = tok.head
        if _past_after_modal(tok) or _reporters_conj(tok):
            head = _governing_cue(head)
        if tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 1 and _after_comma(tok.doc, tok.i) \
                and head.dep_ == "ccomp" and head.head.i < head.i and _cue_like(head.head):
            # "They argued that sanctions need to be targeted, saying ...": the parser hangs
            # the participle on the reported clause; after a comma (and a closing quote mark:
            # 'said that "the forces will not leave," accusing ...') it goes with the reporting verb
            head = head.head
        for _ in range(3):  # "... persuade them to change course by arguing ..." : up the verb chain
            if head.dep_ == "prep" and head.head.i != head.i:  # "by saying", "after noting"
                head = head.head
            subj = _subject_shallow(head)
            if subj is None and tok.dep_ == "advcl" and tok.tag_ == "VBG":
                subj = _subject_in_fronted_phrase(head)  # "<quote>, the prosecutor, X, said, adding that ..."
            if subj is not None:
                if subj.lower_ == "it" and any(c.dep_ == "acomp" and c.lower_ in _EXTRAPOSED_ADJ for c in head.children):
                    return None  # "it is worth noting that", "it is important to remember that": the writer
                return subj
            if head.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "acomp") or head.head.i == head.i:
                return None
            head = head.head
    return _subject_in_fronted_phrase(tok)


_TAG_FORMS = frozenset("said reported wrote added told claimed stated noted announced reports says writes "
                       "adds claims".split())


_MOTIONS = frozenset("bill motion measure resolution amendment law proposal proposals".split())


def _no_speech(tok: Any) -> bool:
    """Uses of a cue-like verb that report no statement."""
    if tok.dep_ in ("advcl", "xcomp") and tok.head.i < tok.i and any(
            t.lower_ == "anonymity" for t in tok.doc[tok.head.i:tok.i]):
        return True  # "who spoke on condition of anonymity to discuss details": why, not what
    if tok.lower_ in _SHARED_FORMS and any(c.lower_ == "times" and c.head.i == tok.i for c in tok.children):
        return True  # "shared more than 14,000 times on Facebook and viewed over two million times on X"
    if any((c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and any(
            s.dep_ == "nsubj" and lexicon.lemma_of(s) in _MOTIONS for s in tok.children)))
           and any(p.lower_ in ("vote", "votes", "margin") for p in c.children) for c in tok.children):
        return True  # "The proposals were passed by 24 votes to 17", "a bill ... passed its reading by 71 votes to 9"
    if tok.lower_ in ("called", "named", "dubbed") and any(c.dep_ == "auxpass" for c in tok.children) \
            and not any(c.dep_ == "agent" for c in tok.children):
        return True  # "The compound is called berberine": a name, nobody's statement
    if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "parataxis") and tok.head.i > tok.i and tok.i > 0 \
            and tok.doc[tok.i - 1].text == "," and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True  # "X's latest round of export controls, announced late last week, has ...": a participle
    if tok.text[:1].isupper() and tok.i > tok.sent.start and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i - 1].is_alpha and not tok.doc[tok.i - 1].text[:1].isupper() \
            and tok.doc[tok.i + 1].text[:1].isupper() and tok.doc[tok.i + 1].is_alpha:
        return True  # "the 2014 chart-topper Said It All Before": a capitalised title, not a verb
    if tok.lower_ == "pronounced" and any(c.lower_ == "dead" for c in tok.children):
        return True  # "he was pronounced dead at the scene"
    if tok.lower_.startswith("impos") and any(c.dep_ in ("dobj", "nsubjpass") and singular(c.lower_) in _MEASURES
                                              for c in tok.children):
        return True  # "The US and its allies have imposed sanctions on Moscow": a measure, not words
    if lexicon.lemma_of(tok) == "ask" and any(c.dep_ == "auxpass" for c in tok.children) \
            and not any(c.dep_ == "agent" for c in tok.children) \
            and any(c.dep_ == "xcomp" and lexicon.lemma_of(c) in _APPEAL_VERBS for c in tok.children):
        return True  # "Anyone with information is asked to call 101": an appeal to readers
    if tok.lower_ == "quoting" and any(
            c.dep_ == "dobj" and c.lower_ in ("number", "reference", "ref", "code") for c in tok.children):
        return True  # "quoting incident number 2400...": a reference to give, not a quotation
    if any(c.dep_ in ("advmod", "prt") and (c.lower_ == "away" or (c.lower_ == "up" and tok.lower_.startswith("show")))
           and c.i == tok.i + 1 for c in tok.children):
        return True  # "something you can explain away": dismissing, not saying ("showed up on a screen": appearing)
    if lexicon.lemma_of(tok) == "call" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) \
            and any(c.dep_ == "dobj" and c.lower_ in ("it", "them", "him", "her") for c in tok.children):
        return True  # "Daesh, as the group's enemies call it,": a naming aside, nobody's statement
    return False


def _imperative(tok: Any) -> bool:
    """A verb of an imperative sentence: a bare root with no subject or auxiliary, or a verb
    coordinated with one ("Call your representatives and demand they ...")."""
    if tok.dep_ == "conj" and tok.tag_ in ("VB", "VBP") and tok.head.dep_ == "ROOT" \
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        tok = tok.head
    return (tok.tag_ == "VB" or (tok.tag_ == "VBP" and tok.i == tok.sent.start)) and tok.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "expl") for c in tok.children)  # (also "Want to share ...?")


def _name_after_participle(subj: Any) -> Any:
    """"Reporting from Deir el-Balah, Al Jazeera's Hani Mahmoud said": the parser made the
    opening participle the subject and the name an apposition inside its phrase; the name speaks."""
    if subj.tag_ != "VBG" or subj.i != subj.sent.start or not any(c.dep_ == "prep" for c in subj.children):
        return None
    return next((t for t in subj.subtree if t.dep_ == "appos" and lexicon.upos(t) == "PROPN"
                 and t.doc[t.left_edge.i - 1].text == ","), None)


def _acl_speech_tag(tok: Any) -> bool:
    """"<clause>, Iran's Press TV reported on Monday, citing ...": a speech verb right after a
    name set off by a comma, with the clause before it (at least four words, with a verb of its
    own) and nothing after it but adjuncts; the parser made the name part of the clause and
    the verb a participle on the name."""
    if tok.dep_ != "acl" or tok.lower_ not in _TAG_FORMS or tok.head.i != tok.i - 1:
        return False
    head = tok.head
    if lexicon.upos(head) not in ("PROPN", "NOUN") or head.dep_ not in ("appos", "conj", "npadvmod", "dobj", "pobj", "attr"):
        return False
    np_start = min(t.i for t in head.subtree if t.i <= head.i)
    doc = tok.doc
    sent_start = tok.sent.start
    if np_start - sent_start < 5 or doc[np_start - 1].text != ",":
        return False
    if not any(lexicon.upos(t) in ("VERB", "AUX") for t in doc[sent_start:np_start - 1]):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj") for c in tok.children)


# Present-tense reporting verbs the parser reads as a noun after a mass noun ("Western media
# claim that ...", "US media report that ...").
_NOUN_READ_LEMMAS = ("claim say report insist argue believe allege suggest warn fear note stress admit "
                     "deny accuse assert maintain predict forecast estimate").split()
# (the plural-like third person too: "The IMF predicts that ...", "The central bank forecasts that ...")
_NOUN_READ_VERBS = frozenset(_NOUN_READ_LEMMAS) | frozenset(
    f for lemma in _NOUN_READ_LEMMAS for f in lexicon.inflections(lemma) if f.endswith("s") and f != lemma)


# "Attack" and "target" are cues when words are the weapon ("Clinton attacked Trump", "attacked the
# plan"); not when the attackers are armed or the target is a place or a building.
_ARMED = frozenset("""troop force soldier army militant terrorist fighter gunman gunmen rioter drone missile jet
aircraft warplane attacker assailant insurgent rebel militia bomber sniper navy artillery tank raider
jihadist extremist mob""".split())
_PHYSICAL_TARGETS = frozenset("""position post base mall hall station building office fleet ship vessel tanker
convoy village town city civilian checkpoint camp school hospital church mosque synagogue
concert plant refinery facility infrastructure location airport airfield port bridge bus train car vehicle
painting store shop restaurant embassy headquarters barracks house home apartment neighbourhood
neighborhood district area region depot pipeline grid""".split())
_WEAPONS = frozenset("""rifle gun knife knives machete bomb grenade missile rocket drone stone rock bat explosive
weapon arm arms axe sword""".split())
_ATTACK_FORMS = frozenset("attack attacks attacked attacking target targets targeted targeting".split())


def _physical_attack(tok: Any, subject: Any) -> bool:
    """"Terrorist groups ... which attacked military posts", "Troops attacked the mall": an
    attack with arms, not words."""
    if tok.lower_ not in _ATTACK_FORMS:
        return False
    if subject is not None:
        subj = subject
        if subj.lower_ in ("which", "who", "that") and subj.dep_ in ("nsubj", "nsubjpass") and tok.dep_ == "relcl":
            subj = tok.head  # "groups which attacked ...": the noun the clause is on
        if singular(subj.lower_) in _ARMED:
            return True
    holders = [tok] + ([subject] if subject is not None else [])
    if any(p.dep_ == "prep" and p.lower_ == "with" and singular(g.lower_) in _WEAPONS
           for h in holders for p in h.children for g in p.children if g.dep_ == "pobj"):
        return True  # "attacked a police station with petrol bombs", "men with assault rifles attacked"
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None and any(c.dep_ == "auxpass" for c in tok.children):
        obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    return obj is not None and singular(obj.lower_) in _PHYSICAL_TARGETS


_POSSESSIVES = frozenset("his her their its my our".split())
_ONES_WORDS = frozenset("words view opinion estimation assessment judgment judgement".split())
_IN_ONES_WORDS = re.compile(r"\W*In (?:(?:%s) (?:own )?(?:%s),|the words of )" % (
    "|".join(sorted(_POSSESSIVES)), "|".join(sorted(_ONES_WORDS))))


def _in_ones_words(doc: Any, tok: Any) -> Any:
    """The possessive of "In his words," / "In her own words," / "In their view," opening a
    sentence, else None."""
    if tok.i != tok.sent.start:
        return None
    words = [t.lower_ for t in doc[tok.i + 1:tok.i + 5]]
    rest = words[2:] if words[1:2] == ["own"] else words[1:]
    if words[:1] and words[0] in _POSSESSIVES and rest[:1] and rest[0] in _ONES_WORDS and rest[1:2] == [","]:
        return doc[tok.i + 1]
    return None


def _verb_read_as_noun(tok: Any) -> tuple[Any, Any] | None:
    """(subject, clause) of "Western media claim that Russia is the aggressor" parsed as the noun
    phrase "Western media claim" with the clause hung on it: a sentence root that is one of
    :data:`_NOUN_READ_VERBS`, a noun compound before it (the subject) and a clause after it."""
    if tok.dep_ != "ROOT" or lexicon.upos(tok) != "NOUN" or tok.lower_ not in _NOUN_READ_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1
                 and lexicon.upos(c) in ("NOUN", "PROPN")), None)
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i
                   and lexicon.upos(c) in ("VERB", "AUX")), None)
    if subj is None or clause is None:
        return None
    if any(c.dep_ == "det" for c in tok.children) and not (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "that"
            and tok.doc[tok.i + 1].dep_ == "mark" and tok.doc[tok.i + 1].head.i == clause.i):
        return None  # ("the media claim Russia ...": a claim, not a verb; but "The bank forecasts that ...")
    return subj, clause


# What fact-checks say is shared ("Posts shared thousands of times on Facebook claim that ...").
_SHARED_THINGS = frozenset("post posts video videos message messages tweet tweets article articles image images "
                           "meme memes photo photos picture pictures claim claims user users account accounts "
                           "page pages".split())
_SHARED_FORMS = frozenset("shared posted circulating circulated published viewed spread spreading".split())
_SHARED_CUES = frozenset("claim claims say says allege alleges suggest suggests assert asserts".split())


def _claim_after_shared_posts(tok: Any) -> tuple[Any, Any] | None:
    """(first, last) tokens of the content of "Posts shared thousands of times on Facebook and X
    claim that the WHO ...", "Videos circulating on TikTok claim that ...", which the parser
    reads in many wrong ways ("shared" as the verb, "claim" as a noun): a sentence that opens
    with what is shared ("Posts") and how ("shared", "circulating"), then the cue ``tok``."""
    if tok.lower_ not in _SHARED_CUES:
        return None
    sent = tok.sent  # (not cheap: only for the cue words)
    # (after at most two modifiers: "Social media posts shared ...", "Viral videos circulating ...")
    first = next((t for t in sent[:3] if t.lower_ in _SHARED_THINGS), None)
    if first is None or tok.i < first.i + 3 or tok.doc[first.i + 1].lower_ not in _SHARED_FORMS:
        return None
    if any(t.lower_ in _SHARED_CUES or t.text in (".", ";", ":") for t in tok.doc[first.i + 2:tok.i]):
        return None  # (the first cue word only)
    words = [t for t in tok.doc[tok.i + 1:sent.end] if not t.is_punct or t.i < sent.end - 1]
    if len(words) < 3:
        return None
    return words[0], words[-1]


# ("as quoted by Bloomberg" after a statement names its medium: see describe.find_medium)
_AS_REPORTED_FORMS = frozenset("reported stated noted announced said confirmed claimed "
                               "told written explained revealed".split())


def _as_reported_by(tok: Any) -> Any:
    """The "by" of a fronted or closing "as reported by X", "as stated by X" (else None)."""
    if tok.lower_ not in _AS_REPORTED_FORMS or tok.i == 0 or tok.doc[tok.i - 1].lower_ != "as":
        return None
    by = next((c for c in tok.children if c.dep_ == "agent" and c.i == tok.i + 1), None)
    if by is None or not any(c.dep_ == "pobj" for c in by.children):
        return None
    return by


def _that_clause_as_dep(tok: Any) -> list[Any]:
    """A "that" clause the parser left as an unlabelled dependant of the cue (a scare-quoted
    word inside broke the parse: 'We are told that sanctions are "crippling" the economy'), or
    read as a relative clause of the verb ("The media claim that Russia is the aggressor"; not
    where the verb is itself a subject: "The media claim that he lied was false")."""
    return [c for c in tok.children if c.i > tok.i and (
                c.dep_ == "dep" or (c.dep_ in ("acl", "relcl") and lexicon.upos(tok) in ("VERB", "AUX")
                                    and tok.dep_ in ("ROOT", "conj", "ccomp", "parataxis", "advcl")))
            and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)][:1]


def _caps_name_read_as_verb(tok: Any) -> Any:
    """An all-capitals name the parser read as the verb of a clause before the cue: "Syria's
    official news agency SANA, citing local sources, said ..." (SANA a past tense with "agency"
    its subject). That name heads the source."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i < tok.i and lexicon.caps_name(c) \
                and c.tag_.startswith("VB") and c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].text == "," \
                and any(g.dep_ == "nsubj" and lexicon.upos(g) in ("NOUN", "PROPN") for g in c.children) \
                and not any(g.dep_ in ("dobj", "ccomp", "xcomp", "aux") for g in c.children):
            return c
    return None


def _clause_under_caps_name(comp: Any) -> Any:
    """'said in a statement carried by state news agency SANA on Wednesday that ...': the parser
    read the all-capitals name as a verb with the that-clause as its complement; the clause is the
    cue's content (else ``comp`` itself)."""
    if comp.dep_ == "ccomp" and lexicon.caps_name(comp) \
            and comp.tag_.startswith("VB") and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in comp.children):
        inner = next((g for g in comp.children if g.dep_ == "ccomp" and g.i > comp.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
        if inner is not None:
            return inner
    return comp


# Participles that modify a name or rank ("retired Lt. Col. Earl Rasmussen").
_NAME_PARTICIPLES = frozenset("retired".split())


def _modifier_read_as_verb(tok: Any) -> tuple[Any, Any] | None:
    """'"…," retired Lt. Col. Earl Rasmussen, executive vice president of X, said.': the parser
    read "retired" as a verb whose subject is the name, and that clause as the cue's complement.
    Returns (the participle, the name), else None; the name is the source, and
    :func:`source_span` puts the participle back in front of it."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i < tok.i and c.lower_ in _NAME_PARTICIPLES and _after_comma(tok.doc, c.i) \
                and not any(g.dep_ in ("dobj", "ccomp", "xcomp") and g.i > c.i for g in c.children):
            # (a clause of the quotation before it may hang on it too)
            name = next((g for g in c.children if g.dep_ == "nsubj" and g.i > c.i and lexicon.upos(g) == "PROPN"), None)
            if name is not None:
                return c, name
    return None


def _after_comma(doc: Any, i: int) -> bool:
    """Token ``i`` follows a comma, or a comma and a closing quote mark ('“…,” the Paris prosecutor')."""
    prev = doc[i - 1].text
    return prev == "," or (i >= 2 and prev in ("\u201d", '"', "''") and doc[i - 2].text == ",")


def _subject_in_fronted_phrase(tok: Any) -> Any:
    """"In an interview with RIA Novosti, Bundestag deputy X of the Y party said ...": the
    parser hangs the subject on the fronted phrase's object (as a conjunct or apposition), and
    the finite verb is left with no subject. The noun phrase that follows the phrase's comma and
    runs up to the verb is the subject."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.i < 3:
        return None
    doc = tok.doc
    for prep in (c for c in tok.children if c.dep_ in ("prep", "ccomp", "punct") and c.i < tok.i):
        # (also "<clause>, the Ukrainian General Staff reported": the name hung on the clause's object)
        # (the phrase may close with a comma: "<clause>, Russia's envoy to the EU, Vladimir Chizhov, said")
        end = tok.i - 2 if doc[tok.i - 1].text == "," else tok.i - 1
        # (or on the phrase's comma: "Speaking after the hearing, Detective Constable Ruth Oakley, of
        # Cleveland Police, said", "Oakley" a "prep" of the comma)
        found = [x for x in prep.subtree
                 if (x.dep_ in ("conj", "appos") and lexicon.upos(x) in ("PROPN", "NOUN")
                     or (x.dep_ == "prep" and lexicon.upos(x) == "PROPN" and x.head.is_punct))
                 and x.right_edge.i == end and x.left_edge.i >= 1 and _after_comma(doc, x.left_edge.i)]
        if not found:
            continue
        x = max(found, key=lambda t: t.left_edge.i)  # "In Cwmafan, Neath Port Talbot, X and Y said": X and Y
        outer = [y for y in found if y.dep_ == "appos" and lexicon.upos(y) == "NOUN" and y.i < x.i
                 and x.dep_ == "appos" and x in y.subtree]
        if outer:
            x = min(outer, key=lambda t: t.left_edge.i)  # "…, Russia's envoy to the EU, Vladimir Chizhov, said"
        h = x.head
        if x.dep_ == "appos" and lexicon.upos(x) == "NOUN" and lexicon.upos(h) == "PROPN" and (h in found or (
                h.left_edge.i > 0 and doc[h.left_edge.i - 1].text == "," and h.i < x.i)):
            x = h  # "..., Sergei Bendin, acting head of X said": the name, with its role
        if x.dep_ == "conj" and any(c.dep_ == "cc" for c in x.head.children if x.head.i < c.i < x.i):
            return None  # "with X, Y and Z said": a real coordination
        return x
    return None


# Adjectives of an extraposed "it" ("it is worth noting that", "it is important to remember
# that"): that "it" is no one; PolNeAR marks such cues as having no source.
_EXTRAPOSED_ADJ = frozenset("worth important necessary fair safe interesting notable noteworthy crucial vital "
                            "essential useful instructive helpful striking ironic tempting easy hard difficult "
                            "possible impossible reasonable fitting telling remarkable significant relevant wise "
                            "good better best right wrong sad curious odd strange surprising unsurprising".split())


_PLACE_PREPS = frozenset("into in inside at near outside across through toward towards onto".split())


# Verb forms that, right before "to be" / "to have", can only be a passive participle: "X,
# reported to have fled, ...", "X, believed to be ...". ("claimed to have", "expected to
# have" can be active, so they are not here.)
_REDUCED_PASSIVE_FORMS = frozenset("reported said believed thought alleged rumoured rumored known understood "
                                   "considered seen".split())


def _reduced_passive(tok: Any) -> bool:
    """A reduced passive the parser read as an active past tense ("Putin — reported to have
    taken personal control — may ..."): its subject is what is reported on, not who reports."""
    doc = tok.doc
    if tok.lower_ not in _REDUCED_PASSIVE_FORMS or tok.i + 2 >= len(doc):
        return False
    if doc[tok.i + 1].lower_ != "to" or doc[tok.i + 2].lower_ not in ("have", "be"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _inverted_object(tok: Any) -> tuple[Any, list[Any]] | None:
    """"X was a remarkable operation, wrote Walton, but …": a speech verb right after a comma,
    its clause before it (a clausal complement, or the clause it was coordinated with) and a
    name right after it that the parser took for the object: (the name, the clause's tokens)."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != "," or lexicon.lemma_of(tok) == "tell" or not _speech_form(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or lexicon.upos(obj) != "PROPN" or obj.left_edge.i != tok.i + 1:
        return None
    after = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ";", "\u2014"):
        return None
    ccomp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
    if ccomp is not None:
        clause = [t for t in ccomp.subtree if t.i < tok.i - 1]
    elif tok.dep_ == "conj" and tok.head.i < tok.i and not any(c.dep_ == "cc" for c in tok.head.children
                                                                if c.i < tok.i):
        clause = [t for t in tok.head.subtree if t.i < tok.i - 1]
    else:
        return None
    return (obj, clause) if clause else None


def _name_between_quote_and_tag(tok: Any) -> tuple[Any, Any] | None:
    """'“…,” Andrii Dykun, the head of the UAC, wrote.': a name (and its apposition) between a
    closing quotation mark and the speech verb that the parser hung elsewhere: (its first word,
    its head)."""
    doc = tok.doc
    close = next((t for t in reversed(doc[max(0, tok.i - 16):tok.i]) if t.is_quote), None)
    if close is None or close.i + 1 >= tok.i or not _speech_form(tok) or lexicon.upos(doc[close.i + 1]) != "PROPN":
        return None
    words = doc[close.i + 1:tok.i]
    if any(t.is_quote or lexicon.upos(t) in ("VERB", "AUX", "PRON") for t in words):
        return None
    first = words[0]
    head = first
    while head.i + 1 < tok.i and lexicon.upos(doc[head.i + 1]) == "PROPN":
        head = doc[head.i + 1]
    return first, head


def _name_right_before(tok: Any) -> tuple[Any, Any] | None:
    """'Instead of targeting ... projects like Willow—energy expert Jim Krane said policymakers
    need to ...': a finite speech verb without a subject, right after a name (and its party
    label, "Rep. Paul Ryan (R-WI) said") that the parser attached elsewhere: (the first word
    of the name phrase, its head)."""
    doc = tok.doc
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or not _speech_form(tok) or tok.i < 2 \
            or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    j = tok.i - 1
    if doc[j].text == ")":
        j = next((k for k in range(j - 1, max(j - 8, 0), -1) if doc[k].text == "("), 0) - 1
    if j < 1 or lexicon.upos(doc[j]) != "PROPN" or doc[j].head.i == tok.i:
        return None
    first = j
    while first > 0:
        p = doc[first - 1]
        if lexicon.upos(p) == "PROPN" or (p.is_lower and (p.lower_ in ROLE_NOUNS or (
                lexicon.upos(p) in ("NOUN", "ADJ") and doc[first].lower_ in ROLE_NOUNS))):
            first -= 1  # the name, the role before it and the role's modifiers ("energy expert")
        else:
            break
    if first > 0 and lexicon.upos(doc[first - 1]) in ("VERB", "AUX", "ADP", "PART"):
        return None  # ("US should support Ukraine Kissinger argued": where the name begins is unclear)
    return doc[first], doc[j]


def _speaker_read_as_object(tok: Any) -> Any:
    """'"…," added the official.', '"…," declared one of the men in the video.', '"…," wrote
    another.': after a quotation, the inverted speaker the parser took for the verb's object
    (a phrase running to the end of the clause)."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text == "," and tok.i > 1:
        before = doc[tok.i - 2]
    if before is None or not before.is_quote or not (_speech_form(tok) or _cue_like(tok)) or lexicon.lemma_of(tok) == "tell" \
            or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr") and c.left_edge.i == tok.i + 1), None)
    if obj is None:
        return None
    end = obj.right_edge.i + 1
    if end < len(doc) and not (doc[end].is_punct and doc[end].text in ".,;!?"):
        return None
    if lexicon.upos(obj) == "PROPN" or _person_noun(obj) or obj.lower_ in ("one", "another", "others") or (
            lexicon.upos(obj) == "NOUN" and any(c.dep_ in ("det", "poss") for c in obj.children)):
        return obj
    return None


def _speaker_in_following_clause(tok: Any) -> Any:
    """'"…,” said one former official who participated in the evaluation and who, like others,
    spoke on condition of anonymity': after a quotation, the parser made the inverted speaker
    the subject of a clause complementing the speech verb; that clause (its subject speaks)."""
    doc = tok.doc
    if tok.i < 2 or not _speech_form(tok) or not (doc[tok.i - 1].is_quote or doc[tok.i - 2].is_quote):
        return None
    for c in tok.children:
        subj = next((s for s in c.children if s.dep_ == "nsubj"), None) if c.dep_ == "ccomp" and c.i > tok.i else None
        if subj is not None and subj.left_edge.i == tok.i + 1 and lexicon.upos(subj) in ("NOUN", "PROPN") \
                and (_person_noun(subj) or lexicon.upos(subj) == "PROPN"):
            return c
    return None


def _yes_no_question(tok: Any, source_tok: Any) -> bool:
    """A question opening with an auxiliary before the cue's subject ("Does China plan to
    retaliate?", "Will the minister say that ...?")."""
    sent = tok.sent
    first = tok.doc[sent.start]
    return (first.lower_ in _QUESTION_AUX and first.i < source_tok.i < tok.i
            and sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"))


_QUESTION_AUX = frozenset("do does did will would can could should is are was were has have had shall may might".split())


def _speaker_read_as_apposition(tok: Any) -> Any:
    """"Speaking to Al Jazeera, Dr Ghassan Abu Sittah, a surgeon at the hospital, said ...": a
    subjectless speech verb after an opening participle phrase whose last noun has a name in
    apposition (the parser's reading of the speaker); that name, else None."""
    if lexicon.upos(tok) != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    part = next((c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < tok.i
                 and c.i == c.sent.start), None)
    if part is None:
        return None
    nouns = [t for t in part.subtree if t.dep_ == "appos" and lexicon.upos(t) == "PROPN" and t.head.dep_ == "pobj"]
    name = nouns[0] if nouns else None
    if name is None or name.right_edge.i >= tok.i or tok.doc[name.left_edge.i - 1].text != ",":
        return None
    return name


def _subject_read_as_apposition(tok: Any, subj: Any) -> Any:
    """"... injected by the pharmaceutical company Halbrook, a local physician has claimed,
    accusing ...": the speaker of a parenthetical tag that the parser hung on the name ending
    the clause before as its apposition, the name becoming the subject. A description right
    before the verb with no comma closing it, after a name glued to the words before it (not
    the start of a sentence or clause): the description's head, else None."""
    doc = tok.doc
    appos = [c for c in subj.children if c.dep_ == "appos" and c.i > subj.i]
    if subj.dep_ != "nsubj" or len(appos) != 1 or subj.left_edge.i <= tok.sent.start:
        return None
    a = appos[0]
    if a.right_edge.i >= tok.i or doc[a.left_edge.i - 1].text != "," \
            or doc[a.left_edge.i].lower_ not in ("a", "an", "one"):
        return None
    if any(t.is_punct or t.head.i != tok.i for t in doc[a.right_edge.i + 1:tok.i]):
        return None  # ("Halbrook, a local firm, has claimed": a closing comma makes it an apposition)
    if doc[subj.left_edge.i - 1].is_punct or doc[subj.left_edge.i - 1].lower_ in ("and", "but", "while", "as", "that"):
        return None  # the name starts its clause: it can be the subject
    return a


def _name_before_final_tag(tok: Any) -> tuple[Any, list[Any]] | None:
    """"<clause>, Chief of the ... Department at the General Staff Lieutenant-General Sergei
    Rudskoy said on Monday.": a name right before a speech verb that ends its sentence (but for
    a time phrase), after the sentence's last comma, that the parser hung on the clause before
    while taking a noun of that clause for the subject: (the name, the clause's tokens)."""
    doc = tok.doc
    if not _speech_form(tok) or tok.i == 0 or lexicon.upos(doc[tok.i - 1]) != "PROPN":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    name = doc[tok.i - 1]
    if subj is None or subj.i >= name.i - 1:
        return None
    sent = tok.sent
    tail = [t for t in doc[tok.i + 1:sent.end] if not (t.is_punct or t.lower_ in _TIME_WORDS or t.lower_ in ("on", "last"))]
    if tail:
        return None
    comma = next((t.i for t in reversed(doc[sent.start:name.i]) if t.text == ","), None)
    if comma is None or comma <= subj.i or name.i - comma > 25 or any(
            lexicon.upos(t) in ("VERB", "AUX") for t in doc[comma + 1:name.i]):
        return None
    clause = [t for t in doc[sent.start:comma]]
    return (name, clause) if clause else None


def _speech_form(tok: Any) -> bool:
    return tok.lower_ in ("said", "says", "wrote", "writes", "added", "adds", "told", "explained", "noted",
                          "argued", "insisted", "warned", "claimed", "stated", "continued", "recalled")


def _asyndetic_tag(tok: Any, source_tok: Any) -> bool:
    """"<clause>, a former Pentagon adviser has told RT, ...": a speech tag after a comma that the
    parser joined to the clause before it as a conjunct (no "and" or "but" between them)."""
    if tok.dep_ != "conj" or source_tok is None or source_tok.i > tok.i or tok.head.i > source_tok.i:
        return False
    left = source_tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text == "," and not any(
        c.dep_ == "cc" and c.i < left for c in tok.head.children) and _cue_like(tok)


# "asked not to be named", "did not want to be identified", "requested anonymity"
_ANONYMITY_VERBS = frozenset("ask want wish request prefer demand".split())
_ANONYMITY_STEMS = lexicon.form_stems(_ANONYMITY_VERBS)
_ANONYMITY = re.compile(r"(?:(?:not\s+)?to\s+be\s+(?:named|identified|quoted)|anonymity|"
                        r"(?:us|me|them)\s+not\s+to\s+(?:publish|use|print|give|reveal)\b.{0,30}\b(?:name|call\s+sign|identity)|"
                        r"to\s+be\s+identified\s+only\s+(?:as|by))\b",
                        re.I)
_COPULA_FORMS = frozenset("is was are were be been".split())


def _own_statement_conj(tok: Any) -> bool:
    """"warned that the restrictions will hurt sales, and industry associations have cautioned
    that ...": a clause coordinated into the reported one, with a subject, a cue and a
    complement of its own, is a statement of its own, not part of the first one's content."""
    cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), None)
    return tok.dep_ == "conj" and _cue_like(tok) and any(c.dep_ == "ccomp" for c in tok.children) and any(
        c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that") for c in tok.children) \
        and cc is not None and tok.doc[cc.i - 1].text == ","  # (", and": a clause of its own)


def _governing_cue(clause: Any) -> Any:
    """The reporting verb a reported clause hangs on: its head for a complement ("said that
    ..."), or the verb of the medium phrase the parser hung it on ("said in a statement that ...")."""
    if clause.dep_ == "ccomp" and clause.head.i < clause.i and _cue_like(clause.head):
        return clause.head
    if clause.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) \
            and clause.head.dep_ == "pobj" and clause.head.head.dep_ == "prep" and _cue_like(clause.head.head.head):
        return clause.head.head.head
    return None


def _past_after_modal(tok: Any) -> bool:
    """"May reiterated that the vote will go ahead and warned ...": a past tense cannot continue
    the modal clause the parser put it in, so it coordinates with the verb that governs it."""
    head = tok.head
    return tok.dep_ == "conj" and tok.tag_ == "VBD" and _governing_cue(head) is not None \
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def _agent_noun(tok: Any) -> bool:
    """A noun for people or bodies that can act and speak ("protesters", "the government",
    "troops"), unlike things and events ("the strikes", "prices")."""
    return singular(tok.lower_) in _AGENT_NOUNS or tok.lower_ in _AGENT_NOUNS or singular(tok.lower_) in PERSON_NOUNS


_MEASURES = frozenset("sanction tariff duty restriction curfew ban fine penalty levy tax embargo quota".split())
_AGENT_NOUNS = GROUP_HEADS | frozenset("""protester demonstrator crowd mob troop troops force forces police army
military government ministry party council committee union company firm bank court agency administration
campaign group organisation organization team club board panel commission parliament congress senate
authority authorities public voter citizen worker people""".split())


def _reporters_conj(tok: Any) -> bool:
    """"said that the deployment was an act of piracy and called on ...": the parser put the
    second verb in the reported clause, but a thing described there calls on nobody; it
    coordinates with the reporting verb ("said the strikes had caused damage and called on
    ...": strikes call on nobody either; "the protesters had gathered and called for ..." keeps
    the protesters). So does a past tense after a modal clause ("said that Russia will take all
    necessary measures, but declined to elaborate")."""
    head = tok.head
    return tok.dep_ == "conj" and _governing_cue(head) is not None \
        and _cue_like(tok) and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "auxpass") for c in tok.children) \
        and (_past_after_modal(tok) or any(
            c.dep_ == "nsubj" and lexicon.upos(c) == "NOUN" and not _person_noun(c)
            and (head.lower_ in _COPULA_FORMS or not _agent_noun(c)) for c in head.children))


def _cue_like(tok: Any) -> bool:
    return lexicon.lemma_of(tok) in lexicon.CORE_CUE_LEMMAS or lexicon.cue_prior(tok.lower_) >= 0.3


def _place_object(noun: Any) -> bool:
    """"walked into the center shouting ...": the object of a preposition of place is where the
    speaker is, not the speaker."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPS


def _subject_before_as_aside(tok: Any) -> Any:
    """"The Israeli military, as is its usual practice, declined to comment": the parser made the
    subject the subject of the "as" aside; it is the verb's."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "advcl") and c.i < tok.i:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "as"), None)
            subj = next((x for x in c.children if x.dep_ == "nsubj" and mark is not None and x.i < mark.i
                         and tok.doc[mark.i - 1].text == ","), None)
            if subj is not None:
                return subj
    return None


_ADVERBIAL_MARKS = frozenset("as while when whenever because since although though if unless once after before".split())


def _adverbial_clause_before(clause: Any, cue: Any) -> bool:
    """"But as attacks rise again across the desert, regional analysts say the presence ...": a
    clause opened by a subordinating word before the cue and its subject, read as the cue's
    complement, when the cue has a complement after it too."""
    return clause.i < cue.i and clause.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children) and any(
        c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _subject_shallow(tok: Any) -> Any:
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and not _infinitive_subject(c):
            return _subject_read_as_apposition(tok, c) or c
    return None


def _infinitive_subject(c: Any) -> bool:
    """"To reduce X to a sideshow is to tell ...": an infinitive clause as subject names no speaker."""
    return c.dep_ == "csubj" and c.left_edge.lower_ == "to"


# Between two quotations, a coordinated clause rather than a speech tag ('"has never threatened
# anyone" and accused Washington of "pumping ..."').
_CONJOINED_GAP = re.compile(r"\s+(?:and|but|or|while|yet)\s", re.I)


_THAT_BEFORE_QUOTE = re.compile(r"\bthat\s*$", re.I)


def _adjacent_quote(text: str, base: int, doc: Any, tok: Any, quotes: list[QuoteRegion]) -> tuple[int, int] | None:
    """The quotation(s) this cue introduces or closes, if the sentence has any.

    Takes quotes inside the cue's sentence, plus a quote starting right after the
    sentence (``He said: "...``), and joins a split quote around a parenthetical cue.
    """
    # The parsed chunk is already one sentence by our splitter; spaCy's own sentence
    # boundaries cut '“Why?” | Trump asked.' apart, so they are not used here.
    s_start, s_end = base, base + (_tok_end(doc[-1]) if len(doc) else 0)
    cue_pos = base + tok.idx
    inside = [q for q in quotes if _overlaps((q.start, q.end), (s_start, s_end))
              and not (q.start <= cue_pos < q.end)]
    # Quotes must be substantial (not scare quotes) to count as the content.
    inside = [q for q in inside if len(text[q.start:q.end].split()) >= 4 or
              q.start <= s_start + 1 or q.end >= s_end - 3]
    if not inside:
        # "He said:" then a quotation opening the next sentence or paragraph.
        tail = text[cue_pos:s_end].rstrip()
        if tail.endswith(":"):
            nxt = [q for q in quotes if s_end <= q.start <= s_end + 3]
            if nxt:
                return (nxt[0].start, nxt[0].end)
        return None
    before = [q for q in inside if q.end <= cue_pos]
    after = [q for q in inside if q.start > cue_pos]
    if before and after:
        gap = text[before[-1].end:after[0].start]
        verbs = [t for t in doc if before[-1].end <= base + t.idx < after[0].start and lexicon.upos(t) == "VERB"
                 and (lexicon.cue_prior(t.lower_) >= 0.1 or lexicon.lemma_of(t) in lexicon.CORE_CUE_LEMMAS)]
        if len(verbs) >= 2 and tok in verbs:
            # '“A,” he said, adding: “B.”': two cues, one quotation each
            q = before[-1] if tok.i == verbs[0].i else after[0]
            return (q.start, q.end)
        if _THAT_BEFORE_QUOTE.search(gap):
            return (after[0].start, after[0].end)  # '"...", adding that "B."': the cue introduces only B
        if len(gap) < 80 and not _CONJOINED_GAP.match(gap):  # split quote around a short "he said"
            return (before[-1].start, after[0].end)
    if before:
        # The quote ends right before "he said" (allowing for the source between).
        if len(text[before[-1].end:cue_pos]) < 60 or _only_source_between(text, base, tok, before[-1].end):
            # '"A," Smith said. "B."': the quote resumes right after the cue sentence.
            rest = text[cue_pos:s_end]
            nxt = [q for q in quotes if s_end <= q.start <= s_end + 2 and "\n" not in text[s_end:q.start]]
            if nxt and not after and len(rest) < 60 and not SPEECH_TAG.match(text, nxt[0].end):
                # (unless that quote has its own tag: '"A," he said. "B," he added.')
                return (before[-1].start, nxt[0].end)
            return (before[-1].start, before[-1].end)
    if after and tok.dep_ == "relcl" and any(
            not t.is_punct for t in doc[tok.right_edge.i + 1:] if base + t.idx < after[0].start):
        return None  # "X, which backed the claim, called the ruling "a landmark"": the main verb's quotation
    if after:
        if len(text[cue_pos:after[0].start]) < 60:
            return (after[0].start, after[-1].end if len(after) > 1 and
                    len(text[after[0].end:after[-1].start]) < 5 else after[0].end)
    return None


# Right dependants of a cue that belong to what was said/meant, in PolNeAR's convention.
VP_CONTENT_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "prep", "dative", "attr", "acomp")
VP_STOP_DEPS = ("punct", "cc", "conj", "advcl", "parataxis", "npadvmod", "mark", "nsubj")


_ADDRESSEE_VERBS = frozenset("tell inform assure remind warn notify persuade convince".split())
_ADDRESSEE_STEMS = lexicon.form_stems(_ADDRESSEE_VERBS)


# Prepositions PolNeAR keeps in the cue when their object is the content ("referring to X",
# "said of X", "balked at X"); "say" takes only "of".
CUE_PREPS = frozenset("to of about at for on against".split())
# Verbs whose "to X" is who they addressed ("wrote to the council", "spoke to residents"), not what
# the statement was about ("referred to", "objected to", "pointed to").
_ADDRESSEE_TO = frozenset("write speak talk".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday "
                        "tomorrow night morning evening day week month year weekend time january february "
                        "march april june july august september october november december".split())


def _cue_extension(tok: Any) -> tuple[list[Any], Any]:
    """Tokens right of the cue that PolNeAR includes in it, and a prepositional object
    that is the content (or None): "referring to", "said in a statement"."""
    doc = tok.doc
    ext: list[Any] = []
    prep_obj = None
    j = tok.i + 1
    while j < len(doc) and doc[j].head.i == tok.i and doc[j].dep_ == "advmod" and doc[j].tag_ in ("RB", "RBR"):
        j += 1  # "spoke briefly of", "pushed back on", "pressed privately for"
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and j > tok.i + 1 and not (nxt.head.i == tok.i and nxt.dep_ == "prep"
                                                   and nxt.lower_ in CUE_PREPS):
        j, nxt = tok.i + 1, (doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
    if j > tok.i + 1:
        ext.extend(doc[tok.i + 1:j])
    if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "prep":
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        lemma = lexicon.lemma_of(tok)
        if pobj and nxt.lower_ in CUE_PREPS and (lemma != "say" or nxt.lower_ == "of") \
                and not (nxt.lower_ == "to" and lemma in _ADDRESSEE_TO) \
                and pobj[0].lower_ not in lexicon.AUDIENCE_WORDS \
                and pobj[0].lower_ not in _TIME_WORDS and not any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
            ext.append(nxt)
            prep_obj = pobj[0]
        elif pobj and nxt.lower_ in ("in", "during") and lexicon.lemma_of(pobj[0]) in _MEDIUM_NOUNS:
            clause = {t.i for cl in _misattached_complement(tok) for t in cl.subtree}
            sub = [t for t in nxt.subtree if t.i not in clause]
            ext.extend(t for t in sub if t.dep_ != "punct" or t.i < max(x.i for x in sub))
    return ext, prep_obj


# Nouns whose "in ..." / "during ..." phrase tells how a statement was made, so that the phrase
# belongs to the cue ("said in a statement", "wrote in an op-ed") and a relative clause on them
# is no content; wider than describe's ``_MEDIUM_NOUNS`` (nouns whose "to X" is the medium).
_MEDIUM_NOUNS = frozenset("statement interview email op-ed post tweet letter release issue response column "
                          "article editorial memo speech remarks appearance briefing conference call message "
                          "video book blog report essay podcast broadcast".split())


# Nouns that, as the object of a light verb, make the cue ("made no mention of",
# "offered a defense of", "issued a warning").
LIGHT_VERBS = frozenset("make offer issue give deliver voice express raise".split())
LIGHT_NOUNS = frozenset("mention reference suggestion appeal case claim point argument defense defence "
                        "warning statement comment comments promise pledge call plea vow prediction "
                        "criticism attack accusation allegation".split())


_NO_CHAIN = frozenset({"declin", "refus"})


def _cue_chain(tok: Any) -> Any:
    """The token a multi-word cue ends on: "declined to comment" -> comment,
    "went on to say" -> say, "made no mention" -> mention; else the cue itself."""
    doc = tok.doc
    if lexicon.stem(tok.lower_) in _NO_CHAIN and not any(
            c.dep_ == "xcomp" and any(p.dep_ == "prep" and p.i == c.i + 1 and p.lower_ in CUE_PREPS for p in c.children)
            for c in tok.children):
        return tok  # PolNeAR: cue "declined", content "to comment" (but "declined to comment on | X")
    if _object_control(tok) and any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return tok  # "prompting experts to question": the experts question (a cue of its own)
    for c in tok.children:
        if c.dep_ == "xcomp" and lexicon.upos(c) == "VERB" and c.i > tok.i and c.i - tok.i <= 3 \
                and doc[c.i - 1].lower_ == "to" and (lexicon.cue_prior(c.lower_) >= 0.1
                                                     or lexicon.lemma_of(c) in lexicon.CORE_CUE_LEMMAS):
            return c
    if lexicon.lemma_of(tok) in LIGHT_VERBS:
        for c in tok.children:
            if c.dep_ == "dobj" and 0 < c.i - tok.i <= 3 and lexicon.lemma_of(c) in LIGHT_NOUNS:
                return c
    return tok


def _verb_phrase_content(tok: Any) -> tuple[Any, Any] | None:
    """First and last token of the cue's right-hand complements, or None.

    Used when the cue has an object (PolNeAR takes "him as a generous executive",
    "Clinton of pushing to indict him", "them to draft a speech" whole); stops at
    punctuation, coordination and adverbial clauses, and skips leading prepositional
    phrases naming a medium ("said in a statement that ...").
    """
    right = [c for c in tok.children if c.i > tok.i]
    if not any(c.dep_ in ("dobj", "dative", "oprd") for c in right):
        return None
    if lexicon.is_form_of(tok, _ADDRESSEE_VERBS, _ADDRESSEE_STEMS) and not any(c.dep_ == "xcomp" for c in right):
        return None  # "told reporters that ...": the object is the addressee, not the content
    first = last = None
    for c in right:
        if c.dep_ in VP_STOP_DEPS:
            if first is not None:
                break
            continue
        if c.dep_ not in VP_CONTENT_DEPS:
            if first is not None:
                break
            continue
        if first is None and c.dep_ == "prep":
            continue  # leading "in a statement", "on Tuesday"
        if c.dep_ == "prep" and _circumstance(c):
            break  # trailing "on Thursday", "at a press conference", "on Twitter": when/where, not what
        sub = list(c.subtree)
        if first is None:
            first = sub[0]
        last = sub[-1]
    return (first, last) if first is not None else None


# All-caps names the parser can read as a form of "be" ("IS has said"): never part of a cue.
_CAPS_NAMES = frozenset({"IS"})


# "Trump: ‘I’m the Worst Thing That Ever Happened to ISIS’", "Putin: We will not back down": a
# headline-style statement, a name (1-4 capitalised words) then a colon, then words that are
# the speaker's own (a quotation, or the first person).
_HEADLINE_QUOTE = re.compile(r"(?P<src>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):\s+(?P<content>\S.*)$", re.S)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I'll|I’ll|I've|I’ve|We|we|My|my|Our|our|Me|me|Us)\b")
_NOT_HEADLINE_SOURCES = frozenset("update updated watch read photo photos video source sources note editor's "
                                  "warning breaking exclusive opinion analysis related q a answer question "
                                  "quote poll report graphic map".split())


def _headline_quote(text: str, base: int, sentence: str) -> Attribution | None:
    m = _HEADLINE_QUOTE.match(sentence)
    if m is None or any(ch.isdigit() for ch in m.group("src")):
        return None
    words = m.group("src").split()
    if words[0].casefold().strip(".") in _NOT_HEADLINE_SOURCES or words[-1].casefold() in _NOT_HEADLINE_SOURCES:
        return None
    content = m.group("content").rstrip()
    if not (any(q in content[:2] for q in "\"“‘'") or _FIRST_PERSON.search(content)):
        return None
    src = Span.of(text, base + m.start("src"), base + m.end("src"))
    colon = base + m.end("src")
    cue = Span.of(text, colon, colon + 1)
    if len(words) >= 2 and words[0].casefold() in _INVERTED_TAG_VERBS:
        # "Notes Pielke: “It's a story of privilege ...”": the verb opens the tag
        cue = Span.of(text, src.start, src.start + len(words[0]))
        name_start = text.index(words[1], cue.end)
        src = Span.of(text, name_start, src.end)
    return Attribution(speaker=src.text, speaker_description=None, source=src,
                       cue=cue,
                       content=Span.of(text, base + m.start("content"), base + m.start("content") + len(content)),
                       kind="indirect", unnamed=False)


_INVERTED_TAG_VERBS = frozenset("notes says adds writes explains argues warns insists observes concludes "
                                 "continues recalls asks explained added noted wrote said argued warned".split())
_MAKE_ADJECTIVES = frozenset("clear known plain obvious".split())
_MAKE_FORMS = frozenset("make makes made making".split())


def _make_clear(tok: Any) -> tuple[Any, Any] | None:
    """(adjective, clause) of "made (it) clear that ...", else None."""
    if tok.lower_ not in _MAKE_FORMS:
        return None
    for c in tok.children:
        if c.i > tok.i and c.lower_ in _MAKE_ADJECTIVES and c.i - tok.i <= 2:
            for holder in (c, tok):
                clause = next((k for k in holder.children if k.dep_ in ("ccomp", "advcl") and k.i > c.i and any(
                    m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS and m.i == k.left_edge.i for m in k.children)), None)
                if clause is not None:
                    return c, clause
    return None


# Prepositions after a cue's object that say what about it ("warned X against Y", "accused X of Y").
_OBJECT_THEN_PREPS = frozenset("against of about over for".split())
_PLAIN_SPEECH = frozenset({"say", "said", "says", "saying", "told", "tells", "tell"})


def _plain_speech(tok: Any) -> bool:
    """"the minister said that talks had failed": a say/tell verb with its own subject and a
    that-clause is a statement whatever the classifier makes of the sentence around it
    ("According to Reuters, the minister said ...", where it scores the nested verb low); so is
    one with its own subject that an "according to" hangs on ('"…," Guler said, according to a
    ministry statement': the statement's source reports what Guler said, and Guler speaks); and
    a speech tag right after a closing quotation."""
    if tok.lower_ not in _PLAIN_SPEECH or lexicon.upos(tok) not in ("VERB", "AUX"):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i
                and lexicon.upos(c) in ("NOUN", "PROPN", "PRON")]
    clause = any(c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                 for c in tok.children)
    reported = any(c.lower_ == "according" for c in tok.children)
    # '"Nobody could have predicted that," Choudhary said to ANI.': a speech tag right after a
    # closing quotation, whatever the parser hung it on
    doc = tok.doc
    tag = bool(subjects) and (k := subjects[0].left_edge.i) >= 2 and subjects[0].right_edge.i == tok.i - 1 \
        and doc[k - 1].text in ("\"", "\u201d") and doc[k - 2].text in (",", "?", "!")
    return bool(subjects) and (clause or reported or tag)


def _as_put_it(tok: Any) -> Any:
    """The "it" of "as X put(s) it" (a parenthetical attribution of the clause around it), else None."""
    if tok.lower_ not in ("put", "puts") or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it" and c.i == tok.i + 1), None)


_SAID_FORMS = frozenset("said told written claimed argued insisted warned suggested promised vowed pledged "
                        "denied admitted acknowledged stated noted predicted called described".split())
_SAY_IDIOM = re.compile(r"\b(?:safe|needless|suffice(?: it)?|that is|fair|fair enough|hard|truth) to say\b|"
                        r"\bto say the least\b|\bso to speak\b", re.I)
# Participles that open a sentence with the word before them and a comma after: idioms
# ("All told, ...", "That said, ..."), not statements.
_OPENING_IDIOMS = {"told": frozenset({"all"}), "said": frozenset({"that", "this"})}


def _opening_idiom(doc: Any, tok: Any) -> bool:
    before = _OPENING_IDIOMS.get(tok.lower_)
    return (before is not None and tok.i > 0 and doc[tok.i - 1].lower_ in before
            and (tok.i == 1 or doc[tok.i - 2].is_punct) and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
_RELATIVE_WORDS = frozenset("that which who whom whose what".split())


def _relative_gap_content(base: int, tok: Any, source_tok: Any) -> tuple[int, int] | None:
    """"the things he has said about Latinos", "the only regret he acknowledged": a cue in a
    relative clause whose gap is its object says the noun the clause modifies (PolNeAR takes
    that noun phrase as the content). Only with a subject of its own that is not the relative
    pronoun ("the man who said" names a speaker, not a statement) and no object."""
    head = tok.head
    if tok.dep_ not in ("relcl", "acl") or head.i >= tok.i or lexicon.upos(head) not in ("NOUN", "PROPN"):
        return None
    if source_tok is None or source_tok.head.i != tok.i or source_tok.lower_ in _RELATIVE_WORDS:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "nsubjpass") or (c.dep_ == "dobj" and c.lower_ not in _RELATIVE_WORDS)
           for c in tok.children):
        return None  # (an object that is the relative pronoun stands for the noun: "charges which he denies")
    if head.lower_ in _CIRCUMSTANCE_NOUNS:
        return None  # "the first time he has warned about X": when, not what
    first = head.left_edge
    as_phrase = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i), None)
    if as_phrase is not None:  # "the camps, which aid groups have described as “incubators” for ...": what they are called
        return base + first.idx, base + _tok_end(as_phrase.right_edge)
    return base + first.idx, base + _tok_end(head)


_COMPLEMENTIZERS = frozenset(("that", "whether", "if"))


# Nouns a relative clause can hang on without being its object: "the first time he said", "the
# way she put it".
_CIRCUMSTANCE_NOUNS = frozenset("time times moment day days week weeks month months year years occasion "
                                "way place point".split())


def _for_clause(tok: Any) -> list[Any]:
    """"resolutions calling for US troops to be brought home": the parser made "for" the mark
    of an adverbial clause of the cue; that clause is what is called for."""
    return [c for c in tok.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1 for m in c.children)]


def _misattached_complement(tok: Any) -> list[Any]:
    """The cue's "that"-clause when the parser hung it on a noun of a phrase between them:
    "insisted in the same interview that X", "told reporters on Monday that X" (the clause
    becomes an ``acl`` of "interview" / "Monday"). Only a clause opened by its complementizer
    counts, so a relative clause ("the interview that aired") is left alone. After "told" and
    an audience ("told a briefing that the sanctions are working"), the parser may read the
    complementizer as a relative pronoun: a "that" opening a clause with a subject of its own
    is the complementizer."""
    if lexicon.lemma_of(tok) == "tell":
        for n in (c for c in tok.children if c.dep_ == "dobj" and c.lower_ in lexicon.TOLD_AUDIENCES):
            for cl in (c for c in n.children if c.dep_ in ("relcl", "acl") and c.i > n.i):
                first = cl.left_edge
                if first.lower_ == "that" and first.dep_ not in ("nsubj", "nsubjpass") and any(
                        s.dep_ in ("nsubj", "nsubjpass") and s.i > first.i for s in cl.children):
                    return [cl]
    for c in tok.children:
        if c.i < tok.i or c.dep_ not in ("prep", "npadvmod", "dative"):
            continue
        nouns = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for n in nouns:
            for cl in n.children:
                if cl.dep_ in ("acl", "relcl", "ccomp") and cl.i > n.i and any(
                        m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS and m.i == cl.left_edge.i
                        for m in cl.children):
                    return [cl]
                if cl.dep_ == "relcl" and cl.i > n.i and (lexicon.lemma_of(n) in _MEDIUM_NOUNS | lexicon.TOLD_GATHERINGS
                                                          or n.lower_ in _TIME_WORDS) and _that_fills_no_gap(cl):
                    # "said at a briefing that the West was pushing Europe to the brink", "told AFP
                    # at the time that the claim was false"
                    return [cl]
    return []


def _source_apposition(doc: Any, k: int, end: int) -> tuple[int, int] | None:
    """(first, last + 1) of ", a <noun phrase>," at token ``k`` right after a source: a
    description of it ("a Britain-based war monitor"), not part of the clause that follows
    (which must keep at least three words)."""
    if k >= end or doc[k].text != ",":
        return None
    j = next((t.i for t in doc[k + 1:min(end, k + 12)] if t.text == ","), None)
    if j is None or j - k < 3 or end - j <= 3 or doc[k + 1].lower_ not in ("a", "an"):
        return None
    if lexicon.upos(doc[j - 1]) != "NOUN" or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[k + 1:j]):
        return None
    return k, j


_SUBORDINATORS = frozenset("""while although though whereas if when as because since after before unless until
once despite""".split())


def _fronted_unparsed_clause(tok: Any, source_tok: Any) -> list[Any] | None:
    """The words before "<comma> <source> <cue>" at a sentence's end when the parser did not
    make them the cue's clause: "U.S.-led coalition airstrikes killed at least 40 fighters near
    Raqqa, U.S. officials said Monday" (read as a noun phrase with a participle, hung on the
    cue as ``dep``). Only for a core reporting verb whose subject, right after the comma, can
    speak; nothing but time words after the verb; a fronted stretch of at least five words
    holding a verb and not opening with a subordinator."""
    if source_tok is None or lexicon.lemma_of(tok) not in lexicon.CORE_CUE_LEMMAS or source_tok.i > tok.i:
        return None
    if not (lexicon.upos(source_tok) in ("PROPN", "PRON") or _person_noun(source_tok)):
        return None  # "..., the road warns": a thing, not a speaker
    sent = tok.sent
    comma = source_tok.left_edge.i - 1
    if comma <= sent.start + 4 or tok.doc[comma].text != ",":
        return None
    if any(t.dep_ not in ("npadvmod", "punct", "advmod", "prep", "pobj", "det", "compound") for t in tok.doc[tok.i + 1:sent.end]):
        return None  # (only "Monday", "on Sunday", "." may follow the cue)
    fronted = list(tok.doc[sent.start:comma])
    if fronted[0].lower_ in _SUBORDINATORS:
        return None  # "While Iraqi forces wanted to ..., the US did not agree": a circumstance, not the content
    if not any(c.dep_ in ("dep", "nsubj", "npadvmod") and c.i < comma for c in tok.children):
        return None
    if not any(lexicon.upos(t) in ("VERB", "AUX") for t in fronted):
        return None
    return fronted


def _person_noun(tok: Any) -> bool:
    """A noun for people who can speak: a role ("analyst", "officials") or a vague source
    ("experts", "friends", "sources")."""
    lemma = singular(tok.lower_)
    return lemma in lexicon.VAGUE_SOURCE_HEADS or lemma in ROLE_NOUNS or lemma in _SPEAKING_GROUPS


# People who speak as a group and name nobody ("friends say", "neighbours said"), beside the
# roles and vague sources of the lexicon.
_SPEAKING_GROUPS = frozenset("friend relative family colleague ally rival neighbour neighbor pal confidant".split())


def _that_fills_no_gap(cl: Any) -> bool:
    """Whether the "that" opening a clause the parser read as relative ("a briefing that the West
    was pushing Europe ...") is a complementizer: the clause has a subject of its own and its
    object or complement slot is filled, so there is no gap for a relative "that" to fill ("the
    briefing that he chaired" keeps its gap: a relative clause)."""
    first = cl.left_edge
    if first.lower_ != "that" or first.dep_ in ("nsubj", "nsubjpass"):
        return False
    others = [c for c in cl.children if c.i != first.i]
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in others) and any(
        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd") for c in others)


def _circumstance(prep: Any) -> bool:
    """A prepositional phrase saying when or where something was said ("on Thursday", "in June
    2015", "at a press conference", "on Twitter")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or prep.lower_ not in ("on", "in", "at", "during"):
        return False
    return (pobj.lower_ in _TIME_WORDS or pobj.like_num or lexicon.lemma_of(pobj) in _MEDIUM_NOUNS
            or pobj.lower_ in ("twitter", "facebook", "conference", "television", "radio", "air"))


def _cut_trailing_relative(toks: list[Any]) -> list[Any]:
    """Drop a non-restrictive relative clause closing the content (", which ...", ", who ...")."""
    if len(toks) < 4:
        return toks
    ids = {t.i for t in toks}
    for t in toks:
        if t.dep_ == "relcl" and t.head.i in ids:
            sub = list(t.subtree)
            first = sub[0]
            if sub[-1].i == toks[-1].i and first.i - 1 in ids and first.doc[first.i - 1].text == "," \
                    and first.lower_ in ("which", "who", "whose", "whom"):
                return [x for x in toks if x.i < first.i - 1]
        if t.tag_ == "VBG" and t.i - 1 in ids and t.doc[t.i - 1].text == "," and t.dep_ in ("advcl", "xcomp", "acl") \
                and list(t.subtree)[-1].i == toks[-1].i and _object_control(t) and t.i > toks[0].i + 2:
            # "... will be destroyed, prompting experts to question ...": the writer's comment on
            # the statement (a statement of its own), not part of it
            return [x for x in toks if x.i < t.i - 1]
    return toks


def _wrap_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a span that sits exactly inside a quotation to include its marks, and a
    span whose last quotation closes just after it (`... was "killing us."`); two
    apostrophes count as one double quote."""
    seg = text[start:end].replace(DOUBLE_APOS, '"')
    if seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1:
        close = _closing_mark(text, end)
        if close is not None:
            return start, close
    opener = 2 if text[max(0, start - 2):start] == DOUBLE_APOS else (
        1 if start > 0 and text[start - 1] in "“\"" else 0)
    if opener:
        close = _closing_mark(text, end)
        if close is not None:
            return start - opener, close
    return start, end


def _closing_mark(text: str, end: int) -> int | None:
    """End of a closing quote mark within a few punctuation characters after ``end``."""
    for k in range(end, min(end + 4, len(text))):
        if text.startswith(DOUBLE_APOS, k):
            return k + (3 if text.startswith(DOUBLE_APOS + "'", k) else 2)
        if text[k] in "”\"":
            return k + 1
        if text[k] not in ".,!?":
            return None
    return None


def _only_source_between(text: str, base: int, tok: Any, start: int) -> bool:
    """Whether only the cue's subject (and punctuation) stands between ``start`` and the cue."""
    read_as_verb = _modifier_read_as_verb(tok)
    modified, subj = read_as_verb if read_as_verb is not None else (None, _subject(tok))
    if subj is None:
        return False
    st = list(subj.subtree)
    while len(st) > 1 and st[0].is_punct:
        st = st[1:]  # (the quotation's closing mark, hung on the name)
    s0, s1 = base + (modified or st[0]).idx, base + _tok_end(st[-1])
    return (s0 >= start and not text[start:s0].strip(" ,\n\t\u00a0”\"")
            and not text[s1:base + tok.idx].strip(" ,")) or (
        s0 >= start and len(text[s1:base + tok.idx].strip(" ,").split()) <= 2 and not text[start:s0].strip(" ,”\""))


_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]{1,2}\s")


def _cut_at_closing_dash(text: str, att: Attribution, sentence_start: int) -> None:
    """A statement inside a dashed aside ends with it: "the timing of the attack - just days
    after Trump announced his intention to pull out of Syria - was suspicious": the content is
    "his intention to pull out of Syria", not "... - was suspicious". An aside is open at the
    cue when an odd number of spaced dashes stand between the sentence's start and the cue."""
    if att.cue is None or att.kind == "direct" or att.content.start < att.cue.end:
        return
    if len(_SPACED_DASH.findall(text, sentence_start, att.cue.start)) % 2 == 0:
        return  # no aside open at the cue
    m = _SPACED_DASH.search(text, att.content.start, att.content.end)
    if m is not None:
        s, e = _trim(text, att.content.start, m.start())
        if e > s:
            att.content = Span.of(text, s, e)


def _perfect_tag(tok: Any) -> bool:
    """ "as Seymour Hersh has reported,": an active past participle with its auxiliary and nothing
    of its own to say (not "As Israel has responded to the invasion, ...", "as the identities
    have been confirmed, ...")."""
    return any(c.dep_ == "aux" for c in tok.children) and not any(
        c.dep_ in (*OBJECT_DEPS, "ccomp", "xcomp", "auxpass", "nsubjpass")
        or (c.dep_ == "prep" and c.lower_ in CUE_PREPS)
        for c in tok.children)


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


def _finish(text: str, a: Attribution, quotes: list[QuoteRegion]) -> None:
    """Fill kind, speaker, flags and medium from the spans."""
    c = a.content
    m = _DATELINE.match(c.text) or _LEADING_CONJUNCTION.match(c.text)
    if m and m.end() < len(c.text) and (a.cue is None or a.cue.start >= c.start + m.end() or a.cue.end <= c.start):
        c = a.content = Span.of(text, c.start + m.end(), c.end)
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


_PART_EDGE = " \t\n,;:.—–-("


def content_parts(text: str, a: Attribution) -> list[Span]:
    """The content without the speech tag that interrupts it: '“A,” Smith, an analyst, told
    RT. “B.”' -> ['“A,”', '“B.”']; 'This, he stated, was silly' -> ['This', 'was silly'].
    Empty when source, cue and medium all lie outside the content."""
    c = a.content
    inside = [x for x in (a.source, a.cue, a.medium_span) if x is not None and c.start < x.start and x.end < c.end]
    if not inside:
        return []
    lo, hi = min(x.start for x in inside), max(x.end for x in inside)
    for x in (a.source, a.cue, a.medium_span):  # the whole tag, even where part of it touches an edge
        if x is not None and x.start < hi and lo < x.end:
            lo, hi = min(lo, x.start), max(hi, x.end)
    # a description written before the source ('“A,” defense analyst Smith told RT'): back to
    # the closing quotation mark or comma it follows
    m = re.search(r'[,”"]([^,”"“]{0,80})$', text[max(c.start, lo - 80):lo])
    if m and len(m.group(1).split()) <= 8 and not re.search(r"[.!?;:]", m.group(1)):
        lo -= len(m.group(1))
    left_end = lo
    while left_end > c.start and text[left_end - 1] in _PART_EDGE:
        left_end -= 1
    right_start = hi
    while right_start < c.end and text[right_start] in _PART_EDGE:
        right_start += 1
    left, right = (c.start, left_end), (right_start, c.end)
    if not all(any(ch.isalnum() for ch in text[s:e]) for s, e in (left, right)):
        return []
    return [Span.of(text, *left), Span.of(text, *right)]
