"""A lexical span classifier for technique classification: words of the span + hand-made cues.

It sees only the text (no encoder), so it can be trained on the same articles as the
encoder without inheriting the encoder's over-confidence on them. At inference its
probabilities multiply the encoder-based ones (``lexical_weight`` = exponent, chosen on
held-out articles). Features:

* tf-idf of the span's lower-cased word unigrams and bigrams (sklearn's default token
  pattern, sublinear tf, l2-normalised), vocabulary from the training spans (min_df 2);
* :func:`cue_features`: length, repetition in the article, line cover, quotes, ``!``/``?``,
  capitals, title line, and hits of small cue lexicons (flag-waving, doubt, causal,
  authority, fear, Hitler/bandwagon, black-and-white, exaggeration, cliches,
  whataboutism, labels, loaded words) in the span and in its line.

Saved as ``lexical_head.npz`` (vocabulary, idf, cue scaler, weights); inference is numpy only.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

# Cue lexicons: entries separated by "|"; "word*" matches every word starting with "word";
# entries with a space are phrases (matched on consecutive words). Matching is on lower-cased
# words (letters, digits, inner "-" and "'"), so it costs one tokenisation per text.
_LEXICONS = {
    "flag": "nation|national|patriot*|americ*|country|countries|homeland|flag|freedom|liberty|our people|united states|constitution|citizen|citizens|sovereign*|we|our|us",
    "doubt": "so-called|allegedly|alleged|claim*|supposed*|question*|whether|really|doubt*|credib*|lie|lies|lying|fake|hoax|why|how can|did",
    "causal": "because|therefore|thus|hence|since|caus*|lead to|leads to|led to|result*|due to|so that|blame*|fault",
    "authority": "expert*|according to|said|says|professor|dr|scientist*|study|studies|official*|report*|research*|pope|president|doctor*|author*",
    "fear": "threat*|danger*|destroy*|kill*|death|dead|die|terror*|fear*|attack*|crisis|war|disaster*|invasion|invad*|risk*|violen*|collapse",
    "hitler": "hitler|nazi*|everyone|everybody|majority|communis*|fascis*|stalin|mao|gestapo|kkk|isis|all americans|most people",
    "black_white": "either|only|no other|choice|must|or else|no alternative|with us|against us|either way|the only",
    "exaggeration": "never|always|every|all|most|best|worst|greatest|biggest|huge|totally|absolutely|minor|merely|nothing|entire|million*|billion*|unprecedented|ever|incredibl*|massive",
    "cliche": "that's it|period|enough|simply|it is what it is|end of story|move on|nothing more|the fact is|that's all|so be it|of course",
    "whatabout": "what about|hypocri*|yet|while|but|instead|same|double standard",
    "label": "radical*|extremist*|leftist*|liberal*|thug*|idiot*|traitor*|criminal*|terrorist*|puppet*|clown*|elite*|globalist*|socialist*|marxist*|regime|propagand*|corrupt*|crooked|fake news|mainstream media|deep state|snowflake*",
    "loaded": "outrage*|shock*|horrif*|disgust*|evil|brutal*|savage*|slaughter*|massacre*|devastat*|bombshell|explosive|scandal*|rigged|witch hunt|insane|crazy|absurd|ridiculous|pathetic|vile|sick",
}
_LEXICON_NAMES = tuple(_LEXICONS)
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def _index_lexicons(lexicons: dict[str, str]):
    exact: dict[str, list[int]] = {}
    prefixes: list[tuple[str, int]] = []
    phrases: dict[str, list[int]] = {}
    for i, entries in enumerate(lexicons.values()):
        for entry in entries.split("|"):
            if " " in entry:
                phrases.setdefault(entry, []).append(i)
            elif entry.endswith("*"):
                prefixes.append((entry[:-1], i))
            else:
                exact.setdefault(entry, []).append(i)
    by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase, idx in phrases.items():
        words = tuple(phrase.split())
        for i in idx:
            by_first.setdefault(words[0], []).append((words[1:], i))
    return exact, tuple(prefixes), by_first


_EXACT, _PREFIXES, _PHRASES = _index_lexicons(_LEXICONS)
_PREFIX_FIRST = {}
for _p, _i in _PREFIXES:
    _PREFIX_FIRST.setdefault(_p[:2], []).append((_p, _i))
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # sklearn's default token_pattern
N_CUES = 21 + 2 * len(_LEXICONS)
# Scale of the standardised cue block next to the l2-normalised tf-idf block.
CUE_SCALE = 0.3


def cue_features(text: str, start: int, end: int, text_lower: str | None = None) -> np.ndarray:
    """Hand-made cues of span ``text[start:end]`` in its article (see the module docstring)."""
    lower = text_lower if text_lower is not None else text.lower()
    span = text[start:end]
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    sl = span.strip()
    words = sl.split()
    nw = len(words)
    needle = sl.lower().strip(".,;:!?\"'\u201c\u201d\u2018\u2019 ")
    reps = max(lower.count(needle) - 1, 0) if len(needle) >= 3 else 0
    upper = sum(map(str.isupper, sl)) / max(sum(map(str.isalpha, sl)), 1)
    caps_words = sum(1 for w in words if len(w) > 1 and w.isupper())
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    quoted = before in _QUOTES or after in _QUOTES or any(q in span for q in _QUOTES)
    line_len = max(len(line.strip()), 1)
    f = [np.log1p(len(sl)) / 5.0, np.log1p(nw) / 3.0, float(nw == 1), float(nw == 2), float(3 <= nw <= 5),
         float(nw > 12), np.log1p(reps), float(reps > 0), float(len(sl) >= 0.9 * line_len), len(sl) / line_len,
         float(quoted), float("!" in span), float("?" in span), float("?" in line), float("!" in line),
         upper, float(caps_words > 0), float(ls == 0), (start - ls) / line_len,
         float(sl[:1].isupper()) if sl else 0.0, float(sl.endswith((".", "!", "?")))]
    for in_span, in_line in zip(_lexicon_hits(span), _lexicon_hits(line)):
        f.append(in_span)
        f.append(in_line)
    return np.array(f, dtype=np.float32)


@lru_cache(maxsize=4096)
def _lexicon_hits(s: str) -> tuple[float, ...]:
    """Hits of each cue lexicon in ``s``, capped at 3, scaled to [0, 1] (cached: a line serves all its spans)."""
    counts = [0] * len(_LEXICON_NAMES)
    words = _WORD.findall(s.lower().replace("\u2019", "'"))
    for j, w in enumerate(words):
        for i in _EXACT.get(w, ()):
            counts[i] += 1
        for p, i in _PREFIX_FIRST.get(w[:2], ()):
            if w.startswith(p):
                counts[i] += 1
        for rest, i in _PHRASES.get(w, ()):
            if tuple(words[j + 1:j + 1 + len(rest)]) == rest:
                counts[i] += 1
    return tuple(min(c, 3) / 3.0 for c in counts)


def _terms(span_text: str) -> list[str]:
    toks = _TOKEN.findall(span_text.lower())
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


class LexicalHead:
    """Numpy inference of the lexical span classifier."""

    def __init__(self, vocab: list[str], idf: np.ndarray, cue_mean: np.ndarray, cue_scale: np.ndarray,
                 weight: np.ndarray, bias: np.ndarray) -> None:
        self.index = {t: i for i, t in enumerate(vocab)}
        self.vocab = vocab
        self.idf, self.cue_mean, self.cue_scale = idf, cue_mean, cue_scale
        self.weight, self.bias = weight, bias  # (T, V + N_CUES), (T,)

    @classmethod
    def load(cls, path: str | Path) -> "LexicalHead":
        z = np.load(path, allow_pickle=False)
        return cls([str(x) for x in z["vocab"]], z["idf"], z["cue_mean"], z["cue_scale"], z["weight"], z["bias"])

    def save(self, path: str | Path) -> None:
        np.savez_compressed(path, vocab=np.array(self.vocab), idf=self.idf.astype(np.float32),
                            cue_mean=self.cue_mean.astype(np.float32), cue_scale=self.cue_scale.astype(np.float32),
                            weight=self.weight.astype(np.float32), bias=self.bias.astype(np.float32))

    def features(self, text: str, spans, text_lower: str | None = None) -> np.ndarray:
        lower = text_lower if text_lower is not None else text.lower()
        v = len(self.vocab)
        x = np.zeros((len(spans), v + N_CUES), dtype=np.float32)
        for r, (s, e) in enumerate(spans):
            counts = Counter(t for t in _terms(text[s:e]) if t in self.index)
            if counts:
                cols = np.fromiter((self.index[t] for t in counts), dtype=np.int64)
                vals = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[cols]
                x[r, cols] = vals / np.linalg.norm(vals)
            x[r, v:] = CUE_SCALE * (cue_features(text, s, e, lower) - self.cue_mean) / self.cue_scale
        return x

    def logits(self, text: str, spans, text_lower: str | None = None) -> np.ndarray:
        """Technique logits (len(spans), T); sparse: only the span's terms are looked up."""
        lower = text_lower if text_lower is not None else text.lower()
        v = len(self.vocab)
        wt = self._wt
        z = np.tile(self.bias.astype(np.float64), (len(spans), 1))
        for r, (s, e) in enumerate(spans):
            counts = Counter(t for t in _terms(text[s:e]) if t in self.index)
            if counts:
                cols = np.fromiter((self.index[t] for t in counts), dtype=np.int64)
                vals = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf[cols]
                z[r] += (vals / np.linalg.norm(vals)) @ wt[cols]
            cues = CUE_SCALE * (cue_features(text, s, e, lower) - self.cue_mean) / self.cue_scale
            z[r] += cues.astype(np.float64) @ wt[v:]
        return z

    @property
    def _wt(self) -> np.ndarray:
        if getattr(self, "_wt_cache", None) is None or self._wt_cache.shape[0] != self.weight.shape[1]:
            self._wt_cache = np.ascontiguousarray(self.weight.T, dtype=np.float64)
        return self._wt_cache

    def probs(self, text: str, spans, text_lower: str | None = None) -> np.ndarray:
        """Technique probabilities (len(spans), T)."""
        if not len(spans):
            return np.zeros((0, len(self.bias)))
        z = self.logits(text, spans, text_lower)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)


