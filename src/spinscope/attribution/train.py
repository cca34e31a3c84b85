"""Train the cue classifier (and rebuild the cue-form table) on PolNeAR train.

    nice -n 10 .venv/bin/python -m spinscope.attribution.train --data /work/shared/data/polnear

Reads ``DIR/train`` only (first annotator file per text), parses the sentences of each
text, labels every candidate verb by whether it lies inside a gold Cue span, fits a
logistic regression (scikit-learn, a training-only dependency) and writes
``models/cue_model.json``. A held-out fifth of train picks the decision threshold.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from ..eval.attribution import find_pairs
from .brat import read_ann
from .cuemodel import CUE_MODEL_FILE, features, is_candidate
from .extract import AttributionExtractor, ExtractorOptions, split_sentences
from .quotes import find_quotes


def collect(pairs, extractor, all_verbs: bool = True, rich: bool = True, nominal: bool = False):
    X, y, groups = [], [], []
    for k, (txt, ann) in enumerate(pairs):
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann)
        mask = bytearray(len(text) + 1)
        for frags in gold.spans_of("Cue"):
            for s, e in frags:
                for i in range(s, min(e, len(text))):
                    mask[i] = 1
        quotes = find_quotes(text)
        sents = split_sentences(text)
        for (s, e), doc in zip(sents, extractor.parse_sentences(text[s:e] for s, e in sents)):
            sent_q = any(q.start < e and s < q.end for q in quotes)
            for tok in doc:
                if not is_candidate(tok, all_verbs, nominal):
                    continue
                pos = s + tok.idx
                in_q = any(q.start < pos < q.end for q in quotes)
                X.append(features(tok, in_q, sent_q, rich))
                y.append(mask[pos])
                groups.append(k)
    return X, y, groups


# Function words and frequent non-cue words excluded from the cue-form table.
_FORM_STOP = frozenset("""to has of a on about is for in have also was are not been had out as at an by his
with be will would did t s it and up from that more over their her could this so no just even like still now
back first last campaign""".split())
_WORD_RE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[:]")


def _cue_counts(pairs, key) -> tuple[Counter, Counter]:
    """key(word) -> times its first character lies inside a gold Cue span, and times in text."""
    incue: Counter = Counter()
    total: Counter = Counter()
    for txt, ann in pairs:
        text = txt.read_text(encoding="utf-8")
        mask = bytearray(len(text) + 1)
        for frags in read_ann(ann).spans_of("Cue"):
            for s, e in frags:
                for i in range(s, min(e, len(text))):
                    mask[i] = 1
        for m in _WORD_RE.finditer(text):
            w = key(m.group())
            total[w] += 1
            incue[w] += mask[m.start()]
    return incue, total


def build_cue_forms(pairs, min_count: int = 3, min_ratio: float = 0.12) -> dict:
    """Word form -> [times inside a gold Cue span, times in text] over the given texts."""
    incue, total = _cue_counts(pairs, str.lower)
    forms = {w: [incue[w], total[w]] for w in incue
             if w not in _FORM_STOP and incue[w] >= min_count and incue[w] / total[w] >= min_ratio}
    return {"source": "PolNeAR train (Newell, Margolin & Ruths, LREC 2018): word form -> [times inside a "
                      "Cue span, times in text]; first annotator file per text",
            "forms": dict(sorted(forms.items(), key=lambda kv: -kv[1][0]))}


def build_cue_stems(pairs, min_cue: int = 2) -> dict:
    """Stem (:func:`lexicon.stem`) -> [times inside a gold Cue span, times in text]."""
    from .lexicon import stem

    incue, total = _cue_counts(pairs, stem)
    stems = {w: [incue[w], total[w]] for w in incue if w not in _FORM_STOP and incue[w] >= min_cue}
    return {"source": "PolNeAR train (Newell, Margolin & Ruths, LREC 2018): word stem -> [times inside a "
                      "Cue span, times in text]; first annotator file per text",
            "stems": dict(sorted(stems.items(), key=lambda kv: -kv[1][0]))}


def collect_boundaries(pairs, extractor):
    """Cue-boundary instances: run the extractor (rule spans), align each predicted cue core
    with the gold Cue span over it, and label the tokens next to the core, one side at a
    time, up to and including the first token outside the gold span."""
    from . import boundary

    X, y, groups = [], [], []
    for k, (txt, ann) in enumerate(pairs):
        text = txt.read_text(encoding="utf-8")
        gold = [(min(f[0] for f in frags), max(f[1] for f in frags)) for frags in read_ann(ann).spans_of("Cue")]
        extractor.record_boundaries = []
        next(extractor.pipe([text]))
        for base, doc, core, rule, tagged in extractor.record_boundaries:
            c0, c1 = base + doc[core[0]].idx, base + doc[core[1]].idx + len(doc[core[1]].text)
            over = [g for g in gold if g[0] < c1 and c0 < g[1]]
            if not over:
                continue
            gs, ge = max(over, key=lambda g: min(g[1], c1) - max(g[0], c0))
            right, left = boundary.candidates(doc, core, (0, len(doc) - 1))
            for side, toks in (("R", right), ("L", left)):
                for steps, i in enumerate(toks):
                    pos = base + doc[i].idx
                    lab = int(gs <= pos < ge)
                    X.append(boundary.features(doc, i, core, rule, side, steps, tagged, base))
                    y.append(lab)
                    groups.append(k)
                    if not lab:
                        break
    extractor.record_boundaries = None
    return X, y, groups


def train_boundary(pairs, out: str, C: float = 0.5, cue_model: str | None = None, tagger: str | None = None) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    ex = AttributionExtractor(options=ExtractorOptions(learned_cue_boundaries=False, cue_model_path=cue_model,
                                                       tagger=tagger))
    t0 = time.time()
    X, y, groups = collect_boundaries(pairs, ex)
    print(f"{len(y)} boundary decisions ({sum(y)} inside) from {len(pairs)} texts in {time.time() - t0:.0f} s")
    vec = DictVectorizer()
    D = vec.fit_transform([{f: 1 for f in fs} for fs in X])
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(D, y)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-3}
    model = {"about": "PolNeAR-train cue-span boundary model (logistic regression over spaCy parse features); "
                      "data: Newell, Margolin & Ruths, LREC 2018, research use",
             "intercept": float(clf.intercept_[0]), "weights": weights, "texts": len(pairs),
             "tagger": tagger is not None}
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, sort_keys=True)
    print(f"wrote {out}: {len(weights)} weights")


def holdout_split(pairs, n: int, seed: int = 2024):
    """(train, held-out) pairs: ``n`` texts drawn with ``seed`` are held out (development)."""
    held = set(random.Random(seed).sample(range(len(pairs)), n)) if n else set()
    return ([p for i, p in enumerate(pairs) if i not in held], [p for i, p in enumerate(pairs) if i in held])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/shared/data/polnear")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N train texts")
    ap.add_argument("--out", default=str(CUE_MODEL_FILE))
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--forms", action="store_true",
                    help="also rebuild models/cue_forms.json (the cue-form table) from train")
    ap.add_argument("--holdout", type=int, default=0,
                    help="leave out N train texts (seed 2024) for development; 0 for the shipped model")
    ap.add_argument("--stems-out", default=None, help="where to write the stem table (default models/)")
    ap.add_argument("--nominal", action="store_true",
                    help="also nouns and adjectives whose stem was often a cue ('criticism of', 'support for')")
    ap.add_argument("--boundary", action="store_true",
                    help="train the cue-boundary model (models/cue_boundary.json) instead, with the current cue model")
    ap.add_argument("--boundary-out", default=None, help="where to write the boundary model")
    ap.add_argument("--cue-model", default=None, help="cue model used while training the boundary model")
    ap.add_argument("--tagger", default=None,
                    help="with --boundary: train the tagger-aware boundary model (models/cue_boundary_tagger.json) "
                         "with this tagger ('accurate' or a directory)")
    ap.add_argument("--legacy", action="store_true", help="old candidate and feature set (known cue verbs only)")
    ap.add_argument("--all-verbs", action="store_true",
                    help="candidates: every verb, and nouns/adjectives whose stem was often a cue (experimental; "
                         "default: verbs seen as cues in train and core reporting verbs)")
    args = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    pairs = find_pairs(args.data, "train", "first")
    if args.limit:
        pairs = pairs[: args.limit]
    pairs, _held = holdout_split(pairs, args.holdout)
    if args.boundary:
        from .boundary import BOUNDARY_MODEL_FILE, TAGGER_BOUNDARY_MODEL_FILE

        default_out = TAGGER_BOUNDARY_MODEL_FILE if args.tagger else BOUNDARY_MODEL_FILE
        train_boundary(pairs, args.boundary_out or str(default_out), args.C, args.cue_model, args.tagger)
        return
    from . import lexicon

    stems_file = args.stems_out or str(lexicon.CUE_STEMS_FILE)
    with open(stems_file, "w", encoding="utf-8") as fh:
        json.dump(build_cue_stems(pairs), fh, indent=0)
    lexicon.use_stems(stems_file)
    print(f"wrote {stems_file}")
    if args.forms:
        from .lexicon import CUE_FORMS_FILE, cue_forms

        CUE_FORMS_FILE.write_text(json.dumps(build_cue_forms(pairs), indent=0) + "\n", encoding="utf-8")
        cue_forms.cache_clear()
        print(f"wrote {CUE_FORMS_FILE}")
    t0 = time.time()
    rich = not args.legacy
    all_verbs = rich and args.all_verbs
    nominal = rich and args.nominal
    X, y, groups = collect(pairs, AttributionExtractor(options=ExtractorOptions(use_cue_model=False)), all_verbs, rich,
                           nominal)
    print(f"{len(y)} candidates ({sum(y)} cues) from {len(pairs)} texts in {time.time() - t0:.0f} s")
    rnd = random.Random(13)
    held = set(rnd.sample(range(len(pairs)), max(1, len(pairs) // 5)))
    vec = DictVectorizer()
    D = vec.fit_transform([{f: 1 for f in fs} for fs in X])
    tr = [i for i, g in enumerate(groups) if g not in held]
    te = [i for i, g in enumerate(groups) if g in held]
    clf = LogisticRegression(C=args.C, max_iter=2000)
    clf.fit(D[tr], [y[i] for i in tr])
    probs = clf.predict_proba(D[te])[:, 1]
    best = (0.0, 0.5)
    for th in [x / 20 for x in range(4, 16)]:
        tp = sum(1 for p, i in zip(probs, te) if p >= th and y[i])
        fp = sum(1 for p, i in zip(probs, te) if p >= th and not y[i])
        fn = sum(1 for p, i in zip(probs, te) if p < th and y[i])
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(f"held-out train threshold {th:.2f}: candidate-level F1 {f1:.3f}")
        best = max(best, (f1, th))
    clf.fit(D, y)
    names = vec.get_feature_names_out()
    weights = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-3}
    model = {"about": "PolNeAR-train cue classifier (logistic regression over spaCy parse features); "
                      "data: Newell, Margolin & Ruths, LREC 2018, research use",
             "threshold": best[1], "heldout_f1": round(best[0], 4), "intercept": float(clf.intercept_[0]),
             "weights": weights, "texts": len(pairs), "all_verbs": all_verbs, "rich": rich, "nominal": nominal,
             "holdout": args.holdout, "stems_file": Path(stems_file).name}
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, sort_keys=True)
    print(f"wrote {args.out}: {len(weights)} weights, threshold {best[1]}")


if __name__ == "__main__":
    main()
