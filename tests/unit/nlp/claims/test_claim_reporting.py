"""How real reporting words its figures (issue 11): each rule with the sentence that needed it. Invented
private people; the events are invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosscheck.records.claims import Claim
from crosscheck.records.pages import Page
from nlp.claims.extract import extract_claims
from nlp.claims.link import link_claims


def _q(text: str, lang: str, published: str | None = "2025-11-07") -> list[tuple]:
    claims = extract_claims([Page(1, text, "plain")], [lang], [], [], None, published)
    return sorted(
        (c.value, c.category, c.direction, c.event_kind, c.event_date) for c in claims if c.kind == "quantity"
    )


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "en",
            "On Oct. 16, each side handed over 205 prisoners; on Oct. 17, 160; and on Oct. 18, 135.",
            [
                (135.0, "prisoners_of_war", "both", "exchange", "2025-10-18"),
                (160.0, "prisoners_of_war", "both", "exchange", "2025-10-17"),
                (205.0, "prisoners_of_war", "both", "exchange", "2025-10-16"),
            ],
            id="en-elliptical-counts-each-with-its-day",
        ),
        pytest.param(
            "en",
            "On Nov. 7, in a separate operation, Ukraine received 1,000 bodies and returned 24 to Russia.",
            [
                (24.0, "bodies", "to_russia", "repatriation", "2025-11-07"),
                (1000.0, "bodies", "to_ukraine", "repatriation", "2025-11-07"),
            ],
            id="en-count-then-where-it-went",
        ),
        pytest.param(
            "ru",
            "Из украинского плена в пятницу возвращены 185 российских военнослужащих. Взамен украинской стороне "
            "передали 185 военнопленных ВСУ.",
            [
                (185.0, "prisoners_of_war", "to_ukraine", "release", "2025-11-07"),
                (185.0, "servicemen", "to_russia", "release", "2025-11-07"),
            ],
            id="ru-nationality-is-the-direction",
        ),
        pytest.param(
            "uk",
            "Україні передали тіла 1000 загиблих, які, за інформацією російської сторони, належать українським "
            "військовим. Росія отримала 24 тіла.",
            [
                (24.0, "bodies", "to_russia", "repatriation", "2025-11-07"),
                (1000.0, "bodies", "to_ukraine", "repatriation", "2025-11-07"),
            ],
            id="uk-bodies-counted-before-the-number",
        ),
        pytest.param(
            "ru",
            "Россия и Украина в пятницу провели обмен: стороны передали друг другу по 160 человек.",
            [(160.0, "people", "both", "exchange", "2025-11-07")],
            id="ru-each-other-is-a-swap",
        ),
        pytest.param(
            "uk",
            "Загалом із початку повномасштабного вторгнення з полону вдалося повернути 6 317 українців.",
            [(6317.0, "people", "to_ukraine", "exchange", None)],
            id="uk-running-total-has-no-event",
        ),
        pytest.param(
            "en",
            "Ukraine brought home 135 people on Friday; 31 of the freed Ukrainian soldiers were seriously wounded.",
            [
                (31.0, "wounded", "to_ukraine", "release", "2025-11-07"),
                (135.0, "people", "to_ukraine", "release", "2025-11-07"),
            ],
            id="en-n-of-them-wounded",
        ),
    ],
)
def test_reporting_forms(lang: str, text: str, expected: list[tuple]) -> None:
    assert _q(text, lang) == expected


def test_a_russian_side_report_returns_russians_with_a_bare_return() -> None:
    """A Russian newspaper's "вернулись 500 наших военнослужащих" is Russia's return, once it says Russians
    came back and never that Ukrainians did."""
    text = (
        "На заключительном этапе из плена вернулись 135 российских военнослужащих.\n\n"
        "Всего за три дня на родину вернулись 500 наших военнослужащих."
    )
    got = {c.value: c for c in extract_claims([Page(1, text, "plain")], ["ru"], [], [], None, "2025-10-21")}
    assert got[500.0].direction == "to_russia" and got[500.0].event_span_days == 3
    assert got[135.0].event_stage == -1  # the final stage: its number comes from other sources


def test_a_year_less_dateline_gives_days_of_an_unknown_year() -> None:
    text = "KYIV, Oct 18 (Crosscheck Wire) - Ukraine brought home 135 servicemen in the final stage."
    (claim,) = [c for c in extract_claims([Page(1, text, "plain")], ["en"], [], [], None, None) if c.value]
    assert (claim.event_date, claim.event_date_source) == ("--10-18", "yearless-report")


def test_still_held_beats_the_release_the_sentence_denies() -> None:
    text = (
        "Її син, Роман Вигаданий, значився у списку звільнених під час обміну 16 жовтня, однак досі перебуває "
        "в російському полоні."
    )
    start = text.index("Роман Вигаданий")
    from crosscheck.records.facts import Mention

    name = "Роман Вигаданий"
    person = Mention("PERSON", start, start + len(name), name, text, "rmn vHdn", name, 1.0, "test", page=1)
    claims = extract_claims([Page(1, text, "plain")], ["uk"], [person], [], None, "2025-11-12")
    assert [(c.status, c.status_date) for c in claims if c.kind == "status"] == [("held", "2025-11-12")]


def _status(doc: str, key: str, status: str, day: str) -> Claim:
    return Claim(
        "status", 1, 0, 1, "", "uk", 0.8, "test", status=status, status_date=day, subject_key=key,
        doc_id=doc, claim_id=f"{doc}:{status}",
    )  # fmt: skip


def test_a_list_row_with_a_birth_date_meets_an_appeal_without_one() -> None:
    listed = _status("list", "rmn vHdn|1994-02-03", "released", "2025-10-16")
    appeal = _status("appeal", "rmn vHdn", "held", "2025-11-12")
    links = link_claims([listed, appeal], [])
    assert [(link.a, link.b, link.type) for link in links] == [("appeal:held", "list:released", "CONTRADICTS")]
    # with a namesake born another day on record, the appeal's man could be either: no link for him
    namesake = _status("other", "rmn vHdn|1980-01-01", "held", "2025-11-12")
    assert not [link for link in link_claims([listed, appeal, namesake], []) if "appeal:held" in (link.a, link.b)]


def test_a_return_joins_the_exchange_of_its_day_unless_it_was_unilateral() -> None:
    from nlp.claims.events import resolve_events

    def placed(text: str, doc: str) -> list[Claim]:
        claims = extract_claims([Page(1, text, "plain")], ["en"], [], [], None, "2025-11-07")
        return [replace(c, doc_id=doc, claim_id=f"{doc}:{c.value:g}") for c in claims if c.kind == "quantity"]

    exchange = placed("On 7 November Ukraine and Russia exchanged 185 prisoners each.", "a")
    returned = placed("On 7 November, 185 Ukrainians returned home.", "b")
    unilateral = placed("On 7 November Russia unilaterally released 12 civilians to Ukraine.", "c")
    found = resolve_events(exchange + returned + unilateral)
    assert {k: a.event.key for k, a in found.items()} == {
        "a:185": "exchange:2025-11-07",
        "b:185": "exchange:2025-11-07",
        "c:12": "release:2025-11-07",
    }