def fit_lexical_head(docs, techniques, c: float = 3.0, min_df: int = 2) -> LexicalHead:
    """Multinomial logistic regression on the gold spans of ``docs`` (needs scikit-learn).

    A span with k techniques gives k examples of weight 1/k.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..errors import E_NOT_PTC_DATA, SpinscopeError

    from .encoding import model_text

    span_texts, cues, labels, weights, lowers = [], [], [], [], {}
    texts = {d.id: model_text(d.text) for d in docs}  # "line" cues: the span's sentence, as in inference
    for d in docs:
        by_span: dict[tuple[int, int], list[str]] = {}
        for x in d.labels:
            by_span.setdefault((x.start, x.end), []).append(x.technique)
        lower = lowers.setdefault(d.id, texts[d.id].lower())
        for (s, e), techs in sorted(by_span.items()):
            span_texts.append(d.text[s:e])
            cues.append(cue_features(texts[d.id], s, e, lower))
            labels.append(techs)
    if len(span_texts) < 20 * min_df:  # a handful of spans (smoke tests): keep every term
        min_df = 1
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True, lowercase=True)
    vec.fit(span_texts)
    vocab = [t for t, _ in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])]
    cue_arr = np.stack(cues)
    mean, scale = cue_arr.mean(axis=0), cue_arr.std(axis=0)
    scale[scale == 0] = 1.0
    head = LexicalHead(vocab, vec.idf_.astype(np.float64), mean, scale,
                       np.zeros((len(techniques), len(vocab) + N_CUES)), np.zeros(len(techniques)))
    # Same featurisation as inference (so training and inference agree by construction).
    rows, ys = [], []
    for i, techs in enumerate(labels):
        for t in techs:
            rows.append(i)
            ys.append(techniques.index(t))
            weights.append(1.0 / len(techs))
    x_all = np.zeros((len(span_texts), len(vocab) + N_CUES), dtype=np.float32)
    idx = 0
    for d in docs:
        by_span = sorted({(x.start, x.end) for x in d.labels})
        if by_span:
            x_all[idx:idx + len(by_span)] = head.features(texts[d.id], by_span, lowers[d.id])
            idx += len(by_span)
    if len(set(ys)) < 2:
        raise SpinscopeError(E_NOT_PTC_DATA, "the lexical head needs training spans of at least two techniques")
    lr = LogisticRegression(C=c, max_iter=3000)
    lr.fit(x_all[rows], ys, sample_weight=np.asarray(weights))
    w = np.zeros((len(techniques), x_all.shape[1]))
    b = np.full(len(techniques), -30.0)  # a technique never seen in training: practically never chosen
    if len(lr.classes_) == 2:  # binary: sklearn keeps one row, P(class 1) = sigmoid(z) = softmax([0, z])
        w[lr.classes_[1]], b[lr.classes_[1]] = lr.coef_[0], lr.intercept_[0]
        b[lr.classes_[0]] = 0.0
    else:
        w[lr.classes_] = lr.coef_
        b[lr.classes_] = lr.intercept_
    head.weight, head.bias = w, b
    head._wt_cache = None
    return head
