"""The worker dates each document once (crosscheck.pipeline.worker._date): the date and its source go on the
Document, the file's own date beside them, and a bug in dating is contained like an extractor's."""

from __future__ import annotations

import pytest

from crosscheck.pipeline import worker
from crosscheck.pipeline.faults import Stage
from crosscheck.records.document import DocumentInfo, FileResult
from crosscheck.records.pages import Page, ParsedDocument
from crosscheck.settings import Settings

SETTINGS = Settings()


def _result() -> FileResult:
    doc = DocumentInfo("a" * 64, "report.txt", "report.txt", 10, "2026-01-01T00:00:00+00:00", "test")
    return FileResult(location="/drop/report.txt", document=doc)


def _parsed(text: str, published: str | None = None, file_date: str | None = None) -> ParsedDocument:
    page = Page(number=1, text=text, method="plain")
    return ParsedDocument(media_type="text/plain", pages=[page], published=published, file_date=file_date)


def test_publication_metadata_dates_the_document_with_its_own_value() -> None:
    result = _result()
    dated = worker._date(
        result, _parsed("Обмін відбувся вчора.", published="2025-05-24T10:00:00+03:00"), ["uk"], SETTINGS
    )
    assert (dated.source, str(dated.date)) == ("metadata", "2025-05-24")
    doc = result.document
    assert (doc.published, doc.published_source, doc.file_date) == ("2025-05-24T10:00:00+03:00", "metadata", None)


def test_a_file_date_dates_only_a_document_whose_text_has_no_date() -> None:
    result = _result()
    worker._date(result, _parsed("Обмін відбувся вчора.", file_date="2025-05-26T08:00:00+00:00"), ["uk"], SETTINGS)
    doc = result.document
    assert (doc.published, doc.published_source, doc.file_date) == ("2025-05-26", "file", "2025-05-26T08:00:00+00:00")


def test_a_date_in_the_text_beats_the_file_date() -> None:
    result = _result()
    # Past the dateline's first 300 characters: a date of the body, not of the head.
    text = "Обмін відбувся у п'ятницю. " * 12 + "За даними штабу, 23 травня 2025 року повернулися 390 людей."
    worker._date(result, _parsed(text, file_date="2025-06-30T08:00:00+00:00"), ["uk"], SETTINGS)
    assert (result.document.published, result.document.published_source) == ("2025-05-23", "text")


def test_an_undated_document_says_so_instead_of_taking_the_clock() -> None:
    result = _result()
    dated = worker._date(result, _parsed("Обмін відбувся вчора."), ["uk"], SETTINGS)
    assert dated.date is None and dated.source == "none"
    assert (result.document.published, result.document.published_source) == (None, "none")


def test_a_bug_in_dating_leaves_the_document_undated_and_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise KeyError("month")

    monkeypatch.setattr(worker, "document_date", broken)
    result = _result()
    dated = worker._date(result, _parsed("Київ, 24 травня 2025. Обмін.", file_date="2025-05-24"), ["uk"], SETTINGS)
    assert dated.date is None and dated.source == "none"
    doc = result.document
    assert (doc.published, doc.published_source, doc.file_date) == (None, "none", "2025-05-24")
    assert result.contained == {Stage.DATE: 1}
    assert doc.warnings and doc.warnings[0].startswith("document not dated")
    assert not result.failed
