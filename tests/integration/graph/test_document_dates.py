"""Document dates with provenance, through the real ``crosscheck ingest`` into the real graph: each Document says
the date it speaks from and where that date came from (metadata -> dateline -> text -> file -> none), relative
dates resolve against that date only, and the ``document-dates`` saved query shows how every document was dated.
The inputs are ``tests/fixtures/document_dates.py``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from crosscheck.errors import ExitCode
from tests.conftest import run_cli
from tests.fixtures.document_dates import DatedDocument, make_dated_documents

pytestmark = pytest.mark.integration

DOCUMENTS = """
MATCH (d:Document)
RETURN d.file_name AS file, d.published AS published, d.published_source AS source, d.file_date AS file_date,
       d.status AS status
"""

CLAIMS = """
MATCH (c:Claim)-[:STATED_IN]->(d:Document)
RETURN d.file_name AS file, c.kind AS kind, c.value AS value, c.event_date AS event_date, c.event_key AS event_key,
       c.status_date AS status_date
"""


@pytest.fixture
def dated(graph, ingest, tmp_path) -> dict[str, DatedDocument]:
    """The six documents ingested into the graph, emptied first (hence ``graph``)."""
    expected = make_dated_documents(tmp_path / "dated")
    summary = ingest(tmp_path / "dated")
    assert summary["failed"] == 0, summary["failures"]
    return expected


def _clock_days() -> set[str]:
    """Days a relative date resolved against the clock could give: today (UTC or local) and a week around it."""
    today = datetime.now(UTC).date()
    return {(today + timedelta(days=n)).isoformat() for n in range(-8, 9)} | {date.today().isoformat()}


def test_documents_without_metadata_are_dated_from_dateline_text_or_file_not_left_undated(dated, rows):
    stored = {r["file"]: r for r in rows(DOCUMENTS)}
    assert set(stored) == set(dated)
    for name, doc in dated.items():
        got = stored[name]
        assert (got["source"], got["published"], got["file_date"]) == (doc.source, doc.published, doc.file_date), name


def test_a_pdf_creation_date_is_the_file_date_and_never_the_publication_metadata(dated, rows):
    pdf = next(r for r in rows(DOCUMENTS) if r["file"] == "created-uk.pdf")
    # It dates the document only because nothing in the text does, and it says so.
    assert pdf["source"] == "file" and pdf["file_date"] == "2025-05-26T09:00:00+00:00"
    assert pdf["published"] == "2025-05-26"


def test_yesterday_in_a_file_without_date_is_not_resolved_against_the_clock(dated, rows):
    undated = {name for name, d in dated.items() if d.source == "none"}
    claims = [c for c in rows(CLAIMS) if c["file"] in undated]
    # The documents do state their numbers: the claims are there, only their dates are unknown.
    assert {c["value"] for c in claims if c["kind"] == "quantity"} >= {dated[n].value for n in undated}
    for c in claims:
        assert c["event_date"] is None and c["event_key"] is None, c
        assert c["status_date"] is None, c
    clock = _clock_days()
    assert not [c for c in rows(CLAIMS) if c["event_date"] in clock or c["status_date"] in clock]


def test_relative_dates_resolve_against_the_documents_own_date_not_the_day_of_ingestion(dated, rows):
    claims = rows(CLAIMS)
    for name, doc in dated.items():
        if doc.event_date is None:
            continue
        stated = [c for c in claims if c["file"] == name and c["kind"] == "quantity" and c["value"] == doc.value]
        assert stated, f"{name}: no claim of {doc.value}"
        assert {c["event_date"] for c in stated} == {doc.event_date}, name


def test_document_dates_query_lists_every_document_with_its_source_undated_last(dated):
    proc = run_cli("query", "--saved", "document-dates", "--format", "json")
    assert proc.returncode == ExitCode.OK, proc.stderr
    listed = json.loads(proc.stdout)
    assert list(listed[0]) == ["document", "title", "language", "published", "published_source", "file_date"]
    by_file = {r["document"]: r for r in listed}
    assert set(by_file) == set(dated)
    for name, doc in dated.items():
        row = by_file[name]
        assert (row["published"], row["published_source"], row["file_date"]) == (
            doc.published,
            doc.source,
            doc.file_date,
        ), name
    assert by_file["text-en.txt"]["language"] == "en" and by_file["dateline-uk.txt"]["language"] == "uk"
    assert by_file["created-uk.pdf"]["title"] == "Повідомлення штабу"
    # Newest first; the undated ones are listed too, last.
    days = [(r["published"] or "")[:10] for r in listed]
    assert days == sorted(days, reverse=True)
    assert [r["published_source"] for r in listed][-2:] == ["none", "none"]
