"""Measuring the trained Ukrainian NER: its speed alone, and P/R/F1 of rules, model and model ∪ rules.

Not part of the recipe: editing this module does not retrain the model.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from crosscheck.records.facts import LABELS
from nlp.build.uk_ner.silver import Span, uagec_sentences
from nlp.extract import extract_mentions, trim_span
from nlp.uk_model import load_uk_ner

__all__ = ["bench", "evaluate", "union_spans"]

PRF = dict[str, dict[str, float]]  # label (and "ALL") → {"p", "r", "f1", "n_gold"}


def bench(models_dir: Path, n_sentences: int = 3000) -> float:
    """Words per second of the trained model alone on ua-gec sentences (single process)."""
    nlp = load_uk_ner(Path(models_dir))
    if nlp is None:
        raise SystemExit("model not built")
    texts = uagec_sentences()[-n_sentences:]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:200]))
    t0 = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    return words / (time.monotonic() - t0)


def _prf(pred: set[Span], gold: set[Span]) -> PRF:
    out: PRF = {}
    for label in (*LABELS, "ALL"):
        p = {x for x in pred if label in ("ALL", x[2])}
        g = {x for x in gold if label in ("ALL", x[2])}
        tp = len(p & g)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "n_gold": len(g)}
    return out


def union_spans(first: Sequence[Span], fill: Sequence[Span]) -> list[Span]:
    """``first`` spans, then every ``fill`` span that overlaps none of them."""
    out = list(first)
    out += [f for f in fill if not any(f[0] < e and s < f[1] for s, e, _ in first)]
    return sorted(out)


def evaluate(models_dir: Path, gold_path: Path, split: str = "dev") -> dict[str, PRF]:
    """Span P/R/F1 per label of the rules, the model, and model ∪ rules on one split of a gold file.

    Gold lines: ``{"text": ..., "split": "dev", "spans": [{"start", "end", "label"}, ...]}`` (``entities``
    / ``[start, end, label]`` lists are accepted too). Only ``split`` is read.
    """
    models_dir = Path(models_dir)
    nlp = load_uk_ner(models_dir)
    pred: dict[str, set[Span]] = {"rules": set(), "model": set(), "model+rules": set()}
    gold: set[Span] = set()
    for i, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") != split:
            continue
        text = row["text"]
        for sp in row.get("spans") or row.get("entities") or []:
            s, e, label = (sp["start"], sp["end"], sp["label"]) if isinstance(sp, dict) else sp
            gold.add((i * 10_000_000 + s, i * 10_000_000 + e, label))
        rules = [(m.start, m.end, m.label) for m in extract_mentions(text, "uk", models_dir)]
        model: list[Span] = []
        if nlp is not None:
            for ent in nlp(text).ents:
                s, e = trim_span(text, ent.start_char, ent.end_char)
                if e > s:
                    model.append((s, e, ent.label_))
        for name, spans in (("rules", rules), ("model", model), ("model+rules", union_spans(model, rules))):
            pred[name] |= {(i * 10_000_000 + s, i * 10_000_000 + e, label) for s, e, label in spans}
    return {name: _prf(p, gold) for name, p in pred.items()}
