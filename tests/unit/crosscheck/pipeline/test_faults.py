"""The one fault policy (crosscheck.pipeline.faults): what a bug in an extractor costs."""

from __future__ import annotations

import pytest

from crosscheck.errors import ConfigError
from crosscheck.pipeline.faults import Stage, contained, reporter
from crosscheck.records.document import DocumentInfo, FileResult
from crosscheck.records.pages import Cell, Page, Table
from nlp.lists import extract_list

LIST_TEXT = "Список осіб, звільнених з полону 24.05.2025\n1. Гайдук Степан Іванович, 04.11.1987, солдат\n"


def _result() -> FileResult:
    doc = DocumentInfo("a" * 64, "list.txt", "list.txt", 10, "2026-01-01T00:00:00+00:00", "test")
    return FileResult(location="/drop/list.txt", document=doc)


def test_a_bug_in_an_extractor_costs_its_output_only() -> None:
    result = _result()
    with contained(result, Stage.CLAIMS):
        raise KeyError("category")
    with contained(result, Stage.MENTIONS, page=2):
        raise ValueError("bad span")
    assert result.contained == {Stage.CLAIMS: 1, Stage.MENTIONS: 1}
    assert result.document.warnings == [
        "claims not extracted: KeyError: 'category'",
        "entities not extracted from page 2: ValueError: bad span",
    ]
    assert not result.failed


def test_errors_that_are_not_the_files_fault_are_not_contained() -> None:
    with pytest.raises(ConfigError), contained(_result(), Stage.CLAIMS):
        raise ConfigError("tesseract is missing")


def test_a_broken_table_costs_that_table_not_the_lists_other_rows() -> None:
    """Regression: a bug in one table used to be logged and forgotten (no warning, no count)."""
    broken = Table(rows=[[None]], method="ruled")  # type: ignore[list-item]  # a parser bug's grid
    page = Page(number=1, text=LIST_TEXT, method="plain", tables=[broken])
    result = _result()
    info, rows = extract_list([page], ["uk"], report=reporter(result, Stage.LISTS))
    assert [r.name for r in rows] == ["Гайдук Степан Іванович"] and info is not None
    assert result.contained == {Stage.LISTS: 1}
    assert result.document.warnings[0].startswith("lists: a table on page 1 skipped: AttributeError")


def test_without_a_reporter_the_bug_propagates() -> None:
    page = Page(number=1, text=LIST_TEXT, method="plain", tables=[Table(rows=[[None]], method="ruled")])  # type: ignore[list-item]
    with pytest.raises(AttributeError):
        extract_list([page], ["uk"])


def test_cells_are_still_read_when_the_grid_is_sound() -> None:
    table = Table(rows=[[Cell("Прізвище", None, None, None)]], method="ruled")
    page = Page(number=1, text=LIST_TEXT, method="plain", tables=[table])
    result = _result()
    _, rows = extract_list([page], ["uk"], report=reporter(result, Stage.LISTS))
    assert len(rows) == 1 and result.contained == {}
