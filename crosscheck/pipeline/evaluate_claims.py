"""Claims, events and links scored against the annotated reporting corpus (``tests/gold/claims``).

Command line::

    python -m crosscheck.pipeline.evaluate_claims [--split dev|fresh] [--errors]

Each document of the corpus is written as its file (text, HTML, PDF, DOCX, a scanned clipping) and goes
through exactly what the ingest runs (``process_file``: parsing, OCR, language, NER, document date,
claims); then the claims of the split are resolved to events (``nlp.claims.events``) and linked
(``nlp.claims.link``) as the graph writer does, all documents at once (resolution does not depend on the
order). Printed, per split:

* document dates: the date and its source right;
* extraction: quantity claims with value, category and direction right (P/R/F1), and status claims;
* attachment: of the extracted claims the corpus ties to an event, the share attached to it (a predicted
  event stands for the annotated event most of its matched claims belong to);
* links: CORROBORATES / CONTRADICTS between claims of different documents (P/R), corroborations across
  different annotated events or stages (must be 0), and the planted status conflicts found.

This is orchestration over the whole pipeline, so it lives beside the batch, not in ``nlp.build``; it is
never imported by the runtime. The fresh split is sealed: report it, never tune on it.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crosscheck.records.claims import Claim
from crosscheck.settings import Settings
from nlp.claims.events import attached
from nlp.claims.link import SUM_OF_PARTS, link_claims

SPLITS = ("dev", "fresh")


@dataclass
class Scores:
    split: str
    documents: int = 0
    dated: int = 0  # date and source right
    dated_date: int = 0  # date right
    gold_quantities: int = 0
    predicted_quantities: int = 0
    quantities_right: int = 0
    gold_statuses: int = 0
    statuses_found: int = 0
    attach_total: int = 0
    attach_right: int = 0
    links_expected: int = 0
    links_predicted: int = 0
    links_right: int = 0
    corroborations_across_events: int = 0
    conflicts_expected: int = 0
    conflicts_found: int = 0
    sums: int = 0  # sum-of-parts links found
    sums_right: int = 0  # of them, total and part of one annotated event
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> str:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp} of {gold} annotated, {pred} predicted)"

    def report(self) -> str:
        share = lambda a, b: f"{a / b:.3f} ({a} of {b})" if b else "n/a"  # noqa: E731
        return "\n".join(
            [
                f"== {self.split}: {self.documents} documents",
                f"document dates right (date and source): {share(self.dated, self.documents)}; "
                f"date only: {share(self.dated_date, self.documents)}",
                f"quantity claims (value, category, direction): "
                f"{self._prf(self.quantities_right, self.predicted_quantities, self.gold_quantities)}",
                f"status claims found: {share(self.statuses_found, self.gold_statuses)}",
                f"claims attached to the right event: {share(self.attach_right, self.attach_total)}",
                f"links (same figure / different figure, same event): "
                f"{self._prf(self.links_right, self.links_predicted, self.links_expected)}",
                f"corroborations across different events or stages: {self.corroborations_across_events}",
                f"sum-of-parts links within one annotated event: {share(self.sums_right, self.sums)}",
                f"status conflicts found: {share(self.conflicts_found, self.conflicts_expected)}",
            ]
        )


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _match(gold: Sequence, predicted: Sequence[Claim], text: str) -> dict[str, Claim]:
    """Gold label -> predicted quantity claim of the same document: same value, then the claim whose sentence
    holds the words around the annotated number (the same occurrence, whatever the format did to the
    layout), then the category and direction that agree most; each predicted claim used once."""
    out: dict[str, Claim] = {}
    used: set[str] = set()
    pairs = []
    for g in gold:
        wide = _words(text[max(0, g.start - 40) : g.end + 40])
        around = _words(text[max(0, g.start - 25) : g.end + 25])
        for p in predicted:
            if p.value is not None and float(p.value) == float(g.value):
                said = _words(p.text)
                # the words around the number, as far as the sentence goes (a clause cut by the layout: less)
                near = 8 if wide in said else 4 if around[len(around) // 4 : -len(around) // 4 or None] in said else 0
                left = _words(text[max(0, g.start - 40) : g.start])
                near += 2 if left and (left[-30:] + " " + _words(g.surface)) in said else 0
                score = near + (p.category == g.category) * 2 + (p.direction == g.direction)
                pairs.append((-score, g.label, p.claim_id, g, p))
    for _, label, pid, _, p in sorted(pairs, key=lambda x: (x[0], x[1], x[2])):
        if label in out or pid in used:
            continue
        out[label] = p
        used.add(pid)
    return out


def evaluate(split: str, settings: Settings, errors: bool = False) -> Scores:
    from crosscheck.pipeline.worker import process_file
    from tests.fixtures.claims_corpus import expected_links, load_corpus, write_corpus

    corpus = _convention(load_corpus(split))
    scores = Scores(split, documents=len(corpus.documents))
    claims: list[Claim] = []
    gold_of: dict[str, object] = {}  # predicted claim id -> gold claim
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder, corpus)
        for doc in corpus.documents:
            result = process_file(str(paths[doc.file]), str(folder), settings)
            info = result.document
            want = (doc.published, doc.published_source)
            got_date = (info.published or "")[:10] or None
            scores.dated_date += got_date == doc.published
            if (got_date, getattr(info, "published_source", None)) == want:
                scores.dated += 1
            elif errors:
                scores.errors.append(f"date {doc.file}: got {got_date} ({info.published_source}), want {want}")
            if info.error:
                scores.errors.append(f"FAILED {doc.file}: {info.error}")
            quantities = [c for c in result.claims if c.kind == "quantity"]
            gold_q = [g for g in doc.claims if g.kind == "quantity"]
            scores.gold_quantities += len(gold_q)
            scores.predicted_quantities += len(quantities)
            matched = _match(gold_q, quantities, doc.text)
            for g in gold_q:
                p = matched.get(g.label)
                if p is not None and (p.category, p.direction) == (g.category, g.direction):
                    scores.quantities_right += 1
                    gold_of[p.claim_id] = g
                elif errors:
                    got = f"{p.value:g} {p.category} {p.direction}" if p else "nothing"
                    scores.errors.append(f"claim {g.label}: want {g.direction}, got {got}")
            if errors:
                for p in quantities:
                    if p not in matched.values():
                        what = f"{p.value:g} {p.category} {p.direction}"
                        scores.errors.append(f"extra {doc.file}: {what} «{p.text[:80]}»")
            gold_s = [g for g in doc.claims if g.kind == "status"]
            scores.gold_statuses += len(gold_s)
            statuses = [c for c in result.claims if c.kind == "status"]
            for g in gold_s:
                stem = g.surface.lower()[:5]  # "Савчука" in a Russian appeal is "Олег Савчук"'s status
                hit = next(
                    (c for c in statuses if c.status == g.status and stem in (c.subject_name or "").lower()), None
                )
                if hit is not None:
                    scores.statuses_found += 1
                    gold_of[hit.claim_id] = g
            claims.extend(result.claims)
    resolved = attached(claims)
    # attachment: a predicted event stands for the gold event most of its matched claims belong to
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in resolved:
        g = gold_of.get(c.claim_id)
        if c.kind == "quantity" and g is not None and g.event and c.event_key:
            votes[c.event_key][g.event] += 1
    stands_for = {key: v.most_common(1)[0][0] for key, v in votes.items()}
    for c in resolved:
        g = gold_of.get(c.claim_id)
        if c.kind != "quantity" or g is None or not g.event:
            continue
        scores.attach_total += 1
        if c.event_key and stands_for.get(c.event_key) == g.event:
            scores.attach_right += 1
        elif errors:
            scores.errors.append(f"attach {g.label}: want {g.event}, got {c.event_key or 'none'} ({c.attach_reason})")
    links = link_claims(resolved, [])
    expected = {x for x in expected_links(corpus)}
    expected_q = {x for x in expected if not _is_status(x, corpus)}
    conflicts = expected - expected_q
    predicted = set()
    # Sums of parts (a total and the parts other sources state) are not annotated as links in the corpus:
    # scored apart, right when the total and the part are of one annotated event.
    for link in [x for x in links if x.reason.startswith(SUM_OF_PARTS)]:
        ga, gb = gold_of.get(link.a), gold_of.get(link.b)
        scores.sums += 1
        scores.sums_right += bool(ga and gb and ga.event and ga.event == gb.event)
    links = [x for x in links if not x.reason.startswith(SUM_OF_PARTS)]
    for link in links:
        ga, gb = gold_of.get(link.a), gold_of.get(link.b)
        if ga is None or gb is None:
            if link.subject_key is None:
                predicted.add(("?", link.a, link.type))
            continue
        a, b = sorted((ga.label, gb.label))
        predicted.add((a, b, link.type))
        if link.type == "CORROBORATES" and link.subject_key is None and ga.event != gb.event:
            scores.corroborations_across_events += 1
            if errors:
                scores.errors.append(f"across events: {a} ({ga.event}) ~ {b} ({gb.event}): {link.reason}")
    predicted_q = {x for x in predicted if x[0] == "?" or x not in conflicts}
    scores.links_expected = len(expected_q)
    scores.links_predicted = len([x for x in predicted_q if not _is_status(x, corpus)])
    scores.links_right = len(expected_q & predicted_q)
    scores.conflicts_expected = len(conflicts)
    scores.conflicts_found = len(conflicts & predicted)
    if errors:
        scores.errors += [f"missing link {x}" for x in sorted(expected_q - predicted_q)]
        scores.errors += [f"wrong link {x}" for x in sorted(predicted_q - expected_q) if x[0] != "?"]
        scores.errors += [f"missing conflict {x}" for x in sorted(conflicts - predicted)]
    return scores


def _convention(corpus: Any) -> Any:
    """The corpus annotates "захисники"/"defenders" without a place as ``defenders``; crosscheck counts them as
    ``servicemen`` (nlp.claims.quantities), so that "205 захисників" and "205 servicemen" of one stage meet.
    Scored under crosscheck's convention: defenders of no named place are servicemen."""
    docs = []
    for doc in corpus.documents:
        claims = tuple(
            replace(c, category="servicemen") if c.category == "defenders" and c.kind == "quantity" else c
            for c in doc.claims
        )
        docs.append(replace(doc, claims=claims))
    return replace(corpus, documents=tuple(docs))


def _is_status(link: tuple[str, str, str], corpus: object) -> bool:
    kinds = {c.label: c.kind for c in corpus.claims}  # type: ignore[attr-defined]
    return kinds.get(link[0]) == "status" or kinds.get(link[1]) == "status"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crosscheck.pipeline.evaluate_claims", description=__doc__)
    parser.add_argument("--split", choices=SPLITS, action="append")
    parser.add_argument("--errors", action="store_true", help="print every error (dev only: fresh is sealed)")
    args = parser.parse_args(argv)
    settings = Settings()
    for split in args.split or SPLITS:
        scores = evaluate(split, settings, errors=args.errors and split == "dev")
        print(scores.report())
        for line in scores.errors:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
