"""Scores of :func:`nlp.extract.extract_mentions` against hand-annotated gold sentences (``tests/gold``).

``evaluate(lang, models_dir, gold_dir, split=None) -> dict[label, Scores]``: exact-span matching (same
start, end and label), per label and micro-averaged over all labels under ``"ALL"``. Each :class:`Scores` also
carries a *partial overlap* figure for diagnosis: a predicted span counts if it overlaps a gold span
of the same label, so the gap between ``f1`` and ``partial_f1`` is what boundary errors cost.

Command line::

    python -m nlp.build.evaluate [--lang uk] [--split dev|heldout|fresh] [--errors] [--gold DIR]
    python -m nlp.build.evaluate --external ../shared/data/ner-dev/FILE.jsonl [...] [--limit N]

prints a table per language × label for dev and heldout (or the split asked for), and with
``--errors`` every false positive and false negative with its sentence, then the commonest error
kinds. The gold format and the annotation guideline are in ``tests/gold/README.md``. The library
functions take the gold directory as a parameter; only the command line has a default
(:func:`default_gold_dir`, the repository's ``tests/gold``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from crosscheck.records.facts import LABELS
from crosscheck.settings import REPO_ROOT, Settings
from nlp.build.external import format_report, score_file
from nlp.extract import extract_mentions

__all__ = [
    "FRESH",
    "GOLD_LANGS",
    "SPLITS",
    "Error",
    "GoldSentence",
    "Scores",
    "Span",
    "default_gold_dir",
    "error_kinds",
    "evaluate",
    "find_errors",
    "format_table",
    "load_gold",
    "predict",
    "score",
]

GOLD_SUBDIR = Path("tests") / "gold"  # in the repository: the command line's default gold directory
GOLD_LANGS = ("uk", "ru", "en")
SPLITS = ("dev", "heldout")
# Written after the rules were tuned, never to be tuned on (tests/gold/fresh/README.md): reported apart.
FRESH = "fresh"
ALL = "ALL"

Span = tuple[int, int, str]  # (start, end, label), end exclusive, character offsets


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    split: str  # dev | heldout
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    # partial overlap (same label, spans intersect): for diagnosing boundary errors
    partial_precision: float = 0.0
    partial_recall: float = 0.0
    partial_f1: float = 0.0
    support: int = 0  # gold spans


@dataclass(frozen=True)
class Error:
    """One false positive or false negative, classified.

    kind: ``missed`` (gold span nothing overlaps), ``spurious`` (predicted span overlapping no gold
    span), ``boundary`` (same label, overlapping, different offsets), ``label`` (same offsets,
    other label), ``boundary+label`` (overlapping, other label and offsets).
    """

    sentence_id: str
    text: str
    side: str  # FN | FP
    kind: str
    label: str  # the gold label for FN, the predicted label for FP
    span: Span
    other: Span | None  # the overlapping span on the other side, if any

    @property
    def surface(self) -> str:
        return self.text[self.span[0] : self.span[1]]

    def describe(self) -> str:
        s = f"{self.side} {self.kind:<14} {self.label:<6} «{self.surface}»"
        if self.other is not None:
            s += f"  vs {self.other[2]} «{self.text[self.other[0] : self.other[1]]}»"
        return s


# --- gold -------------------------------------------------------------------------------------------
def default_gold_dir() -> Path:
    """``tests/gold`` under the current directory when there is one, else under the repository root."""
    return GOLD_SUBDIR if GOLD_SUBDIR.is_dir() else REPO_ROOT / GOLD_SUBDIR


def load_gold(lang: str, gold_dir: Path, split: str | None = None) -> list[GoldSentence]:
    """The gold sentences of ``lang`` (``<gold_dir>/ner_<lang>.jsonl``; the fresh split in
    ``<gold_dir>/fresh/``), optionally of one split."""
    if split is not None and split not in (*SPLITS, FRESH):
        raise ValueError(f"split must be one of {(*SPLITS, FRESH)}, not {split!r}")
    if split == FRESH:
        gold_dir, allowed = gold_dir / FRESH, (FRESH,)
    else:
        allowed = SPLITS
    sentences: list[GoldSentence] = []
    path = gold_dir / f"ner_{lang}.jsonl"
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            spans = tuple((int(s), int(e), str(label)) for s, e, label in obj["spans"])
            if obj["split"] not in allowed:
                raise ValueError(f"{path}:{n}: bad split {obj['split']!r}")
            sentences.append(GoldSentence(obj["id"], obj["text"], obj["split"], spans))
    return [s for s in sentences if split is None or s.split == split]


# --- scoring ----------------------------------------------------------------------------------------
def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _scores(tp: int, fp: int, fn: int, ptp_pred: int, n_pred: int, ptp_gold: int, n_gold: int) -> Scores:
    # With nothing to find and nothing found, the extractor is perfect on that label.
    if n_gold == 0 and n_pred == 0:
        return Scores(0, 0, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0)
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    pp, pr = _ratio(ptp_pred, n_pred), _ratio(ptp_gold, n_gold)
    return Scores(tp, fp, fn, p, r, _f1(p, r), pp, pr, _f1(pp, pr), n_gold)


def score(
    gold: Sequence[Iterable[Span]], pred: Sequence[Iterable[Span]], labels: Sequence[str] = LABELS
) -> dict[str, Scores]:
    """Per-label scores (and micro-averaged ``"ALL"``) of predicted spans against gold spans,
    sentence by sentence (``gold[i]`` and ``pred[i]`` belong to the same sentence).

    Exact: a predicted span is a true positive when the sentence has a gold span with the same
    start, end and label. Partial: a predicted span counts when it overlaps a gold span of the same
    label (partial precision), a gold span counts when a predicted span of its label overlaps it
    (partial recall).
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    keys = [*labels, ALL]
    counts = {k: Counter() for k in keys}
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g, p = set(g_spans), set(p_spans)
        for label in labels:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            c = Counter(
                tp=len(gl & pl),
                fp=len(pl - gl),
                fn=len(gl - pl),
                n_pred=len(pl),
                n_gold=len(gl),
                ptp_pred=sum(1 for s in pl if any(_overlaps(s, t) for t in gl)),
                ptp_gold=sum(1 for t in gl if any(_overlaps(s, t) for s in pl)),
            )
            counts[label].update(c)
            counts[ALL].update(c)
    return {
        k: _scores(c["tp"], c["fp"], c["fn"], c["ptp_pred"], c["n_pred"], c["ptp_gold"], c["n_gold"])
        for k, c in counts.items()
    }


