"""Which claims from different sources agree or disagree: CORROBORATES / CONTRADICTS, computed in Python.

Pure: works on ``Claim`` records placed in their documents (``claim_id`` and ``doc_id`` set), as the graph
layer reads them back from ``(:Claim)`` nodes, and returns ``ClaimLink`` records. The graph writer calls it for the
claims under the event keys and subjects a document touches (graph/writer.py).

Rules (scores in docs/schema.md):
* quantity claims are compared only under the same ``event_key`` (event kind, date and stage), category,
  category detail and direction; no event key, no link — numbers of two exchanges are never compared;
* a total (``people``) equal to the sum of its parts stated in other documents corroborates each part;
* status claims are compared by person (``subject_key``; a key with a birth date meets the same name
  without one, never one with another birth date), taking their dates into account;
* claims of one document are never linked to each other (a source does not corroborate itself);
* a link goes from the lower ``claim_id`` to the higher, one per pair and type, so it is the same
  whichever document was written first.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from crosscheck.records.claims import Claim, ClaimLink

CORROBORATES = "CORROBORATES"
CONTRADICTS = "CONTRADICTS"

SCORE_SAME_VALUE = 0.9  # both exact, same number
SCORE_SAME_QUALIFIED = 0.8  # same number, same vague qualifier ("over 200" twice)
SCORE_COMPATIBLE = 0.6  # "over 200" vs 250: the ranges overlap
SCORE_SUM_OF_PARTS = 0.7
SCORE_CONTRADICTS_EXACT = 0.9  # two exact numbers differ
SCORE_CONTRADICTS_RANGE = 0.7  # qualified ranges that do not overlap ("under 100" vs 150)
SCORE_STATUS_SAME = 0.9  # same status, same date
SCORE_STATUS_UNDATED = 0.6  # same status, a date missing on one side
SCORE_STATUS_HELD_AGAIN = 0.5  # held at two dates: consistent, weaker
SCORE_STATUS_CONFLICT = 0.8

# When a source gives no breakdown, a total of people is compared with this partition.
DEFAULT_PARTS = ("servicemen", "civilians")
_MAX_COMBINATIONS = 2000  # sum-of-parts search bound: several sources per part multiply the choices

_EXACT = frozenset({None, "", "exact"})
# Ranges a qualified number allows; bounds inclusive, because sources round loosely ("over 200" for 200).
_ABOUT = 0.1


def _range(value: float, qualifier: str | None) -> tuple[float, float]:
    if qualifier in _EXACT:
        return value, value
    if qualifier in ("over", "at_least"):
        return value, math.inf
    if qualifier in ("up_to", "under"):
        return 0.0, value
    if qualifier == "almost":
        return value * (1 - _ABOUT), value
    return value * (1 - _ABOUT), value * (1 + _ABOUT)  # about, and any qualifier we do not know


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _stated(claim: Claim) -> str:
    words = {"over": "over", "at_least": "at least", "about": "about", "up_to": "up to", "almost": "almost"}
    words["under"] = "under"
    q = claim.qualifier
    prefix = f"{words[q]} " if q in words else ""
    return prefix + _num(claim.value)


_DIRECTION_WORDS = {"to_ukraine": "returned to Ukraine", "to_russia": "handed over to Russia", "both": "exchanged"}


def _event_phrase(claim: Claim) -> str:
    """'servicemen returned to Ukraine (exchange:2025-02-05:stage2)': what the compared numbers count, and
    the event they were resolved to."""
    what = claim.category or "people"
    if claim.category_detail:
        what += f" ({claim.category_detail})"
    direction = _DIRECTION_WORDS.get(claim.direction or "")
    if direction:
        what += f" {direction}"
    return f"{what} ({claim.event_key})"


def _link(x: Claim, y: Claim, kind: str, score: float, reason: str, **extra: Any) -> ClaimLink:
    """A link oriented lower claim_id -> higher; ``extra`` keys ending in _a/_b follow the orientation."""
    a, b = (x, y) if x.claim_id < y.claim_id else (y, x)
    swapped = a is not x
    fields: Claim = {}
    for key, value in extra.items():
        if swapped and key.endswith("_a"):
            key = key[:-2] + "_b"
        elif swapped and key.endswith("_b"):
            key = key[:-2] + "_a"
        fields[key] = value
    return ClaimLink(a=a.claim_id, b=b.claim_id, type=kind, score=score, reason=reason, **fields)


def _quantity_pair(x: Claim, y: Claim) -> ClaimLink | None:
    vx, vy = float(x.value), float(y.value)
    qx, qy = x.qualifier, y.qualifier
    base = {"event_key": x.event_key, "value_a": x.value, "value_b": y.value}
    if vx == vy and (qx in _EXACT) == (qy in _EXACT) and (qx in _EXACT or qx == qy):
        score = SCORE_SAME_VALUE if qx in _EXACT else SCORE_SAME_QUALIFIED
        return _link(x, y, CORROBORATES, score, f"same number: {_stated(x)} {_event_phrase(x)}", **base)
    lo_x, hi_x = _range(vx, qx)
    lo_y, hi_y = _range(vy, qy)
    overlap = lo_x <= hi_y and lo_y <= hi_x
    if overlap:
        # Orientation matters for the text: name the lower claim first, as the link does.
        first, second = (x, y) if x.claim_id < y.claim_id else (y, x)
        reason = f"compatible: {_stated(first)} vs {_stated(second)} {_event_phrase(x)}"
        return _link(x, y, CORROBORATES, SCORE_COMPATIBLE, reason, **base)
    first, second = (x, y) if x.claim_id < y.claim_id else (y, x)
    exact = qx in _EXACT and qy in _EXACT
    score = SCORE_CONTRADICTS_EXACT if exact else SCORE_CONTRADICTS_RANGE
    reason = f"{_stated(first)} vs {_stated(second)} {_event_phrase(x)}"
    return _link(x, y, CONTRADICTS, score, reason, **base)


# nlp.claims.extract marks counts of an unnamed subgroup ("19 who held Azovstal", "six more of his
# battalion") with this detail: two such counts are of different subgroups as often as not.
SUBSET = "subset"


def _comparable(claim: Claim) -> bool:
    return (
        claim.kind == "quantity"
        and bool(claim.event_key)
        and claim.value is not None
        and claim.category_detail != SUBSET
    )


def _fresh_pairs(group: Sequence[Claim], fresh: set[str]) -> Iterable[tuple[Claim, Claim]]:
    """Pairs of a group with at least one fresh claim: a new claim costs one pass over its group, not a
    pass over every pair of an event that 2,000 sources report."""
    new = [c for c in group if c.claim_id in fresh]
    for x in new:
        for y in group:
            if y is not x and (y.claim_id not in fresh or x.claim_id < y.claim_id):
                yield x, y


def _quantity_links(claims: Sequence[Claim], fresh: set[str]) -> Iterable[tuple[ClaimLink, set[str]]]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if _comparable(c):
            groups[(c.event_key, c.category, c.category_detail, c.direction)].append(c)
    for group in groups.values():
        for x, y in _fresh_pairs(group, fresh):
            if x.doc_id != y.doc_id:
                link = _quantity_pair(x, y)
                if link is not None:
                    yield link, {x.claim_id, y.claim_id}


def _sum_links(claims: Sequence[Claim]) -> Iterable[tuple[ClaimLink, set[str]]]:
    """A total of people equal to parts stated in other documents (which may be several) corroborates each part.

    Parts are combined by their figures, not claim by claim: sources mostly agree, so an event a thousand
    sources report has a handful of figures per category, and every claim stating a figure of a matching
    combination is linked to the total. A link's evidence is its two ends and the first claim of each figure
    of the combination (the graph recomputes an event's sums whole when a claim goes)."""
    exact = [c for c in claims if _comparable(c) and c.qualifier in _EXACT]
    by_part: dict[tuple, dict[float, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in exact:
        by_part[(c.event_key, c.direction, c.category_detail, c.category)][float(c.value)].append(c)
    for total in exact:
        if total.category != "people":
            continue
        parts = tuple(p for p in (total.parts or ()) if p != "people") or DEFAULT_PARTS
        if len(parts) < 2:
            continue
        key = (total.event_key, total.direction, total.category_detail)
        options: list[list[tuple[float, list[Claim]]]] = []
        for part in parts:
            figures = []
            for value, stating in sorted(by_part[(*key, part)].items()):
                others = [c for c in stating if c.doc_id != total.doc_id]
                if others:
                    figures.append((value, sorted(others, key=lambda c: c.claim_id)))
            if not figures:
                break
            options.append(figures)
        else:
            if math.prod(len(o) for o in options) > _MAX_COMBINATIONS:
                continue
            for combo in itertools.product(*options):
                if sum(value for value, _ in combo) != float(total.value):
                    continue
                terms = " + ".join(f"{_num(value)} {stating[0].category}" for value, stating in combo)
                reason = f"{SUM_OF_PARTS}: {terms} = {_num(total.value)}"
                firsts = {stating[0].claim_id for _, stating in combo}
                for _, stating in combo:
                    for part in stating:
                        link = _link(part, total, CORROBORATES, SCORE_SUM_OF_PARTS, reason, event_key=total.event_key)
                        # its ends, and the first claim of each figure: a figure stated for the first time
                        # completes the sum for the parts already there
                        yield link, {total.claim_id, part.claim_id} | firsts


_FREE = frozenset({"released", "exchanged"})
_CAPTIVE = frozenset({"held", "detained"})


def _cmp_dates(a: str, b: str) -> int:
    """-1, 0, 1; dates of different precision (2025 vs 2025-02-05) are equal on their common prefix."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _status_text(c: Claim) -> str:
    date = c.status_date
    return f"{c.status} on {date}" if date else f"{c.status} (no date)"


def _status_pair(x: Claim, y: Claim) -> ClaimLink | None:
    sx, sy = x.status, y.status
    dx, dy = x.status_date, y.status_date
    first, second = (x, y) if x.claim_id < y.claim_id else (y, x)
    extra = {"subject_key": subject_base(x.subject_key or ""), "status_a": sx, "status_b": sy}
    pair = f"{_status_text(first)} vs {_status_text(second)}"
    same_class = sx == sy or {sx, sy} <= _FREE or {sx, sy} <= _CAPTIVE
    if same_class:
        if not dx or not dy:
            return _link(x, y, CORROBORATES, SCORE_STATUS_UNDATED, f"same status: {pair}", **extra)
        if _cmp_dates(dx, dy) == 0:
            return _link(x, y, CORROBORATES, SCORE_STATUS_SAME, f"same status: {pair}", **extra)
        if sx in _FREE:  # one release, two different dates
            return _link(x, y, CONTRADICTS, SCORE_STATUS_CONFLICT, f"released on different dates: {pair}", **extra)
        if sx in _CAPTIVE:  # held at two dates: the same captivity, seen twice
            return _link(x, y, CORROBORATES, SCORE_STATUS_HELD_AGAIN, f"same status: {pair}", **extra)
        return None  # missing or killed on two dates: a matter of record keeping, not for us to judge
    if not dx or not dy:
        return None  # disagreeing statuses without dates may simply be at different times
    # Order the two by date: the earlier status must not be impossible given the later one.
    early, late = (x, y) if _cmp_dates(dx, dy) <= 0 else (y, x)
    se, sl = early.status, late.status
    conflict = (
        (se in _FREE and (sl in _CAPTIVE or sl == "missing"))  # released on D, still held or missing after D
        or (se == "killed" and (sl in _FREE or sl in _CAPTIVE))  # dead on D, released or held after D
    )
    if not conflict:
        return None
    return _link(x, y, CONTRADICTS, SCORE_STATUS_CONFLICT, f"conflicting status: {pair}", **extra)


def subject_base(key: str) -> str:
    """A person's key without the birth date a list row adds ("Hntk rmn|1994-02-03" -> "Hntk rmn"): an
    appeal names the person a list names with the birth date, and says nothing of it."""
    return key.split("|", 1)[0]


def _same_person(x: Claim, y: Claim) -> bool:
    """One person: the same key, or the same name where at most one side gives a birth date."""
    bx, by = (x.subject_key or "").partition("|")[2], (y.subject_key or "").partition("|")[2]
    return not bx or not by or bx == by


def _status_links(claims: Sequence[Claim], fresh: set[str]) -> Iterable[tuple[ClaimLink, set[str]]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "status" and c.subject_key and c.status:
            groups[subject_base(c.subject_key)].append(c)
    for group in groups.values():
        births = {(c.subject_key or "").partition("|")[2] for c in group} - {""}
        for x, y in _fresh_pairs(group, fresh):
            # a name without a birth date is one person only while the group knows one birth date for it
            if x.doc_id != y.doc_id and _same_person(x, y) and (len(births) <= 1 or x.subject_key == y.subject_key):
                link = _status_pair(x, y)
                if link is not None:
                    yield link, {x.claim_id, y.claim_id}


SUM_OF_PARTS = "sum of parts"  # how a sum link's reason begins: the graph recomputes these per event


def sum_links(claims: Sequence[Claim]) -> list[ClaimLink]:
    """Every sum-of-parts link among ``claims`` (all of one or more events): one per pair, sorted. A sum
    depends on three or more claims, so the graph recomputes an event's sums whole when any of them goes."""
    found: dict[tuple[str, str, str], ClaimLink] = {}
    for link, _ in _sum_links([c for c in sorted(claims, key=lambda c: c.claim_id)]):
        ident = (link.a, link.b, link.type)
        if ident not in found:
            found[ident] = link
    return [found[k] for k in sorted(found)]


def link_claims(new: Sequence[Claim], existing: Sequence[Claim]) -> list[ClaimLink]:
    """Links between claims of different documents that involve a claim of ``new`` (as an end, or as a part
    in a sum). Each a ``ClaimLink`` with ``a < b``; one per pair and type, sorted. A claim in both inputs
    counts as new."""
    claims: dict[str, Claim] = {c.claim_id: c for c in existing}
    claims.update({c.claim_id: c for c in new})
    fresh = {c.claim_id for c in new}
    ordered = [claims[k] for k in sorted(claims)]  # input order must not change the result
    found: dict[tuple[str, str, str], ClaimLink] = {}
    for link, evidence in itertools.chain(
        _quantity_links(ordered, fresh), _status_links(ordered, fresh), _sum_links(ordered)
    ):
        if not evidence & fresh:
            continue
        ident = (link.a, link.b, link.type)
        # One link per pair and type; the strongest evidence wins (ties: the first reason in sorted order).
        if ident not in found or link.score > found[ident].score:
            found[ident] = link
    return [found[k] for k in sorted(found)]
