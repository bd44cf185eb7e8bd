"""Entity extraction scored on external gold corpora (``../shared/data/ner-dev/``: SlavicNER, NER-UK).

What is scored is what the ingest runs on a page: :func:`nlp.extract.extract_mentions` in the document's
language, then :func:`nlp.identity.resolve_in_document`. Gold files are JSON lines ``{"id", "lang", "text",
"spans": [{"start", "end", "label", "surface", "lemma"?, "eid"?}]}`` (their README); they are read, never
copied, and never trained on.

Figures, per label (PERSON, PLACE, ORG) and micro over the three:

* **exact** P/R/F1: same start, end and label. A prediction on a span whose gold label is ``null`` (a type we
  do not extract: events, products, dates ...) is ignored rather than counted wrong; UNIT predictions are
  not scored (no gold type).
* **overlap** P/R/F1: a prediction counts if it overlaps a gold span of its label, and the reverse.
* **PERSON lemma accuracy**: on exactly found PERSON spans with a gold lemma, our nominative (the mention's
  name before identity resolution) equals the lemma, compared case- and whitespace-insensitively, with
  apostrophes and ё folded; reported for all such spans and for the inflected ones (surface != lemma).
* **PERSON grouping**: over pairs of exactly found PERSON mentions with a gold entity id in *different*
  documents, pairwise precision and recall of "same key" against "same gold id"; within each language, and
  across languages (uk↔ru) when files of both are scored together. Reported twice: with the keys as
  written to the graph, and with each bare surname joined to the one full name of the scored set that
  shares it (the POSSIBLY_SAME_AS link "same surname; one source gives only the surname", followed when
  it is the only one; :func:`follow_surname_links`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from math import comb
from pathlib import Path

from crosscheck.records.facts import Mention
from nlp.extract import extract_mentions
from nlp.identity import identity_of, resolve_in_document

LABELS = ("PERSON", "PLACE", "ORG")
ALL = "ALL"

Span = tuple[int, int, str]


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    tp: int = 0
    ov_pred: int = 0  # predictions overlapping a gold span of their label
    ov_gold: int = 0  # gold spans overlapped by a prediction of their label

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp += other.tp
        self.ov_pred += other.ov_pred
        self.ov_gold += other.ov_gold


@dataclass(frozen=True)
class PRF:
    p: float
    r: float

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def exact(c: Counts) -> PRF:
    return PRF(_ratio(c.tp, c.pred), _ratio(c.tp, c.gold))


def overlap(c: Counts) -> PRF:
    return PRF(_ratio(c.ov_pred, c.pred), _ratio(c.ov_gold, c.gold))


@dataclass(frozen=True)
class PersonHit:
    """An exactly found PERSON mention with its gold lemma and entity id (when the corpus has them)."""

    doc: str
    lang: str
    surface: str
    name: str  # our nominative, before identity resolution
    key: str  # our identity, after in-document resolution
    lemma: str | None
    eid: str | None


@dataclass
class FileScores:
    name: str
    docs: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    people: list[PersonHit] = field(default_factory=list)

    def total(self) -> Counts:
        c = Counts()
        for label in LABELS:
            c.add(self.counts[label])
        return c


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def document_mentions(text: str, lang: str, models_dir: Path) -> tuple[list[Mention], list[Mention]]:
    """The mentions of one text as the ingest finds them on a page: as extracted, and after resolution."""
    placed = [replace(m, page=1, language=lang) for m in extract_mentions(text, lang, models_dir)]
    scope = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]  # one per document, as the ingest's doc id
    return placed, resolve_in_document(placed, scope=scope)


def score_document(doc: dict, models_dir: Path, scores: FileScores) -> None:
    raw, resolved = document_mentions(doc["text"], doc["lang"], models_dir)
    gold_spans = doc["spans"]
    gold = {(g["start"], g["end"], g["label"]) for g in gold_spans if g["label"] in LABELS}
    ignored = {(g["start"], g["end"]) for g in gold_spans if g["label"] is None}
    pred = {(m.start, m.end, m.label) for m in raw if m.label in LABELS}
    pred = {p for p in pred if p in gold or (p[0], p[1]) not in ignored}
    for label in LABELS:
        g = {x for x in gold if x[2] == label}
        pr = {x for x in pred if x[2] == label}
        c = scores.counts[label]
        c.gold += len(g)
        c.pred += len(pr)
        c.tp += len(g & pr)
        c.ov_pred += sum(any(_overlaps(p, x) for x in g) for p in pr)
        c.ov_gold += sum(any(_overlaps(x, p) for p in pr) for x in g)
    by_span = {(g["start"], g["end"]): g for g in gold_spans if g["label"] == "PERSON"}
    seen: set[tuple[int, int]] = set()
    for before, after in zip(raw, resolved, strict=True):
        g = by_span.get((before.start, before.end))
        if before.label != "PERSON" or g is None or (before.start, before.end) in seen:
            continue
        seen.add((before.start, before.end))
        scores.people.append(
            PersonHit(doc["id"], doc["lang"], before.surface, before.name, after.key, g.get("lemma"), g.get("eid"))
        )
    scores.docs += 1


def score_file(path: Path, models_dir: Path, limit: int | None = None) -> FileScores:
    scores = FileScores(path.name)
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            score_document(json.loads(line), models_dir, scores)
    return scores


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'").split())


@dataclass(frozen=True)
class LemmaAccuracy:
    all: float
    n_all: int
    inflected: float
    n_inflected: int


def lemma_accuracy(people: Iterable[PersonHit]) -> LemmaAccuracy:
    with_lemma = [p for p in people if p.lemma]
    inflected = [p for p in with_lemma if _fold(p.surface) != _fold(p.lemma or "")]
    ok_all = sum(_fold(p.name) == _fold(p.lemma or "") for p in with_lemma)
    ok_inf = sum(_fold(p.name) == _fold(p.lemma or "") for p in inflected)
    return LemmaAccuracy(
        _ratio(ok_all, len(with_lemma)), len(with_lemma), _ratio(ok_inf, len(inflected)), len(inflected)
    )


def _cross_doc_pairs(groups: dict[object, list[PersonHit]], cross_lang: tuple[str, str] | None) -> int:
    """Pairs of mentions in different documents within each group (one of each language if ``cross_lang``)."""
    total = 0
    for members in groups.values():
        if cross_lang is None:
            per_doc = Counter(p.doc for p in members)
            total += comb(len(members), 2) - sum(comb(n, 2) for n in per_doc.values())
        else:
            a, b = cross_lang
            total += sum(p.lang == a for p in members) * sum(p.lang == b for p in members)
    return total


def follow_surname_links(people: Sequence[PersonHit]) -> list[PersonHit]:
    """``people`` with each bare surname given the key of the one full name in the set that shares it: the
    POSSIBLY_SAME_AS link (:data:`nlp.identity.R_SURNAME_ONLY`) a reader follows when it is the only one. A
    surname that two full names share keeps its own key."""
    identities = {p.key: identity_of(p.key, p.name) for p in people}
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for ident in identities.values():
        if ident.has_full_name and ident.surname_key:
            full_by_surname[ident.surname_key].add(ident.key)
    out = []
    for p in people:
        ident = identities[p.key]
        targets = full_by_surname.get(ident.surname_key or "", set()) if ident.given_key is None else set()
        out.append(replace(p, key=next(iter(targets))) if len(targets) == 1 else p)
    return out


def grouping(people: Sequence[PersonHit], cross_lang: tuple[str, str] | None = None) -> tuple[PRF, int]:
    """Pairwise precision and recall of our keys against gold entity ids, over cross-document pairs; and the
    number of gold pairs."""
    hits = [p for p in people if p.eid]
    by_gold: dict[object, list[PersonHit]] = defaultdict(list)
    by_key: dict[object, list[PersonHit]] = defaultdict(list)
    by_both: dict[object, list[PersonHit]] = defaultdict(list)
    for p in hits:
        by_gold[p.eid].append(p)
        by_key[p.key].append(p)
        by_both[(p.eid, p.key)].append(p)
    gold_pairs = _cross_doc_pairs(by_gold, cross_lang)
    pred_pairs = _cross_doc_pairs(by_key, cross_lang)
    both = _cross_doc_pairs(by_both, cross_lang)
    return PRF(_ratio(both, pred_pairs), _ratio(both, gold_pairs)), gold_pairs


def format_report(files: Sequence[FileScores]) -> str:
    lines: list[str] = []
    for fs in files:
        lines.append(f"== {fs.name} ({fs.docs} documents)")
        lines.append(
            f"{'label':<7}{'gold':>7}{'pred':>7}{'tp':>7}  {'P':>6}{'R':>7}{'F1':>7}  {'ovP':>6}{'ovR':>7}{'ovF1':>7}"
        )
        for label in (*LABELS, ALL):
            c = fs.total() if label == ALL else fs.counts[label]
            e, o = exact(c), overlap(c)
            lines.append(
                f"{label:<7}{c.gold:>7}{c.pred:>7}{c.tp:>7}  {e.p:>6.3f}{e.r:>7.3f}{e.f1:>7.3f}"
                f"  {o.p:>6.3f}{o.r:>7.3f}{o.f1:>7.3f}"
            )
        lemma = lemma_accuracy(fs.people)
        if lemma.n_all:
            lines.append(
                f"PERSON lemma accuracy: {lemma.all:.3f} of {lemma.n_all}; "
                f"inflected {lemma.inflected:.3f} of {lemma.n_inflected}"
            )
        group, n_pairs = grouping(fs.people)
        if n_pairs:
            lines.append(f"PERSON grouping across documents: P {group.p:.3f} R {group.r:.3f} ({n_pairs} gold pairs)")
            linked, _ = grouping(follow_surname_links(fs.people))
            lines.append(f"  with unique surname links followed: P {linked.p:.3f} R {linked.r:.3f}")
        lines.append("")
    langs = sorted({p.lang for fs in files for p in fs.people if p.eid})
    if len(langs) == 2:
        everyone = [p for fs in files for p in fs.people]
        group, n_pairs = grouping(everyone, (langs[0], langs[1]))
        if n_pairs:
            lines.append(
                f"PERSON grouping {langs[0]}<->{langs[1]}: P {group.p:.3f} R {group.r:.3f} ({n_pairs} gold pairs)"
            )
            linked, _ = grouping(follow_surname_links(everyone), (langs[0], langs[1]))
            lines.append(f"  with unique surname links followed: P {linked.p:.3f} R {linked.r:.3f}")
    return "\n".join(lines).rstrip() + "\n"
