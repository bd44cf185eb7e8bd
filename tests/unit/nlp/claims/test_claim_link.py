"""Linking claims across sources (nlp.claims.link): pure, no graph."""

from __future__ import annotations

import itertools
from typing import Any

from crosscheck.records.claims import Claim
from nlp.claims.link import (
    CONTRADICTS,
    CORROBORATES,
    SCORE_COMPATIBLE,
    SCORE_SAME_VALUE,
    SCORE_SUM_OF_PARTS,
    link_claims,
)

_EVENT = {"event_kind": "exchange", "event_date": "2025-02-05"}
_STATED = {"page": 1, "start": 0, "end": 1, "text": "-", "language": "en", "confidence": 1.0, "extractor": "test"}


def qty(claim_id: str, doc: str, value: float, category: str = "servicemen", **kw: Any) -> Claim:
    base: dict[str, Any] = {
        "claim_id": claim_id,
        "doc_id": doc,
        "kind": "quantity",
        "value": value,
        "qualifier": None,
        "category": category,
        "category_detail": None,
        "direction": "to_ukraine",
        "parts": (),
        **_EVENT,
        **_STATED,
    }
    return Claim(**{**base, **kw})


def status(claim_id: str, doc: str, what: str, date: str | None, subject: str = "kovalchuk taras") -> Claim:
    return Claim(
        claim_id=claim_id,
        doc_id=doc,
        kind="status",
        status=what,
        status_date=date,
        subject_key=subject,
        **_STATED,
    )


def test_equal_values_corroborate():
    links = link_claims([qty("c1", "A", 150)], [qty("c2", "B", 150)])
    assert len(links) == 1
    link = links[0]
    assert (link.a, link.b, link.type) == ("c1", "c2", CORROBORATES)
    assert link.score == SCORE_SAME_VALUE
    assert "150" in link.reason and "2025-02-05" in link.reason
    assert link.event_key == "exchange:2025-02-05"


def test_different_values_contradict_with_both_values_oriented():
    links = link_claims([qty("c2", "B", 157)], [qty("c1", "A", 150)])
    assert len(links) == 1
    link = links[0]
    assert (link.a, link.b, link.type) == ("c1", "c2", CONTRADICTS)
    assert (link.value_a, link.value_b) == (150, 157)
    assert link.reason.startswith("150 vs 157 servicemen returned to Ukraine")
    assert "2025-02-05" in link.reason


def test_compatible_qualifier_corroborates_with_lower_score():
    links = link_claims([qty("c1", "A", 200, qualifier="over")], [qty("c2", "B", 250)])
    assert [(x.type, x.score) for x in links] == [(CORROBORATES, SCORE_COMPATIBLE)]
    assert SCORE_COMPATIBLE < SCORE_SAME_VALUE
    assert "over 200 vs 250" in links[0].reason


def test_incompatible_qualifier_contradicts():
    links = link_claims([qty("c1", "A", 100, qualifier="under")], [qty("c2", "B", 150)])
    assert [x.type for x in links] == [CONTRADICTS]
    assert "under 100 vs 150" in links[0].reason


def test_sum_of_parts_from_several_documents():
    total = qty("t", "A", 176, category="people")
    soldiers = qty("s", "B", 150)
    civilians = qty("v", "C", 26, category="civilians")
    links = link_claims([total], [soldiers, civilians])
    assert {(x.a, x.b) for x in links} == {("s", "t"), ("t", "v")}
    for link in links:
        assert link.type == CORROBORATES and link.score == SCORE_SUM_OF_PARTS
        assert link.reason == "sum of parts: 150 servicemen + 26 civilians = 176"


def test_sum_of_parts_uses_the_stated_breakdown_and_needs_the_exact_sum():
    total = qty("t", "A", 176, category="people", parts=["prisoners_of_war", "civilians"])
    pows = qty("p", "B", 150, category="prisoners_of_war")
    civilians = qty("v", "B", 26, category="civilians")
    assert len(link_claims([total], [pows, civilians])) == 2
    assert link_claims([total], [pows, qty("v", "B", 25, category="civilians")]) == []
    # Another direction is another count.
    assert link_claims([total], [pows, qty("v", "B", 26, category="civilians", direction="to_russia")]) == []


def test_a_new_part_links_an_existing_total_and_part():
    total = qty("t", "A", 176, category="people")
    soldiers = qty("s", "B", 150)
    civilians = qty("v", "C", 26, category="civilians")
    links = link_claims([civilians], [total, soldiers])
    assert {(x.a, x.b) for x in links} == {("s", "t"), ("t", "v")}


