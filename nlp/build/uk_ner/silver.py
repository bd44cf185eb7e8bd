"""Silver examples of the Ukrainian NER: ua-gec sentences labelled by the rules, where the rules are confident.

Also the record all silver data shares (:class:`SilverExample`) and the rule pass over generated
sentences (:func:`with_rule_extras`). Part of the recipe hash (:mod:`nlp.build.uk_ner.train`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from crosscheck.records.facts import LABELS
from nlp.extract import extract_mentions

__all__ = [
    "LABELS",
    "SEED",
    "SilverExample",
    "Span",
    "has_overlaps",
    "silver_from_rules",
    "uagec_sentences",
    "unexplained_capitals",
    "with_rule_extras",
]

SEED = 20260

Span = tuple[int, int, str]


@dataclass(frozen=True)
class SilverExample:
    """A training sentence and its entity spans, labelled with the mention labels (:data:`LABELS`)."""

    text: str
    spans: tuple[Span, ...]  # (start, end, label), character offsets, sorted, non-overlapping
    source: str  # "ua-gec" | "domain"


def uagec_sentences() -> list[str]:
    """Corrected sentences of ua-gec's train partition (first annotator per document), in file order,
    deduplicated, 25-300 characters."""
    import ua_gec  # build-time only dependency; imported for its data directory when silver data is made

    root = Path(ua_gec.__file__).parent / "data" / "gec-fluency" / "train" / "target-sentences"
    seen_docs: set[str] = set()
    seen: set[str] = set()
    out: list[str] = []
    for path in sorted(root.glob("*.txt")):
        doc_id = path.name.split(".")[0]
        if doc_id in seen_docs:
            continue  # other annotators' corrections of the same text
        seen_docs.add(doc_id)
        for line in path.read_text(encoding="utf-8").split("\n"):
            s = line.strip()
            if 25 <= len(s) <= 300 and s not in seen:
                seen.add(s)
                out.append(s)
    return out


_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_OPENERS = set("«\"“„'(—–-:.!?…")


def unexplained_capitals(text: str, spans: Sequence[Span]) -> list[str]:
    """Capitalised words outside every span that do not start the sentence, a quote or a clause."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[:1].isupper():
            continue
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in _OPENERS:
            continue
        out.append(word)
    return out


def silver_from_rules(texts: Iterable[str], models_dir: Path, source: str = "ua-gec") -> list[SilverExample]:
    """Rule mentions of each text; texts the rules are not confident about are left out."""
    out: list[SilverExample] = []
    for text in texts:
        mentions = extract_mentions(text, "uk", models_dir)
        spans = tuple(sorted((m.start, m.end, m.label) for m in mentions if m.label in LABELS))
        if has_overlaps(spans) or unexplained_capitals(text, spans):
            continue
        out.append(SilverExample(text, spans, source))
    return out


def has_overlaps(spans: Sequence[Span]) -> bool:
    """True if two of the sorted ``spans`` overlap."""
    return any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False))


def with_rule_extras(examples: list[SilverExample], models_dir: Path) -> list[SilverExample]:
    """Generated spans plus any rule mention that overlaps none of them."""
    out = []
    for ex in examples:
        spans = list(ex.spans)
        for m in extract_mentions(ex.text, "uk", models_dir):
            if m.label in LABELS and not any(m.start < e and s < m.end for s, e, _ in ex.spans):
                spans.append((m.start, m.end, m.label))
        spans.sort()
        if not has_overlaps(spans):
            out.append(SilverExample(ex.text, tuple(spans), ex.source))
    return out
