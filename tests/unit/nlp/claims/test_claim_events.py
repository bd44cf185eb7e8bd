"""Event resolution (nlp.claims.events) and the event evidence the extractor gives claims."""

from __future__ import annotations

import itertools

from crosscheck.records.claims import Claim
from crosscheck.records.pages import Page
from nlp.claims.events import attached, resolve_events
from nlp.claims.extract import extract_claims
from nlp.claims.link import link_claims


def _claim(doc: str, value: float, date: str | None, source: str | None, **kw) -> Claim:
    return Claim(
        kind="quantity",
        page=1,
        start=0,
        end=1,
        text="",
        language="en",
        confidence=0.8,
        extractor="quantity-rule",
        value=value,
        category=kw.pop("category", "people"),
        direction="to_ukraine",
        event_kind=kw.pop("kind", "exchange"),
        event_date=date,
        event_date_source=source,
        doc_id=doc,
        claim_id=f"{doc}:{value:g}",
        **kw,
    )


def _keys(claims: list[Claim]) -> dict[str, str | None]:
    found = resolve_events(claims)
    return {c.claim_id: (found[c.claim_id].event.key if c.claim_id in found else None) for c in claims}


def test_a_next_day_report_joins_the_event_its_date_was_written_for() -> None:
    """Sources one day apart: a report dated by its own publication the next morning meets the
    report that wrote the day."""
    written = _claim("a", 205, "2025-10-16", "text")
    next_day = _claim("b", 205, "2025-10-17", "document")
    assert _keys([written, next_day]) == {"a:205": "exchange:2025-10-16", "b:205": "exchange:2025-10-16"}
    links = link_claims(attached([written, next_day]), [])
    assert [(link.type, link.event_key) for link in links] == [("CORROBORATES", "exchange:2025-10-16")]


def test_two_reports_a_day_apart_meet_even_when_neither_writes_the_date() -> None:
    """ "Late on Thursday" (a relative date) and a report of the next morning dated only by its dateline."""
    claims = [_claim("a", 84, "2025-10-23", "relative"), _claim("b", 84, "2025-10-24", "document")]
    for order in (claims, claims[::-1]):
        assert _keys(order) == {"a:84": "exchange:2025-10-23", "b:84": "exchange:2025-10-23"}


def test_resolution_does_not_depend_on_the_order_of_claims() -> None:
    claims = [
        _claim("a", 205, "2025-10-16", "text", event_stage=1),
        _claim("b", 160, "2025-10-17", "text", event_stage=2),
        _claim("c", 160, "2025-10-17", "relative"),
        _claim("d", 205, "2025-10-17", "document", event_stage=1),
        _claim("e", 500, None, None, event_names=("500-for-500",)),
        _claim("f", 500, "2025-10-16", "text", event_date_end="2025-10-18", event_names=("500-for-500",)),
    ]
    first = _keys(claims)
    for order in itertools.permutations(claims):
        assert _keys(list(order)) == first
    assert first == {
        "a:205": "exchange:2025-10-16:stage1",
        "b:160": "exchange:2025-10-17:stage2",
        "c:160": "exchange:2025-10-17:stage2",  # the only stage known on that day
        "d:205": "exchange:2025-10-16:stage1",  # its stage, within its window
        "e:500": "exchange:2025-10-16..2025-10-18",  # no date, but the name and its number
        "f:500": "exchange:2025-10-16..2025-10-18",
    }


def test_two_stages_on_one_day_keep_a_total_of_the_day_apart() -> None:
    claims = [
        _claim("a", 26, "2025-02-05", "text", event_stage=1, category="civilians"),
        _claim("b", 150, "2025-02-05", "text", event_stage=2, category="servicemen"),
        _claim("c", 176, "2025-02-05", "text"),
    ]
    assert _keys(claims)["c:176"] == "exchange:2025-02-05"


def test_a_repatriation_and_an_exchange_on_the_same_day_are_two_events() -> None:
    claims = [
        _claim("a", 84, "2025-11-07", "text"),
        _claim("b", 1000, "2025-11-07", "text", kind="repatriation", category="bodies"),
        _claim("c", 1000, "2025-11-07", "document", kind="repatriation", category="bodies"),
    ]
    assert _keys(claims) == {
        "a:84": "exchange:2025-11-07",
        "b:1000": "repatriation:2025-11-07",
        "c:1000": "repatriation:2025-11-07",
    }


def test_an_undated_claim_without_a_name_is_not_attached() -> None:
    claims = [_claim("a", 84, "2025-11-07", "text"), _claim("b", 84, None, None)]
    assert _keys(claims) == {"a:84": "exchange:2025-11-07", "b:84": None}
    (unattached,) = [c for c in attached(claims) if c.doc_id == "b"]
    assert (unattached.event_key, unattached.attach_reason) == ("", "no usable date and no name")


def _extract(text: str, lang: str, published: str | None) -> list[Claim]:
    return [
        c for c in extract_claims([Page(1, text, "plain")], [lang], [], [], None, published) if c.kind == "quantity"
    ]


def test_a_stage_whose_date_is_in_an_earlier_paragraph_keeps_that_date() -> None:
    text = (
        "The exchange began on Thursday, October 16.\n\n"
        "During the first stage, 205 Ukrainian defenders returned home.\n\n"
        "The following day, 160 more servicemen were freed."
    )
    got = [(c.value, c.event_date, c.event_stage, c.event_date_source) for c in _extract(text, "en", "2025-10-20")]
    assert got == [(205.0, "2025-10-16", 1, "context"), (160.0, "2025-10-17", None, "context")]


def test_a_historical_date_in_the_sentence_is_not_the_event_date() -> None:
    text = "Сьогодні з полону повернулися 84 військових, які перебували в полоні з 24 лютого 2022 року."
    (claim,) = _extract(text, "uk", "2025-11-07")
    assert (claim.event_date, claim.event_date_source) == ("2025-11-07", "relative")  # "сьогодні", not 2022


def test_yesterday_without_a_document_date_stays_unresolved() -> None:
    """Never resolved against the clock: no document date, no date for "вчора"."""
    (claim,) = _extract("Вчора з полону повернулися 84 військових.", "uk", None)
    assert claim.event_date is None and claim.event_key is None


def test_an_exchange_named_by_its_counts() -> None:
    text = "У межах обміну 500 на 500 додому повернулися ще 135 захисників."
    (claim,) = _extract(text, "uk", "2025-10-18")
    assert claim.value == 135 and claim.event_names == ("500-for-500",)
