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


def is_candidate(tok: Any) -> bool:
    if lexicon.upos(tok) not in ("VERB", "AUX"):
        return False
    if lexicon.upos(tok) == "AUX" and lexicon.lemma_of(tok) != "say":
        return False
    return lexicon.cue_prior(tok.lower_) >= CANDIDATE_MIN_PRIOR or lexicon.lemma_of(tok) in lexicon.CORE_CUE_LEMMAS


def features(tok: Any, in_quote: bool, sent_has_quote: bool) -> list[str]:
    """Sparse binary features of a candidate cue token."""
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
