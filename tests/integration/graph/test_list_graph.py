"""Lists of people in the graph: LISTED_IN rows, MEMBER_OF units, namesakes, idempotence, saved queries.

Born-digital inputs (a text PDF and a DOCX table) keep this about the graph, not OCR accuracy,
which tests/integration/nlp/lists/test_list_accuracy.py measures on degraded scans.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from crosscheck.errors import ExitCode
from tests.conftest import run_cli
from tests.fixtures.factory import make_mixed_pdf, save_docx

pytestmark = pytest.mark.integration

# Invented people. Two of them are on both lists; "Гайдук Степан Іванович" has a namesake born on
# another date, who must stay another person.
PDF_TITLE = "Список осіб, звільнених з полону 24.05.2025"
PDF_ROWS = [
    ("Гайдук Степан Іванович", "04.11.1987", "солдат", "36 ОБрМП"),
    ("Мирошник Оксана Петрівна", "17.02.1993", "сержант", "93 ОМБр"),
    ("Головатий Назар Васильович", "30.06.1979", "майор", "в/ч А4127"),
    ("Гайдук Степан Іванович", "21.08.1990", "матрос", "36 ОБрМП"),
]
DOCX_TITLE = "Перелік військовослужбовців, звільнених з полону 24.05.2025"
DOCX_ROWS = [
    ("Гайдук Степан Іванович", "04.11.1987", "солдат", "36 ОБрМП"),
    ("Мирошник Оксана Петрівна", "17.02.1993", "сержант", "93 ОМБр"),
    ("Дячук Ілля Романович", "09.12.2001", "старший солдат", "128 ОГШБр"),
]


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    lines = [f"# {PDF_TITLE}", ""] + [f"{i}. {n}, {d}, {r}, {u}" for i, (n, d, r, u) in enumerate(PDF_ROWS, 1)]
    make_mixed_pdf(folder / "released-list.pdf", [("text", lines)], title="Список")
    document = docx.Document()
    document.add_paragraph(DOCX_TITLE)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["№ з/п", "Прізвище, ім'я, по батькові", "Дата народження", "Звання", "Військова частина"],
        strict=True,
    ):
        cell.text = text
    for i, row in enumerate(DOCX_ROWS, 1):
        for cell, text in zip(table.add_row().cells, [str(i), *row], strict=True):
            cell.text = text
    save_docx(document, folder / "released-list.docx", title="Перелік", author="crosscheck tests")


@pytest.fixture
def lists_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lists"
    _write_inputs(folder)
    return folder


def test_list_rows_become_listed_in_with_provenance(rows, ingest, lists_folder):
    summary = ingest(lists_folder)
    assert summary["listed_rows"] == len(PDF_ROWS) + len(DOCX_ROWS)

    listed = rows(
        """MATCH (p:Person)-[l:LISTED_IN]->(d:Document)-[:HAS_PAGE]->(pg:Page {number: l.page})
           RETURN d.file_name AS file, d.list_title AS title, p.name AS name, p.birth_date AS born, l.row AS row,
                  l.birth_date AS birth_date, l.rank AS rank, l.unit AS unit, l.status AS status,
                  l.status_date AS status_date, l.method AS method,
                  substring(pg.text, l.start, l.end - l.start) AS span""",
    )
    by_file: dict[str, list[dict]] = {}
    for r in listed:
        by_file.setdefault(r["file"], []).append(r)
    for file, expected, title in (
        ("released-list.pdf", PDF_ROWS, PDF_TITLE),
        ("released-list.docx", DOCX_ROWS, DOCX_TITLE),
    ):
        got = sorted(by_file[file], key=lambda r: r["row"])
        assert [r["row"] for r in got] == list(range(1, len(expected) + 1))
        for r, (name, born, rank, unit) in zip(got, expected, strict=True):
            day, month, year = born.split(".")
            assert r["title"] == title
            assert r["name"] == name and r["birth_date"] == r["born"] == f"{year}-{month}-{day}"
            assert r["rank"] == rank and r["unit"] == unit
            assert name.split()[0] in r["span"] and born in r["span"]
            assert (r["status"], r["status_date"]) == ("released", "2025-05-24")


def test_namesakes_with_other_birth_dates_stay_apart(rows, ingest, lists_folder):
    ingest(lists_folder)
    people = rows(
        "MATCH (p:Person {name: $name}) RETURN p.key AS key, p.birth_date AS born ORDER BY born",
        name="Гайдук Степан Іванович",
    )
    assert [p["born"] for p in people] == ["1987-11-04", "1990-08-21"]
    assert len({p["key"] for p in people}) == 2


def test_listed_units_are_member_of_the_unit_node(rows, ingest, lists_folder):
    ingest(lists_folder)
    members = rows(
        """MATCH (p:Person)-[m:MEMBER_OF]->(u:Unit)
           RETURN p.name AS name, p.birth_date AS born, u.key AS unit, m.doc_id AS doc ORDER BY name, born, doc""",
    )
    assert len(members) == len(PDF_ROWS) + len(DOCX_ROWS)
    # The unit a list row names is the same node news mentions resolve to.
    units = rows("MATCH (u:Unit) RETURN u.key AS key")
    assert len({m["unit"] for m in members}) == len({r[3] for r in PDF_ROWS + DOCX_ROWS}) <= len(units)


def test_reingest_changes_nothing_and_saved_query_finds_people_on_two_lists(rows, ingest, lists_folder):
    ingest(lists_folder)
    snapshot = "MATCH (p:Person)-[l:LISTED_IN]->() RETURN p.key AS key, l.listed_id AS id ORDER BY id"
    before = rows(snapshot)
    again = ingest(lists_folder)
    assert again["ingested"] == 0
    assert rows(snapshot) == before

    proc = run_cli("query", "--saved", "listed-in-several-documents", "--format", "json")
    assert proc.returncode == ExitCode.OK, proc.stderr
    found = {(r["person"], r["birth_date"]): r for r in json.loads(proc.stdout)}
    assert set(found) == {("Гайдук Степан Іванович", "1987-11-04"), ("Мирошник Оксана Петрівна", "1993-02-17")}
    assert all(r["documents"] == 2 for r in found.values())

    proc = run_cli("query", "--saved", "list-rows", "--param", "document=released-list.pdf", "--format", "json")
    assert proc.returncode == ExitCode.OK, proc.stderr
    assert [r["row"] for r in json.loads(proc.stdout)] == [1, 2, 3, 4]


def test_changed_list_replaces_its_rows(rows, ingest, lists_folder):
    ingest(lists_folder)
    (lists_folder / "released-list.docx").unlink()
    document = docx.Document()
    document.add_paragraph(DOCX_TITLE)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["ПІБ", "Дата народження", "Звання"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Дячук Ілля Романович", "09.12.2001", "старший солдат"], strict=True):
        cell.text = text
    save_docx(document, lists_folder / "released-list.docx", title="Перелік", author="crosscheck tests")
    ingest(lists_folder)
    # The old DOCX's rows are gone with it; only the PDF still lists Мирошник.
    listings = rows(
        """MATCH (p:Person {name: 'Мирошник Оксана Петрівна'})-[:LISTED_IN]->(d:Document)
           RETURN d.file_name AS file""",
    )
    assert listings == [{"file": "released-list.pdf"}]
    members = rows(
        "MATCH (p:Person {name: 'Дячук Ілля Романович'})-[m:MEMBER_OF]->() RETURN count(m) AS n",
    )
    assert members == [{"n": 0}]
