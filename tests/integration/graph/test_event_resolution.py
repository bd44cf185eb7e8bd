"""Events and links on real-style reporting (issue 11): each failure seen on the sealed set, over the real graph.

Inputs: tests/fixtures/event_reports.py (plain-text reports of one invented three-stage exchange and a
one-day exchange; no metadata, file times years off).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.event_reports import REPORTS, make_event_reports

pytestmark = pytest.mark.integration

Rows = Callable[..., list[dict]]

CLAIMS = """
MATCH (c:Claim {kind: 'quantity'})-[:STATED_IN]->(d:Document)
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
RETURN d.file_name AS doc, c.value AS value, c.event_key AS key, e.key AS event, c.attach_confidence AS confidence,
       c.attach_reason AS reason, c.claim_id AS id
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("event-reports")
    make_event_reports(folder)
    return folder


@pytest.fixture
def reports(rows: Rows, ingest, folder: Path) -> Rows:
    assert ingest(folder)["exit_code"] == 0
    return rows


def _claim(rows: Rows, doc: str, value: float) -> dict:
    (found,) = [r for r in rows(CLAIMS) if r["doc"] == doc and r["value"] == value]
    assert found["key"] == found["event"], "the claim's event_key is the Event it is ABOUT"
    return found


def _linked(rows: Rows, a: dict, b: dict) -> list[str]:
    return [
        r["type"]
        for r in rows(
            "MATCH (a:Claim {claim_id: $a})-[r:CORROBORATES|CONTRADICTS]-(b:Claim {claim_id: $b}) "
            "RETURN type(r) AS type",
            a=a["id"],
            b=b["id"],
        )
    ]


def test_a_text_file_without_metadata_is_dated_by_its_dateline_and_its_claims_meet(reports: Rows) -> None:
    """No metadata: the dateline dates the report, "on Friday" resolves against it, and the stage meets the
    recap that dated it in an earlier paragraph."""
    (doc,) = reports(
        "MATCH (d:Document {file_name: 'stage2-wire-en.txt'}) RETURN d.published AS p, d.published_source AS s"
    )
    assert (doc["p"], doc["s"]) == ("2025-10-17", "dateline")
    wire = _claim(reports, "stage2-wire-en.txt", 160)
    assert wire["event"] == "exchange:2025-10-17:stage2"


def test_yesterday_in_a_file_ingested_long_after_it_was_written(reports: Rows) -> None:
    """ "Вчера" resolves against the report's dateline (16 October 2024), not the day of ingestion nor the
    file's time."""
    old = _claim(reports, "old-yesterday-ru.txt", 95)
    assert old["event"] == "exchange:2024-10-15"


def test_a_stage_whose_date_is_in_an_earlier_paragraph(reports: Rows) -> None:
    first = _claim(reports, "recap-uk.txt", 205)
    assert first["event"] == "exchange:2025-10-16:stage1"
    # "Наступного дня …": the day after, which the wire calls the second stage
    following = _claim(reports, "recap-uk.txt", 160)
    wire = _claim(reports, "stage2-wire-en.txt", 160)
    assert following["event"] == wire["event"] == "exchange:2025-10-17:stage2"
    assert _linked(reports, following, wire) == ["CORROBORATES"]


def test_two_reports_one_day_apart_are_about_one_event(reports: Rows) -> None:
    """ "Late on Thursday" in a report dated the 24th, and a report of the 25th dated only by its dateline."""
    night = _claim(reports, "night-en.txt", 84)
    morning = _claim(reports, "morning-uk.txt", 84)
    assert night["event"] == morning["event"] == "exchange:2025-10-23"
    assert morning["confidence"] < night["confidence"]
    assert "document's date" in morning["reason"]
    assert _linked(reports, night, morning) == ["CORROBORATES"]