def test_different_events_are_never_linked():
    other_day = {"event_date": "2025-03-14"}
    assert link_claims([qty("c1", "A", 150)], [qty("c2", "B", 150, **other_day)]) == []
    assert link_claims([qty("c1", "A", 150)], [qty("c2", "B", 157, **other_day)]) == []
    stage = {"event_stage": 2}
    assert link_claims([qty("c1", "A", 150)], [qty("c2", "B", 157, **stage)]) == []
    total = qty("t", "A", 176, category="people")
    parts = [qty("s", "B", 150, **other_day), qty("v", "C", 26, category="civilians")]
    assert link_claims([total], parts) == []


def test_no_event_key_no_link_and_same_document_no_link():
    no_event = {"event_date": None}
    assert link_claims([qty("c1", "A", 150, **no_event)], [qty("c2", "B", 157, **no_event)]) == []
    assert link_claims([qty("c1", "A", 150), qty("c2", "A", 157)], []) == []


def test_other_category_detail_or_direction_not_compared():
    assert link_claims([qty("c1", "A", 150)], [qty("c2", "B", 157, direction="to_russia")]) == []
    assert link_claims([qty("c1", "A", 150)], [qty("c2", "B", 37, category_detail="mariupol")]) == []
    assert link_claims([qty("c1", "A", 150)], [qty("c2", "B", 150, category="civilians")]) == []


def types(new: dict, existing: dict) -> list[str]:
    return [x.type for x in link_claims([new], [existing])]


def test_status_conflicts():
    # released on D vs still held after D
    links = link_claims([status("a", "A", "released", "2025-02-05")], [status("b", "B", "held", "2025-03-01")])
    assert [x.type for x in links] == [CONTRADICTS]
    assert links[0].reason == "conflicting status: released on 2025-02-05 vs held on 2025-03-01"
    assert (links[0].status_a, links[0].status_b) == ("released", "held")
    # missing after a release
    assert types(status("a", "A", "released", "2025-02-05"), status("b", "B", "missing", "2025-02-05")) == [CONTRADICTS]
    # killed, then said to be released
    assert types(status("a", "A", "killed", "2024-05-01"), status("b", "B", "released", "2025-02-05")) == [CONTRADICTS]
    # released on two different dates
    assert types(status("a", "A", "released", "2024-05-01"), status("b", "B", "exchanged", "2025-02-05")) == [
        CONTRADICTS
    ]


def test_status_consistent_histories_are_not_conflicts():
    # held before being released: a history, not a conflict
    assert link_claims([status("a", "A", "held", "2024-05-01")], [status("b", "B", "released", "2025-02-05")]) == []
    # disagreeing statuses with no date cannot be placed in time
    assert link_claims([status("a", "A", "held", None)], [status("b", "B", "released", "2025-02-05")]) == []
    # other person
    assert (
        link_claims(
            [status("a", "A", "released", "2025-02-05")],
            [status("b", "B", "held", "2025-03-01", subject="hnatiuk andrii")],
        )
        == []
    )


def test_status_agreement_corroborates():
    links = link_claims([status("a", "A", "released", "2025-02-05")], [status("b", "B", "exchanged", "2025-02-05")])
    assert [(x.type, x.subject_key) for x in links] == [(CORROBORATES, "kovalchuk taras")]
    undated = link_claims([status("a", "A", "released", "2025-02-05")], [status("b", "B", "released", None)])
    assert undated[0].type == CORROBORATES and undated[0].score < links[0].score


def test_direction_is_deterministic_and_one_link_per_pair():
    claims = [qty("c3", "C", 150), qty("c1", "A", 150), qty("c2", "B", 157)]
    results = []
    for perm in itertools.permutations(claims):
        for cut in range(1, 4):
            new, existing = list(perm[:cut]), list(perm[cut:])
            everything = link_claims(list(perm), [])
            results.append(everything)
            # Splitting new / existing only filters: every link returned involves a new claim.
            partial = link_claims(new, existing)
            ids = {c.claim_id for c in new}
            assert partial == [x for x in everything if x.a in ids or x.b in ids]
    assert all(r == results[0] for r in results)
    pairs = [(x.a, x.b, x.type) for x in results[0]]
    assert len(pairs) == len(set(pairs)) == 3
    assert all(a < b for a, b, _ in pairs)


def test_subset_counts_are_never_linked() -> None:
    """Regression: two counts of different unnamed subgroups (19 of Azovstal, 6 of a battalion) were a
    "contradiction"."""

    def claim(claim_id: str, doc: str, value: float) -> Claim:
        return qty(claim_id, doc, value, qualifier="exact", category_detail="subset", event_date="2025-03-14")

    assert link_claims([claim("a", "d1", 19)], [claim("b", "d2", 6), claim("c", "d3", 19)]) == []