def find_errors(sentences: Sequence[GoldSentence], pred: Sequence[Iterable[Span]]) -> list[Error]:
    """Every false negative and false positive, classified (see :class:`Error`), in sentence order."""
    errors: list[Error] = []
    for sent, p_spans in zip(sentences, pred, strict=True):
        g, p = set(sent.spans), set(p_spans)
        for t in sorted(g - p):
            errors.append(_classify(sent, "FN", t, p))
        for s in sorted(p - g):
            errors.append(_classify(sent, "FP", s, g))
    return errors


def _classify(sent: GoldSentence, side: str, span: Span, others: set[Span]) -> Error:
    same_offsets = [o for o in others if o[:2] == span[:2]]
    if same_offsets:
        return Error(sent.id, sent.text, side, "label", span[2], span, same_offsets[0])
    overlapping = sorted((o for o in others if _overlaps(o, span)), key=lambda o: (o[2] != span[2], o))
    if not overlapping:
        return Error(sent.id, sent.text, side, "missed" if side == "FN" else "spurious", span[2], span, None)
    other = overlapping[0]
    kind = "boundary" if other[2] == span[2] else "boundary+label"
    return Error(sent.id, sent.text, side, kind, span[2], span, other)


# --- running the extractor --------------------------------------------------------------------------
def predict(sentences: Sequence[GoldSentence], lang: str, models_dir: Path) -> list[set[Span]]:
    """The extractor's spans for each gold sentence (each sentence is its own page)."""
    return [{(m.start, m.end, m.label) for m in extract_mentions(s.text, lang, models_dir)} for s in sentences]