def test_an_event_called_by_its_name_only(reports: Rows) -> None:
    named = _claim(reports, "named-only-en.txt", 500)
    total = _claim(reports, "total-en.md", 500)
    assert named["event"] == total["event"] == "exchange:2025-10-16..2025-10-18"
    assert "500-for-500" in named["reason"] and named["confidence"] < total["confidence"]
    assert _linked(reports, named, total) == ["CORROBORATES"]
    (event,) = reports(
        """MATCH (e:Event {key: $k})<-[:ABOUT]-(c:Claim)
           RETURN e.names AS names, count(DISTINCT c.doc_id) AS sources""",
        k=total["event"],
    )
    assert event == {"names": ["500-for-500"], "sources": 2}
    (figure,) = reports(
        "MATCH (f:Figure {event_key: $k}) WHERE f.value = 500.0 RETURN f.claims AS claims, size(f.first) AS first",
        k=total["event"],
    )
    assert figure == {"claims": 2, "first": 2}


def test_a_day_without_its_year_meets_the_event_of_that_day(reports: Rows) -> None:
    """ "KYIV, Oct 17 —" and no year anywhere: the document stays undated, its claim joins the second stage."""
    (doc,) = reports("MATCH (d:Document {file_name: 'yearless-wire-en.txt'}) RETURN d.published_source AS s")
    assert doc["s"] == "none"
    yearless = _claim(reports, "yearless-wire-en.txt", 160)
    assert yearless["event"] == "exchange:2025-10-17:stage2" and "without its year" in yearless["reason"]
    assert _linked(reports, yearless, _claim(reports, "stage2-wire-en.txt", 160)) == ["CORROBORATES"]


def test_the_order_documents_arrive_in_changes_nothing(
    reports: Rows, ingest, graph, folder: Path, tmp_path: Path
) -> None:
    """Reports that only guess the date arrive first, the ones that write it last, one at a time: the same
    events, attachments and links as all at once."""

    def snapshot() -> tuple[list, int]:
        claims = sorted((r["id"], r["event"], r["confidence"]) for r in reports(CLAIMS))
        links = reports("MATCH (:Claim)-[r:CORROBORATES|CONTRADICTS]->(:Claim) RETURN count(r) AS n")[0]["n"]
        return claims, links

    together = snapshot()
    graph.write(lambda tx: tx.run("MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n").consume())
    for name in sorted(REPORTS, reverse=True):
        one = tmp_path / name.replace(".", "-")
        one.mkdir()
        (one / name).write_bytes((folder / name).read_bytes())
        ingest(one)
    assert snapshot() == together


def test_no_corroboration_across_stages_or_events(reports: Rows) -> None:
    across = reports(
        """MATCH (a:Claim)-[r:CORROBORATES]-(b:Claim) WHERE r.event_key IS NOT NULL
           MATCH (a)-[:ABOUT]->(ea:Event), (b)-[:ABOUT]->(eb:Event)
           WHERE ea.key <> eb.key RETURN count(r) AS n"""
    )
    assert across == [{"n": 0}]


def test_the_press_secretary_apposition_names_the_speaker(reports: Rows) -> None:
    speakers = reports(
        """MATCH (c:Claim)-[:STATED_IN]->(:Document {file_name: 'peskov-en.txt'})
           MATCH (c)-[:SAID_BY]->(p) RETURN DISTINCT p.name AS name"""
    )
    assert speakers == [{"name": "Dmitry Peskov"}]


def test_events_and_document_dates_are_saved_queries(reports: Rows, folder: Path) -> None:
    from tests.conftest import run_cli

    events = run_cli("query", "--saved", "events", "--format", "json")
    assert events.returncode == 0, events.stderr
    assert "exchange:2025-10-16..2025-10-18" in events.stdout
    dates = run_cli("query", "--saved", "document-dates", "--format", "json")
    assert dates.returncode == 0 and "dateline" in dates.stdout


def test_re_ingesting_changes_nothing(reports: Rows, ingest, folder: Path) -> None:
    before = sorted((r["id"], r["event"], r["confidence"]) for r in reports(CLAIMS))
    links = reports("MATCH (a:Claim)-[r:CORROBORATES|CONTRADICTS]->(b:Claim) RETURN count(r) AS n")
    ingest(folder, "--force")
    assert sorted((r["id"], r["event"], r["confidence"]) for r in reports(CLAIMS)) == before
    assert reports("MATCH (a:Claim)-[r:CORROBORATES|CONTRADICTS]->(b:Claim) RETURN count(r) AS n") == links
