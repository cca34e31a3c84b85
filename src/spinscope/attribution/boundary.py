"""Learned cue-span boundaries (PolNeAR's convention), over the dependency parse.

The cue's core is fixed by the rules (the cue verb, or "declined ... comment" chains).
Starting next to the core, each token to the right, then each to the left, is kept in the
cue while a logistic regression says so (stopping at the first "no"); the rule-built span
("has also said", "said in a statement", "referring to") is one of the features, so the
model learns where PolNeAR's spans differ from it ("cast their votes for", "warned the Fed
against", "declined" without "to comment"). Weights are JSON (feature -> weight), trained by
``python -m spinscope.attribution.train --boundary`` on PolNeAR train.

With the transformer tagger (the ``accurate`` extractor) a second model,
``cue_boundary_tagger.json``, also sees the tagger's binned probabilities at the candidate
token (inside and begin of Cue, inside of Source and Content), so that the parse says what
could be part of the cue and the tagger says where PolNeAR's annotators put the edge.
"""
from __future__ import annotations

from typing import Any

from . import cuemodel, lexicon

BOUNDARY_MODEL_FILE = lexicon.MODELS_DIR / "cue_boundary.json"
TAGGER_BOUNDARY_MODEL_FILE = lexicon.MODELS_DIR / "cue_boundary_tagger.json"
MAX_STEPS = 8  # tokens considered on each side of the core
_BINS = (0.1, 0.3, 0.5, 0.7, 0.9)


def _bin(p: float) -> int:
    return sum(p >= b for b in _BINS)


def tagger_features(tagged: Any, start: int, end: int, side: str, dep: str) -> list[str]:
    """Binned tagger probabilities of the word(s) at characters [start, end)."""
    p = tagged.probs_at(start, end)  # begin/inside for Cue, Source, Content
    cin, cb, sin, tin = _bin(p[1]), _bin(p[0]), _bin(p[3]), _bin(p[5])
    return [f"{side}_t_cin={cin}", f"{side}_t_cb={cb}", f"{side}_t_sin={sin}", f"{side}_t_tin={tin}",
            f"{side}_t_cin_dep={cin}_{dep}", f"{side}_t_cin_cb={cin}_{cb}", f"{side}_t_cin_tin={cin}_{tin}"]


def features(doc: Any, i: int, core: tuple[int, int], rule: tuple[int, int], side: str, steps: int,
             tagged: Any = None, base: int = 0) -> list[str]:
    """Features of token ``i`` as the next candidate on ``side`` ("R"/"L") of the cue; with
    ``tagged`` (the tagger's output for the text, ``base`` the sentence's offset in it), also
    the tagger's probabilities at the token."""
    t = doc[i]
    a, b = core
    core_ids = range(a, b + 1)
    anchor = doc[b]
    if t.head.i in core_ids:
        rel = "child"
    elif a <= t.head.head.i <= b:
        rel = "gchild"
    elif t.i in (x.i for x in anchor.ancestors):
        rel = "anc"
    else:
        rel = "other"
    in_rule = rule[0] <= i <= rule[1]
    stem = lexicon.stem(anchor.lower_)
    lower = t.lower_ if lexicon.upos(t) not in ("PROPN", "NUM") else "<" + lexicon.upos(t) + ">"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    prv = doc[i - 1] if i > 0 else None
    far = nxt if side == "R" else prv
    f = [
        f"bias_{side}",
        f"{side}_rule={in_rule}",
        f"{side}_steps={min(steps, 4)}",
        f"{side}_dep={t.dep_}",
        f"{side}_dep_rel={t.dep_}_{rel}",
        f"{side}_rel={rel}",
        f"{side}_tag={t.tag_}",
        f"{side}_w={lower}",
        f"{side}_w_rule={lower}_{in_rule}",
        f"{side}_dep_rule={t.dep_}_{in_rule}",
        f"{side}_stem_dep={stem}_{t.dep_}",
        f"{side}_headdep={t.head.dep_}_{t.dep_}",
        f"{side}_far={far.tag_ if far is not None else '<e>'}",
        f"{side}_farw={far.lower_ if far is not None and far.is_punct else '-'}",
    ]
    if t.dep_ in ("prep", "dative", "prt", "mark", "aux", "neg", "advmod", "npadvmod"):
        f.append(f"{side}_stem_w={stem}_{lower}")
    if t.dep_ == "pobj" or t.dep_ == "dobj":
        f.append(f"{side}_obj_stemw={stem}_{lexicon.stem(t.lower_)}")
        f.append(f"{side}_objw={lexicon.stem(t.lower_)}")
    if side == "R" and rule[1] >= i:
        f.append("R_inside_rule")
    if tagged is not None:
        f += tagger_features(tagged, base + t.idx, base + t.idx + len(t.text), side, t.dep_)
    return f


def load_model(path: str = str(BOUNDARY_MODEL_FILE)) -> dict[str, Any] | None:
    """The boundary model (same JSON logistic-regression format as the cue model). A model
    trained with tagger features says so with ``"tagger": true``."""
    return cuemodel.load_model(path)


def candidates(doc: Any, core: tuple[int, int], limit: tuple[int, int]) -> tuple[list[int], list[int]]:
    """Token indices to the right and to the left of the core, nearest first, within ``limit``
    (inclusive sentence-chunk bounds)."""
    right = [i for i in range(core[1] + 1, min(core[1] + 1 + MAX_STEPS, limit[1] + 1))]
    left = [i for i in range(core[0] - 1, max(core[0] - 1 - MAX_STEPS, limit[0] - 1), -1)]
    return right, left


_TIME_NOUNS = frozenset("time moment day week month year weekend night morning afternoon evening monday tuesday "
                        "wednesday thursday friday saturday sunday".split())


def decide(model: dict[str, Any], doc: Any, core: tuple[int, int], rule: tuple[int, int],
           tagged: Any = None, base: int = 0, source: int | None = None) -> tuple[int, int]:
    """The cue's first and last token index (``tagged`` is used only by a model trained with
    it); the cue never grows over the ``source`` token."""
    if not model.get("tagger"):
        tagged = None
    right, left = candidates(doc, core, (0, len(doc) - 1))
    end = core[1]
    for steps, i in enumerate(right):
        if cuemodel.score(model, features(doc, i, core, rule, "R", steps, tagged, base)) < 0.5:
            break
        end = i
    start = core[0]
    # (nor over a word of the subject's phrase: "farms that survived ... decades of supermarket
    # bullying | are now being asked")
    subject = {t.i for k in range(core[0], core[1] + 1) for c in doc[k].children
               if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i < core[0] for t in c.subtree}
    subject -= {t.i for i in subject for t in doc[i].subtree if doc[i].dep_ == "prep" and any(
        p.lower_ in _TIME_NOUNS for p in doc[i].children)}  # ("Trump at the time said": a time, as "last week said")
    for steps, i in enumerate(left):
        if doc[i].dep_ in ("nsubj", "nsubjpass") or i == source or i in subject \
                or (doc[i].text == "Will" and doc[core[0]].tag_ != "VB"):
            break  # the subject is the source ("George Will wrote": a name tagged as a modal)
        if cuemodel.score(model, features(doc, i, core, rule, "L", steps, tagged, base)) < 0.5:
            break
        start = i
    return start, end