def evaluate(lang: str, models_dir: Path, gold_dir: Path, split: str | None = None) -> dict[str, Scores]:
    """Scores of the real pipeline of ``lang`` on its gold sentences in ``gold_dir`` (``split``: dev,
    heldout, fresh, or dev and heldout together)."""
    sentences = load_gold(lang, gold_dir, split)
    return score([s.spans for s in sentences], predict(sentences, lang, models_dir))


# --- reporting --------------------------------------------------------------------------------------
def format_table(title: str, scores: dict[str, Scores]) -> str:
    """A fixed-width table of one language × split: one row per label and ``ALL``."""
    head = f"{'label':<7}{'gold':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}{'pF1':>7}"
    lines = [title, head, "-" * len(head)]
    for label, s in scores.items():
        lines.append(
            f"{label:<7}{s.support:>5}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.partial_f1:>7.3f}"
        )
    return "\n".join(lines)


def error_kinds(errors: Iterable[Error]) -> Counter[str]:
    """Counts of error kinds such as ``"FN missed PERSON"`` or ``"FP boundary+label ORG (gold PLACE)"``."""
    kinds: Counter[str] = Counter()
    for e in errors:
        k = f"{e.side} {e.kind} {e.label}"
        if e.kind in ("label", "boundary+label") and e.other is not None:
            k += f" ({'pred' if e.side == 'FN' else 'gold'} {e.other[2]})"
        kinds[k] += 1
    return kinds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.build.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=GOLD_LANGS, action="append", help="language(s); default all")
    parser.add_argument(
        "--split", choices=(*SPLITS, FRESH), help="one split; default dev and heldout separately, then fresh"
    )
    parser.add_argument("--errors", action="store_true", help="list every FP/FN with its sentence")
    parser.add_argument("--models-dir", type=Path, default=None, help="default: Settings().models_dir")
    parser.add_argument("--gold", type=Path, default=None, help="gold directory; default: the repository's tests/gold")
    parser.add_argument(
        "--external",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="score external gold JSON lines instead (../shared/data/ner-dev/*.jsonl): exact and overlap P/R/F1, "
        "PERSON lemma accuracy and cross-document grouping (nlp/build/external.py)",
    )
    parser.add_argument("--limit", type=int, default=None, help="with --external: the first N documents of each file")
    args = parser.parse_args(argv)
    models_dir = args.models_dir or Settings().models_dir
    if args.external:
        print(format_report([score_file(path, models_dir, args.limit) for path in args.external]), end="")
        return 0
    gold_dir: Path = args.gold or default_gold_dir()
    splits = [args.split] if args.split else list(SPLITS)
    for lang in args.lang or GOLD_LANGS:
        if not args.split and (gold_dir / FRESH / f"ner_{lang}.jsonl").exists():
            print(format_table(f"\n== {lang} fresh (untuned)", evaluate(lang, models_dir, gold_dir, FRESH)))
        sentences = load_gold(lang, gold_dir, FRESH if args.split == FRESH else None)
        pred = predict(sentences, lang, models_dir)
        for split in splits:
            idx = [i for i, s in enumerate(sentences) if s.split == split]
            scores = score([sentences[i].spans for i in idx], [pred[i] for i in idx])
            print(format_table(f"\n== {lang} {split} ({len(idx)} sentences)", scores))
        idx = [i for i, s in enumerate(sentences) if s.split in splits]
        if len(splits) > 1:
            print(format_table(f"\n== {lang} all ({len(idx)} sentences)", score([s.spans for s in sentences], pred)))
        if args.errors:
            errors = find_errors([sentences[i] for i in idx], [pred[i] for i in idx])
            print(f"\n-- {lang}: {len(errors)} errors")
            last = ""
            for e in errors:
                if e.sentence_id != last:
                    print(f"\n[{e.sentence_id}] {e.text}")
                    last = e.sentence_id
                print(f"    {e.describe()}")
            print(f"\n-- {lang}: error kinds")
            for kind, n in error_kinds(errors).most_common():
                print(f"{n:>5}  {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
