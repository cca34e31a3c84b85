"""A linear cue classifier over parse features, learned on PolNeAR train.

Candidates are verbs whose form was ever a cue in train (or a core reporting verb).
The model is a logistic regression stored as JSON (feature -> weight), so running it
needs no scikit-learn: the score is a sum of weights through a sigmoid.
Train it with ``python -m spinscope.attribution.train``.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import lexicon

CUE_MODEL_FILE = lexicon.MODELS_DIR / "cue_model.json"
# Verbs below this train prior are never candidates (they were almost never cues).
CANDIDATE_MIN_PRIOR = 0.05


# Nouns and adjectives are candidates when their stem was inside a Cue span at least this
# share of the time in train ("criticism", "support", "confident"), over MIN_STEM_COUNT times.
NOUN_MIN_PRIOR = 0.08
MIN_STEM_COUNT = 3
_PERSON_PRONOUNS = frozenset("i we you he she they who".split())


def is_candidate(tok: Any, all_verbs: bool = False, nominal: bool = False) -> bool:
    """Whether ``tok`` is scored by the cue classifier. ``all_verbs``: every verb (the
    model learns the rest); else only verbs seen as cues in train or core reporting verbs.
    ``nominal`` (implied by ``all_verbs``): also nouns and adjectives whose stem was often a cue."""
    pos = lexicon.upos(tok)
    if pos == "VERB":
        if all_verbs:
            return True
    elif pos == "AUX":
        if lexicon.lemma_of(tok) != "say":
            return False
    elif pos in ("NOUN", "ADJ"):
        if not (all_verbs or nominal):
            return False
        prior, n = lexicon.stem_prior(tok.lower_)
        return n >= MIN_STEM_COUNT and prior * n >= MIN_STEM_COUNT and prior >= NOUN_MIN_PRIOR
    else:
        return False
    return lexicon.cue_prior(tok.lower_) >= CANDIDATE_MIN_PRIOR or lexicon.lemma_of(tok) in lexicon.CORE_CUE_LEMMAS


def _bucket(x: float, n: int = 10) -> int:
    return min(int(x * n), n - 1)


def features(tok: Any, in_quote: bool, sent_has_quote: bool, rich: bool = False) -> list[str]:
    """Sparse binary features of a candidate cue token (``rich``: the extended set)."""
    prior = lexicon.cue_prior(tok.lower_)
    deps = sorted({c.dep_ for c in tok.children})
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    f = [
        "bias",
        f"form={tok.lower_}",
        f"prior={min(int(prior * 10), 9)}",
        f"dep={tok.dep_}",
        f"tag={tok.tag_}",
        f"dep_head={tok.dep_}_{lexicon.upos(tok.head)}",
        f"prev={prev}",
        f"next={nxt}",
        f"core={lexicon.lemma_of(tok) in lexicon.CORE_CUE_LEMMAS}",
        f"in_quote={in_quote}",
        f"sent_quote={sent_has_quote}",
    ]
    f += [f"child={d}" for d in deps]
    f += [f"form_child={tok.lower_}_{d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "nsubj", "prep", "advcl")]
    if subj:
        s = subj[0]
        f.append(f"subj_pos={lexicon.upos(s)}")
        f.append(f"subj_vague={lexicon.lemma_of(s) in lexicon.VAGUE_SOURCE_HEADS}")
    else:
        f.append("no_subj")
    if not rich:
        return f
    st = lexicon.stem(tok.lower_)
    sp, sn = lexicon.stem_prior(tok.lower_)
    pos = lexicon.upos(tok)
    head = tok.head
    f += [
        f"stem={st}",
        f"upos={pos}",
        f"sprior={_bucket(sp, 20)}",
        f"upos_sprior={pos}_{_bucket(sp, 10)}",
        f"scount={min(int(math.log2(sn + 1)), 12)}",
        f"head_stem={lexicon.stem(head.lower_) if head.i != tok.i else '<root>'}",
        f"head_dep={head.dep_}_{tok.dep_}",
        f"stem_dep={st}_{tok.dep_}",
        f"prev_tag={doc[tok.i - 1].tag_ if tok.i > 0 else '<s>'}",
        f"next_tag={doc[tok.i + 1].tag_ if tok.i + 1 < len(doc) else '</s>'}",
        f"hprior={_bucket(lexicon.stem_prior(head.lower_)[0], 10)}",
    ]
    for c in tok.children:
        if c.dep_ in ("prep", "mark", "agent", "dative", "prt", "neg", "aux", "auxpass"):
            f.append(f"c_{c.dep_}={c.lower_}")
            f.append(f"stem_c={st}_{c.dep_}_{c.lower_}")
        elif c.dep_ in ("ccomp", "xcomp", "dobj", "acl", "relcl", "advcl", "poss"):
            f.append(f"c_{c.dep_}_pos={lexicon.upos(c)}")
            if c.dep_ in ("ccomp", "xcomp"):
                marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux")]
                f.append(f"c_{c.dep_}_mark={marks[0] if marks else '-'}")
                f.append(f"c_{c.dep_}_sprior={_bucket(lexicon.stem_prior(c.lower_)[0], 10)}")
    if subj:
        s = subj[0]
        kind = ("pron_person" if s.lower_ in _PERSON_PRONOUNS else "pron_other" if lexicon.upos(s) == "PRON"
                else "propn" if lexicon.upos(s) == "PROPN" or any(lexicon.upos(t) == "PROPN" for t in s.subtree)
                else "vague" if lexicon.lemma_of(s) in lexicon.VAGUE_SOURCE_HEADS else "noun")
        f.append(f"subj_kind={kind}")
        f.append(f"stem_subj={st}_{kind}")
    elif pos != "VERB" and head.i != tok.i:
        hs = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        f.append(f"head_subj={lexicon.upos(hs[0]) if hs else '-'}")
    return f


@lru_cache(maxsize=2)
def load_model(path: str = str(CUE_MODEL_FILE)) -> dict[str, Any] | None:
    p = Path(path)
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def score(model: dict[str, Any], feats: list[str]) -> float:
    w = model["weights"]
    z = model.get("intercept", 0.0) + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
